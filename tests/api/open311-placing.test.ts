// Placing a citizen's address-only Open311 request (待定位): it becomes a problem routed to the grid
// that contains the place and that grid's lead unit; a refused place says why, field by field, in
// the caller's language, and leaves the request waiting with nothing written.
import { selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "./engines.ts";

describeEachEngine("placing an Open311 request that waits for a place", (ctx) => {
  const file = async (address: string) => {
    const services = await ctx().anonymous.request("/open311/v2/services.json");
    const body = new URLSearchParams({
      service_code: services.body[0].service_code,
      address_string: address,
      description: "垃圾桶满溢，无人清运",
      media_url: "https://example.org/photo-1.jpg",
      last_name: "王",
    });
    const filed = await ctx().anonymous.request("/open311/v2/requests.json", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: body.toString(),
    });
    expect(filed.status).toBe(201);
    const waiting = await ctx().request("/api/open311-requests/waiting");
    return waiting.body.requests.find(
      (r: { addressString: string }) => r.addressString === address,
    );
  };
  const place = (id: number, body: unknown, language = "zh-CN") =>
    ctx().request(`/api/open311-requests/${id}/place`, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": language },
      body: JSON.stringify(body),
    });
  const written = async () => {
    const [row] = await selectRows<{ problems: number; audits: number }>(
      ctx().db.orm,
      sql`SELECT (SELECT count(*) FROM problems)::int AS problems,
                 (SELECT count(*) FROM audit_log)::int AS audits`,
    );
    return row!;
  };

  it("lists what the citizen sent: address, description, service, time, media link", async () => {
    const waiting = await file("荆河路与善国路路口东北角");
    expect(waiting).toMatchObject({
      description: "垃圾桶满溢，无人清运",
      serviceName: expect.any(String),
      citizenName: "王",
      mediaUrl: "https://example.org/photo-1.jpg",
      photoFileId: null,
      requestedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/),
    });
  });

  it("refuses a bad place field by field in the caller's language, and writes nothing", async () => {
    const waiting = await file("北辛街道文化广场西门");
    const before = await written();
    const cases: Array<[unknown, string, RegExp, RegExp]> = [
      [{ type: "Polygon", coordinates: [117.16, 35.08] }, "type", /Point/, /Point/],
      [{ type: "Point", coordinates: [117.16] }, "coordinates", /./, /./],
      [{ type: "Point", coordinates: [200, 35] }, "coordinates.0", /180/, /180/],
      [{ type: "Point", coordinates: [116.4, 39.9] }, "location", /千米|公里|城市/, /km|city/],
    ];
    for (const [body, field, zh, en] of cases) {
      const chinese = await place(waiting.id, body, "zh-CN");
      expect(chinese.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(chinese.body.error.fields ?? {}), JSON.stringify(body)).toContain(field);
      expect(chinese.body.error.fields[field]).toMatch(zh);
      expect(chinese.body.error.fields[field]).toMatch(/[\u4e00-\u9fff]/);
      const english = await place(waiting.id, body, "en");
      expect(english.body.error.fields[field]).toMatch(en);
      expect(english.body.error.fields[field]).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await written()).toEqual(before);
    const still = await ctx().request("/api/open311-requests/waiting");
    expect(still.body.requests.map((r: { id: number }) => r.id)).toContain(waiting.id);
  });

  it("routes a placed request to the grid that contains the place and its lead unit", async () => {
    const waiting = await file("善国中路 88 号门前");
    const [grid] = await selectRows<{ id: number; lon: number; lat: number; unitId: number }>(
      ctx().db.orm,
      sql`SELECT g.id, ST_X(ST_PointOnSurface(g.geom)) AS lon, ST_Y(ST_PointOnSurface(g.geom)) AS lat,
            gu.unit_id AS "unitId"
          FROM grids g JOIN grid_units gu ON gu.grid_id = g.id AND gu.role = 'lead'
          WHERE g.deleted_at IS NULL ORDER BY g.code DESC LIMIT 1`,
    );
    const placed = await place(waiting.id, { type: "Point", coordinates: [grid!.lon, grid!.lat] });
    expect(placed.status).toBe(201);
    const problem = await ctx().request(`/api/problems/${placed.body.problemId}`);
    expect(problem.body.properties).toMatchObject({
      source: "citizen",
      gridId: grid!.id,
      unitId: grid!.unitId,
    });
    expect(problem.body.properties.description).toContain("善国中路 88 号门前");
    const still = await ctx().request("/api/open311-requests/waiting");
    expect(still.body.requests.map((r: { id: number }) => r.id)).not.toContain(waiting.id);
    const missing = await place(999_999, { type: "Point", coordinates: [grid!.lon, grid!.lat] });
    expect(missing.status).toBe(404);
  });
});
