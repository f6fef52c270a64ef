// The shapes the API answers with, taken from the types generated from its OpenAPI document
// (schema.gen.ts, written by scripts/api-types.ts): nothing here restates a response by hand.
// GeoJSON geometries are typed here, since the document says only "a geometry".
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point } from "geojson";
import type { components, paths } from "./schema.gen.ts";

export type { ProblemStatus, RectificationAction } from "@civgrid/geo";

/** The API's named schemas (components.schemas of its OpenAPI document). */
export type Schemas = components["schemas"];

type Method = "get" | "post" | "put" | "patch" | "delete";
type JsonOf<R> = R extends { content: { "application/json": infer T } } ? T : never;
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type ResponsesOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: infer R } ? R : never;

/** What an operation answers on success (its 200 or 201 JSON). */
export type Answer<P extends keyof paths, M extends Method = "get"> =
  ResponsesOf<P, M> extends { 200: infer R }
    ? JsonOf<R>
    : ResponsesOf<P, M> extends { 201: infer R }
      ? JsonOf<R>
      : never;

/** The JSON body an operation takes. */
export type Body<P extends keyof paths, M extends Method = "post"> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** The query parameters an operation takes. */
export type Query<P extends keyof paths, M extends Method = "get"> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** The properties of a feature schema. */
export type PropertiesOf<K extends keyof Schemas> = Schemas[K] extends { properties: infer P }
  ? P
  : never;

/** A feature collection schema with its features' geometry typed as GeoJSON. */
export type Located<
  C extends { features: Array<{ geometry: unknown }> },
  G extends Geometry,
> = Omit<C, "features"> & {
  features: Array<Omit<C["features"][number], "geometry"> & { geometry: G }>;
};

/** A list answer: a GeoJSON FeatureCollection with OGC-style paging. */
export interface Collection<G extends MultiPolygon | Point, P> extends FeatureCollection<G, P> {
  features: Array<Feature<G, P> & { id: number }>;
  numberMatched: number;
  numberReturned: number;
  links?: Array<{ rel: "next" | "prev"; href: string }>;
}

export type AppConfig = Answer<"/api/config">;
export type City = AppConfig["city"];

export type RegionProperties = PropertiesOf<"Region">;
export type RegionLevel = RegionProperties["level"];
export type CommunityProperties = PropertiesOf<"Community">;
export type GridProperties = PropertiesOf<"Grid">;
export type GridDetailProperties = PropertiesOf<"GridDetail">;
export type UnitRef = NonNullable<GridDetailProperties["leadUnit"]>;
/** A grid's leader or volunteer, as a grid's details name them. */
export type Person = GridDetailProperties["volunteers"][number];
export type UnitProperties = PropertiesOf<"Unit">;
export type UnitKind = UnitProperties["kind"];
export type UnitDetailProperties = PropertiesOf<"UnitDetail">;
export type ResponsibleDuty = UnitDetailProperties["responsible"][number]["duty"];
export type InspectionPointProperties = PropertiesOf<"InspectionPoint">;
export type PointKind = InspectionPointProperties["kind"];
export type ProblemProperties = PropertiesOf<"Problem">;
export type ProblemSource = ProblemProperties["source"];
export type ProblemDetailProperties = PropertiesOf<"ProblemDetail">;
export type RectificationEvent = ProblemDetailProperties["events"][number];
/** An escalation (督办) of an overdue problem: the level reached, how late it was, when. */
export type ProblemEscalation = ProblemDetailProperties["escalations"][number];
/** A photo of a problem: as found ("before") or as rectified ("after", with the step it came with). */
export type ProblemPhoto = ProblemDetailProperties["photos"][number];

export type RegionCollection = Collection<MultiPolygon, RegionProperties>;
export type CommunityCollection = Collection<MultiPolygon, CommunityProperties>;
export type GridCollection = Collection<MultiPolygon, GridProperties>;
export type UnitCollection = Collection<Point, UnitProperties>;
export type InspectionPointCollection = Collection<Point, InspectionPointProperties>;
export type ProblemCollection = Collection<Point, ProblemProperties>;

export type GridDetail = Feature<MultiPolygon, GridDetailProperties>;
export type UnitDetail = Feature<Point, UnitDetailProperties>;
export type ProblemDetail = Feature<Point, ProblemDetailProperties>;
