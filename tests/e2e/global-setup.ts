// Builds the web app once for all browser tests (each file then only starts its own server),
// as production code: vitest sets NODE_ENV=test, which would otherwise bundle React's dev build.
// Prepares the demo city's data directory once too: each server starts on its own copy of it
// instead of creating PostGIS, migrating and loading the city itself (tests/api/demo-city.ts).
import type { TestProject } from "vitest/node";
import { demoCityTarball } from "../api/demo-city.ts";
import { buildWeb } from "./server.ts";

export default async function setup(project: TestProject) {
  const mode = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await buildWeb();
  } finally {
    process.env.NODE_ENV = mode;
  }
  process.env.CIVGRID_WEB_BUILT = "1";
  const tarball = await demoCityTarball();
  project.provide("demoCityTarball", tarball.file);
  return tarball.remove;
}
