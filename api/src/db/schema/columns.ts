// Column helpers shared by every table: PostGIS geometry types and the city every row belongs to.

import { type SQL, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  customType,
  integer,
  type ReferenceConfig,
  timestamp,
} from "drizzle-orm/pg-core";
import type { Geometry, LineString, MultiPolygon, Point } from "geojson";

/**
 * A PostGIS geometry column in SRID 4326. Written from GeoJSON through ST_GeomFromGeoJSON;
 * read back with ST_AsGeoJSON in the feature's query (the driver's raw value is EWKB hex,
 * which no code should have to parse).
 */
function geometryColumn<G extends Geometry>(kind: "MultiPolygon" | "Point" | "LineString") {
  return customType<{ data: G; driverData: string }>({
    dataType: () => `geometry(${kind},4326)`,
    toDriver: (value: G): SQL =>
      sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(value)}), 4326)`,
  });
}

export const multiPolygon = geometryColumn<MultiPolygon>("MultiPolygon");
export const point = geometryColumn<Point>("Point");
export const lineString = geometryColumn<LineString>("LineString");

/** Every row carries its city so the data can later be distributed by city. */
export const cityId = () => integer("city_id").notNull();

/** A required link to another table's row: `<name> integer not null references …`. */
export function belongsTo<N extends string>(
  name: N,
  target: ReferenceConfig["ref"],
  actions?: ReferenceConfig["actions"],
) {
  return integer(name).notNull().references(target, actions);
}

/** Every point in time is stored with its zone (timestamptz); pages show it in China time. */
export const timestamptz = <N extends string>(name: N) => timestamp(name, { withTimezone: true });

export const createdAt = () => timestamptz("created_at").notNull().defaultNow();
export const updatedAt = () => timestamptz("updated_at").notNull().defaultNow();

/** A CHECK expression keeping a text column to a fixed list (the TS enum alone is not enforced). */
export function oneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  const list = values.map((v) => `'${v.replaceAll("'", "''")}'`).join(",");
  return sql`${column} in (${sql.raw(list)})`;
}
