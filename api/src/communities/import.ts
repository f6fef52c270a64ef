// Importing communities (社区) into a street from a file: every feature converted to WGS84, checked
// by geo/ and PostGIS (valid, named, coded, overlapping no other community), and either all saved
// (numbered west→east, north→south within the street) or none.
import {
  CITY_MARGIN_M,
  COMMUNITY_MAX_AREA_M2,
  COMMUNITY_SIZE_LIMITS,
  formatKm,
  type GridProblem,
  gridProblem,
  orderWestToEastNorthToSouth,
  type SourceCrs,
  toWgs84,
} from "@civgrid/geo";
import { sql } from "drizzle-orm";
import type { Feature, MultiPolygon } from "geojson";
import { recordAuditBy } from "../audit/record.ts";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { invalidFields } from "../errors.ts";
import { fromPostgis, geometryError } from "../grids/geometry-errors.ts";
import { flagOverlapsInFile, propertyOf, withIndex } from "../grids/import.ts";
import { geometrySql, invalidInPostgis, SLIVER_M2 } from "../grids/postgis-checks.ts";
import type { Actor } from "../grids/write.ts";
import { outlineAgainstCity } from "../problems/city-area.ts";
import { validateGrid } from "../workers/validate-grid.ts";

export interface ImportedCommunity {
  index: number;
  name: string | null;
  /** The file's own code, when it has one; otherwise one is given on saving. */
  code: string | null;
  geometry: MultiPolygon | null;
  areaM2: number | null;
  problems: GridProblem[];
}

interface Street {
  id: number;
  code: string;
  name: string;
}

async function streetOf(tx: Executor, cityId: number, streetId: number): Promise<Street> {
  const [street] = await selectRows<Street>(
    tx,
    sql`SELECT id, code, name FROM regions WHERE id = ${streetId} AND city_id = ${cityId} AND level = 'street'`,
  );
  if (!street) {
    throw invalidFields({ streetId: { key: "field.street_unknown" } });
  }
  return street;
}

const nameOf = (f: Feature) => propertyOf(f, ["name", "NAME", "名称", "社区名称", "社区"]);
const codeOf = (f: Feature) =>
  propertyOf(f, ["code", "CODE", "编码", "社区编码", "区划代码"], 20)?.replace(/\s/g, "") ?? null;

/** Checks every feature; nothing is written. */
export async function checkCommunityImport(
  tx: Executor,
  actor: Actor,
  streetId: number,
  features: Feature[],
  crs: SourceCrs,
): Promise<ImportedCommunity[]> {
  const street = await streetOf(tx, actor.cityId, streetId);
  const checked: ImportedCommunity[] = [];
  const codesInFile = new Map<string, string>();
  for (const [index, f] of features.entries()) {
    const name = nameOf(f);
    const code = codeOf(f);
    const problems: GridProblem[] = [];
    if (!name) problems.push(gridProblem("community.nameMissing"));
    if (code !== null) problems.push(...(await codeProblems(tx, actor, street, code, codesInFile)));
    if (code !== null) codesInFile.set(code, name ?? code);
    const verdict = await validateGrid(
      f.geometry ? toWgs84(f.geometry, crs) : f.geometry,
      COMMUNITY_SIZE_LIMITS,
    );
    const geometry = verdict.ok ? verdict.geometry : null;
    if (!verdict.ok) problems.push(...verdict.problems);
    else {
      problems.push(...(await postgisProblems(tx, actor.cityId, verdict.geometry)));
      problems.push(...(await cityProblems(tx, actor.cityId, verdict.geometry)));
    }
    checked.push({
      index,
      name,
      code,
      geometry,
      areaM2: geometry && (await areaOf(tx, geometry)),
      problems: problems.map((p) => withIndex(p, index)),
    });
  }
  await flagOverlapsInFile(tx, checked);
  return checked;
}

async function codeProblems(
  tx: Executor,
  actor: Actor,
  street: Street,
  code: string,
  codesInFile: Map<string, string>,
): Promise<GridProblem[]> {
  if (!/^\d{12}$/.test(code) || !code.startsWith(street.code)) {
    return [gridProblem("community.codeFormat", { params: { code, street: street.code } })];
  }
  const [taken] = await selectRows<{ name: string }>(
    tx,
    sql`SELECT name FROM communities WHERE city_id = ${actor.cityId} AND code = ${code}`,
  );
  const other = taken?.name ?? codesInFile.get(code);
  return other ? [gridProblem("community.codeTaken", { params: { code, other } })] : [];
}

/** Valid in PostGIS's eyes, and overlapping no community already in the city. */
async function postgisProblems(
  tx: Executor,
  cityId: number,
  geometry: MultiPolygon,
): Promise<GridProblem[]> {
  const invalid = await invalidInPostgis(tx, geometry);
  if (invalid) return [fromPostgis(invalid)];
  const geom = geometrySql(geometry);
  const overlaps = await selectRows<{ name: string; areaM2: number; geometry: string }>(
    tx,
    sql`SELECT name, ST_Area(i::geography)::float8 AS "areaM2", ST_AsGeoJSON(i, 7) AS geometry
        FROM (SELECT c.name, c.code, ST_Intersection(c.geom, ${geom}) AS i FROM communities c
              WHERE c.city_id = ${cityId} AND c.geom && ${geom} AND ST_Intersects(c.geom, ${geom})) o
        WHERE ST_Area(i::geography) > ${SLIVER_M2}
        ORDER BY code`,
  );
  return overlaps.map((o) =>
    gridProblem("community.overlapsCommunity", {
      area: o.areaM2,
      params: { community: o.name },
      geometry: JSON.parse(o.geometry),
    }),
  );
}

/** Near the city (within its margin) and no larger than a community may be (issue 18). */
async function cityProblems(
  tx: Executor,
  cityId: number,
  geometry: MultiPolygon,
): Promise<GridProblem[]> {
  const city = await outlineAgainstCity(tx, cityId, geometrySql(geometry));
  const problems: GridProblem[] = [];
  if (city && city.metres > CITY_MARGIN_M) {
    problems.push(gridProblem("community.farFromCity", { params: { km: formatKm(city.metres) } }));
  }
  const area = await areaOf(tx, geometry);
  if (area > COMMUNITY_MAX_AREA_M2) {
    problems.push(
      gridProblem("community.tooLarge", {
        area,
        params: {
          max: COMMUNITY_MAX_AREA_M2 / 1e6,
          city: city ? Math.round(city.cityM2 / 1e6) : "?",
        },
      }),
    );
  }
  return problems;
}

async function areaOf(tx: Executor, geometry: MultiPolygon): Promise<number> {
  const [area] = await selectRows<{ m2: number }>(
    tx,
    sql`SELECT ST_Area(${geometrySql(geometry)}::geography)::float8 AS m2`,
  );
  return Math.round(area?.m2 ?? 0);
}

/**
 * Saves the checked features as communities of the street, or throws 422 with every problem.
 * Features without a code get the street's next free sequences, west→east, north→south.
 */
export async function commitCommunityImport(
  tx: Executor,
  actor: Actor,
  streetId: number,
  checked: ImportedCommunity[],
): Promise<number[]> {
  const problems = checked.flatMap((f) => f.problems);
  if (problems.length) throw geometryError(422, problems);
  const street = await streetOf(tx, actor.cityId, streetId);
  const [last] = await selectRows<{ seq: number }>(
    tx,
    sql`SELECT coalesce(max(right(code, 3)::int), 0) AS seq FROM communities
        WHERE city_id = ${actor.cityId} AND left(code, 9) = ${street.code}`,
  );
  // Codes the file brings itself are taken too.
  const fileSeqs = checked.flatMap((f) => (f.code ? [Number(f.code.slice(9))] : []));
  let seq = Math.max(last?.seq ?? 0, ...fileSeqs);
  const shapes = checked.map((f) => ({
    type: "Feature" as const,
    properties: { name: f.name ?? "", code: f.code },
    geometry: f.geometry as MultiPolygon,
  }));
  const ids: number[] = [];
  for (const f of orderWestToEastNorthToSouth(shapes)) {
    const code = f.properties.code ?? `${street.code}${String(++seq).padStart(3, "0")}`;
    const [row] = await selectRows<{ id: number }>(
      tx,
      sql`INSERT INTO communities (city_id, street_id, code, name, geom)
          VALUES (${actor.cityId}, ${street.id}, ${code}, ${f.properties.name}, ${geometrySql(f.geometry)})
          RETURNING id`,
    );
    if (!row) throw new Error("the community was not written");
    ids.push(row.id);
  }
  await recordAuditBy(tx, actor, {
    action: "import",
    entity: "community",
    entityId: null,
    after: { streetId, communityIds: ids },
  });
  return ids;
}
