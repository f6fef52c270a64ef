// Filing a GeoReport v2 request: every field the spec defines is kept (open311_requests); with a
// location it becomes a problem at once, with only an address it waits for the office to place it
// on the map (待定位), and the client follows it through its token.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Point } from "geojson";
import { recordAudit } from "../audit/record.ts";
import type { Db, Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { isoTime } from "../db/query-helpers.ts";
import { AppError } from "../errors.ts";
import { createProblem } from "../problems/create.ts";

export interface Open311Filing {
  itemId: number;
  description: string;
  location: [number, number] | null;
  addressString?: string | undefined;
  addressId?: string | undefined;
  email?: string | undefined;
  deviceId?: string | undefined;
  accountId?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  phone?: string | undefined;
  mediaUrl?: string | undefined;
  attributes: Record<string, string | string[]>;
  photoFileId: number | null;
}

interface Stored {
  cityId: number;
  itemId: number;
  description: string;
  addressString: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  photoFileId: number | null;
}

/** The citizen's name as the office sees it: family name first, as Chinese names are written. */
const citizenName = (r: Pick<Stored, "firstName" | "lastName">) =>
  [r.lastName, r.firstName].filter(Boolean).join("") || "市民";

/** The problem a located request becomes, in the same transaction as its row. */
function problemOf(tx: Executor, r: Stored, location: Point, placedBy: number | null) {
  const name = citizenName(r);
  return createProblem(
    tx,
    { cityId: r.cityId, userId: placedBy, name: `市民 ${name}` },
    {
      source: "citizen",
      severity: "normal",
      description: r.addressString ? `${r.description}（${r.addressString}）` : r.description,
      location,
      itemId: r.itemId,
      photoIds: r.photoFileId === null ? [] : [r.photoFileId],
      reporterName: name,
      reporterPhone: r.phone ?? undefined,
    },
  );
}

/** Files the request; answers its token and, once located, the problem's id. */
export async function fileOpen311Request(db: Db, cityId: number, f: Open311Filing) {
  const token = randomUUID();
  const stored: Stored = {
    cityId,
    itemId: f.itemId,
    description: f.description,
    addressString: f.addressString ?? null,
    firstName: f.firstName ?? null,
    lastName: f.lastName ?? null,
    phone: f.phone ?? null,
    photoFileId: f.photoFileId,
  };
  return db.orm.transaction(async (tx) => {
    const problem = f.location
      ? await problemOf(tx, stored, { type: "Point", coordinates: f.location }, null)
      : null;
    await tx.execute(sql`INSERT INTO open311_requests (city_id, token, problem_id, item_id, description, location,
        address_string, address_id, email, device_id, account_id, first_name, last_name, phone, media_url,
        attributes, photo_file_id)
      VALUES (${cityId}, ${token}, ${problem?.id ?? null}, ${f.itemId}, ${f.description},
        ${f.location ? sql`ST_SetSRID(ST_MakePoint(${f.location[0]}, ${f.location[1]}), 4326)` : null},
        ${f.addressString ?? null}, ${f.addressId ?? null}, ${f.email ?? null}, ${f.deviceId ?? null},
        ${f.accountId ?? null}, ${f.firstName ?? null}, ${f.lastName ?? null}, ${f.phone ?? null},
        ${f.mediaUrl ?? null}, ${JSON.stringify(f.attributes)}::jsonb, ${f.photoFileId})`);
    if (!problem) {
      await recordAudit(tx, {
        cityId,
        userId: null,
        action: "report",
        entity: "open311_request",
        entityId: token,
        after: { ...f, email: undefined, phone: undefined },
      });
    }
    return { token, problemId: problem?.id ?? null, accountId: f.accountId ?? null };
  });
}

/** tokens/{token}: the request's problem id, null while it waits to be placed; undefined if unknown. */
export async function requestIdOfToken(ex: Executor, cityId: number, token: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(token))
    return undefined;
  const [row] = await selectRows<{ problemId: number | null }>(
    ex,
    sql`SELECT problem_id AS "problemId" FROM open311_requests WHERE city_id = ${cityId} AND token = ${token}::uuid`,
  );
  return row ? row.problemId : undefined;
}

export interface WaitingRequest {
  id: number;
  serviceName: string;
  description: string;
  addressString: string | null;
  addressId: string | null;
  citizenName: string;
  requestedAt: string;
  photoFileId: number | null;
  /** The client's own media_url, when it sent a link rather than a photo. */
  mediaUrl: string | null;
}

/** Requests filed with an address only, oldest first: the office places each on the map. */
export function listWaitingRequests(ex: Executor, cityId: number) {
  return selectRows<WaitingRequest>(
    ex,
    sql`SELECT o.id, i.title AS "serviceName", o.description, o.address_string AS "addressString",
          o.address_id AS "addressId", COALESCE(NULLIF(concat(o.last_name, o.first_name), ''), '市民') AS "citizenName",
          ${isoTime(sql`o.created_at`)} AS "requestedAt",
          o.photo_file_id AS "photoFileId", o.media_url AS "mediaUrl"
        FROM open311_requests o JOIN standard_items i ON i.id = o.item_id AND i.city_id = o.city_id
        WHERE o.city_id = ${cityId} AND o.problem_id IS NULL
        ORDER BY o.created_at, o.id LIMIT 500`,
  );
}

/** The office places a waiting request: it becomes a problem there, routed like any other. */
export async function placeWaitingRequest(
  db: Db,
  user: { id: number; cityId: number },
  id: number,
  location: Point,
) {
  return db.orm.transaction(async (tx) => {
    const [row] = await selectRows<Stored & { problemId: number | null }>(
      tx,
      sql`SELECT city_id AS "cityId", item_id AS "itemId", description, address_string AS "addressString",
            first_name AS "firstName", last_name AS "lastName", phone, photo_file_id AS "photoFileId",
            problem_id AS "problemId"
          FROM open311_requests WHERE city_id = ${user.cityId} AND id = ${id} FOR UPDATE`,
    );
    if (!row) {
      throw new AppError(404, "not_found", {
        key: "error.not_found",
        params: { entity: "entity.open311_request", id },
      });
    }
    if (row.problemId !== null) {
      throw new AppError(409, "already_placed", { key: "open311.not_waiting" });
    }
    const problem = await problemOf(tx, row, location, user.id);
    await tx.execute(sql`UPDATE open311_requests SET problem_id = ${problem.id}, placed_at = now(),
        placed_by = ${user.id}, location = ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(location)}), 4326)
      WHERE city_id = ${user.cityId} AND id = ${id}`);
    await recordAudit(tx, {
      cityId: user.cityId,
      userId: user.id,
      action: "place",
      entity: "open311_request",
      entityId: id,
      after: { problemId: problem.id, location: location.coordinates },
    });
    return problem.id;
  });
}
