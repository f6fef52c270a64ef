// One function makes a vector tile on either engine. PostgreSQL + PostGIS clips with ST_AsMVTGeom
// and encodes with ST_AsMVT. The embedded PostGIS (PGlite) is compiled without protobuf-c, so it
// has neither: there the same layer query clips with plain PostGIS functions and @maplibre/vt-pbf
// encodes the features in Node.
import { fromGeojsonVt } from "@maplibre/vt-pbf";
import { type SQL, sql } from "drizzle-orm";
import type { Geometry } from "geojson";
import type { Db } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import type { Scope } from "../policy/scope.ts";
import {
  EXTENT,
  envelope,
  layerQuery,
  type TileAddress,
  type TileGeometry,
  type TileLayer,
} from "./layers.ts";

export async function renderTile(
  db: Db,
  layer: TileLayer,
  tile: TileAddress,
  scope: Scope,
): Promise<Uint8Array> {
  if (db.engine === "postgres") {
    const geom: TileGeometry = (wgs84, buffer) =>
      sql`ST_AsMVTGeom(ST_Transform(${wgs84}, 3857), ${envelope(tile)}, ${EXTENT}, ${buffer}, true)`;
    const [row] = await selectRows<{ tile: Uint8Array | null }>(
      db.orm,
      sql`SELECT ST_AsMVT(t.*, ${layer}::text, ${EXTENT}, 'geom', 'id') AS tile
          FROM (${layerQuery(layer, tile, scope, geom)}) t WHERE t.geom IS NOT NULL`,
    );
    return new Uint8Array(row?.tile ?? []);
  }
  const rows = await selectRows<{ properties: Record<string, unknown>; geojson: string }>(
    db.orm,
    sql`SELECT to_jsonb(t) - 'geom' AS properties, ST_AsGeoJSON(t.geom) AS geojson
        FROM (${layerQuery(layer, tile, scope, clipToTile(tile))}) t WHERE t.geom IS NOT NULL`,
  );
  const features = rows.map(({ properties: { id, ...properties }, geojson }) => ({
    id,
    ...vtGeometry(JSON.parse(geojson) as Geometry),
    // ST_AsMVT leaves out NULL properties and takes the id column as the feature id; so do we.
    tags: Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== null)),
  }));
  if (features.length === 0) return new Uint8Array();
  return fromGeojsonVt({ [layer]: { features } as never }, { version: 2, extent: EXTENT });
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
