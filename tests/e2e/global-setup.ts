// Builds the web app once for all browser tests (each file then only starts its own server),
// as production code: vitest sets NODE_ENV=test, which would otherwise bundle React's dev build.
import { buildWeb } from "./server.ts";

export default async function setup() {
  const mode = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await buildWeb();
  } finally {
    process.env.NODE_ENV = mode;
  }
  process.env.CIVGRID_WEB_BUILT = "1";
}
