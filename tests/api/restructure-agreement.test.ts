// The server's split and merge checks (PostGIS, thresholds passed from geo/) give the same answers
// as geo/'s, which the editor's preview runs: the same fixtures fed to both, on both engines.
import { mayMerge, splitPieces } from "@civgrid/api";
import { mergeGrids, splitGrid } from "@civgrid/geo";
import { sql } from "drizzle-orm";
import type { Polygon } from "geojson";
import { expect, it } from "vitest";
import { mergeFixtures, splitFixtures } from "../../geo/test/restructure-fixtures.ts";
import { describeEachEngine } from "./engines.ts";

const shape = (p: Polygon) => sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(p)}), 4326)`;

describeEachEngine("split and merge rules agree with geo/", (ctx) => {
  it.each(mergeFixtures)("judges grids with $name as geo/ does", async ({ a, b }) => {
    const server = await mayMerge(ctx().db.orm, shape(a), shape(b));
    expect(server).toBe(mergeGrids(a, b).ok);
  });

  it.each(splitFixtures)("cuts $name as geo/ does", async ({ grid, line }) => {
    const server = await splitPieces(ctx().db.orm, shape(grid), line);
    const browser = splitGrid(grid, line);
    expect(server?.length ?? 0).toBe(browser.ok ? browser.pieces.length : 0);
  });
});
