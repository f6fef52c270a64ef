// Two app processes on one PostgreSQL database: each queued message is delivered once, and a
// reminder from the clock is sent once, however the two workers interleave.
import { createApp, deliverDue, openDb, runSchedule, selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createServerDatabase, serverUnavailable, signIn } from "./engines.ts";
import { type Receivers, startReceivers } from "./notification-receivers.ts";

const skip = (await serverUnavailable()) !== null;
const send = (method: string, body: unknown) => ({
  method,
  headers: { "content-type": "application/json", origin: "http://localhost" },
  body: JSON.stringify(body),
});

describe.skipIf(skip)("two app instances on one server database [postgres]", () => {
  let receivers: Receivers;
  let drop = async () => {};
  let dbs: Awaited<ReturnType<typeof openDb>>[] = [];
  let cityId: number;

  beforeAll(async () => {
    receivers = await startReceivers();
    const template = inject("demoCityTemplate");
    if (!template) throw new Error("no demo city template");
    const server = await createServerDatabase(template);
    drop = server.drop;
    dbs = [
      await openDb({ databaseUrl: server.url, dataDir: "memory://" }),
      await openDb({ databaseUrl: server.url, dataDir: "memory://" }),
    ];
    const [city] = await selectRows<{ id: number }>(
      dbs[0]!.orm,
      sql`SELECT min(id) AS id FROM cities`,
    );
    cityId = city!.id;
  });
  afterAll(async () => {
    for (const db of dbs) await db.close();
    await drop();
    await receivers?.stop();
  });

  it("delivers each of 20 dispatches' messages exactly once", async () => {
    const [a, b] = dbs.map((db) => createApp({ db, cityId, basemapUrl: null }));
    const admin = await signIn(a!, "admin");
    const saved = await admin.request(
      "/api/admin/notification-channels",
      send("PUT", {
        channels: [
          { channel: "wecom", enabled: true, config: { webhook: `${receivers.base}/wecom` } },
        ],
      }),
    );
    expect(saved.status).toBe(200);
    // Coordinators on both instances report and dispatch 20 problems inside a unit's grid.
    const [place] = await selectRows<{ lon: number; lat: number }>(
      dbs[0]!.orm,
      sql`SELECT ST_X(ST_PointOnSurface(g.geom)) AS lon, ST_Y(ST_PointOnSurface(g.geom)) AS lat
          FROM grids g JOIN grid_units gu ON gu.grid_id = g.id AND gu.role = 'lead' ORDER BY g.code LIMIT 1`,
    );
    const coordinators = [await signIn(a!, "coordinator"), await signIn(b!, "coordinator")];
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const c = coordinators[i % 2]!;
        const made = await c.request(
          "/api/problems",
          send("POST", {
            type: "Feature",
            geometry: { type: "Point", coordinates: [place!.lon, place!.lat] },
            properties: { description: `第 ${i + 1} 处垃圾堆放` },
          }),
        );
        expect(made.status).toBe(201);
        const r = await c.request(
          `/api/problems/${made.body.id}/transitions`,
          send("POST", { action: "dispatch", version: 1 }),
        );
        expect(r.status).toBe(200);
      }),
    );
    const now = new Date(Date.now() + 1000);
    // Both workers, several rounds at once, small batches so they contend for the same rows.
    const runs = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => deliverDue(dbs[i % 2]!, now, 4)));
    const more = await Promise.all([deliverDue(dbs[0]!, now), deliverDue(dbs[1]!, now)]);
    const sent = [...runs, ...more].reduce((n, r) => n + r.sent, 0);
    expect(sent).toBe(20);
    expect(receivers.received.wecom).toHaveLength(20);
    const texts = new Set(receivers.received.wecom.map((m) => m.text.content));
    expect(texts.size).toBe(20);
    // Workers on both took a share.
    expect(runs.filter((r) => r.sent > 0).length).toBeGreaterThan(1);
  });

  it("runs the reminders' schedule in one process at a time, each reminder once", async () => {
    await dbs[0]!.orm.execute(
      sql`UPDATE problems SET deadline = now() - interval '2 days' WHERE status = 'dispatched'`,
    );
    const results = await Promise.all([
      runSchedule(dbs[0]!),
      runSchedule(dbs[1]!),
      runSchedule(dbs[0]!),
    ]);
    await Promise.all([runSchedule(dbs[0]!), runSchedule(dbs[1]!)]);
    expect(results.some((r) => r !== null)).toBe(true);
    const [dupes] = await selectRows<{ n: number }>(
      dbs[0]!.orm,
      sql`SELECT count(*)::int AS n FROM (SELECT user_id, problem_id FROM notifications WHERE kind = 'problem_overdue'
          GROUP BY 1, 2 HAVING count(*) > 1) d`,
    );
    expect(dupes?.n).toBe(0);
    const [told] = await selectRows<{ n: number }>(
      dbs[0]!.orm,
      sql`SELECT count(DISTINCT problem_id)::int AS n FROM notifications WHERE kind = 'problem_overdue'`,
    );
    expect(told?.n).toBeGreaterThanOrEqual(20);
  });
});
