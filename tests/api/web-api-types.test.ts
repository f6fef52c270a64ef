// The web's types of the API's answers are generated from the API's own OpenAPI document: the
// committed web/src/api/schema.gen.ts must be what the generator writes for the routes as they are.
import { readFile } from "node:fs/promises";
import { expect, it } from "vitest";
import { apiTypes, schemaFile } from "../../web/scripts/api-types.ts";

it("web/src/api/schema.gen.ts is up to date (else run `pnpm --filter @civgrid/web api-types`)", async () => {
  const committed = await readFile(schemaFile, "utf8");
  expect(committed === (await apiTypes())).toBe(true);
}, 120_000);
