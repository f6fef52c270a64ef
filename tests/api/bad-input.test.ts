// Malformed requests get a 400 naming the field (or a 404), in the one error shape, never a 500.
import { expect, it } from "vitest";
import { describeEachEngine } from "./engines.ts";

const badRequests: [path: string, field: string][] = [
  ["/api/grids?bbox=1,2,3", "bbox"],
  ["/api/grids?bbox=a,b,c,d", "bbox"],
  ["/api/grids?bbox=117,35,116,36", "bbox"],
  ["/api/grids?bbox=-181,0,10,10", "bbox"],
  ["/api/grids?bbox=0,-91,10,10", "bbox"],
  ["/api/problems?bbox=1,2,3,4,5", "bbox"],
  ["/api/problems?status=fixed", "status"],
  ["/api/problems?status=closed,nope", "status"],
  ["/api/problems?overdue=yes", "overdue"],
  ["/api/problems?severity=terrible", "severity"],
  ["/api/units?kind=bakery", "kind"],
  ["/api/points?kind=tree", "kind"],
  ["/api/regions?level=planet", "level"],
  ["/api/grids?communityId=abc", "communityId"],
  ["/api/grids?unitId=-1", "unitId"],
  ["/api/grids?limit=0", "limit"],
  ["/api/grids?limit=100000", "limit"],
  ["/api/grids?offset=-5", "offset"],
  ["/api/grids?colour=red", "colour"],
  ["/api/grids/abc", "id"],
  ["/api/grids/1.5", "id"],
  ["/api/grids/0", "id"],
  ["/api/problems/99999999999", "id"],
  ["/api/units/1e3", "id"],
  ["/api/communities?code=12", "code"],
];

describeEachEngine("bad input", (ctx) => {
  it.each(badRequests)("GET %s → 400 naming %s", async (path, field) => {
    const { status, body } = await ctx().request(path);
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toBeTruthy();
    expect(Object.keys(body.error.fields)).toContain(field);
    expect(body.error.fields[field]).toMatch(/\S/);
  });

  it.each(["grids", "communities", "units", "points", "problems"])(
    "GET /api/%s/{unknown id} → 404 with the entity named",
    async (resource) => {
      const { status, body } = await ctx().request(`/api/${resource}/2147483647`);
      expect(status).toBe(404);
      expect(body.error.code).toBe("not_found");
      expect(body.error.message).toContain("2147483647");
    },
  );

  it("speaks Chinese by default and English when asked", async () => {
    const zh = await ctx().request("/api/grids?bbox=1,2,3");
    expect(zh.body.error.fields.bbox).toContain("最小经度");
    const en = await ctx().request("/api/grids?bbox=1,2,3", {
      headers: { "accept-language": "en-US,en;q=0.9" },
    });
    expect(en.body.error.fields.bbox).toContain("minLon");
    const missing = await ctx().request("/api/grids/2147483647", {
      headers: { "accept-language": "en" },
    });
    expect(missing.body.error.message).toBe("Grid 2147483647 was not found.");
  });

  it("answers an unknown API path with a JSON 404", async () => {
    const { status, body } = await ctx().request("/api/nothing-here");
    expect(status).toBe(404);
    expect(body.error.code).toBe("not_found");
  });

  it("keeps SQL-looking filter values as data", async () => {
    const { status } = await ctx().request("/api/communities?code=1%27%20OR%201%3D1--");
    expect(status).toBe(400);
    const grids = await ctx().request("/api/grids");
    expect(grids.body.numberMatched).toBe(10);
  });
});
