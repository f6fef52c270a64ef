// The closed loop, end to end on both engines: report → dispatch → rectify → submit → close, with
// returns, send-backs, extensions, the ledger, role rules, races and replayed reports.
import { selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { type Client, describeEachEngine } from "./engines.ts";

const post = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

describeEachEngine("rectification", (ctx) => {
  let coordinator: Client;
  let unitadmin: Client;
  /** A place inside a grid the demo unit admin's unit leads, and a standard item. */
  let place: [number, number];
  let itemId: number;
  let photoId: number;

  beforeAll(async () => {
    coordinator = await ctx().as("coordinator");
    unitadmin = await ctx().as("unitadmin");
    const orm = ctx().db.orm;
    const [row] = await selectRows<{ lon: number; lat: number; item: number }>(
      orm,
      sql`SELECT ST_X(ST_PointOnSurface(g.geom)) AS lon, ST_Y(ST_PointOnSurface(g.geom)) AS lat,
            (SELECT min(id) FROM standard_items) AS item
          FROM grids g JOIN grid_units gu ON gu.grid_id = g.id AND gu.role = 'lead'
          JOIN users u ON u.unit_id = gu.unit_id AND u.username = 'unitadmin'
          ORDER BY g.code LIMIT 1`,
    );
    place = [row!.lon, row!.lat];
    itemId = row!.item;
    const [file] = await selectRows<{ id: number }>(
      orm,
      sql`INSERT INTO files (city_id, sha256, mime, size, original_name)
          VALUES (${ctx().cityId}, ${"f".repeat(64)}, 'image/jpeg', 1000, '整改后.jpg') RETURNING id`,
    );
    photoId = file!.id;
  });

  const report = (
    client: Client,
    body: Partial<{ description: string; itemId: number; photoIds: number[] }> = {},
    at = place,
    headers = {},
  ) =>
    client.request(
      "/api/problems",
      post(
        {
          type: "Feature",
          geometry: { type: "Point", coordinates: at },
          properties: { description: "垃圾桶满溢", itemId, ...body },
        },
        headers,
      ),
    );
  const step = (client: Client, id: number, body: Record<string, unknown>) =>
    client.request(`/api/problems/${id}/transitions`, post(body));
  const current = async (id: number) =>
    (await coordinator.request(`/api/problems/${id}`)).body.properties;

  it("walks one problem from report to close, every step logged with who and when", async () => {
    const reported = await report(coordinator);
    expect(reported.status).toBe(201);
    const id = reported.body.id;
    expect(reported.body.properties).toMatchObject({
      status: "reported",
      version: 1,
      unitId: expect.any(Number),
      gridCode: expect.stringMatching(/^\d{15}$/),
    });
    expect(
      (await step(coordinator, id, { action: "dispatch", version: 1 })).body.properties.status,
    ).toBe("dispatched");
    expect(
      (await step(unitadmin, id, { action: "start", version: 2 })).body.properties.status,
    ).toBe("rectifying");
    const noPhoto = await step(unitadmin, id, { action: "submit", version: 3, note: "已清运" });
    expect(noPhoto.status).toBe(400);
    expect(noPhoto.body.error.fields.photoIds).toContain("照片");
    const submitted = await step(unitadmin, id, {
      action: "submit",
      version: 3,
      note: "已清运",
      photoIds: [photoId],
    });
    expect(submitted.body.properties.status).toBe("submitted");
    expect(submitted.body.properties.photos).toEqual([
      expect.objectContaining({ fileId: photoId, phase: "after", eventSeq: 4 }),
    ]);
    const volunteer = await ctx().as("volunteer");
    expect((await step(volunteer, id, { action: "close", version: 4 })).status).toBe(403);
    const closed = await step(coordinator, id, { action: "close", version: 4, note: "核验通过" });
    expect(closed.body.properties).toMatchObject({
      status: "closed",
      closedAt: expect.any(String),
    });
    const events = closed.body.properties.events;
    expect(events.map((e: any) => e.action)).toEqual([
      "report",
      "dispatch",
      "start",
      "submit",
      "close",
    ]);
    expect(events.map((e: any) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(events[4].actorName).toBeTruthy();
  });

  it("returns a rectification for rework with a reason from the list, then it is rectified again", async () => {
    const id = (await report(coordinator)).body.id;
    await step(coordinator, id, { action: "dispatch", version: 1 });
    await step(unitadmin, id, { action: "start", version: 2 });
    await step(unitadmin, id, {
      action: "submit",
      version: 3,
      note: "已处理",
      photoIds: [photoId],
    });
    const badReason = await step(coordinator, id, {
      action: "return",
      version: 4,
      reason: "I don't like it",
    });
    expect(badReason.status).toBe(400);
    expect(badReason.body.error.fields.reason).toContain("not_fixed");
    const returned = await step(coordinator, id, {
      action: "return",
      version: 4,
      reason: "photo_unclear",
      note: "照片看不清",
    });
    expect(returned.body.properties.status).toBe("returned");
    expect(
      (await step(unitadmin, id, { action: "start", version: 5 })).body.properties.status,
    ).toBe("rectifying");
  });

  it("answers an illegal step with 409 and the current state", async () => {
    const id = (await report(coordinator)).body.id;
    const answer = await step(coordinator, id, { action: "close", version: 1 });
    expect(answer.status).toBe(409);
    expect(answer.body.error.current).toMatchObject({ status: "reported", version: 1 });
    expect(answer.body.error.message).toContain("已上报");
    expect((await current(id)).events).toHaveLength(1);
  });

  it("lets exactly one of two coordinators closing and returning at once win; the log stays consistent", async () => {
    const id = (await report(coordinator)).body.id;
    await step(coordinator, id, { action: "dispatch", version: 1 });
    await step(unitadmin, id, { action: "start", version: 2 });
    await step(unitadmin, id, {
      action: "submit",
      version: 3,
      note: "已处理",
      photoIds: [photoId],
    });
    const other = await ctx().as("coordinator");
    const answers = await Promise.all([
      step(coordinator, id, { action: "close", version: 4 }),
      step(other, id, { action: "return", version: 4, reason: "not_fixed" }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const events = (await current(id)).events;
    expect(events.map((e: any) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(events[4].fromStatus).toBe("submitted");
  });

  it("lets a unit send back a problem that is not its own, for the coordinator to dispatch again", async () => {
    const id = (await report(coordinator)).body.id;
    await step(coordinator, id, { action: "dispatch", version: 1 });
    expect((await step(unitadmin, id, { action: "send_back", version: 2 })).status).toBe(400);
    const back = await step(unitadmin, id, {
      action: "send_back",
      version: 2,
      reason: "not_our_grid",
      note: "不在本网格",
    });
    expect(back.body.properties.status).toBe("sent_back");
    expect(
      (await step(coordinator, id, { action: "dispatch", version: 3 })).body.properties.status,
    ).toBe("dispatched");
  });

  it("handles an extension request: one at a time, granted by a coordinator, moving the deadline", async () => {
    const id = (await report(coordinator)).body.id;
    await step(coordinator, id, { action: "dispatch", version: 1 });
    const before = Date.parse((await current(id)).deadline);
    const asked = await step(unitadmin, id, {
      action: "request_extension",
      version: 2,
      days: 3,
      note: "需采购垃圾桶",
    });
    expect(asked.body.properties.extensionRequest).toEqual({ days: 3, reason: "需采购垃圾桶" });
    const twice = await step(unitadmin, id, {
      action: "request_extension",
      version: 3,
      days: 3,
      note: "再延",
    });
    expect(twice.status).toBe(400);
    const granted = await step(coordinator, id, { action: "grant_extension", version: 3 });
    expect(granted.body.properties.extensionRequest).toBeNull();
    expect(Date.parse(granted.body.properties.deadline) - before).toBeGreaterThanOrEqual(
      3 * 86400_000 - 1000,
    );
  });

  it("puts a problem on the ledger with a future review date, and reopens it", async () => {
    const id = (await report(coordinator)).body.id;
    const past = await step(coordinator, id, {
      action: "to_ledger",
      version: 1,
      note: "需改造",
      reviewOn: "2020-01-01",
    });
    expect(past.body.error.fields.reviewOn).toBeTruthy();
    const ledger = await step(coordinator, id, {
      action: "to_ledger",
      version: 1,
      note: "需改造",
      reviewOn: "2099-01-01",
    });
    expect(ledger.body.properties).toMatchObject({
      status: "ledger",
      reviewOn: "2099-01-01",
      overdue: false,
    });
    expect(
      (await step(coordinator, id, { action: "reopen", version: 2 })).body.properties.status,
    ).toBe("dispatched");
  });

  it("keeps another unit's admin away from a problem that is not theirs", async () => {
    const [elsewhere] = await selectRows<{ id: number }>(
      ctx().db.orm,
      sql`SELECT p.id FROM problems p JOIN users u ON u.username = 'unitadmin'
          WHERE p.unit_id <> u.unit_id AND p.status = 'dispatched' LIMIT 1`,
    );
    const answer = await step(unitadmin, elsewhere!.id, { action: "start", version: 1 });
    expect(answer.status).toBe(404);
  });

  it("creates one problem however often the same report is sent (Idempotency-Key)", async () => {
    const key = `replay-${ctx().db.engine}-0001`;
    const answers = [];
    for (let i = 0; i < 10; i++)
      answers.push(
        await report(coordinator, { description: "重复发送的上报" }, place, {
          "idempotency-key": key,
        }),
      );
    expect(answers[0]!.status).toBe(201);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    // Every replay gets the first answer, marked as a replay (idempotency/once-per-key.ts).
    expect(answers.slice(1).every((a) => a.status === 201)).toBe(true);
    expect(answers[1]!.headers.get("idempotent-replayed")).toBe("true");
    const [count] = await selectRows<{ n: number }>(
      ctx().db.orm,
      sql`SELECT count(*)::int AS n FROM problems WHERE idempotency_key = ${key}`,
    );
    expect(count?.n).toBe(1);
  });

  it("offers open problems of the same item nearby as possible duplicates, nearest first", async () => {
    // Away from the other tests' reports (≈ 100 m), so that only this pair is near each other.
    const spot: [number, number] = [place[0], place[1] + 0.001];
    const first = await report(coordinator, { description: "第一次" }, spot);
    const near: [number, number] = [spot[0] + 0.0001, spot[1]];

    const second = await report(coordinator, { description: "附近又报" }, near);
    expect(second.body.possibleDuplicates.map((d: any) => d.id)).toContain(first.body.id);
    expect(second.body.possibleDuplicates.length).toBeLessThanOrEqual(5);
    const again = await coordinator.request(`/api/problems/${second.body.id}/duplicates`);
    expect(again.body.duplicates).toEqual(second.body.possibleDuplicates);
    const distances = second.body.possibleDuplicates.map((d: any) => d.distanceM);

    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
  });

  it.each([
    [
      "no location and no photo",
      { type: "Feature", geometry: null, properties: { description: "x" } },
      "location",
    ],
    [
      "a place outside China",
      {
        type: "Feature",
        geometry: { type: "Point", coordinates: [2.35, 48.85] },
        properties: { description: "x" },
      },
      "location",
    ],
    [
      "an empty description",
      {
        type: "Feature",
        geometry: { type: "Point", coordinates: [117.16, 35.08] },
        properties: { description: " " },
      },
      "properties.description",
    ],
    [
      "an unknown photo",
      {
        type: "Feature",
        geometry: { type: "Point", coordinates: [117.16, 35.08] },
        properties: { description: "x", photoIds: [2147483647] },
      },
      "photoIds",
    ],
  ])("refuses a report with %s, saving nothing", async (_what, body, field) => {
    const count = async () =>
      (
        await selectRows<{ n: number }>(ctx().db.orm, sql`SELECT count(*)::int AS n FROM problems`)
      )[0]?.n;
    const before = await count();
    const answer = await coordinator.request("/api/problems", post(body));
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields)).toContain(field);
    expect(await count()).toBe(before);
  });

  it("lets a volunteer report only inside their own patrol area", async () => {
    const volunteer = await ctx().as("volunteer");
    const own = (await volunteer.request("/api/grids")).body.features;
    const grid = own[0];
    const ownIds = sql.raw(`ARRAY[${own.map((g: { id: number }) => g.id).join(",")}]::int[]`);
    // In the city, in a grid of someone else's (grids do not overlap): not the volunteer's to report.
    const [elsewhere] = await selectRows<{ lon: number; lat: number }>(
      ctx().db.orm,
      sql`SELECT ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat FROM grids
          WHERE NOT id = ANY(${ownIds}) AND deleted_at IS NULL ORDER BY id LIMIT 1`,
    );
    const outside = await report(volunteer, {}, [elsewhere!.lon, elsewhere!.lat]);
    expect(outside.status).toBe(403);
    // Beyond the city's outline (issue 18) it is nobody's here: refused as outside the city.
    const faraway = await report(volunteer, {}, [117.5, 35.3]);
    expect(faraway.status).toBe(400);
    expect(JSON.stringify(faraway.body)).toContain("公里");
    const [inside] = await selectRows<{ lon: number; lat: number }>(
      ctx().db.orm,
      sql`SELECT ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat FROM grids WHERE id = ${grid.id}`,
    );
    const ok = await report(volunteer, { description: "楼道堆物" }, [inside!.lon, inside!.lat]);
    expect(ok.status).toBe(201);
    expect(ok.body.properties.source).toBe("patrol");
  });

  it("shows the board: counts by state, open, overdue first", async () => {
    const board = await coordinator.request("/api/problems/board");
    expect(board.body.open).toBeGreaterThan(0);
    expect(board.body.byStatus.closed).toBeGreaterThan(0);
    const late = board.body.overdue.map((o: any) => o.daysOverdue);
    expect([...late].sort((a, b) => b - a)).toEqual(late);
  });

  it("sorts a unit's inbox by urgency: overdue first", async () => {
    const inbox = await unitadmin.request("/api/problems?sort=urgency&limit=50");
    const open = inbox.body.features.filter(
      (f: any) => !["closed", "ledger"].includes(f.properties.status),
    );
    const deadlines = open.map((f: any) => Date.parse(f.properties.deadline));
    expect([...deadlines].sort((a, b) => a - b)).toEqual(deadlines);
  });
});
