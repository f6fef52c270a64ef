// The database tests' global setup: the demo city once per run, on both engines, for every test
// file to copy (tests/api/engines.ts).
import type { TestProject } from "vitest/node";
import { demoCityTarball, demoCityTemplate } from "./demo-city.ts";
import { serverUnavailable } from "./server-databases.ts";

export default async function setup(project: TestProject) {
  // Without a server, engines.ts skips the server tests (or fails them under CI=true) and says why.
  const serverless = await serverUnavailable();
  const [tarball, template] = await Promise.all([
    demoCityTarball(),
    serverless ? null : demoCityTemplate(),
  ]);
  project.provide("demoCityTarball", tarball.file);
  project.provide("demoCityTemplate", template?.name ?? null);
  return async () => {
    await template?.drop();
    await tarball.remove();
  };
}
