// The web's types of the API's answers are generated from the API's own OpenAPI document: the
// committed web/src/api/schema.gen.ts must be what the generator writes for the routes as they are.
import { readFile } from "node:fs/promises";
import { expect, it } from "vitest";
import { apiTypes, schemaFile } from "../../web/scripts/api-types.ts";
import { openDemoCity } from "./engines.ts";

it("web/src/api/schema.gen.ts is up to date (else run `pnpm --filter @civgrid/web api-types`)", async () => {
  const committed = await readFile(schemaFile, "utf8");
  // A copy of the prepared demo city: migrated already, so the generator need not migrate.
  const { db, drop } = await openDemoCity("pglite");
  try {
    expect(committed === (await apiTypes(db))).toBe(true);
  } finally {
    await db.close();
    await drop();
  }
}, 120_000);
