// What the notification tests share: a JSON request, the unit admin's grid and a problem
// reported there and dispatched to their unit.
import { type Db, selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { Client } from "./engines.ts";

export const send = (method: string, body: unknown) => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

/** A point inside a grid the demo unit admin's unit leads, with that admin and unit. */
export async function unitAdminsGrid(orm: Db["orm"]) {
  const [row] = await selectRows<{ lon: number; lat: number; userId: number; unitId: number }>(
    orm,
    sql`SELECT ST_X(ST_PointOnSurface(g.geom)) AS lon, ST_Y(ST_PointOnSurface(g.geom)) AS lat,
          u.id AS "userId", u.unit_id AS "unitId"
        FROM grids g JOIN grid_units gu ON gu.grid_id = g.id AND gu.role = 'lead'
        JOIN users u ON u.unit_id = gu.unit_id AND u.username = 'unitadmin'
        ORDER BY g.code LIMIT 1`,
  );
  if (!row) throw new Error("the demo city has no unit admin leading a grid");
  return { place: [row.lon, row.lat] as [number, number], userId: row.userId, unitId: row.unitId };
}

/** The coordinator reports a problem at a place and dispatches it; its id. */
export async function reportAndDispatch(
  coordinator: Client,
  place: [number, number],
  description: string,
) {
  const reported = await coordinator.request(
    "/api/problems",
    send("POST", {
      type: "Feature",
      geometry: { type: "Point", coordinates: place },
      properties: { description },
    }),
  );
  expect(reported.status).toBe(201);
  const id = reported.body.id as number;
  const dispatched = await coordinator.request(
    `/api/problems/${id}/transitions`,
    send("POST", { action: "dispatch", version: 1 }),
  );
  expect(dispatched.status).toBe(200);
  return id;
}

/** The unit admin's own choice: e-mail to unit@example.org (and SMS), no quiet hours. */
export async function chooseChannels(
  unitadmin: Client,
  channels: ("email" | "sms")[],
  digest = false,
) {
  const saved = await unitadmin.request(
    "/api/notification-settings",
    send("PUT", { channels, email: "unit@example.org", quietStart: null, quietEnd: null, digest }),
  );
  expect(saved.status).toBe(200);
}
