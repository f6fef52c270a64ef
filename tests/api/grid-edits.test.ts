// Coordinators draw, edit, delete, assign and revert grids; the rules are enforced in the transaction.
import { selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { type Client, describeEachEngine } from "./engines.ts";

const send = (method: string, body: unknown) => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

describeEachEngine("editing grids", (ctx) => {
  let coordinator: Client;
  const gridCount = async () =>
    (
      await selectRows<{ n: number }>(
        ctx().db.orm,
        sql`SELECT count(*)::int AS n FROM grids WHERE deleted_at IS NULL`,
      )
    )[0]?.n;
  const gridAt = async (index: number) =>
    (await coordinator.request("/api/grids")).body.features[index];

  beforeAll(async () => {
    coordinator = await ctx().as("coordinator");
  });

  it("deletes a grid, leaving a gap the coverage report shows, then draws a new grid into it", async () => {
    const grid = await gridAt(0);
    const communityId = grid.properties.communityId;
    const deleted = await coordinator.request(
      `/api/grids/${grid.id}?version=${grid.properties.version}`,
      { method: "DELETE" },
    );
    expect(deleted.status).toBe(200);
    expect(deleted.body.restructuringId).toBeGreaterThan(0);
    expect((await coordinator.request(`/api/grids/${grid.id}`)).status).toBe(404);
    const coverage = await coordinator.request(`/api/communities/${communityId}/coverage`);
    expect(coverage.body.gapAreaM2).toBeCloseTo(grid.properties.areaM2, -2);
    expect(coverage.body.gapPercent).toBeGreaterThan(10);
    expect(coverage.body.gaps.type).toMatch(/Polygon/);

    const drawn = await coordinator.request(
      "/api/grids",
      send("POST", {
        type: "Feature",
        geometry: grid.geometry,
        properties: { communityId, name: "新画网格" },
      }),
    );
    expect(drawn.status).toBe(201);
    expect(drawn.body.properties).toMatchObject({ name: "新画网格", version: 1, communityId });
    // A new code, never the deleted grid's: codes stay with the grid they were given to.
    expect(drawn.body.properties.code).not.toBe(grid.properties.code);
    expect(drawn.body.properties.code.slice(0, 12)).toBe(grid.properties.code.slice(0, 12));
    expect(
      (await coordinator.request(`/api/communities/${communityId}/coverage`)).body.gapAreaM2,
    ).toBe(0);
    const history = await coordinator.request(`/api/grids/${drawn.body.id}/history`);
    expect(history.body.versions.map((v: any) => v.change)).toEqual(["create"]);
  });

  it("accepts a courtyard touching the outline at one point (valid, as PostGIS says), not at two", async () => {
    const grid = await gridAt(1);
    const { communityId, version } = grid.properties;
    const removed = await coordinator.request(`/api/grids/${grid.id}?version=${version}`, {
      method: "DELETE",
    });
    expect(removed.status).toBe(200);
    const shell: [number, number][] = grid.geometry.coordinates[0][0];
    // The leftmost corner is convex: a small triangle in its angle lies inside the outline.
    const v = shell.reduce((a, b) => (b[0] < a[0] ? b : a));
    const i = shell.indexOf(v);
    const prev = shell[i === 0 ? shell.length - 2 : i - 1]!;
    const next = shell[i + 1]!;
    const toward = (a: number, b: number) =>
      [0, 1].map((k) => v[k]! + a * (prev[k]! - v[k]!) + b * (next[k]! - v[k]!));
    const courtyard = [v, toward(0.2, 0.05), toward(0.05, 0.2), v];
    const draw = (hole: number[][]) =>
      coordinator.request(
        "/api/grids",
        send("POST", {
          type: "Feature",
          geometry: { type: "Polygon", coordinates: [shell, hole] },
          properties: { communityId, name: "带院落网格" },
        }),
      );
    // A dart from this corner to the next, touching the outline at both: it cuts the grid in two.
    const twice = await draw([v, toward(0.1, 0.5), next, toward(0.3, 0.5), v]);
    expect(twice.status).toBe(400);
    expect(JSON.stringify(twice.body)).toContain("interior_disconnected");
    const once = await draw(courtyard);
    expect(once.status).toBe(201);
    expect(once.body.geometry.coordinates[0]).toHaveLength(2);
  });

  it("refuses a grid overlapping another, naming the grid and the area, and saves nothing", async () => {
    const [a, b] = [await gridAt(1), await gridAt(2)];
    const before = await gridCount();
    const answer = await coordinator.request(
      "/api/grids",
      send("POST", {
        type: "Feature",
        geometry: a.geometry,
        properties: { communityId: a.properties.communityId },
      }),
    );
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe("grid_rules");
    const overlap = answer.body.error.problems.find((p: any) => p.code === "overlaps_sibling");
    expect(overlap.params.sibling).toBe(a.properties.code);
    expect(overlap.area).toBeCloseTo(a.properties.areaM2, -2);
    expect(overlap.message).toContain(a.properties.code);
    expect(overlap.geometry.type).toMatch(/Polygon/);
    expect(await gridCount()).toBe(before);
    expect(b).toBeTruthy();
  });

  it("refuses a grid reaching outside its community", async () => {
    const grid = await gridAt(3);
    const ring = grid.geometry.coordinates[0][0].map(([x, y]: [number, number]) => [
      x + 0.05,
      y + 0.05,
    ]);
    const answer = await coordinator.request(
      "/api/grids",
      send("POST", {
        type: "Feature",
        geometry: { type: "Polygon", coordinates: [ring] },
        properties: { communityId: grid.properties.communityId },
      }),
    );
    expect(answer.status).toBe(422);
    expect(answer.body.error.problems.map((p: any) => p.code)).toContain("outside_community");
  });

  const square = [
    [117.1, 35.1],
    [117.101, 35.1],
    [117.101, 35.101],
    [117.1, 35.101],
    [117.1, 35.1],
  ];
  const badShapes: [string, unknown][] = [
    ["an unclosed ring", { type: "Polygon", coordinates: [square.slice(0, 4)] }],
    [
      "fewer than 4 positions",
      {
        type: "Polygon",
        coordinates: [
          [
            [117.1, 35.1],
            [117.2, 35.1],
            [117.1, 35.1],
          ],
        ],
      },
    ],
    [
      "a coordinate that is not a number",
      {
        type: "Polygon",
        coordinates: [
          [
            [117.1, 35.1],
            ["NaN", 35.1],
            [117.2, 35.2],
            [117.1, 35.1],
          ],
        ],
      },
    ],
    [
      "a coordinate out of range",
      {
        type: "Polygon",
        coordinates: [
          [
            [117.1, 95],
            [117.2, 35.1],
            [117.2, 35.2],
            [117.1, 95],
          ],
        ],
      },
    ],
    ["3-D coordinates", { type: "Polygon", coordinates: [square.map(([x, y]) => [x, y, 10])] }],
    ["a GeometryCollection", { type: "GeometryCollection", geometries: [] }],
    [
      "a self-intersecting bow tie",
      {
        type: "Polygon",
        coordinates: [
          [
            [117.1, 35.1],
            [117.2, 35.2],
            [117.2, 35.1],
            [117.1, 35.2],
            [117.1, 35.1],
          ],
        ],
      },
    ],
    [
      "more than 10,000 vertices",
      {
        type: "Polygon",
        coordinates: [
          [
            ...Array.from({ length: 10_001 }, (_, i) => {
              const t = (2 * Math.PI * i) / 10_001;
              return [117.1 + 0.001 * Math.cos(t), 35.1 + 0.001 * Math.sin(t)];
            }),
            [117.101, 35.1],
          ],
        ],
      },
    ],
  ];

  it.each(badShapes)(
    "answers %s with 400 naming the problem, and saves nothing",
    async (_what, geometry) => {
      const before = await gridCount();
      const grid = await gridAt(0);
      const answer = await coordinator.request(
        "/api/grids",
        send("POST", {
          type: "Feature",
          geometry,
          properties: { communityId: grid.properties.communityId },
        }),
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe("invalid_geometry");
      expect(answer.body.error.problems.length).toBeGreaterThan(0);
      expect(answer.body.error.problems[0].message).toMatch(/\S/);
      expect(await gridCount()).toBe(before);
    },
  );

  it("edits a grid's name with its version; a second save of the stale version gets 409 and the newer version", async () => {
    const grid = await gridAt(4);
    const first = await coordinator.request(
      `/api/grids/${grid.id}`,
      send("PATCH", { version: grid.properties.version, name: "改名一" }),
    );
    expect(first.status).toBe(200);
    expect(first.body.properties.version).toBe(grid.properties.version + 1);
    const stale = await coordinator.request(
      `/api/grids/${grid.id}`,
      send("PATCH", { version: grid.properties.version, name: "改名二" }),
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.version).toBe(grid.properties.version + 1);
    expect((await coordinator.request(`/api/grids/${grid.id}`)).body.properties.name).toBe(
      "改名一",
    );
  });

  it("lets exactly one of two simultaneous saves of the same version win", async () => {
    const grid = await gridAt(5);
    const other = await ctx().as("coordinator");
    const answers = await Promise.all(
      ["甲", "乙"].map((n, i) =>
        (i ? other : coordinator).request(
          `/api/grids/${grid.id}`,
          send("PATCH", { version: grid.properties.version, name: n }),
        ),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  });

  it("assigns units and people; open problems follow the new lead unit", async () => {
    const grid = await gridAt(6);
    const units = (await coordinator.request("/api/units?kind=private_hospital")).body.features;
    const detail = (await coordinator.request(`/api/grids/${grid.id}`)).body.properties;
    const people = detail.volunteers.map((v: any) => v.id);
    const answer = await coordinator.request(
      `/api/grids/${grid.id}/assignments`,
      send("PUT", {
        version: grid.properties.version,
        leadUnitId: units[0].id,
        supportUnitIds: [units[1].id],
        leaderPersonId: people[0],
        volunteerPersonIds: people.slice(1, 4),
      }),
    );
    expect(answer.status).toBe(200);
    expect(answer.body.properties.leadUnit.id).toBe(units[0].id);
    expect(answer.body.properties.volunteers).toHaveLength(3);
    const open = await coordinator.request(
      `/api/problems?gridId=${grid.id}&status=dispatched,rectifying,reported,submitted,returned`,
    );
    for (const p of open.body.features) expect(p.properties.unitId).toBe(units[0].id);
    const bad = await coordinator.request(
      `/api/grids/${grid.id}/assignments`,
      send("PUT", {
        version: answer.body.properties.version,
        leadUnitId: units[0].id,
        supportUnitIds: [units[0].id, 2147483647],
        leaderPersonId: people[0],
        volunteerPersonIds: [people[0]],
      }),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual([
      "supportUnitIds",
      "volunteerPersonIds",
    ]);
  });

  it("keeps every version and reverts to an earlier one as a new version", async () => {
    const grid = await gridAt(7);
    const ring = grid.geometry.coordinates[0][0];
    // Pull the grid in by moving it onto its own shrunken copy: still inside, overlapping nothing.
    const cx = ring.reduce((s: number, p: [number, number]) => s + p[0], 0) / ring.length;
    const cy = ring.reduce((s: number, p: [number, number]) => s + p[1], 0) / ring.length;
    const shrunk = ring.map(([x, y]: [number, number]) => [
      cx + (x - cx) * 0.8,
      cy + (y - cy) * 0.8,
    ]);
    const edited = await coordinator.request(
      `/api/grids/${grid.id}`,
      send("PATCH", {
        version: grid.properties.version,
        geometry: { type: "Polygon", coordinates: [shrunk] },
      }),
    );
    expect(edited.status).toBe(200);
    expect(edited.body.properties.areaM2).toBeLessThan(grid.properties.areaM2 * 0.7);
    const reverted = await coordinator.request(
      `/api/grids/${grid.id}/revert`,
      send("POST", { version: edited.body.properties.version, toVersion: 1 }),
    );
    expect(reverted.status).toBe(200);
    expect(reverted.body.properties.areaM2).toBe(grid.properties.areaM2);
    const history = await coordinator.request(`/api/grids/${grid.id}/history`);
    expect(history.body.versions.map((v: any) => v.change)).toEqual(["revert", "edit", "create"]);
    expect(history.body.versions[0].changedBy).toBeTruthy();
  });

  it.each(["unitadmin", "volunteer", "gridleader", "leader", "inspector"] as const)(
    "refuses %s any grid write with 403",
    async (account) => {
      const client = await ctx().as(account);
      const grid = await gridAt(8);
      const answer = await client.request(
        `/api/grids/${grid.id}`,
        send("PATCH", { version: grid.properties.version, name: "x" }),
      );
      expect([403, 404]).toContain(answer.status);
      expect(
        (await client.request(`/api/grids/${grid.id}?version=1`, { method: "DELETE" })).status,
      ).not.toBe(200);
    },
  );
});
