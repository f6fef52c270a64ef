// The loop without traps, on both engines: dispatch to a chosen unit with a chosen deadline (or the
// routed unit and the severity's working days), deadlines on the official calendar across National
// Day 2026, 返工 with a new deadline, nothing overdue while it waits for dispatch, duplicates, and
// every bad input refused field by field with nothing half-written.
import { selectRows } from "@civgrid/api";
import { addDays, addWorkingDays, todayInChina } from "@civgrid/geo";
import { sql } from "drizzle-orm";
import { afterEach, beforeAll, expect, it, vi } from "vitest";
import { type Client, describeEachEngine } from "./engines.ts";

const post = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});
const english = { "accept-language": "en" };
/** The end of a day in China, as the API writes an instant. */
const endOf = (date: string) => new Date(`${date}T23:59:59+08:00`).toISOString();

describeEachEngine("dispatch, deadlines and duplicates", (ctx) => {
  let coordinator: Client;
  let unitadmin: Client;
  let place: [number, number];
  let itemId: number;
  let otherCategoryItem: number;
  /** Another unit of this city, and a unit of another city. */
  let otherUnit: { id: number; name: string };
  let foreignUnit: number;
  let campaignEnd: string;

  beforeAll(async () => {
    coordinator = await ctx().as("coordinator");
    unitadmin = await ctx().as("unitadmin");
    const orm = ctx().db.orm;
    const [row] = await selectRows<{ lon: number; lat: number; unitId: number }>(
      orm,
      sql`SELECT ST_X(ST_PointOnSurface(g.geom)) AS lon, ST_Y(ST_PointOnSurface(g.geom)) AS lat, gu.unit_id AS "unitId"
          FROM grids g JOIN grid_units gu ON gu.grid_id = g.id AND gu.role = 'lead'
          JOIN users u ON u.unit_id = gu.unit_id AND u.username = 'unitadmin'
          ORDER BY g.code LIMIT 1`,
    );
    place = [row!.lon, row!.lat];
    const items = await selectRows<{ id: number; categoryId: number }>(
      orm,
      sql`SELECT DISTINCT ON (category_id) id, category_id AS "categoryId" FROM standard_items ORDER BY category_id, id LIMIT 2`,
    );
    itemId = items[0]!.id;
    otherCategoryItem = items[1]!.id;
    const [other] = await selectRows<{ id: number; name: string }>(
      orm,
      sql`SELECT id, name FROM units WHERE city_id = ${ctx().cityId} AND id <> ${row!.unitId} ORDER BY id LIMIT 1`,
    );
    otherUnit = other!;
    const [city] = await selectRows<{ id: number }>(
      orm,
      sql`INSERT INTO cities (code, name) VALUES ('370400', '枣庄市') RETURNING id`,
    );
    const [foreign] = await selectRows<{ id: number }>(
      orm,
      sql`INSERT INTO units (city_id, name, short_name, kind) VALUES (${city!.id}, '枣庄市立医院', '枣庄市立', 'public_hospital') RETURNING id`,
    );
    foreignUnit = foreign!.id;
    const current = await coordinator.request("/api/campaigns/current");
    campaignEnd = current.body.campaign.phases.at(-1).endsOn;
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  const report = async (body: Record<string, unknown> = {}) => {
    const answer = await coordinator.request(
      "/api/problems",
      post({
        type: "Feature",
        geometry: { type: "Point", coordinates: place },
        properties: { description: "垃圾桶满溢", itemId, ...body },
      }),
    );
    expect(answer.status).toBe(201);
    return answer.body.id as number;
  };
  const step = (client: Client, id: number, body: Record<string, unknown>, headers = {}) =>
    client.request(`/api/problems/${id}/transitions`, post(body, headers));
  const current = async (id: number) =>
    (await coordinator.request(`/api/problems/${id}`)).body.properties;
  /** Dispatched, started and submitted by the unit: ready for the coordinator's verdict. */
  const submitted = async () => {
    const id = await report();
    await step(coordinator, id, { action: "dispatch", version: 1 });
    await step(unitadmin, id, { action: "start", version: 2 });
    const [file] = await selectRows<{ id: number }>(
      ctx().db.orm,
      sql`INSERT INTO files (city_id, sha256, mime, size, original_name)
          VALUES (${ctx().cityId}, ${`${id}`.padStart(64, "a")}, 'image/jpeg', 1000, '整改后.jpg') RETURNING id`,
    );
    const done = await step(unitadmin, id, {
      action: "submit",
      version: 3,
      note: "已清理",
      photoIds: [file!.id],
    });
    expect(done.body.properties.status).toBe("submitted");
    return id;
  };

  it("dispatches to the routed unit with the severity's working days by default", async () => {
    const id = await report();
    const waiting = await current(id);
    expect(waiting).toMatchObject({ status: "reported", deadline: null, overdue: false });
    expect(Date.parse(waiting.awaitingSince)).toBeGreaterThan(Date.now() - 60_000);

    const answer = await step(coordinator, id, { action: "dispatch", version: 1 });
    expect(answer.status).toBe(200);
    const expected = await coordinator.request(
      `/api/calendar/working-days?from=${todayInChina()}&days=3`,
    );
    expect(answer.body.properties).toMatchObject({
      status: "dispatched",
      unitId: waiting.unitId,
      deadline: expected.body.deadline,
      awaitingSince: null,
    });
    expect(answer.body.properties.events.at(-1)).toMatchObject({
      action: "dispatch",
      unitName: waiting.unitName,
      deadline: expected.body.deadline,
    });
  });

  it("dispatches to the unit and by the day the coordinator chose", async () => {
    const id = await report();
    const day = addWorkingDays(todayInChina(), 8).date;
    const answer = await step(coordinator, id, {
      action: "dispatch",
      version: 1,
      unitId: otherUnit.id,
      deadline: day,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.properties).toMatchObject({
      unitId: otherUnit.id,
      unitName: otherUnit.name,
      deadline: endOf(day),
    });
    // The routed unit's admin no longer has it to work on.
    expect((await step(unitadmin, id, { action: "start", version: 2 })).status).toBe(404);
  });

  it("counts 3 working days from the eve of National Day 2026 to its 调休 Saturday", async () => {
    const id = await report();
    // Only the clock of the API's own code moves: 16:00 on Wednesday 30 September 2026 in China.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-09-30T08:00:00Z") });
    const answer = await step(coordinator, id, { action: "dispatch", version: 1 });
    expect(answer.status).toBe(200);
    expect(answer.body.properties.deadline).toBe(endOf("2026-10-10"));
    const holiday = await step(coordinator, id, {
      action: "to_ledger",
      version: 2,
      note: "x",
      reviewOn: "2026-10-20",
    });
    expect(holiday.status).toBe(200);
    const onHoliday = await step(coordinator, id, {
      action: "reopen",
      version: 3,
      deadline: "2026-10-03",
    });
    expect(onHoliday.status).toBe(400);
    expect(onHoliday.body.error.fields.deadline).toContain("2026-10-08");
    const onMakeUpSaturday = await step(coordinator, id, {
      action: "reopen",
      version: 3,
      deadline: "2026-10-10",
    });
    expect(onMakeUpSaturday.body.properties.deadline).toBe(endOf("2026-10-10"));
  });

  it("answers the calendar: N working days after a date, and what it skipped", async () => {
    const answer = await coordinator.request("/api/calendar/working-days?from=2026-09-30&days=3");
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      from: "2026-09-30",
      days: 3,
      date: "2026-10-10",
      deadline: endOf("2026-10-10"),
      official: true,
    });
    expect(answer.body.skipped).toHaveLength(7);
    const spring = await coordinator.request("/api/calendar/working-days?from=2026-02-13&days=2");
    expect(spring.body.date).toBe("2026-02-24"); // Sat 14th worked, then the Spring Festival off
    const bad = await coordinator.request("/api/calendar/working-days?from=2026-02-30&days=x", {
      headers: english,
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["days", "from"]);
    const tooMany = await coordinator.request(
      "/api/calendar/working-days?from=2026-01-05&days=251",
    );
    expect(tooMany.body.error.fields.days).toContain("250");
    const documented = await coordinator.request("/api/openapi.json");
    expect(documented.body.paths["/api/calendar/working-days"]).toBeDefined();
  });

  it("gives a returned rectification a new deadline, chosen or by severity", async () => {
    const chosen = await submitted();
    const day = addWorkingDays(todayInChina(), 2).date;
    const returned = await step(coordinator, chosen, {
      action: "return",
      version: 4,
      reason: "not_fixed",
      deadline: day,
    });
    expect(returned.body.properties).toMatchObject({ status: "returned", deadline: endOf(day) });
    expect(returned.body.properties.events.at(-1).deadline).toBe(endOf(day));

    const byDefault = await submitted();
    const again = await step(coordinator, byDefault, {
      action: "return",
      version: 4,
      reason: "partly_fixed",
    });
    expect(again.body.properties.deadline).toBe(endOf(addWorkingDays(todayInChina(), 3).date));
  });

  it("never shows a problem waiting for dispatch as overdue, and says how long it waited", async () => {
    const id = await report();
    await step(coordinator, id, { action: "dispatch", version: 1 });
    // The deadline passes, then the unit sends it back: it waits for the office again.
    await ctx().db.orm.execute(
      sql`UPDATE problems SET deadline = now() - interval '3 days' WHERE id = ${id}`,
    );
    expect((await current(id)).overdue).toBe(true);
    const back = await step(unitadmin, id, {
      action: "send_back",
      version: 2,
      reason: "not_our_grid",
    });
    expect(back.body.properties).toMatchObject({
      status: "sent_back",
      deadline: null,
      overdue: false,
    });
    expect(back.body.properties.awaitingSince).toBe(back.body.properties.events.at(-1).at);
    const notOverdue = await coordinator.request("/api/problems?overdue=false&status=sent_back");
    expect(notOverdue.body.features.map((f: { id: number }) => f.id)).toContain(id);
    const overdue = await coordinator.request("/api/problems?overdue=true&limit=1000");
    expect(overdue.body.features.map((f: { id: number }) => f.id)).not.toContain(id);
    const board = (await coordinator.request("/api/problems/board")).body;
    expect(board.overdue.map((p: { id: number }) => p.id)).not.toContain(id);
    expect(board.awaitingDispatchCount).toBe(
      (board.byStatus.reported ?? 0) + (board.byStatus.sent_back ?? 0),
    );
    expect(board.awaitingDispatch.length).toBeGreaterThan(0);
    const [undispatchedWithDeadline] = await selectRows<{ n: number }>(
      ctx().db.orm,
      sql`SELECT count(*)::int AS n FROM problems WHERE status IN ('reported', 'sent_back') AND deadline IS NOT NULL`,
    );
    expect(undispatchedWithDeadline!.n).toBe(0);
  });

  it("closes a second report as a duplicate of the problem that carries the work", async () => {
    const original = await report();
    const second = await report({ description: "同一处垃圾桶满溢" });
    const marked = await step(coordinator, second, {
      action: "mark_duplicate",
      version: 1,
      duplicateOf: original,
      note: "同一位置重复上报",
    });
    expect(marked.status).toBe(200);
    expect(marked.body.properties).toMatchObject({
      status: "closed",
      duplicateOf: original,
      overdue: false,
    });
    expect(marked.body.properties.events.at(-1)).toMatchObject({
      action: "mark_duplicate",
      reason: `#${original}`,
    });
    expect((await coordinator.request(`/api/problems/${original}`)).body.properties).toMatchObject({
      status: "reported",
      duplicates: [second],
    });
    // A third report pointing at the second is told to point at the original.
    const third = await report();
    const chained = await step(coordinator, third, {
      action: "mark_duplicate",
      version: 1,
      duplicateOf: second,
    });
    expect(chained.status).toBe(400);
    expect(chained.body.error.fields.duplicateOf).toContain(`#${original}`);
  });

  it("refuses bad dispatches, deadlines and duplicate marks field by field, writing nothing", async () => {
    const id = await report();
    const eventsBefore = (await current(id)).events.length;
    const refused = async (body: Record<string, unknown>, headers = {}) => {
      const answer = await step(coordinator, id, { version: 1, ...body }, headers);
      expect(answer.status).toBe(400);
      return answer.body.error.fields as Record<string, string>;
    };
    expect((await refused({ action: "dispatch", unitId: 987654 })).unitId).toBe(
      "找不到这个责任单位，或它不属于本市",
    );
    expect((await refused({ action: "dispatch", unitId: foreignUnit }, english)).unitId).toBe(
      "no such unit in this city",
    );
    const yesterday = addDays(todayInChina(), -1);
    expect((await refused({ action: "dispatch", deadline: yesterday })).deadline).toContain(
      "不能早于今天",
    );
    const afterCampaign = addWorkingDays(campaignEnd, 1).date;
    expect((await refused({ action: "dispatch", deadline: afterCampaign }, english)).deadline).toBe(
      `the deadline cannot be after the end of “${(await coordinator.request("/api/campaigns/current")).body.campaign.name}” (${campaignEnd})`,
    );
    const both = await refused({ action: "dispatch", unitId: foreignUnit, deadline: yesterday });
    expect(Object.keys(both).sort()).toEqual(["deadline", "unitId"]);
    expect((await refused({ action: "mark_duplicate", duplicateOf: id })).duplicateOf).toBe(
      "不能把问题标记为它自己的重复",
    );
    expect((await refused({ action: "mark_duplicate" }, english)).duplicateOf).toBe("is required");
    expect((await refused({ action: "mark_duplicate", duplicateOf: 99_999_999 })).duplicateOf).toBe(
      "找不到问题 #99999999",
    );
    const closedElsewhere = await report({ itemId: otherCategoryItem });
    await ctx().db.orm.execute(
      sql`UPDATE problems SET status = 'closed', closed_at = now() WHERE id = ${closedElsewhere}`,
    );
    expect(
      (await refused({ action: "mark_duplicate", duplicateOf: closedElsewhere }, english))
        .duplicateOf,
    ).toBe(
      `problem #${closedElsewhere} is closed and of another category; it cannot be the one this duplicates`,
    );
    const after = await current(id);
    expect(after).toMatchObject({
      status: "reported",
      version: 1,
      deadline: null,
      duplicateOf: null,
    });
    expect(after.events).toHaveLength(eventsBefore);
  });
});
