import type { Feature, FeatureCollection } from "geojson";
import { describe, expect, it } from "vitest";
import { expectedOutput, fixtureNames, readFixture } from "../test/fixtures.ts";
import { formatProblem } from "./messages.ts";
import { validateGridGeometry } from "./validate-grid.ts";

// The same fixtures can feed the database's own checks (PostGIS ST_IsValid) for the same verdicts.
describe("validateGridGeometry on the fixtures in test/fixtures/in/validate-grid", () => {
  it.each(fixtureNames("validate-grid"))("%s", (name) => {
    const input = readFixture<FeatureCollection>(`in/validate-grid/${name}.geojson`);
    const verdict = validateGridGeometry(input.features[0] as Feature);
    const summary = verdict.ok
      ? { ok: true, parts: verdict.geometry.coordinates.length }
      : {
          ok: false,
          problems: verdict.problems.map((p) => ({ code: p.code, at: p.at, zh: formatProblem(p) })),
        };
    expect(summary).toEqual(expectedOutput(`validate-grid/${name}.json`, summary));
  });
});
