// Volunteers on both engines: my patrol area, patrols with tracks, dedication days with check-in
// inside the grid, activities with hours and the office's totals. (Replaying one queued report ten
// times with one Idempotency-Key making one problem is proven in rectification.test.ts.)
import { selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { type Client, describeEachEngine } from "./engines.ts";

const post = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

/** ISO times a minute apart, from now. */
const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
const todayInChina = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describeEachEngine("volunteers", (ctx) => {
  let volunteer: Client;
  let coordinator: Client;
  let grid: { id: number; name: string; lon: number; lat: number; eastLon: number };
  let me: { personId: number; branchId: number; branchName: string };

  const count = async (table: string) => {
    const [row] = await selectRows<{ n: number }>(
      ctx().db.orm,
      sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`,
    );
    return row?.n ?? 0;
  };

  beforeAll(async () => {
    volunteer = await ctx().as("volunteer");
    coordinator = await ctx().as("coordinator");
    const orm = ctx().db.orm;
    const [row] = await selectRows<typeof grid & typeof me>(
      orm,
      sql`SELECT g.id, g.name, ST_X(ST_PointOnSurface(g.geom)) AS lon, ST_Y(ST_PointOnSurface(g.geom)) AS lat,
            ST_XMax(g.geom) AS "eastLon", pe.id AS "personId", pe.branch_id AS "branchId", b.name AS "branchName"
          FROM users u JOIN people pe ON pe.id = u.person_id
          JOIN grid_people gp ON gp.person_id = pe.id JOIN grids g ON g.id = gp.grid_id
          JOIN volunteer_branches b ON b.id = pe.branch_id
          WHERE u.username = 'volunteer' ORDER BY g.code LIMIT 1`,
    );
    grid = row!;
    me = row!;
  });

  describe("my patrol area", () => {
    it("shows my grids with boundary, lead hospital and grid leader with phones, points and open problems", async () => {
      const { status, body } = await volunteer.request("/api/my-area");
      expect(status).toBe(200);
      const mine = body.grids.features.find((f: any) => f.id === grid.id);
      expect(mine.geometry.type).toBe("MultiPolygon");
      expect(mine.properties.leadUnit.name).toBeTruthy();
      expect(mine.properties.leadUnit.phone).toMatch(/\d{7,}/);
      expect(mine.properties.leader.mobile).toMatch(/^1\d{10}$/);
      expect(mine.properties.team.map((m: any) => m.personId)).toContain(me.personId);
      const gridIds = new Set(body.grids.features.map((f: any) => f.id));
      expect(body.points.features.length).toBeGreaterThan(0);
      expect(body.points.features.every((f: any) => gridIds.has(f.properties.gridId))).toBe(true);
      expect(
        body.problems.features.every(
          (f: any) =>
            gridIds.has(f.properties.gridId) && !["closed", "ledger"].includes(f.properties.status),
        ),
      ).toBe(true);
    });

    it("holds the demo's walks of this week, today's dedication day and the volunteer's hours", async () => {
      const week = await volunteer.request(`/api/patrols?gridId=${grid.id}`);
      const seeded = week.body.features.filter((f: any) => f.properties.pointCount === 30);
      expect(seeded.length).toBeGreaterThanOrEqual(3);
      expect(seeded.every((f: any) => f.geometry.type === "LineString")).toBe(true);
      const days = await volunteer.request(`/api/dedication-days?from=${todayInChina()}`);
      expect(
        days.body.days.some((d: any) => d.gridId === grid.id && d.heldOn === todayInChina()),
      ).toBe(true);
      const hours = await volunteer.request("/api/activities?mine=true");
      expect(hours.body.myHours).toBeGreaterThan(0);
    });

    it("is a volunteer's or grid leader's page, not the campaign office's", async () => {
      expect((await coordinator.request("/api/my-area")).status).toBe(403);
      expect((await (await ctx().as("gridleader")).request("/api/my-area")).status).toBe(200);
    });
  });

  describe("patrols", () => {
    const near = (i: number) => ({
      lon: grid.lon + i * 0.0002,
      lat: grid.lat,
      at: minutes(i),
      accuracyM: 8,
    });

    it("records a patrol as a track, batch by batch, and lists it in this week's history of the grid", async () => {
      const started = await volunteer.request("/api/patrols", post({ points: [near(0)] }));
      expect(started.status).toBe(201);
      expect(started.body.properties.gridId).toBe(grid.id);
      expect(started.body.geometry).toBeNull();
      const id = started.body.id;
      const batch = await volunteer.request(
        `/api/patrols/${id}/points`,
        post({ points: [near(1), near(2)] }),
      );
      expect(batch.status).toBe(200);
      expect(batch.body.geometry.type).toBe("LineString");
      expect(batch.body.geometry.coordinates).toHaveLength(3);
      const stopped = await volunteer.request(
        `/api/patrols/${id}/points`,
        post({ points: [near(3)], stop: true }),
      );
      expect(stopped.body.properties.endedAt).not.toBeNull();
      expect(stopped.body.properties.pointCount).toBe(4);
      // three steps of 0.0002° of longitude at ≈ 35° N: about 55 m
      expect(stopped.body.properties.lengthM).toBeGreaterThan(45);
      expect(stopped.body.properties.lengthM).toBeLessThan(65);

      const week = await volunteer.request(`/api/patrols?gridId=${grid.id}`);
      expect(week.status).toBe(200);
      expect(week.body.features.map((f: any) => f.id)).toContain(id);
      const office = await coordinator.request(`/api/patrols?gridId=${grid.id}`);
      expect(office.body.features.map((f: any) => f.id)).toContain(id);

      const late = await volunteer.request(
        `/api/patrols/${id}/points`,
        post({ points: [near(4)] }),
      );
      expect(late.status).toBe(409);
    });

    it("refuses a track whose time goes backwards, naming the point, and saves nothing", async () => {
      const before = [await count("patrols"), await count("patrol_points")];
      const points = [near(0), near(2), { ...near(3), at: minutes(1) }];
      const answer = await volunteer.request("/api/patrols", post({ points }));
      expect(answer.status).toBe(400);
      expect(answer.body.error.fields["points.2.at"]).toMatch(/第 2 个点.*早于前一个点/);
      expect([await count("patrols"), await count("patrol_points")]).toEqual(before);
    });

    it("refuses a batch that starts before the patrol's last point", async () => {
      const started = await volunteer.request("/api/patrols", post({ points: [near(5)] }));
      const answer = await volunteer.request(
        `/api/patrols/${started.body.id}/points`,
        post({ points: [near(4)] }),
      );
      expect(answer.status).toBe(400);
      expect(Object.keys(answer.body.error.fields)).toEqual(["points.0.at"]);
      const again = await volunteer.request(`/api/patrols/${started.body.id}`);
      expect(again.body.properties.pointCount).toBe(1);
    });

    it("refuses a position outside China, naming the point", async () => {
      const before = await count("patrols");
      const points = [near(0), { lon: 2.35, lat: 48.85, at: minutes(1) }];
      const answer = await volunteer.request("/api/patrols", post({ points }));
      expect(answer.status).toBe(400);
      expect(answer.body.error.fields["points.1"]).toMatch(/不在中国境内/);
      expect(await count("patrols")).toBe(before);
    });

    it("lets only the walker add to a patrol, and only volunteers and grid leaders start one", async () => {
      const started = await volunteer.request("/api/patrols", post({ points: [near(0)] }));
      const leader = await ctx().as("gridleader");
      const other = await leader.request(
        `/api/patrols/${started.body.id}/points`,
        post({ points: [near(1)] }),
      );
      expect(other.status).toBe(404);
      expect((await coordinator.request("/api/patrols", post({}))).status).toBe(403);
    });
  });

  describe("dedication days", () => {
    let dayId: number;

    it("the office schedules a day for a grid; a volunteer of the grid signs up, once however often", async () => {
      const scheduled = await coordinator.request(
        "/api/dedication-days",
        post({ gridId: grid.id, heldOn: todayInChina(), title: "创城网格奉献日" }),
      );
      expect(scheduled.status).toBe(201);
      dayId = scheduled.body.id;
      await volunteer.request(`/api/dedication-days/${dayId}/sign-up`, post({}));
      const again = await volunteer.request(`/api/dedication-days/${dayId}/sign-up`, post({}));
      expect(again.status).toBe(200);
      expect(again.body.signedUp).toBe(1);
      expect(again.body.mine.checkedInAt).toBeNull();
      const listed = await volunteer.request("/api/dedication-days");
      expect(listed.body.days.map((d: any) => d.id)).toContain(dayId);
    });

    it("refuses a check-in 2 km outside the grid, saying how far, and records one inside", async () => {
      const kmEast = 2 / (111.32 * Math.cos((grid.lat * Math.PI) / 180));
      const outside = await volunteer.request(
        `/api/dedication-days/${dayId}/check-in`,
        post({ lon: grid.eastLon + kmEast, lat: grid.lat, accuracyM: 10 }),
      );
      expect(outside.status).toBe(400);
      expect(outside.body.error.fields.location).toMatch(/外约 \d+ 米（2\.0 公里）/);
      const [row] = await selectRows<{ n: number }>(
        ctx().db.orm,
        sql`SELECT count(*)::int AS n FROM dedication_signups WHERE day_id = ${dayId} AND checked_in_at IS NOT NULL`,
      );
      expect(row?.n).toBe(0);

      const inside = await volunteer.request(
        `/api/dedication-days/${dayId}/check-in`,
        post({ lon: grid.lon, lat: grid.lat, accuracyM: 10 }),
      );
      expect(inside.status).toBe(200);
      expect(inside.body.mine.checkedInAt).not.toBeNull();
      expect(inside.body.checkedIn).toBe(1);
    });

    it("shows the office who signed up and who came, by name; not a volunteer", async () => {
      const office = await coordinator.request(`/api/dedication-days/${dayId}/sign-ups`);
      expect(office.status).toBe(200);
      const me = await volunteer.request("/api/auth/me");
      const [person] = await selectRows<{ name: string }>(
        ctx().db.orm,
        sql`SELECT name FROM people WHERE id = ${me.body.user.personId}`,
      );
      expect(office.body.signUps).toEqual([
        expect.objectContaining({ name: person!.name, checkedInAt: expect.any(String) }),
      ]);
      expect((await volunteer.request(`/api/dedication-days/${dayId}/sign-ups`)).status).toBe(403);
      expect((await coordinator.request("/api/dedication-days/999999/sign-ups")).status).toBe(404);
    });

    it("refuses a day in the past, and a volunteer scheduling", async () => {
      const past = await coordinator.request(
        "/api/dedication-days",
        post({ gridId: grid.id, heldOn: "2020-01-04", title: "过去" }),
      );
      expect(past.status).toBe(400);
      expect(past.body.error.fields.heldOn).toBeTruthy();
      const mine = await volunteer.request(
        "/api/dedication-days",
        post({ gridId: grid.id, heldOn: todayInChina(), title: "自己安排" }),
      );
      expect(mine.status).toBe(403);
    });
  });

  describe("activities", () => {
    it("a volunteer logs their branch's activity; they see their own hours", async () => {
      const before = await volunteer.request("/api/activities?mine=true");
      const logged = await volunteer.request(
        "/api/activities",
        post({
          kind: "elderly_care",
          title: "敬老院义诊",
          heldOn: todayInChina(),
          gridId: grid.id,
          participants: [{ personId: me.personId, hours: 2.5 }],
        }),
      );
      expect(logged.status).toBe(201);
      expect(logged.body.branchId).toBe(me.branchId);
      expect(logged.body.myHours).toBe(2.5);
      const after = await volunteer.request("/api/activities?mine=true");
      expect(after.body.myHours).toBeCloseTo(before.body.myHours + 2.5);
    });

    it("refuses an unknown participant by its place in the list, and writes nothing", async () => {
      const before = await count("volunteer_activities");
      const answer = await volunteer.request(
        "/api/activities",
        post({
          kind: "health_promotion",
          title: "健康讲座",
          heldOn: todayInChina(),
          participants: [
            { personId: me.personId, hours: 1 },
            { personId: 999_999, hours: 1 },
          ],
        }),
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error.fields["participants.1.personId"]).toMatch(/999999/);
      expect(await count("volunteer_activities")).toBe(before);
    });

    it("gives the office totals per branch and per volunteer, and the same as XLSX", async () => {
      const totals = await coordinator.request("/api/activities/totals");
      expect(totals.status).toBe(200);
      const branch = totals.body.branches.find((b: any) => b.branchId === me.branchId);
      expect(branch.hours).toBeGreaterThanOrEqual(2.5);
      const person = totals.body.volunteers.find((v: any) => v.personId === me.personId);
      expect(person.hours).toBeGreaterThanOrEqual(2.5);

      const response = await coordinator.raw("/api/activities/totals.xlsx");
      expect(response.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await response.arrayBuffer());
      const names: string[] = [];
      const branches = book.getWorksheet("支队汇总")!;
      branches.eachRow((row) => {
        names.push(String(row.getCell(2).value));
      });
      expect(names).toContain(me.branchName);
      const sum = (rows: any[]) => rows.reduce((s, r) => s + r.hours, 0);
      const branchTotal = branches.getRow(branches.rowCount);
      expect(branchTotal.getCell(1).text).toBe("合计");
      expect(Number(branchTotal.getCell(5).value)).toBeCloseTo(sum(totals.body.branches), 2);
      const people = book.getWorksheet("志愿者汇总")!;
      expect(people.rowCount).toBe(totals.body.volunteers.length + 3);
      expect(people.getRow(3).getCell(1).value).toBe(1);
      expect(Number(people.getRow(people.rowCount).getCell(5).value)).toBeCloseTo(
        sum(totals.body.volunteers),
        2,
      );

      expect((await volunteer.request("/api/activities/totals")).status).toBe(403);
    });
  });

  it("tells the web app the basemap's coordinate system (WGS84 unless BASEMAP_CRS says GCJ-02)", async () => {
    const { body } = await ctx().anonymous.request("/api/config");
    expect(body.basemapCrs).toBe("wgs84");
  });

  it("documents every volunteer endpoint in the OpenAPI document", async () => {
    const { status, body } = await ctx().request("/api/openapi.json");
    expect(status).toBe(200);
    const paths = Object.keys(body.paths);
    for (const path of [
      "/api/my-area",
      "/api/patrols",
      "/api/patrols/{id}",
      "/api/patrols/{id}/points",
      "/api/dedication-days",
      "/api/dedication-days/{id}/sign-up",
      "/api/dedication-days/{id}/sign-ups",
      "/api/dedication-days/{id}/check-in",
      "/api/activities",
      "/api/activities/totals",
      "/api/activities/totals.xlsx",
    ]) {
      expect(paths.some((p) => p.replace(/\/$/, "") === path)).toBe(true);
    }
  });
});
