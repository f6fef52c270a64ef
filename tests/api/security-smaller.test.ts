// Security (issue 16), the smaller holes and the PIPL decision on mobile numbers: whole only for
// those who must call (the campaign office; a unit admin for their own unit's staff; a grid's
// people for each other), masked 138****1234 for everyone else.
import { selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { type DemoAccount, demoAccounts, describeEachEngine } from "./engines.ts";

const whole = /^1\d{10}$/;
const masked = /^1\d{2}\*{4}\d{4}$/;
const shape = (mobile: string | null) =>
  mobile === null ? "none" : whole.test(mobile) ? "whole" : masked.test(mobile) ? "masked" : mobile;

describeEachEngine("security: mobiles and smaller holes", (ctx) => {
  let unitId = 0;
  let gridId = 0;
  beforeAll(async () => {
    const [row] = await selectRows<{ unitId: number; gridId: number }>(
      ctx().db.orm,
      sql`SELECT u.unit_id AS "unitId", gp.grid_id AS "gridId" FROM users u, users v
          JOIN grid_people gp ON gp.person_id = v.person_id
          WHERE u.username = 'unitadmin' AND v.username = 'volunteer'`,
    );
    unitId = row?.unitId ?? 0;
    gridId = row?.gridId ?? 0;
  });

  it("shows the unit's 四职责任人 mobiles whole to the office and the unit, masked to other staff", async () => {
    const seen: Record<string, string[]> = {};
    for (const role of [
      "admin",
      "coordinator",
      "inspector",
      "unitadmin",
      "leader",
    ] as DemoAccount[]) {
      const unit = await (await ctx().as(role)).request(`/api/units/${unitId}`);
      expect(unit.status).toBe(200);
      seen[role] = unit.body.properties.responsible.map((r: { mobile: string | null }) =>
        shape(r.mobile),
      );
    }
    expect(seen).toEqual({
      admin: ["masked", "masked", "masked", "masked"],
      coordinator: ["whole", "whole", "whole", "whole"],
      inspector: ["masked", "masked", "masked", "masked"],
      unitadmin: ["whole", "whole", "whole", "whole"],
      leader: ["masked", "masked", "masked", "masked"],
    });
  });

  it("shows a grid's people's mobiles whole to its team and the office, masked to others", async () => {
    const [team] = await selectRows<{ own: number; other: number }>(
      ctx().db.orm,
      sql`SELECT count(*) FILTER (WHERE p.unit_id = ${unitId})::int AS own,
            count(*) FILTER (WHERE p.unit_id IS DISTINCT FROM ${unitId})::int AS other
          FROM grid_people gp JOIN people p ON p.id = gp.person_id WHERE gp.grid_id = ${gridId}`,
    );
    // The unit admin calls its own staff on the grid, not the other hospitals' volunteers.
    expect(team?.own).toBeGreaterThan(0);
    expect(team?.other).toBeGreaterThan(0);
    for (const role of demoAccounts) {
      const grid = await (await ctx().as(role)).request(`/api/grids/${gridId}`);
      expect(grid.status).toBe(200);
      const people = [grid.body.properties.leader, ...grid.body.properties.volunteers];
      const shapes = new Set(people.map((p: { mobile: string | null }) => shape(p.mobile)));
      const expected =
        role === "coordinator" || role === "gridleader" || role === "volunteer"
          ? ["whole"]
          : role === "unitadmin"
            ? ["masked", "whole"]
            : ["masked"];
      expect([role, [...shapes].sort()]).toEqual([role, expected]);
    }
    const area = await (await ctx().as("volunteer")).request("/api/my-area");
    expect(shape(area.body.grids.features[0].properties.leader.mobile)).toBe("whole");
  });

  it("does not find people by a mobile number the caller may not see", async () => {
    const [person] = await selectRows<{ mobile: string }>(
      ctx().db.orm,
      sql`SELECT mobile FROM people WHERE unit_id <> ${unitId} AND mobile IS NOT NULL ORDER BY id LIMIT 1`,
    );
    const office = await (await ctx().as("coordinator")).request(`/api/people?q=${person?.mobile}`);
    expect(office.body.total).toBe(1);
    const unit = await (await ctx().as("unitadmin")).request(`/api/people?q=${person?.mobile}`);
    expect(unit.body.total).toBe(0);
  });

  it("lets only the campaign office write standards, not the account administrator", async () => {
    const draft = { method: "POST", headers: { "content-type": "application/json" }, body: "{}" };
    const admin = await (await ctx().as("admin")).request("/api/standards", draft);
    expect(admin.status).toBe(403);
    // The office is let through to the checks of the draft itself.
    expect((await (await ctx().as("coordinator")).request("/api/standards", draft)).status).toBe(
      400,
    );
  });

  it("refuses a unit admin's material tagged with another hospital's grid", async () => {
    const [foreign] = await selectRows<{ id: number; code: string }>(
      ctx().db.orm,
      sql`SELECT g.id, g.code FROM grids g WHERE g.deleted_at IS NULL AND NOT EXISTS
            (SELECT 1 FROM grid_units gu WHERE gu.grid_id = g.id AND gu.unit_id = ${unitId})
          ORDER BY g.id LIMIT 1`,
    );
    const unitadmin = await ctx().as("unitadmin");
    const submit = async (grid: number) => {
      const form = new FormData();
      form.set("file", new File([new TextEncoder().encode("%PDF-1.4\n%%EOF\n")], "周报.pdf"));
      form.set("week", "2024-05-06");
      form.set("category", "activity_report");
      form.set("gridId", String(grid));
      return unitadmin.request("/api/materials", { method: "POST", body: form });
    };
    const refused = await submit(foreign?.id ?? 0);
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.gridId).toContain(foreign?.code);
    expect((await submit(gridId)).status).toBe(201);
  });

  it("marks API JSON no-store, and sends a CSP without inline scripts or any https: connect", async () => {
    const coordinator = await ctx().as("coordinator");
    for (const path of ["/api/auth/me", "/api/grids", `/api/units/${unitId}`, "/api/people"]) {
      const answer = await coordinator.request(path);
      expect([path, answer.headers.get("cache-control")]).toEqual([path, "no-store"]);
    }
    const csp =
      (await ctx().anonymous.request("/api/health")).headers.get("content-security-policy") ?? "";
    const directive = (name: string) =>
      csp
        .split(";")
        .map((d) => d.trim())
        .find((d) => d.startsWith(`${name} `)) ?? "";
    expect(directive("script-src")).toBe("script-src 'self'");
    expect(directive("connect-src")).toBe("connect-src 'self'");
    // framed by our own pages (the material preview), never by another site's
    expect(directive("frame-ancestors")).toBe("frame-ancestors 'self'");
  });

  it("keeps staff's notes out of the public Open311 list", async () => {
    const [request] = await selectRows<{ id: number; status: string }>(
      ctx().db.orm,
      sql`SELECT id, status FROM problems WHERE source = 'citizen' ORDER BY id LIMIT 1`,
    );
    await ctx().db.orm.execute(sql`INSERT INTO rectification_events
        (city_id, problem_id, seq, action, from_status, to_status, actor_name, note)
      SELECT city_id, id, (SELECT max(seq) + 1 FROM rectification_events WHERE problem_id = ${request?.id}),
        'request_extension', status, status, '内部', '内部备注：请院长 13800000000 处理'
      FROM problems WHERE id = ${request?.id}`);
    const read = await ctx().anonymous.request(`/open311/v2/requests/${request?.id}.json`);
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toContain("内部备注");
    // The status in words, in Chinese by default.
    const words = ["已上报", "已派发", "整改中", "待核验", "返工", "已回退", "挂账", "已销号"];
    expect(words).toContain(read.body[0].status_notes);
  });
});
