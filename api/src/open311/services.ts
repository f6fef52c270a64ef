// Open311 GeoReport v2 in CivGrid's words: a service is an item of an active evaluation standard
// (its category is the service group), and a service request is a problem.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { isoTime } from "../db/query-helpers.ts";
import { pointKinds } from "../db/schema/standards.ts";
import { type Lang, type MessageKey, translate } from "../messages.ts";
import { hasEnded, openProblem } from "../problems/open.ts";

/** Where a public request's photo is served without a sign-in (policy/file-scope.ts: filesPublic). */
export const MEDIA_PATH = "/open311/v2/media";

export interface Service {
  service_code: string;
  service_name: string;
  description: string;
  /** True: every service has a definition with attributes (services/{code}). */
  metadata: true;
  type: "realtime";
  keywords: string;
  group: string;
}

/** Items of the city's active standards; the code is "<standard id>-<item code>", stable per version. */
export async function listServices(
  ex: Executor,
  cityId: number,
): Promise<(Service & { itemId: number })[]> {
  const rows = await selectRows<{
    itemId: number;
    code: string;
    title: string;
    checklist: string;
    category: string;
    standard: string;
  }>(
    ex,
    sql`SELECT i.id AS "itemId", s.id || '-' || i.code AS code, i.title, i.checklist, c.name AS category, s.name AS standard
        FROM standard_items i JOIN standard_categories c ON c.id = i.category_id AND c.city_id = i.city_id
          JOIN standards s ON s.id = i.standard_id AND s.city_id = i.city_id
        WHERE s.city_id = ${cityId} AND s.status = 'active' ORDER BY s.id, c.seq, i.id`,
  );
  return rows.map((r) => ({
    itemId: r.itemId,
    service_code: r.code,
    service_name: r.title,
    description: r.checklist,
    metadata: true,
    type: "realtime",
    keywords: [r.category, r.standard].join(","),
    group: r.category,
  }));
}

export interface ServiceAttribute {
  variable: true;
  code: string;
  datatype: "singlevaluelist";
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values: { key: string; name: string }[];
}

/**
 * A service's definition: every item of the standard asks the same optional question, the kind
 * of place (the kinds of inspection point), so the office can send it to the right point.
 */
export function serviceAttributes(lang: Lang): ServiceAttribute[] {
  return [
    {
      variable: true,
      code: "place_kind",
      datatype: "singlevaluelist",
      required: false,
      datatype_description: null,
      order: 1,
      description: translate("open311.attribute.place_kind", lang),
      values: pointKinds.map((key) => ({
        key,
        name: translate(`open311.place_kind.${key}` as MessageKey, lang),
      })),
    },
  ];
}

export interface RequestFilters {
  ids?: number[] | undefined;
  itemId?: number | undefined;
  start?: string | undefined;
  end?: string | undefined;
  status?: "open" | "closed" | undefined;
}

/**
 * Citizens' service requests as GeoReport v2 shapes them. Only what citizens filed is public:
 * inspections (暗访 among them) and patrols stay inside; no reporter's name or phone leaves here,
 * and no staff's note: `status_notes` is the internal status, which the route puts in words.
 * The photo is served publicly at /open311/v2/media/{id} (policy/file-scope.ts: filesPublic).
 */
export async function listRequests(ex: Executor, cityId: number, f: RequestFilters, limit = 1000) {
  // Relative here; the route makes it absolute with the address the client used.
  const mediaPath = `${MEDIA_PATH}/`;
  const ids = f.ids?.length ? sql.raw(`ARRAY[${f.ids.join(",")}]::int[]`) : null;
  return selectRows<Record<string, unknown>>(
    ex,
    sql`SELECT p.id::text AS service_request_id,
          CASE WHEN ${hasEnded(sql`p.status`)} THEN 'closed' ELSE 'open' END AS status,
          p.status AS status_notes,
          i.title AS service_name, CASE WHEN i.id IS NULL THEN NULL ELSE i.standard_id || '-' || i.code END AS service_code,
          p.description, u.name AS agency_responsible, NULL AS service_notice,
          ${isoTime(sql`p.reported_at`)} AS requested_datetime, ${isoTime(sql`p.updated_at`)} AS updated_datetime,
          ${isoTime(sql`p.deadline`)} AS expected_datetime, COALESCE(o.address_string, g.code) AS address,
          o.address_id, NULL AS zipcode,
          ST_Y(p.location) AS lat, ST_X(p.location) AS long,
          COALESCE((SELECT ${mediaPath} || pp.file_id FROM problem_photos pp WHERE pp.problem_id = p.id
              AND pp.city_id = p.city_id AND pp.phase = 'before' ORDER BY pp.id LIMIT 1),
            o.media_url) AS media_url
        FROM problems p LEFT JOIN open311_requests o ON o.problem_id = p.id AND o.city_id = p.city_id
          LEFT JOIN standard_items i ON i.id = p.item_id AND i.city_id = p.city_id
          LEFT JOIN units u ON u.id = p.unit_id AND u.city_id = p.city_id
          LEFT JOIN grids g ON g.id = p.grid_id AND g.city_id = p.city_id
        WHERE p.city_id = ${cityId} AND p.source = 'citizen'
          ${ids ? sql`AND p.id = ANY(${ids})` : sql``}
          ${f.itemId !== undefined ? sql`AND p.item_id = ${f.itemId}` : sql``}
          ${f.start ? sql`AND p.reported_at >= ${f.start}::timestamptz` : sql``}
          ${f.end ? sql`AND p.reported_at <= ${f.end}::timestamptz` : sql``}
          ${f.status === "open" ? sql`AND ${openProblem}` : f.status === "closed" ? sql`AND NOT ${openProblem}` : sql``}
        ORDER BY p.reported_at DESC, p.id DESC LIMIT ${limit}`,
  );
}
