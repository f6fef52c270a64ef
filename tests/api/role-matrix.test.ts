// Every demo role against every endpoint family — read (lists, by id, by bbox), write, export —
// with the outcome the accounts issue's table says: the API enforces it, not only the UI.
import { selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { type DemoAccount, demoAccounts, describeEachEngine } from "./engines.ts";

const accounts = demoAccounts;
const cityWide: DemoAccount[] = ["admin", "coordinator", "inspector", "leader"];

describeEachEngine("role matrix", (ctx) => {
  /** What each account should see, worked out from the database directly. */
  const expected = new Map<DemoAccount, { gridIds: number[]; problemIds: number[] }>();

  beforeAll(async () => {
    const orm = ctx().db.orm;
    const all = await selectRows<{ id: number }>(orm, sql`SELECT id FROM grids ORDER BY id`);
    const allProblems = await selectRows<{ id: number }>(
      orm,
      sql`SELECT id FROM problems ORDER BY id`,
    );
    for (const a of cityWide)
      expected.set(a, { gridIds: all.map((g) => g.id), problemIds: allProblems.map((p) => p.id) });
    const unitGrids = await selectRows<{ id: number }>(
      orm,
      sql`SELECT DISTINCT gu.grid_id AS id FROM grid_units gu JOIN users u ON u.unit_id = gu.unit_id
          WHERE u.username = 'unitadmin' ORDER BY 1`,
    );
    const unitProblems = await selectRows<{ id: number }>(
      orm,
      sql`SELECT p.id FROM problems p JOIN users u ON u.unit_id = p.unit_id WHERE u.username = 'unitadmin' ORDER BY 1`,
    );
    expected.set("unitadmin", {
      gridIds: unitGrids.map((g) => g.id),
      problemIds: unitProblems.map((p) => p.id),
    });
    for (const a of ["gridleader", "volunteer"] as const) {
      const grids = await selectRows<{ id: number }>(
        orm,
        sql`SELECT gp.grid_id AS id FROM grid_people gp JOIN users u ON u.person_id = gp.person_id
            WHERE u.username = ${a} ORDER BY 1`,
      );
      const ids = grids.map((g) => g.id);
      const problems = await selectRows<{ id: number }>(
        orm,
        sql`SELECT id FROM problems WHERE grid_id = ANY(${sql.raw(`ARRAY[${ids.join(",")}]::int[]`)}) ORDER BY 1`,
      );
      expected.set(a, { gridIds: ids, problemIds: problems.map((p) => p.id) });
    }
    // The scoped accounts must see some but not all, or the test would prove nothing.
    for (const a of ["unitadmin", "gridleader", "volunteer"] as const) {
      const e = expected.get(a)!;
      expect(e.gridIds.length).toBeGreaterThan(0);
      expect(e.gridIds.length).toBeLessThan(all.length);
      expect(e.problemIds.length).toBeLessThan(allProblems.length);
    }
  });

  const ids = (body: any) =>
    body.features.map((f: any) => f.id).sort((a: number, b: number) => a - b);

  it.each(accounts)("%s reads exactly its grids and problems in lists", async (account) => {
    const client = await ctx().as(account);
    const e = expected.get(account)!;
    expect(ids((await client.request("/api/grids?limit=5000")).body)).toEqual(e.gridIds);
    expect(ids((await client.request("/api/problems?limit=5000")).body)).toEqual(e.problemIds);
    const points = await client.request("/api/points?limit=5000");
    expect(points.status).toBe(200);
    for (const f of points.body.features) {
      if (f.properties.gridId !== null && account !== "unitadmin")
        expect(e.gridIds).toContain(f.properties.gridId);
    }
    const communities = await client.request("/api/communities");
    expect(communities.body.features.length).toBeGreaterThan(0);
  });

  it.each(accounts)(
    "%s gets the same answer asking by bbox over the whole city",
    async (account) => {
      const client = await ctx().as(account);
      const wide = await client.request("/api/problems?limit=5000&bbox=116,34,118,36");
      expect(ids(wide.body)).toEqual(expected.get(account)!.problemIds);
    },
  );

  it.each(accounts)(
    "%s gets 404, never the data, for a grid or problem outside its scope",
    async (account) => {
      const client = await ctx().as(account);
      const e = expected.get(account)!;
      const all = expected.get("coordinator")!;
      const otherGrid = all.gridIds.find((id) => !e.gridIds.includes(id));
      const otherProblem = all.problemIds.find((id) => !e.problemIds.includes(id));
      if (cityWide.includes(account)) {
        expect(otherGrid).toBeUndefined();
        expect((await client.request(`/api/problems/${all.problemIds[0]}`)).status).toBe(200);
        return;
      }
      const grid = await client.request(`/api/grids/${otherGrid}`);
      expect(grid.status).toBe(404);
      expect(JSON.stringify(grid.body)).not.toContain("geometry");
      expect((await client.request(`/api/problems/${otherProblem}`)).status).toBe(404);
      expect((await client.request(`/api/problems/${e.problemIds[0]}`)).status).toBe(200);
    },
  );

  it.each(accounts)("%s exports only what it may read", async (account) => {
    const client = await ctx().as(account);
    const csv = await client.request("/api/problems/export.csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = String(csv.body).trim().split("\r\n").slice(1);
    const exported = lines.map((l) => Number(l.split(",")[0])).sort((a, b) => a - b);
    expect(exported).toEqual(expected.get(account)!.problemIds);
  });

  it.each(accounts)(
    "%s may manage accounts and read the audit log only if it is the admin",
    async (account) => {
      const client = await ctx().as(account);
      const create = await client.request("/api/users", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          username: `made.by.${account}`,
          displayName: "测试",
          role: "leader",
          password: "long-enough-1",
        }),
      });
      const audit = await client.request("/api/audit");
      const list = await client.request("/api/users");
      if (account === "admin") {
        expect([create.status, audit.status, list.status]).toEqual([201, 200, 200]);
      } else {
        expect([create.status, audit.status, list.status]).toEqual([403, 403, 403]);
        expect(create.body.error.code).toBe("forbidden");
        expect(create.body.error.message).toContain("无权");
      }
    },
  );

  it("hides responsible persons' mobiles from volunteers but not from the unit itself", async () => {
    const unitadmin = await ctx().as("unitadmin");
    const me = await unitadmin.request("/api/auth/me");
    const own = await unitadmin.request(`/api/units/${me.body.user.unitId}`);
    expect(own.body.properties.responsible).toHaveLength(4);
    const volunteer = await ctx().as("volunteer");
    const seen = await volunteer.request(`/api/units/${me.body.user.unitId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.properties.responsible).toEqual([]);
  });

  it("refuses a cross-site form post (CSRF) even with a valid session", async () => {
    const admin = await ctx().as("admin");
    const form = new FormData();
    form.append("file", new Blob(["x"]), "a.xlsx");
    const answer = await admin.request("/api/users/import", {
      method: "POST",
      body: form,
      headers: { origin: "https://evil.example" },
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe("cross_site_request");
  });
});
