// The map's search box (issue 22): GET /api/search finds communities, grids by code or name,
// units, points and problems by number among what the caller may read, refuses bad text in the
// reader's language, and asks Tianditu's geocoder (here a receiver on loopback) only when a key
// is saved.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp, selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { clientFor, describeEachEngine, signIn } from "./engines.ts";

const search = (q: string, extra = "") => `/api/search?q=${encodeURIComponent(q)}${extra}`;
const publicSearch = (q: string, extra = "") =>
  `/api/public/search?q=${encodeURIComponent(q)}${extra}`;
const kinds = (body: any, kind: string) => body.results.filter((r: any) => r.kind === kind);

/** A stand-in for Tianditu's geocoder on loopback: answers each request with `answer`. */
async function fakeGeocoder(answer: (url: URL) => unknown) {
  const asked: URL[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    asked.push(url);
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(answer(url)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/geocoder`,
    asked,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describeEachEngine("search", (ctx) => {
  /** A grid in the volunteer's patrol area and one outside it, with a problem in each. */
  async function volunteerGrids() {
    const volunteer = await ctx().as("volunteer");
    const own = (await volunteer.request("/api/grids")).body.features.map((f: any) => f.id);
    expect(own.length).toBeGreaterThan(0);
    const [inside] = await selectRows<{ id: number; code: string; problem: number }>(
      ctx().db.orm,
      sql`SELECT g.id, g.code, (SELECT min(p.id) FROM problems p WHERE p.grid_id = g.id) AS problem
        FROM grids g WHERE g.id = ANY(${sql.raw(`ARRAY[${own.join(",")}]::int[]`)}) ORDER BY g.id LIMIT 1`,
    );
    const [outside] = await selectRows<{ id: number; code: string; problem: number }>(
      ctx().db.orm,
      sql`SELECT g.id, g.code, p.id AS problem FROM grids g JOIN problems p ON p.grid_id = g.id
        WHERE g.deleted_at IS NULL AND NOT g.id = ANY(${sql.raw(`ARRAY[${own.join(",")}]::int[]`)})
          AND p.reported_by IS DISTINCT FROM (SELECT id FROM users WHERE username = 'volunteer')
        ORDER BY p.id LIMIT 1`,
    );
    if (!inside || !outside) throw new Error("the demo city has no grid on each side");
    return { volunteer, inside, outside };
  }

  it("finds a grid by its full code first, and the others starting with it after", async () => {
    const coordinator = await ctx().as("coordinator");
    const { inside } = await volunteerGrids();
    const exact = await coordinator.request(search(inside.code));
    expect(exact.status).toBe(200);
    expect(kinds(exact.body, "grid")[0]).toMatchObject({ id: inside.id, kind: "grid" });
    expect(kinds(exact.body, "grid")[0].bbox).toHaveLength(4);
    const prefix = await coordinator.request(search(inside.code.slice(0, 12), "&limit=20"));
    const grids = kinds(prefix.body, "grid");
    expect(grids.length).toBeGreaterThan(1);
    for (const grid of grids) expect(grid.detail.startsWith(inside.code.slice(0, 12))).toBe(true);
    // the community whose code the grids start with is found too
    expect(kinds(prefix.body, "community").length).toBe(1);
  });

  it("finds communities and units by name, and caps each kind at the limit", async () => {
    const coordinator = await ctx().as("coordinator");
    const community = await coordinator.request(search("蕃阳"));
    expect(kinds(community.body, "community").map((c: any) => c.label)).toContain("蕃阳社区");
    const [unit] = await selectRows<{ name: string; id: number }>(
      ctx().db.orm,
      sql`SELECT name, id FROM units WHERE location IS NOT NULL ORDER BY id LIMIT 1`,
    );
    const units = await coordinator.request(search(unit?.name ?? "?"));
    expect(kinds(units.body, "unit")[0]).toMatchObject({ id: unit?.id, label: unit?.name });
    const capped = await coordinator.request(search("社区", "&limit=2"));
    expect(kinds(capped.body, "community").length).toBeLessThanOrEqual(2);
  });

  it("finds a problem by its number with or without #, only for those who may read it", async () => {
    const coordinator = await ctx().as("coordinator");
    const { volunteer, inside, outside } = await volunteerGrids();
    for (const q of [String(outside.problem), `#${outside.problem}`]) {
      const found = await coordinator.request(search(q));
      expect(kinds(found.body, "problem")).toEqual([
        expect.objectContaining({ id: outside.problem, label: `#${outside.problem}` }),
      ]);
    }
    // a volunteer sees their own patrol area, not the grid or the problem next door
    const hidden = await volunteer.request(search(`#${outside.problem}`));
    expect(hidden.status).toBe(200);
    expect(kinds(hidden.body, "problem")).toEqual([]);
    expect(kinds((await volunteer.request(search(outside.code))).body, "grid")).toEqual([]);
    expect(kinds((await volunteer.request(search(inside.code))).body, "grid")[0].id).toBe(
      inside.id,
    );
    if (inside.problem) {
      const own = await volunteer.request(search(`#${inside.problem}`));
      expect(kinds(own.body, "problem")[0].id).toBe(inside.problem);
    }
  });

  it("refuses empty, too long or unknown parameters field by field, in the reader's language", async () => {
    const coordinator = await ctx().as("coordinator");
    const empty = await coordinator.request(search("   "));
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields.q).toBe("应为 1~100 个字符");
    const long = await coordinator.request(search("网".repeat(101)), {
      headers: { "accept-language": "en" },
    });
    expect(long.status).toBe(400);
    expect(long.body.error.fields.q).toBe("must be 1 to 100 characters");
    const missing = await coordinator.request("/api/search");
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.q).toBeTruthy();
    const limit = await coordinator.request(search("社区", "&limit=21"));
    expect(limit.status).toBe(400);
    expect(limit.body.error.fields.limit).toBeTruthy();
    expect((await coordinator.request(search("社区", "&kind=grid"))).status).toBe(400);
    expect((await ctx().anonymous.request(search("社区"))).status).toBe(401);
    // LIKE's own characters and a number too large for an id are text, never a 500
    for (const q of ["%", "_", "\\", "'; DROP TABLE grids; --", "99999999999", "#0"]) {
      const odd = await coordinator.request(search(q));
      expect(odd.status, q).toBe(200);
      expect(kinds(odd.body, "problem")).toEqual([]);
    }
    expect(kinds((await coordinator.request(search("%"))).body, "grid")).toEqual([]);
  });

  it("asks Tianditu's geocoder for an address only once a key is saved, and survives its failure", async () => {
    const geocoder = await fakeGeocoder((url) => {
      const { keyWord } = JSON.parse(url.searchParams.get("ds") ?? "{}");
      return keyWord === "无此地址"
        ? { status: "101", msg: "无结果" }
        : {
            status: "0",
            msg: "ok",
            location: { lon: "117.16", lat: "35.08", keyWord, level: "门址", score: 100 },
          };
    });
    try {
      const app = createApp({
        db: ctx().db,
        cityId: ctx().cityId,
        basemapUrl: null,
        geocoderUrl: geocoder.url,
      });
      const coordinator = await signIn(app, "coordinator");
      const before = await coordinator.request(search("荆河中路1号"));
      expect(before.body.geocoder).toBe("off");
      expect(geocoder.asked).toHaveLength(0);

      const admin = await signIn(app, "admin");
      const saved = await admin.request("/api/basemap/settings", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          kind: "raster",
          rasterUrl: "https://t0.tianditu.gov.cn/vec_w/{z}/{x}/{y}?tk={key}",
          tiandituKey: "key-for-test",
        }),
      });
      expect(saved.status).toBe(200);
      const found = await coordinator.request(search("荆河中路1号"));
      expect(found.body.geocoder).toBe("found");
      expect(kinds(found.body, "address")).toEqual([
        expect.objectContaining({ label: "荆河中路1号", lon: 117.16, lat: 35.08, detail: "门址" }),
      ]);
      expect(geocoder.asked.at(-1)?.searchParams.get("tk")).toBe("key-for-test");
      // the citizen's map finds the address too, with the key kept on the server
      const citizen = await clientFor(app).request(publicSearch("荆河中路1号"));
      expect(citizen.body.geocoder).toBe("found");
      expect(kinds(citizen.body, "address")[0]).toMatchObject({ lon: 117.16, lat: 35.08 });
      expect(JSON.stringify(citizen.body)).not.toContain("key-for-test");
      const none = await coordinator.request(search("无此地址"));
      expect(none.body).toMatchObject({ geocoder: "none" });
      expect(kinds(none.body, "address")).toEqual([]);
      // a problem number is CivGrid's own: Tianditu is not asked
      const asked = geocoder.asked.length;
      expect((await coordinator.request(search("#1"))).body.geocoder).toBe("off");
      expect(geocoder.asked).toHaveLength(asked);

      await geocoder.close();
      const down = await coordinator.request(search("蕃阳"));
      expect(down.status).toBe(200);
      expect(down.body.geocoder).toBe("failed");
      expect(kinds(down.body, "community").length).toBe(1);
    } finally {
      await geocoder.close().catch(() => {});
    }
  });

  it("lets a citizen without an account find the city's public places, and nothing private", async () => {
    const citizen = ctx().anonymous;
    const { outside } = await volunteerGrids();
    const grid = await citizen.request(publicSearch(outside.code));
    expect(grid.status).toBe(200);
    expect(kinds(grid.body, "grid")[0]).toMatchObject({ id: outside.id, kind: "grid" });
    expect(kinds(grid.body, "grid")[0].bbox).toHaveLength(4);
    const community = await citizen.request(publicSearch("蕃阳"));
    expect(kinds(community.body, "community").map((c: any) => c.label)).toContain("蕃阳社区");
    const [unit] = await selectRows<{ name: string; id: number }>(
      ctx().db.orm,
      sql`SELECT name, id FROM units WHERE location IS NOT NULL ORDER BY id LIMIT 1`,
    );
    const units = await citizen.request(publicSearch(unit?.name ?? "?"));
    expect(kinds(units.body, "unit")[0]).toMatchObject({ id: unit?.id, label: unit?.name });

    // inspection points, problems and people are staff data: a citizen finds none of them
    const [point] = await selectRows<{ name: string }>(
      ctx().db.orm,
      sql`SELECT name FROM inspection_points ORDER BY id LIMIT 1`,
    );
    const [person] = await selectRows<{ name: string; mobile: string }>(
      ctx().db.orm,
      sql`SELECT name, mobile FROM people WHERE mobile IS NOT NULL ORDER BY id LIMIT 1`,
    );
    if (!point || !person) throw new Error("the demo city has no point or no person");
    const staffPoint = await (await ctx().as("coordinator")).request(search(point.name));
    expect(kinds(staffPoint.body, "point").length).toBeGreaterThan(0);
    for (const q of [
      point.name,
      String(outside.problem),
      `#${outside.problem}`,
      person.name,
      person.mobile,
    ]) {
      const answer = await citizen.request(publicSearch(q, "&limit=20"));
      expect(answer.status, q).toBe(200);
      for (const hit of answer.body.results)
        expect(["community", "grid", "unit"]).toContain(hit.kind);
      expect(JSON.stringify(answer.body), q).not.toContain(person.mobile);
    }
    const document = (await citizen.request("/api/openapi.json")).body;
    const operation = document.paths["/api/public/search"].get;
    expect(operation.security).toEqual([]);
    expect(operation.responses["429"]).toBeTruthy();
  });

  it("refuses a citizen's hostile or empty search text field by field, in their language", async () => {
    const citizen = ctx().anonymous;
    const empty = await citizen.request(publicSearch(" "));
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields.q).toBe("应为 1~100 个字符");
    const long = await citizen.request(publicSearch("网".repeat(101)), {
      headers: { "accept-language": "en" },
    });
    expect(long.status).toBe(400);
    expect(long.body.error.fields.q).toBe("must be 1 to 100 characters");
    expect((await citizen.request("/api/public/search")).body.error.fields.q).toBeTruthy();
    const limit = await citizen.request(publicSearch("社区", "&limit=0"));
    expect(limit.status).toBe(400);
    expect(limit.body.error.fields.limit).toBeTruthy();
    expect((await citizen.request(publicSearch("社区", "&kind=point"))).status).toBe(400);
    const bad = await citizen.request(publicSearch("社区"), { method: "POST" });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
    for (const q of ["%", "_", "\\", "'; DROP TABLE grids; --", "99999999999", "\u0000"]) {
      const odd = await citizen.request(publicSearch(q));
      expect(odd.status, q).toBeLessThan(500);
      if (odd.status === 200) expect(kinds(odd.body, "grid"), q).toEqual([]);
    }
  });
});
