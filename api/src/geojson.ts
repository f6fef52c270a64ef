// GeoJSON FeatureCollections with paging links, in the manner of OGC API – Features.
import type { Geometry } from "geojson";
import type { Page } from "./db/query-helpers.ts";

export interface FeatureRow {
  id: number;
  /** ST_AsGeoJSON text; null for a feature without a shape (GeoJSON allows it). */
  geometry: string | null;
}

// Paging is the database's notion (db/query-helpers.ts); re-exported for the feature code.
export type { Page };

export interface Link {
  rel: "next" | "prev";
  href: string;
  type: "application/geo+json";
}

/** Builds the collection from rows whose `geometry` is ST_AsGeoJSON text; `total` counts all matches. */
export function featureCollection<R extends FeatureRow>(
  rows: R[],
  total: number,
  page: Page,
  url: URL,
  properties: (row: R) => Record<string, unknown>,
) {
  const links: Link[] = [];
  const at = (offset: number) => {
    const next = new URL(url);
    next.searchParams.set("offset", String(offset));
    next.searchParams.set("limit", String(page.limit));
    return `${next.pathname}${next.search}`;
  };
  if (page.offset + rows.length < total) {
    links.push({ rel: "next", href: at(page.offset + page.limit), type: "application/geo+json" });
  }
  if (page.offset > 0) {
    links.push({
      rel: "prev",
      href: at(Math.max(0, page.offset - page.limit)),
      type: "application/geo+json",
    });
  }
  return {
    type: "FeatureCollection" as const,
    numberMatched: total,
    numberReturned: rows.length,
    links,
    features: rows.map((row) => feature(row, properties(row))),
  };
}

export function feature(row: FeatureRow, properties: Record<string, unknown>) {
  return {
    type: "Feature" as const,
    id: row.id,
    geometry: row.geometry === null ? null : (JSON.parse(row.geometry) as Geometry),
    properties,
  };
}

/** A row's columns but the geometry: the properties of its Feature. */
export function propertiesOf<R extends { geometry: unknown }>({ geometry: _, ...rest }: R) {
  return rest;
}

/** A row as a Feature whose properties are all its columns but the geometry. */
export function asFeature<R extends FeatureRow>(row: R) {
  return feature(row, propertiesOf(row));
}
