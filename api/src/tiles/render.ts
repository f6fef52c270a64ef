// One function makes a vector tile on either engine. PostgreSQL + PostGIS clips with ST_AsMVTGeom
// and encodes with ST_AsMVT. The embedded PostGIS (PGlite) is compiled without protobuf-c, so it
// has neither: there the same layer query clips with plain PostGIS functions and @maplibre/vt-pbf
// encodes the features in Node. Problem cells (below PROBLEM_POINTS_MIN_ZOOM) have no geometry to
// clip: on both engines the database sums them and cell-tile.ts encodes them.
import { fromGeojsonVt } from "@maplibre/vt-pbf";
import { type SQL, sql } from "drizzle-orm";
import type { Geometry } from "geojson";
import type { Db } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import type { Scope } from "../policy/scope.ts";
import { type CellArrays, encodeCells, sumCells } from "./cell-tile.ts";
import {
  EXTENT,
  envelope,
  layerQuery,
  PROBLEM_POINTS_MIN_ZOOM,
  problemCellsQuery,
  type TileAddress,
  type TileGeometry,
  type TileLayer,
} from "./layers.ts";

/** A tile's bytes and the data version (tile_versions) they were drawn from. */
export interface RenderedTile {
  body: Uint8Array;
  /** tile_versions.version as text ("0" before the layer's first write); bigint, so not a number. */
  version: string;
}

/** The layer's data version in the city, from tile_versions; "0" before its first write. */
export function versionQuery(cityId: number, layer: TileLayer): SQL {
  return sql`SELECT coalesce((SELECT version FROM tile_versions
    WHERE city_id = ${cityId} AND layer = ${layer}), 0)::text AS version`;
}

/**
 * The server's tile: ST_AsMVT over the layer query clipped by ST_AsMVTGeom (the bench times it
 * alone). `also`: more columns beside the tile, computed once (the data version).
 */
export function mvtQuery(layer: TileLayer, tile: TileAddress, scope: Scope, also = sql``): SQL {
  const geom: TileGeometry = (wgs84, buffer) =>
    sql`ST_AsMVTGeom(ST_Transform(${wgs84}, 3857), ${envelope(tile)}, ${EXTENT}, ${buffer}, true)`;
  return sql`SELECT ST_AsMVT(t.*, ${layer}::text, ${EXTENT}, 'geom', 'id') AS tile ${also}
    FROM (${layerQuery(layer, tile, scope, geom)}) t WHERE t.geom IS NOT NULL`;
}

/**
 * A volunteer's scope names their grids inside the statement text, which would leave one
 * prepared statement per volunteer on every connection; the other scopes' texts are a handful.
 */
const preparable = (scope: Scope) => scope.kind !== "grids";

/** Whether the tile is problem cells (cell-tile.ts) rather than features of the layer query. */
export const isCellTile = (layer: TileLayer, tile: TileAddress) =>
  layer === "problems" && tile.z < PROBLEM_POINTS_MIN_ZOOM;

/**
 * A cell tile's statement: the data version beside the cells' rows gathered into arrays, in one
 * snapshot (one row, whether the tile has cells or not). The bench times it alone.
 */
export function cellsQuery(tile: TileAddress, scope: Scope): SQL {
  return sql`SELECT (${versionQuery(scope.cityId, "problems")}) AS version,
      array_agg(c.cell) AS cells, array_agg(c.problems) AS problems, array_agg(c.open) AS open,
      array_agg(c.overdue) AS overdue
    FROM (${problemCellsQuery(tile, scope)}) c`;
}

export async function renderTile(
  db: Db,
  layer: TileLayer,
  tile: TileAddress,
  scope: Scope,
): Promise<RenderedTile> {
  if (isCellTile(layer, tile)) {
    const query = cellsQuery(tile, scope);
    const [cells] = preparable(scope)
      ? await db.prepared<CellArrays & { version: string }>(query)
      : await selectRows<CellArrays & { version: string }>(db.orm, query);
    if (!cells) throw new Error("an aggregate without GROUP BY answers one row");
    return { body: encodeCells(layer, sumCells(cells)), version: cells.version };
  }
  if (db.engine === "postgres") {
    // One statement, so the version is read in the same snapshot as the features it labels; a
    // column beside the tile rather than the tile in a subquery, which would forgo parallel plans.
    const query = mvtQuery(
      layer,
      tile,
      scope,
      sql`, (${versionQuery(scope.cityId, layer)}) AS version`,
    );
    const [row] = preparable(scope)
      ? await db.prepared<{ tile: Uint8Array | null; version: string }>(query)
      : await selectRows<{ tile: Uint8Array | null; version: string }>(db.orm, query);
    return { body: new Uint8Array(row?.tile ?? []), version: row?.version ?? "0" };
  }
  // The version first: the features read after it are at least as new as the number they are
  // cached under (a write in between makes a later request miss, never serve stale).
  const [current] = await selectRows<{ version: string }>(
    db.orm,
    versionQuery(scope.cityId, layer),
  );
  const rows = await selectRows<{ properties: Record<string, unknown>; geojson: string }>(
    db.orm,
    sql`SELECT to_jsonb(t) - 'geom' AS properties, ST_AsGeoJSON(t.geom) AS geojson
        FROM (${layerQuery(layer, tile, scope, clipToTile(tile))}) t WHERE t.geom IS NOT NULL`,
  );
  const version = current?.version ?? "0";
  const features = rows.map(({ properties: { id, ...properties }, geojson }) => ({
    id,
    ...vtGeometry(JSON.parse(geojson) as Geometry),
    // ST_AsMVT leaves out NULL properties and takes the id column as the feature id; so do we.
    tags: Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== null)),
  }));
  if (features.length === 0) return { body: new Uint8Array(), version };
  return {
    body: fromGeojsonVt({ [layer]: { features } as never }, { version: 2, extent: EXTENT }),
    version,
  };
}

/**
 * What ST_AsMVTGeom does, from functions the embedded PostGIS has: clip to the tile plus a margin,
 * scale into 0…4096 with y pointing down, snap to whole units, exterior rings of positive area
 * (the MVT rule); NULL when nothing is left at this zoom.
 */
function clipToTile(tile: TileAddress): TileGeometry {
  const env = envelope(tile);
  const width = sql`(ST_XMax(${env}) - ST_XMin(${env}))`;
  const scale = sql`(${EXTENT} / ${width})`;
  return (wgs84: SQL, buffer: number) => sql`(SELECT CASE WHEN ST_IsEmpty(g) THEN NULL ELSE g END
    FROM (SELECT ST_ForcePolygonCCW(ST_RemoveRepeatedPoints(ST_SnapToGrid(ST_Affine(
      ST_ClipByBox2D(ST_Transform(${wgs84}, 3857), ST_Expand(${env}, ${width} * ${buffer} / ${EXTENT})::box2d),
      ${scale}, 0, 0, -${scale}, -ST_XMin(${env}) * ${scale}, ST_YMax(${env}) * ${scale}), 1))) AS g) clipped)`;
}

type Position = number[];

/** A GeoJSON geometry in tile coordinates → geojson-vt's feature shape (type 1 points, 2 lines, 3 rings). */
function vtGeometry(geometry: Geometry): { type: 1 | 2 | 3; geometry: Position[] | Position[][] } {
  switch (geometry.type) {
    case "Point":
      return { type: 1, geometry: [geometry.coordinates] };
    case "MultiPoint":
      return { type: 1, geometry: geometry.coordinates };
    case "LineString":
      return { type: 2, geometry: [geometry.coordinates] };
    case "MultiLineString":
      return { type: 2, geometry: geometry.coordinates };
    case "Polygon":
      return { type: 3, geometry: geometry.coordinates };
    case "MultiPolygon":
      return { type: 3, geometry: geometry.coordinates.flat() };
    case "GeometryCollection":
      throw new Error("a tile geometry is never a collection");
  }
}
