// Restructurings on both engines: partition, split, merge, delete and import-replace each carry the
// work under way (teams, open problems, future dedication days, open tasks) to the new grids, show
// their impact first, and undo as a whole — refused with 409 once a newer edit touched the grids.
import { selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { type Client, describeEachEngine } from "./engines.ts";

const send = (method: string, body: unknown) => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

/** West-east line through the middle of a grid's bounding box, reaching well outside it. */
function cutAcross(geometry: any) {
  const ring = geometry.coordinates[0][0] as [number, number][];
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  const y = (Math.min(...lats) + Math.max(...lats)) / 2;
  return {
    type: "LineString",
    coordinates: [
      [Math.min(...lons) - 0.001, y],
      [Math.max(...lons) + 0.001, y],
    ],
  };
}

describeEachEngine("restructurings", (ctx) => {
  let coordinator: Client;
  const orm = () => ctx().db.orm;
  const rows = <T>(query: ReturnType<typeof sql>) => selectRows<T>(orm(), query);

  beforeAll(async () => {
    coordinator = await ctx().as("coordinator");
  });

  /** The demo community the tests restructure (蕃阳社区, the first by code). */
  const community = async () =>
    (await coordinator.request("/api/communities")).body.features[0].id as number;
  const liveGrids = async (communityId: number) =>
    (await coordinator.request(`/api/grids?communityId=${communityId}&limit=500`)).body.features;

  /** Everything undo must bring back exactly: grids, codes, shapes, teams and the work's grids. */
  const stateOf = (communityId: number) =>
    rows<{ state: string }>(
      sql`SELECT json_build_object(
            'grids', (SELECT json_agg(json_build_object('id', g.id, 'code', g.code, 'name', g.name,
                        'shape', encode(ST_AsEWKB(g.geom), 'hex')) ORDER BY g.id)
                      FROM grids g WHERE g.community_id = ${communityId} AND g.deleted_at IS NULL),
            'units', (SELECT json_agg(json_build_object('g', gu.grid_id, 'u', gu.unit_id, 'r', gu.role) ORDER BY gu.grid_id, gu.unit_id)
                      FROM grid_units gu JOIN grids g ON g.id = gu.grid_id WHERE g.community_id = ${communityId}),
            'people', (SELECT json_agg(json_build_object('g', gp.grid_id, 'p', gp.person_id, 'r', gp.role) ORDER BY gp.grid_id, gp.person_id)
                      FROM grid_people gp JOIN grids g ON g.id = gp.grid_id WHERE g.community_id = ${communityId}),
            'problems', (SELECT json_agg(json_build_object('id', p.id, 'g', p.grid_id, 'u', p.unit_id, 's', p.status, 'd', p.deadline) ORDER BY p.id)
                      FROM problems p JOIN grids g ON g.id = p.grid_id WHERE g.community_id = ${communityId}),
            'days', (SELECT json_agg(json_build_object('id', d.id, 'g', d.grid_id) ORDER BY d.id)
                      FROM dedication_days d JOIN grids g ON g.id = d.grid_id WHERE g.community_id = ${communityId}),
            'tasks', (SELECT json_agg(json_build_object('id', t.id, 'g', t.grid_id) ORDER BY t.id)
                      FROM task_assignments t JOIN grids g ON g.id = t.grid_id WHERE g.community_id = ${communityId})
          )::text AS state`,
    ).then(([r]) => JSON.parse(r?.state ?? "{}"));

  /** Nothing of the work under way points at a deleted grid. */
  const orphans = async () =>
    (
      await rows<{ n: number }>(
        sql`SELECT ((SELECT count(*) FROM grid_units gu JOIN grids g ON g.id = gu.grid_id WHERE g.deleted_at IS NOT NULL)
            + (SELECT count(*) FROM grid_people gp JOIN grids g ON g.id = gp.grid_id WHERE g.deleted_at IS NOT NULL)
            + (SELECT count(*) FROM problems p JOIN grids g ON g.id = p.grid_id
               WHERE g.deleted_at IS NOT NULL AND p.status NOT IN ('closed', 'ledger'))
            + (SELECT count(*) FROM dedication_days d JOIN grids g ON g.id = d.grid_id
               WHERE g.deleted_at IS NOT NULL AND d.held_on >= (now() AT TIME ZONE 'Asia/Shanghai')::date)
            + (SELECT count(*) FROM task_assignments t JOIN grids g ON g.id = t.grid_id
               WHERE g.deleted_at IS NOT NULL AND t.status <> 'done'))::int AS n`,
      )
    )[0]?.n;

  /** A problem reported inside a grid (at a point on its surface); its id. */
  async function reportIn(gridId: number, description: string) {
    const [spot] = await rows<{ lon: number; lat: number }>(
      sql`SELECT ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat FROM grids WHERE id = ${gridId}`,
    );
    const reported = await coordinator.request(
      "/api/problems",
      send("POST", {
        type: "Feature",
        geometry: { type: "Point", coordinates: [spot?.lon, spot?.lat] },
        properties: { description },
      }),
    );
    expect(reported.status).toBe(201);
    return reported.body.id as number;
  }

  /**
   * Work under way in a grid: a dispatched problem at its centre, a dedication day next week, an
   * open task and a volunteer. Returns the problem's id, the day's and the task assignment's.
   */
  async function workIn(grid: any) {
    const problemId = await reportIn(grid.id, "网格调整测试：垃圾桶满溢");
    const dispatched = await coordinator.request(
      `/api/problems/${problemId}/transitions`,
      send("POST", { action: "dispatch", version: 1 }),
    );
    expect(dispatched.body.properties.status).toBe("dispatched");
    const [day] = await rows<{ id: number }>(
      sql`INSERT INTO dedication_days (city_id, grid_id, held_on, title)
          VALUES (${ctx().cityId}, ${grid.id}, (now() AT TIME ZONE 'Asia/Shanghai')::date + 7, '网格奉献日（测试）')
          RETURNING id`,
    );
    // A task of its own, so it moves rather than folds into a twin another test left.
    const [task] = await rows<{ id: number }>(
      sql`WITH t AS (
            INSERT INTO tasks (city_id, campaign_id, phase, title, deadline)
            SELECT city_id, campaign_id, phase, '网格调整测试任务', now() + interval '30 days' FROM tasks ORDER BY id LIMIT 1
            RETURNING id, city_id)
          INSERT INTO task_assignments (city_id, task_id, grid_id) SELECT city_id, id, ${grid.id} FROM t RETURNING id`,
    );
    await orm().execute(sql`INSERT INTO grid_people (city_id, grid_id, person_id, role)
      SELECT ${ctx().cityId}, ${grid.id}, p.id, 'volunteer' FROM people p
      WHERE p.city_id = ${ctx().cityId} AND NOT EXISTS (SELECT 1 FROM grid_people x WHERE x.grid_id = ${grid.id} AND x.person_id = p.id)
      ORDER BY p.id LIMIT 1`);
    await orm().execute(sql`UPDATE grids SET version = version + 1 WHERE id = ${grid.id}`);
    return { problemId, dayId: day?.id as number, taskId: task?.id as number };
  }

  const problem = async (id: number) => (await coordinator.request(`/api/problems/${id}`)).body;
  const gridOf = async (table: "dedication_days" | "task_assignments", id: number) =>
    (
      await rows<{ gridId: number }>(
        sql`SELECT grid_id AS "gridId" FROM ${sql.raw(table)} WHERE id = ${id}`,
      )
    )[0]?.gridId;

  /** The work followed: the problem has a unit and a reroute step, day and task on live grids. */
  async function expectCarried(work: Awaited<ReturnType<typeof workIn>>, before: any) {
    const moved = await problem(work.problemId);
    expect(moved.properties.status).toBe("dispatched");
    expect(moved.properties.deadline).toBe(before.properties.deadline);
    expect(moved.properties.unitId).toEqual(expect.any(Number));
    expect(moved.properties.events.map((e: any) => e.action)).toContain("reroute");
    const live = await rows<{ id: number }>(sql`SELECT id FROM grids WHERE deleted_at IS NULL`);
    const liveIds = live.map((g) => g.id);
    expect(liveIds).toContain(await gridOf("dedication_days", work.dayId));
    expect(liveIds).toContain(await gridOf("task_assignments", work.taskId));
    expect(await orphans()).toBe(0);
  }

  const undo = (communityId: number, restructuringId: number, client = coordinator) =>
    client.request(`/api/communities/${communityId}/restructurings/${restructuringId}/undo`, {
      method: "POST",
    });

  it("partitions a community with work under way: impact first, work carried, then undone exactly", async () => {
    const [first] = await liveGrids(await community());
    const communityId = first.properties.communityId;
    const work = await workIn(first);
    const problemBefore = await problem(work.problemId);
    const state = await stateOf(communityId);
    const current = (await liveGrids(communityId)).map((g: any) => ({
      id: g.id,
      version: g.properties.version,
    }));
    const { parts } = (
      await coordinator.request(
        `/api/communities/${communityId}/partition/preview`,
        send("POST", { count: 3 }),
      )
    ).body;

    const impact = await coordinator.request(
      `/api/communities/${communityId}/restructurings/preview`,
      send("POST", { kind: "partition", parts, current }),
    );
    expect(impact.status).toBe(200);
    const row = impact.body.grids.find((g: any) => g.gridId === first.id);
    for (const count of ["openProblems", "tasks", "dedicationDays", "volunteers", "units"])
      expect(row[count]).toBeGreaterThanOrEqual(1);
    expect(impact.body.receivers).toHaveLength(3);
    expect(impact.body.problems.map((p: any) => p.id)).toContain(work.problemId);
    // The preview wrote nothing.
    expect(await stateOf(communityId)).toEqual(state);

    const applied = await coordinator.request(
      `/api/communities/${communityId}/partition`,
      send("POST", { parts, current }),
    );
    expect(applied.status).toBe(201);
    expect(applied.body.restructuringId).toEqual(expect.any(Number));
    await expectCarried(work, problemBefore);
    // The old grid's volunteers are on the new grid that took most of its area.
    const target = impact.body.grids.find((g: any) => g.gridId === first.id).to;
    const receiving = (await liveGrids(communityId)).find((g: any) => g.properties.code === target);
    const team = await rows<{ personId: number }>(
      sql`SELECT person_id AS "personId" FROM grid_people WHERE grid_id = ${receiving.id}`,
    );
    const oldTeam = state.people.filter((p: any) => p.g === first.id).map((p: any) => p.p);
    expect(team.map((t) => t.personId)).toEqual(expect.arrayContaining(oldTeam));

    const list = await coordinator.request(`/api/communities/${communityId}/restructurings`);
    expect(list.body.restructurings[0]).toMatchObject({
      id: applied.body.restructuringId,
      kind: "partition",
      by: expect.any(String),
      undoable: true,
    });
    expect(list.body.restructurings[0].gridsAfter).toHaveLength(3);

    expect((await undo(communityId, applied.body.restructuringId)).status).toBe(200);
    const back = await stateOf(communityId);
    expect(back).toEqual(state);
    expect((await undo(communityId, applied.body.restructuringId)).status).toBe(409);
  });

  it("splits a grid, lets the coordinator send its team to the other piece, and undoes it", async () => {
    const [, grid] = await liveGrids(await community());
    const communityId = grid.properties.communityId;
    const work = await workIn(grid);
    const problemBefore = await problem(work.problemId);
    const [fresh] = (await liveGrids(communityId)).filter((g: any) => g.id === grid.id);
    const state = await stateOf(communityId);
    const line = cutAcross(fresh.geometry);
    const body = { version: fresh.properties.version, line };
    const impact = await coordinator.request(
      `/api/communities/${communityId}/restructurings/preview`,
      send("POST", { kind: "split", gridId: grid.id, ...body }),
    );
    expect(impact.status).toBe(200);
    const other = impact.body.receivers.find((r: any) => r.code !== impact.body.grids[0].to);
    const bad = await coordinator.request(
      `/api/grids/${grid.id}/split`,
      send("POST", { ...body, carryOver: { [grid.id]: "999999999999999" } }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[`carryOver.${grid.id}`]).toBeTruthy();
    expect(await stateOf(communityId)).toEqual(state);

    const split = await coordinator.request(
      `/api/grids/${grid.id}/split`,
      send("POST", { ...body, carryOver: { [grid.id]: other.code } }),
    );
    expect(split.status).toBe(201);
    expect(split.body.restructuringId).toEqual(expect.any(Number));
    const chosen = split.body.grids.find((g: any) => g.properties.code === other.code);
    const team = await rows<{ personId: number }>(
      sql`SELECT person_id AS "personId" FROM grid_people WHERE grid_id = ${chosen.id}`,
    );
    expect(team.length).toBe(state.people.filter((p: any) => p.g === grid.id).length);
    for (const piece of split.body.grids)
      expect(piece.properties.leadUnitId).toEqual(expect.any(Number));
    await expectCarried(work, problemBefore);

    expect((await undo(communityId, split.body.restructuringId)).status).toBe(200);
    expect(await stateOf(communityId)).toEqual(state);
  });

  it("merges two neighbours, the work of both following, and undoes it", async () => {
    const [pair] = await rows<{ a: number; b: number }>(
      sql`SELECT a.id AS a, b.id AS b FROM grids a JOIN grids b ON a.community_id = b.community_id AND a.code < b.code
          WHERE a.deleted_at IS NULL AND b.deleted_at IS NULL AND ST_Relate(a.geom, b.geom, '****1****')
          ORDER BY a.code, b.code LIMIT 1`,
    );
    const grids = (await coordinator.request("/api/grids?limit=500")).body.features;
    const [a, b] = [pair?.a, pair?.b].map((id) => grids.find((g: any) => g.id === id));
    const communityId = a.properties.communityId;
    const work = await workIn(b);
    const problemBefore = await problem(work.problemId);
    const state = await stateOf(communityId);
    const refs = (await liveGrids(communityId))
      .filter((g: any) => g.id === a.id || g.id === b.id)
      .map((g: any) => ({ id: g.id, version: g.properties.version }));
    const impact = await coordinator.request(
      `/api/communities/${communityId}/restructurings/preview`,
      send("POST", { kind: "merge", grids: refs }),
    );
    expect(impact.body.grids.map((g: any) => g.to)).toEqual([a.properties.code, a.properties.code]);
    const merged = await coordinator.request("/api/grids/merge", send("POST", { grids: refs }));
    expect(merged.status).toBe(201);
    expect(merged.body.properties.code).toBe(a.properties.code);
    await expectCarried(work, problemBefore);
    expect((await undo(communityId, merged.body.restructuringId)).status).toBe(200);
    expect(await stateOf(communityId)).toEqual(state);
  });

  it("deletes a grid, its work going to a neighbour, and undoes it", async () => {
    const grids = await liveGrids(await community());
    const grid = grids[grids.length - 1];
    const communityId = grid.properties.communityId;
    const work = await workIn(grid);
    const problemBefore = await problem(work.problemId);
    const state = await stateOf(communityId);
    const { version } = (await liveGrids(communityId)).find(
      (g: any) => g.id === grid.id,
    ).properties;
    const deleted = await coordinator.request(`/api/grids/${grid.id}?version=${version}`, {
      method: "DELETE",
    });
    expect(deleted.status).toBe(200);
    await expectCarried(work, problemBefore);
    expect((await undo(communityId, deleted.body.restructuringId)).status).toBe(200);
    expect(await stateOf(communityId)).toEqual(state);
  });

  it("replaces a community's grids from a file, and undoes it", async () => {
    const [grid] = await liveGrids(await community());
    const communityId = grid.properties.communityId;
    const work = await workIn(grid);
    const problemBefore = await problem(work.problemId);
    const state = await stateOf(communityId);
    const file = await coordinator.raw(
      `/api/grids/export?format=geojson&communityId=${communityId}`,
    );
    const form = new FormData();
    form.append("file", new Blob([await file.text()]), "grids.geojson");
    const imported = await coordinator.request(
      `/api/grids/import?communityId=${communityId}&crs=wgs84&commit=true&replace=true`,
      { method: "POST", body: form },
    );
    expect(imported.status).toBe(201);
    expect(imported.body.created).toHaveLength(state.grids.length);
    expect(imported.body.restructuringId).toEqual(expect.any(Number));
    await expectCarried(work, problemBefore);
    const list = await coordinator.request(`/api/communities/${communityId}/restructurings`);
    expect(list.body.restructurings[0]).toMatchObject({ kind: "import", undoable: true });
    expect((await undo(communityId, imported.body.restructuringId)).status).toBe(200);
    expect(await stateOf(communityId)).toEqual(state);
  });

  it("shows a file replacement's impact before it, then applies the coordinator's carry-over", async () => {
    const [grid] = await liveGrids(await community());
    const communityId = grid.properties.communityId;
    const state = await stateOf(communityId);
    const file = await coordinator.raw(
      `/api/grids/export?format=geojson&communityId=${communityId}`,
    );
    const text = await file.text();
    const upload = (query: string) => {
      const form = new FormData();
      form.append("file", new Blob([text]), "grids.geojson");
      return coordinator.request(
        `/api/grids/import?communityId=${communityId}&crs=wgs84&replace=true${query}`,
        { method: "POST", body: form },
      );
    };
    const checked = await upload("");
    expect(checked.status).toBe(200);
    expect(checked.body.ok).toBe(true);
    // The web sends back the file's grids as the import preview gave them.
    const features = checked.body.features.map((f: any) => ({
      type: "Feature",
      geometry: f.geometry,
      properties: { name: f.name },
    }));
    const impact = await coordinator.request(
      `/api/communities/${communityId}/restructurings/preview`,
      send("POST", { kind: "import", features }),
    );
    expect(impact.status).toBe(200);
    expect(impact.body.grids.map((g: any) => g.gridId).sort()).toEqual(
      state.grids.map((g: any) => g.id).sort(),
    );
    expect(impact.body.receivers).toHaveLength(features.length);
    // Neither preview wrote anything.
    expect(await stateOf(communityId)).toEqual(state);

    const row = impact.body.grids.find((g: any) => g.gridId === grid.id);
    const to = (row.options.find((o: any) => o.code !== row.to) ?? row.options[0]).code;
    const bad = await upload(`&commit=true&carryOver=${encodeURIComponent("{not json")}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.carryOver).toBeTruthy();
    const carryOver = encodeURIComponent(JSON.stringify({ [grid.id]: to }));
    const imported = await upload(`&commit=true&carryOver=${carryOver}`);
    expect(imported.status).toBe(201);
    const [receiver] = await rows<{ units: number[] }>(
      sql`SELECT coalesce(array_agg(gu.unit_id ORDER BY gu.unit_id), '{}') AS units
        FROM grids g LEFT JOIN grid_units gu ON gu.grid_id = g.id
        WHERE g.code = ${to} AND g.deleted_at IS NULL`,
    );
    const before = state.units.filter((u: any) => u.g === grid.id).map((u: any) => u.u);
    expect(receiver!.units).toEqual(expect.arrayContaining(before));
    expect((await undo(communityId, imported.body.restructuringId)).status).toBe(200);
    expect(await stateOf(communityId)).toEqual(state);
  });

  it("refuses to undo once a newer edit touched the grids, naming them, and changes nothing", async () => {
    const [grid] = await liveGrids(await community());
    const communityId = grid.properties.communityId;
    const split = await coordinator.request(
      `/api/grids/${grid.id}/split`,
      send("POST", { version: grid.properties.version, line: cutAcross(grid.geometry) }),
    );
    expect(split.status).toBe(201);
    const [, piece] = split.body.grids;
    const renamed = await coordinator.request(
      `/api/grids/${piece.id}`,
      send("PATCH", { version: piece.properties.version, name: "改过的网格" }),
    );
    expect(renamed.status).toBe(200);
    const state = await stateOf(communityId);
    const refused = await undo(communityId, split.body.restructuringId);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(piece.properties.code);
    expect(await stateOf(communityId)).toEqual(state);
    const list = await coordinator.request(`/api/communities/${communityId}/restructurings`);
    expect(list.body.restructurings[0]).toMatchObject({ kind: "split", undoable: false });
  });

  it("refuses to undo once newer work sits on its grids, naming the problem and the day", async () => {
    const [first] = await liveGrids(await community());
    const communityId = first.properties.communityId;
    const work = await workIn(first);
    const grid = (await liveGrids(communityId)).find((g: any) => g.id === first.id);
    const split = await coordinator.request(
      `/api/grids/${grid.id}/split`,
      send("POST", { version: grid.properties.version, line: cutAcross(grid.geometry) }),
    );
    expect(split.status).toBe(201);
    const [, piece] = split.body.grids;
    // A new report in the new piece, and the moved dedication day planned elsewhere since.
    const newId = await reportIn(piece.id, "调整之后的新问题");
    const dayGrid = await gridOf("dedication_days", work.dayId);
    const [other] = (await liveGrids(communityId)).filter((g: any) => g.id !== dayGrid);
    await orm().execute(
      sql`UPDATE dedication_days SET grid_id = ${other.id} WHERE id = ${work.dayId}`,
    );
    const [day] = await rows<{ day: string }>(
      sql`SELECT held_on::text AS day FROM dedication_days WHERE id = ${work.dayId}`,
    );

    const refused = await undo(communityId, split.body.restructuringId);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(`#${newId}`);
    expect(refused.body.error.message).toContain("新网格上有新的未办结问题");
    expect(refused.body.error.message).toContain(day!.day);
    const list = await coordinator.request(`/api/communities/${communityId}/restructurings`);
    expect(list.body.restructurings[0]).toMatchObject({ kind: "split", undoable: false });
    const english = await coordinator.request(
      `/api/communities/${communityId}/restructurings/${split.body.restructuringId}/undo`,
      { method: "POST", headers: { "accept-language": "en" } },
    );
    expect(english.body.error.message).toMatch(/new open problems #\d+; the dedication days of/);

    // Once the newer work is settled, the undo goes through.
    await orm().execute(
      sql`UPDATE problems SET status = 'closed', closed_at = now() WHERE id = ${newId}`,
    );
    await orm().execute(
      sql`UPDATE dedication_days SET grid_id = ${dayGrid} WHERE id = ${work.dayId}`,
    );
    expect((await undo(communityId, split.body.restructuringId)).status).toBe(200);
  });

  it("offers to merge a split grid's pieces back when it is reverted to before the split", async () => {
    const [grid] = await liveGrids(await community());
    const communityId = grid.properties.communityId;
    const split = await coordinator.request(
      `/api/grids/${grid.id}/split`,
      send("POST", { version: grid.properties.version, line: cutAcross(grid.geometry) }),
    );
    const [kept, piece] = split.body.grids;
    const reverted = await coordinator.request(
      `/api/grids/${grid.id}/revert`,
      send("POST", { version: kept.properties.version, toVersion: grid.properties.version }),
    );
    expect(reverted.status).toBe(409);
    expect(reverted.body.error.code).toBe("revert_needs_merge");
    expect(reverted.body.error.message).toContain(piece.properties.code);
    const refs = reverted.body.error.mergeWith.map(({ id, version }: any) => ({ id, version }));
    const merged = await coordinator.request("/api/grids/merge", send("POST", { grids: refs }));
    expect(merged.status).toBe(201);
    expect(merged.body.properties.code).toBe(grid.properties.code);
    expect(merged.body.properties.areaM2).toBeCloseTo(grid.properties.areaM2, -1);
    // Both restructurings undone, newest first, bring the community back as it was.
    expect((await undo(communityId, merged.body.restructuringId)).status).toBe(200);
    expect((await undo(communityId, split.body.restructuringId)).status).toBe(200);
  });

  it("refuses the list and undo to a volunteer", async () => {
    const volunteer = await ctx().as("volunteer");
    const communityId = await community();
    expect((await volunteer.request(`/api/communities/${communityId}/restructurings`)).status).toBe(
      403,
    );
    expect((await undo(communityId, 1, volunteer)).status).toBe(403);
  });
});
