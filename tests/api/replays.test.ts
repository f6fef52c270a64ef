// What a phone on a bad network resends: ten copies at once of each write with one Idempotency-Key
// get the first answer (all 2xx, the same body) and make one row; the key is the sender's own; the
// same key with a different body is refused with 422.
import { selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { type Answer, type Client, describeEachEngine } from "./engines.ts";

const post = (body: unknown, key: string) => ({
  method: "POST",
  headers: { "content-type": "application/json", "idempotency-key": key },
  body: JSON.stringify(body),
});
const todayInChina = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describeEachEngine("replayed writes", (ctx) => {
  let volunteer: Client;
  let grid: { id: number; lon: number; lat: number; personId: number };

  const count = async (query: ReturnType<typeof sql>) =>
    (await selectRows<{ n: number }>(ctx().db.orm, query))[0]?.n;

  /** Ten copies of one request at once. */
  const tenAtOnce = (client: Client, path: string, body: unknown, key: string) =>
    Promise.all(Array.from({ length: 10 }, () => client.request(path, post(body, key))));

  const expectOneAnswer = (answers: Answer[]) => {
    for (const a of answers) expect(a.status, JSON.stringify(a.body)).toBeLessThan(300);
    expect(new Set(answers.map((a) => a.status)).size).toBe(1);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
  };

  beforeAll(async () => {
    volunteer = await ctx().as("volunteer");
    [grid] = (await selectRows<typeof grid>(
      ctx().db.orm,
      sql`SELECT g.id, ST_X(ST_PointOnSurface(g.geom)) AS lon, ST_Y(ST_PointOnSurface(g.geom)) AS lat,
            pe.id AS "personId"
          FROM users u JOIN people pe ON pe.id = u.person_id
          JOIN grid_people gp ON gp.person_id = pe.id JOIN grids g ON g.id = gp.grid_id
          WHERE u.username = 'volunteer' ORDER BY g.code LIMIT 1`,
    )) as [typeof grid];
  });

  const report = (description: string) => ({
    type: "Feature",
    geometry: { type: "Point", coordinates: [grid.lon, grid.lat] },
    properties: { description },
  });

  it("a report sent ten times at once is one problem, and every copy gets its answer", async () => {
    const key = `report-${ctx().db.engine}-ten-at-once`;
    const answers = await tenAtOnce(volunteer, "/api/problems", report("楼道堆物，离线补发"), key);
    expectOneAnswer(answers);
    expect(answers[0]!.status).toBe(201);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM problems WHERE idempotency_key = ${key}`),
    ).toBe(1);
    // Later, once more: the stored answer, marked as a replay.
    const later = await volunteer.request("/api/problems", post(report("楼道堆物，离线补发"), key));
    expect(later.body).toEqual(answers[0]!.body);
    expect(later.headers.get("idempotent-replayed")).toBe("true");
  });

  it("refuses the same key with a different report (422), writing nothing", async () => {
    const key = `report-${ctx().db.engine}-changed-body`;
    expect((await volunteer.request("/api/problems", post(report("第一份"), key))).status).toBe(
      201,
    );
    const before = await count(sql`SELECT count(*)::int AS n FROM problems`);
    const changed = await volunteer.request("/api/problems", post(report("第二份"), key));
    expect(changed.status).toBe(422);
    expect(changed.body.error.code).toBe("idempotency_key_reused");
    expect(changed.body.error.message).toMatch(/Idempotency-Key/);
    expect(await count(sql`SELECT count(*)::int AS n FROM problems`)).toBe(before);
  });

  it("keeps each user's keys apart: another user's same key makes their own problem", async () => {
    const key = `report-${ctx().db.engine}-shared-key`;
    const mine = await volunteer.request("/api/problems", post(report("志愿者上报"), key));
    const theirs = await (await ctx().as("coordinator")).request(
      "/api/problems",
      post(report("创城办上报"), key),
    );
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.body.properties.description).toBe("创城办上报");
  });

  it("a failed request keeps no answer: fixed and resent with the same key, it is made", async () => {
    const key = `report-${ctx().db.engine}-after-refusal`;
    const refused = await volunteer.request(
      "/api/problems",
      post({ ...report(""), type: "Feature" }, key),
    );
    expect(refused.status).toBe(400);
    const again = await volunteer.request("/api/problems", post(report(""), key));
    expect(again.status).toBe(400);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = ${key}`),
    ).toBe(0);
  });

  it("patrol start, its points, a check-in and an activity, each sent ten times at once, are each written once", async () => {
    const e = ctx().db.engine;
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    const started = await tenAtOnce(
      volunteer,
      "/api/patrols",
      { gridId: grid.id, points: [{ lon: grid.lon, lat: grid.lat, at: at(0) }] },
      `patrol-${e}-start`,
    );
    expectOneAnswer(started);
    const patrolId = started[0]!.body.id;
    expect(await count(sql`SELECT count(*)::int AS n FROM patrols WHERE id >= ${patrolId}`)).toBe(
      1,
    );

    const points = await tenAtOnce(
      volunteer,
      `/api/patrols/${patrolId}/points`,
      { points: [{ lon: grid.lon + 0.0001, lat: grid.lat, at: at(1) }] },
      `patrol-${e}-points-1`,
    );
    expectOneAnswer(points);
    expect(points[0]!.body.properties.pointCount).toBe(2);

    const day = await (await ctx().as("coordinator")).request(
      "/api/dedication-days",
      post({ gridId: grid.id, heldOn: todayInChina(), title: "网格奉献日" }, `day-${e}`),
    );
    expect(day.status).toBe(201);
    await volunteer.request(`/api/dedication-days/${day.body.id}/sign-up`, post({}, `signup-${e}`));
    const checkIns = await tenAtOnce(
      volunteer,
      `/api/dedication-days/${day.body.id}/check-in`,
      { lon: grid.lon, lat: grid.lat, accuracyM: 10 },
      `checkin-${e}`,
    );
    expectOneAnswer(checkIns);
    expect(checkIns[0]!.body.checkedIn).toBe(1);

    const activityCount = () => count(sql`SELECT count(*)::int AS n FROM volunteer_activities`);
    const before = await activityCount();
    const activities = await tenAtOnce(
      volunteer,
      "/api/activities",
      {
        kind: "elderly_care",
        title: "敬老院义诊（补发）",
        heldOn: todayInChina(),
        participants: [{ personId: grid.personId, hours: 2 }],
      },
      `activity-${e}`,
    );
    expectOneAnswer(activities);
    expect(await activityCount()).toBe((before ?? 0) + 1);
  });
});
