// Importing grids from a file into a community: every feature converted to WGS84, checked by geo/
// and PostGIS, and either all saved (numbered west→east, north→south) or none.
import {
  type GridProblem,
  gridProblem,
  orderWestToEastNorthToSouth,
  type SourceCrs,
  snapToNeighbours,
  toWgs84,
} from "@civgrid/geo";
import { sql } from "drizzle-orm";
import type { Feature, MultiPolygon } from "geojson";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { type Restructured, restructure } from "../restructurings/restructure.ts";
import { validateGrid } from "../workers/validate-grid.ts";
import { fromPostgis, geometryError } from "./geometry-errors.ts";
import { lockGrid } from "./lock.ts";
import { checkGridInPostgis, SLIVER_M2 } from "./postgis-checks.ts";
import { recordGridChange, recordVersions } from "./versions.ts";
import { type Actor, communityOf, insertGrid, rerouteOpenProblems } from "./write.ts";

export interface ImportedFeature {
  index: number;
  name: string | null;
  geometry: MultiPolygon | null;
  areaM2: number | null;
  problems: GridProblem[];
}

/** The first of these properties the feature has, as text (names and codes in files vary). */
export function propertyOf(f: Feature, names: string[], maxLength = 64): string | null {
  const p = f.properties ?? {};
  const value = names.map((name) => p[name]).find((v) => v !== null && v !== undefined && v !== "");
  return value === undefined ? null : String(value).trim().slice(0, maxLength);
}

const nameOf = (f: Feature) => propertyOf(f, ["name", "NAME", "名称", "网格名称"]);

const SNAP_METRES = 3;

async function snapTargets(tx: Executor, communityId: number, replace: boolean) {
  const [community] = await selectRows<{ geometry: string }>(
    tx,
    sql`SELECT ST_AsGeoJSON(geom, 7) AS geometry FROM communities WHERE id = ${communityId}`,
  );
  const grids = await selectRows<{ id: number; geometry: string }>(
    tx,
    sql`SELECT id, ST_AsGeoJSON(geom, 7) AS geometry FROM grids WHERE community_id = ${communityId} AND deleted_at IS NULL`,
  );
  return {
    outline: JSON.parse(community?.geometry ?? "null") as MultiPolygon,
    // Grids the file replaces are neither snapped to nor overlapped.
    neighbours: replace ? [] : grids.map((g) => JSON.parse(g.geometry) as MultiPolygon),
    replaced: replace ? grids.map((g) => g.id) : [],
  };
}

/** Checks every feature against the shape rules and the community; nothing is written. */
export async function checkImport(
  tx: Executor,
  actor: Actor,
  communityId: number,
  features: Feature[],
  crs: SourceCrs,
  replace = false,
): Promise<ImportedFeature[]> {
  await communityOf(tx, actor.cityId, communityId);
  const { outline, neighbours, replaced } = await snapTargets(tx, communityId, replace);
  const checked: ImportedFeature[] = [];
  for (const [index, f] of features.entries()) {
    const verdict = await validateGrid(f.geometry ? toWgs84(f.geometry, crs) : f.geometry);
    if (verdict.ok) {
      // Files drawn on another basemap, or converted from GCJ-02, miss shared borders by a metre
      // or two: snap onto the community and its grids, as the editor does while drawing.
      verdict.geometry = snapToNeighbours(verdict.geometry, outline, neighbours, SNAP_METRES);
    }
    if (!verdict.ok) {
      checked.push({
        index,
        name: nameOf(f),
        geometry: null,
        areaM2: null,
        problems: verdict.problems.map((p) => withIndex(p, index)),
      });
      continue;
    }
    const problems = (
      await checkGridInPostgis(tx, {
        cityId: actor.cityId,
        communityId,
        geometry: verdict.geometry,
        exceptGridIds: replaced,
      })
    ).map(fromPostgis);
    const [area] = await selectRows<{ m2: number }>(
      tx,
      sql`SELECT ST_Area(ST_GeomFromGeoJSON(${JSON.stringify(verdict.geometry)})::geography)::float8 AS m2`,
    );
    checked.push({
      index,
      name: nameOf(f),
      geometry: verdict.geometry,
      areaM2: Math.round(area?.m2 ?? 0),
      problems: problems.map((p) => withIndex(p, index)),
    });
  }
  await flagOverlapsInFile(tx, checked);
  return checked;
}

/** Features of one file must not overlap each other either: the later one gets the problem. */
export async function flagOverlapsInFile(
  tx: Executor,
  checked: { index: number; geometry: MultiPolygon | null; problems: GridProblem[] }[],
) {
  for (const a of checked) {
    for (const b of checked) {
      if (!a.geometry || !b.geometry || b.index <= a.index) continue;
      const [overlap] = await selectRows<{ m2: number }>(
        tx,
        sql`SELECT ST_Area(ST_Intersection(ST_GeomFromGeoJSON(${JSON.stringify(a.geometry)}), ST_GeomFromGeoJSON(${JSON.stringify(b.geometry)}))::geography)::float8 AS m2`,
      );
      if ((overlap?.m2 ?? 0) > SLIVER_M2) {
        b.problems.push(
          gridProblem("grid.overlapInFile", {
            area: overlap?.m2 ?? 0,
            params: { featureIndex: b.index, other: a.index + 1 },
          }),
        );
      }
    }
  }
}

export function withIndex(p: GridProblem, index: number): GridProblem {
  return { ...p, params: { ...p.params, featureIndex: index } };
}

/**
 * Saves the checked features as new grids, or throws 422 with every problem. Replacing the
 * community's grids is a restructuring (teams, work and problems follow; it can be undone).
 */
export async function commitImport(
  tx: Executor,
  actor: Actor,
  communityId: number,
  checked: ImportedFeature[],
  replace = false,
  carryOver?: Record<string, string>,
): Promise<{ created: number[]; restructuringId?: number }> {
  if (replace) {
    const done = await replaceGrids(tx, actor, communityId, checked, carryOver);
    return { created: done.gridIds, restructuringId: done.restructuringId };
  }
  const problems = checked.flatMap((f) => f.problems);
  if (problems.length) throw geometryError(422, problems);
  const created = await insertImported(tx, actor, communityId, checked);
  await rerouteOpenProblems(tx, actor.cityId, created);
  return { created };
}

/**
 * The community's grids replaced by the checked features, as one restructuring; `carryOver` is
 * the coordinator's choice of which new grid takes each old one's team and work.
 */
export async function replaceGrids(
  tx: Executor,
  actor: Actor,
  communityId: number,
  checked: ImportedFeature[],
  carryOver?: Record<string, string>,
): Promise<Restructured> {
  const problems = checked.flatMap((f) => f.problems);
  if (problems.length) throw geometryError(422, problems);
  const existing = await selectRows<{ id: number; version: number }>(
    tx,
    sql`SELECT id, version FROM grids WHERE community_id = ${communityId} AND deleted_at IS NULL ORDER BY id`,
  );
  for (const grid of existing) await lockGrid(tx, actor.cityId, grid.id, grid.version);
  const before = existing.map((g) => g.id);
  const plan = { kind: "import" as const, communityId, before, carryOver };
  return restructure(tx, actor, plan, async () => {
    await tx.execute(sql`UPDATE grids SET deleted_at = now(), version = version + 1, updated_at = now()
      WHERE id = ANY(${sql.raw(`ARRAY[${before.join(",") || "0"}]::int[]`)})`);
    await recordVersions(tx, actor.cityId, before, "delete", actor.userId);
    return insertImported(tx, actor, communityId, checked);
  });
}

async function insertImported(
  tx: Executor,
  actor: Actor,
  communityId: number,
  checked: ImportedFeature[],
) {
  const shapes = checked.map((f) => ({
    type: "Feature" as const,
    properties: { name: f.name },
    geometry: f.geometry as MultiPolygon,
  }));
  const ids: number[] = [];
  for (const f of orderWestToEastNorthToSouth(shapes)) {
    const grid = await insertGrid(
      tx,
      actor,
      communityId,
      f.geometry,
      f.properties.name ?? undefined,
    );
    ids.push(grid.id);
  }
  await recordGridChange(tx, actor, ids, "create", {
    action: "import",
    entityId: null,
    after: { communityId, gridIds: ids },
  });
  return ids;
}
