// The API's OpenAPI document passes Redocly's recommended rules (tests/redocly.yaml).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createApp } from "@civgrid/api";
import { lint, loadConfig } from "@redocly/openapi-core";
import { expect, it } from "vitest";
import { openDemoCity } from "./engines.ts";

const configPath = fileURLToPath(new URL("../redocly.yaml", import.meta.url));

it("lints clean with the recommended rules: every operation named, secured, answered", async () => {
  // The document needs no data, but the anonymous request for it is counted in request_throttles:
  // a copy of the prepared demo city has the tables without migrating an empty database.
  const { db, drop } = await openDemoCity("pglite");
  const app = createApp({ db, cityId: 1, basemapUrl: null });
  const response = await app.request("/api/openapi.json");
  expect(response.status).toBe(200);
  const dir = await mkdtemp(path.join(tmpdir(), "civgrid-openapi-"));
  try {
    const file = path.join(dir, "openapi.json");
    const text = await response.text();
    const document = JSON.parse(text);
    // The reference page calls this server only: no server of the document names another host.
    for (const server of document.servers) expect(server.url).toMatch(/^\/(?!\/)/);
    expect(document.components.securitySchemes.session).toMatchObject({ in: "cookie" });
    expect(document.paths["/api/health"].get.security).toEqual([]);
    expect(document.paths["/api/problems"].post.security).toEqual([{ session: [] }]);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/open311/v2/requests.{format}",
        "/ogc",
        "/tiles/{layer}/{z}/{x}/{y}",
      ]),
    );
    await writeFile(file, text);
    const problems = await lint({ ref: file, config: await loadConfig({ configPath }) });
    const found = problems.map(
      (p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`,
    );
    expect(found).toEqual([]);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await db.close();
    await drop();
  }
}, 120_000);
