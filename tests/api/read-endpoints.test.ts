// The spine's read API on both engines: the demo city as GeoJSON, filters, paging, one error shape.
import { expect, it } from "vitest";
import { describeEachEngine } from "./engines.ts";

describeEachEngine("read endpoints", (ctx) => {
  it("answers health with the engine, PostGIS and the city", async () => {
    const { status, body } = await ctx().request("/api/health");
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: "ok",
      engine: ctx().db.engine,
      city: { code: "370481", name: "滕州市" },
    });
    expect(body.postgis).toMatch(/^3\./);
  });

  it("lists the two assigned communities with their grid counts and areas", async () => {
    const { status, body } = await ctx().request("/api/communities");
    expect(status).toBe(200);
    expect(body.type).toBe("FeatureCollection");
    const names = body.features.map((f: any) => f.properties.name).sort();
    expect(names).toEqual(["蕃阳社区", "郭彭庄社区"].sort());
    const grids = body.features.reduce((n: number, f: any) => n + f.properties.gridCount, 0);
    expect(grids).toBe(10);
    for (const f of body.features) {
      expect(f.geometry.type).toBe("MultiPolygon");
      expect(f.properties.areaM2).toBeGreaterThan(100_000);
    }
  });

  it("lists 10 grids with 15-digit codes, a lead hospital, a leader and volunteers", async () => {
    const { body } = await ctx().request("/api/grids");
    expect(body.numberMatched).toBe(10);
    expect(body.features).toHaveLength(10);
    const codes = body.features.map((f: any) => f.properties.code);
    expect(new Set(codes).size).toBe(10);
    for (const f of body.features) {
      expect(f.properties.code).toMatch(/^370481\d{9}$/);
      expect(f.properties.leadUnitName).toBeTruthy();
      expect(f.properties.leaderName).toBeTruthy();
      expect(f.properties.volunteerCount).toBeGreaterThan(0);
      expect(f.geometry.type).toBe("MultiPolygon");
    }
  });

  it("shows one grid with its community, units, leader and volunteers", async () => {
    const list = await ctx().request("/api/grids?limit=1");
    const id = list.body.features[0].id;
    const { status, body } = await ctx().request(`/api/grids/${id}`);
    expect(status).toBe(200);
    expect(body.id).toBe(id);
    expect(body.properties.communityName).toMatch(/社区$/);
    expect(body.properties.leadUnit.name).toBe(body.properties.leadUnitName);
    expect(body.properties.leader.mobile).toMatch(/^1\d{10}$/);
    expect(body.properties.volunteers.length).toBe(body.properties.volunteerCount);
  });

  it("filters grids by community and by unit", async () => {
    const communities = await ctx().request("/api/communities");
    const community = communities.body.features[0];
    const byCommunity = await ctx().request(`/api/grids?communityId=${community.id}`);
    expect(byCommunity.body.numberMatched).toBe(community.properties.gridCount);
    const grid = byCommunity.body.features[0];
    const byUnit = await ctx().request(`/api/grids?unitId=${grid.properties.leadUnitId}`);
    expect(byUnit.body.features.map((f: any) => f.id)).toContain(grid.id);
  });

  it("lists 15 hospitals, each with its four responsible persons", async () => {
    const kinds = ["public_hospital", "private_hospital", "out_of_town_hospital"];
    let hospitals: any[] = [];
    for (const kind of kinds) {
      const { body } = await ctx().request(`/api/units?kind=${kind}`);
      expect(body.numberMatched).toBeGreaterThan(0);
      hospitals = hospitals.concat(body.features);
    }
    expect(hospitals).toHaveLength(15);
    const { body } = await ctx().request(`/api/units/${hospitals[0].id}`);
    expect(body.properties.responsible.map((r: any) => r.duty)).toEqual([
      "head",
      "deputy",
      "department_head",
      "platform_admin",
    ]);
  });

  it("marks the units that lead a grid, the same ones the grids name as lead", async () => {
    const grids = await ctx().request("/api/grids");
    const leading = new Set(grids.body.features.map((f: any) => f.properties.leadUnitId));
    const units = await ctx().request("/api/units?limit=5000");
    const marked = units.body.features.filter((f: any) => f.properties.leadsGrids);
    expect(new Set(marked.map((f: any) => f.id))).toEqual(leading);
    expect(marked.length).toBeLessThan(units.body.features.length);
  });

  it("tells the web map above how many features a layer is drawn from tiles", async () => {
    const { body } = await ctx().anonymous.request("/api/config");
    expect(body.mapTilesAbove).toBe(2000);
  });

  it("lists inspection points of several kinds, street points inside a grid", async () => {
    const { body } = await ctx().request("/api/points?limit=5000");
    const kinds = new Set(body.features.map((f: any) => f.properties.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(4);
    const streets = await ctx().request("/api/points?kind=street");
    expect(streets.body.features.length).toBeGreaterThan(0);
    for (const f of streets.body.features) expect(f.properties.gridCode).toMatch(/^\d{15}$/);
  });

  it("lists problems in every rectification state, routed to a grid and its lead unit", async () => {
    const { body } = await ctx().request("/api/problems?limit=5000");
    const statuses = new Set(body.features.map((f: any) => f.properties.status));
    for (const s of [
      "reported",
      "dispatched",
      "rectifying",
      "submitted",
      "returned",
      "sent_back",
      "ledger",
      "closed",
    ]) {
      expect(statuses).toContain(s);
    }
    for (const f of body.features) {
      expect(f.properties.gridCode).toMatch(/^\d{15}$/);
      expect(f.properties.unitName).toBeTruthy();
    }
    const overdue = await ctx().request("/api/problems?overdue=true");
    expect(overdue.body.numberMatched).toBeGreaterThan(0);
    for (const f of overdue.body.features) expect(f.properties.overdue).toBe(true);
  });

  it("shows a problem's status history, ending in its current status", async () => {
    const closed = await ctx().request("/api/problems?status=closed&limit=1");
    const { body } = await ctx().request(`/api/problems/${closed.body.features[0].id}`);
    const events = body.properties.events;
    expect(events[0]).toMatchObject({
      seq: 1,
      action: "report",
      fromStatus: null,
      toStatus: "reported",
    });
    expect(events.at(-1).toStatus).toBe("closed");
    for (let i = 1; i < events.length; i++) {
      expect(events[i].fromStatus).toBe(events[i - 1].toStatus);
      expect(Date.parse(events[i].at)).toBeGreaterThanOrEqual(Date.parse(events[i - 1].at));
    }
  });

  it("filters by bbox: a box around one grid finds it, a box far away finds nothing", async () => {
    const { body } = await ctx().request("/api/grids?limit=1");
    const ring = body.features[0].geometry.coordinates[0][0] as [number, number][];
    const lons = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    const box = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)].join(
      ",",
    );
    const near = await ctx().request(`/api/grids?bbox=${box}`);
    expect(near.body.features.map((f: any) => f.id)).toContain(body.features[0].id);
    const far = await ctx().request("/api/grids?bbox=100,20,100.1,20.1");
    expect(far.body.numberMatched).toBe(0);
    const problemsFar = await ctx().request("/api/problems?bbox=100,20,100.1,20.1");
    expect(problemsFar.body.features).toEqual([]);
  });

  it("pages with a stable order and a next link", async () => {
    const first = await ctx().request("/api/grids?limit=4");
    expect(first.body.numberReturned).toBe(4);
    const next = first.body.links.find((l: any) => l.rel === "next");
    expect(next.href).toContain("offset=4");
    const second = await ctx().request(next.href);
    const all = await ctx().request("/api/grids");
    expect([...first.body.features, ...second.body.features].map((f: any) => f.id)).toEqual(
      all.body.features.slice(0, 8).map((f: any) => f.id),
    );
  });
});

describeEachEngine("API reference", (ctx) => {
  it("documents every read endpoint in the OpenAPI document", async () => {
    const { status, body } = await ctx().request("/api/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    for (const path of [
      "/api/health",
      "/api/config",
      "/api/regions",
      "/api/communities",
      "/api/communities/{id}",
      "/api/grids",
      "/api/grids/{id}",
      "/api/units",
      "/api/units/{id}",
      "/api/points",
      "/api/points/{id}",
      "/api/problems",
      "/api/problems/{id}",
    ]) {
      expect(Object.keys(body.paths)).toContain(path);
    }
    expect(body.paths["/api/grids"].get.parameters.map((p: any) => p.name)).toEqual(
      expect.arrayContaining(["bbox", "limit", "offset", "communityId", "unitId"]),
    );
  });

  it("serves the reference page and its script from this server, not a CDN", async () => {
    const page = await ctx().request("/api/docs");
    expect(page.status).toBe(200);
    expect(page.body).toContain('src="/api/docs/swagger-ui-bundle.js"');
    expect(page.body).not.toMatch(/https?:\/\//);
    // no inline script: the content security policy allows scripts from this server only
    expect(page.body).not.toMatch(/<script>/);
    const script = await ctx().app.request("/api/docs/swagger-ui-bundle.js");
    expect(script.status).toBe(200);
    expect(Number(script.headers.get("content-length"))).toBeGreaterThan(100_000);
    const init = await ctx().app.request("/api/docs/init.js");
    const start = await init.text();
    expect(start).toContain('url: "/api/openapi.json"');
    // no badge that sends the document to swagger.io's validator
    expect(start).toContain("validatorUrl: null");
    const css = await ctx().app.request("/api/docs/swagger-ui.css");
    expect(css.headers.get("content-type")).toMatch(/^text\/css/);
    expect((await ctx().app.request("/api/docs/package.json")).status).toBe(404);
  });
});
