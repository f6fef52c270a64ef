// Vector tiles on both engines: PostgreSQL's ST_AsMVT and the embedded engine's Node encoder must
// give the same features with the same properties as the GeoJSON endpoints, scoped by role.

import { VectorTile } from "@mapbox/vector-tile";
import { sql } from "drizzle-orm";
import { PbfReader } from "pbf";
import { expect, it } from "vitest";
import { MAX_PROBLEM_POINTS } from "../../api/src/tiles/layers.ts";
import { describeEachEngine, signIn } from "./engines.ts";
import { tileAt } from "./tile-math.ts";
import { decodeTile as decode } from "./vector-tiles.ts";

describeEachEngine("vector tiles", (ctx) => {
  let centre: [number, number];
  const tilePath = (layer: string, z: number) => {
    const { x, y } = tileAt(centre[0], centre[1], z);
    return `/tiles/${layer}/${z}/${x}/${y}.mvt`;
  };

  it("draws every grid of the demo city with the properties of /api/grids", async () => {
    const grids = (await ctx().request("/api/grids")).body.features;
    const coords = grids.flatMap((g: any) => g.geometry.coordinates.flat(2));
    const lon = coords.reduce((s: number, c: number[]) => s + c[0]!, 0) / coords.length;
    const lat = coords.reduce((s: number, c: number[]) => s + c[1]!, 0) / coords.length;
    centre = [lon, lat];
    const tile = await decode(ctx(), tilePath("grids", 10));
    expect(tile.layerName).toBe("grids");
    expect(tile.features.map((f) => f.id).sort()).toEqual(grids.map((g: any) => g.id).sort());
    for (const feature of tile.features) {
      const grid = grids.find((g: any) => g.id === feature.id).properties;
      expect(feature.type).toBe(3);
      expect(feature.properties).toEqual({
        code: grid.code,
        name: grid.name,
        communityId: grid.communityId,
        leadUnitId: grid.leadUnitId,
        leadUnitShortName: grid.leadUnitShortName,
        labelHere: true, // the whole demo city lies in this one tile
      });
      const points = feature.geometry.flat();
      expect(points.length).toBeGreaterThan(3);
      for (const p of points) {
        expect(p.x).toBeGreaterThanOrEqual(-64);
        expect(p.x).toBeLessThanOrEqual(4096 + 64);
      }
    }
  });

  it("labels each grid in one tile only, however many tiles its outline crosses", async () => {
    const grids = (await ctx().request("/api/grids")).body.features;
    const corners = grids.flatMap((g: any) => g.geometry.coordinates.flat(2)) as number[][];
    const [west, east] = [
      Math.min(...corners.map((c) => c[0]!)),
      Math.max(...corners.map((c) => c[0]!)),
    ];
    const [south, north] = [
      Math.min(...corners.map((c) => c[1]!)),
      Math.max(...corners.map((c) => c[1]!)),
    ];
    const z = 16;
    const from = tileAt(west, north, z);
    const to = tileAt(east, south, z);
    const drawn = new Map<number, number>();
    const labelled = new Map<number, number>();
    for (let x = from.x; x <= to.x; x++)
      for (let y = from.y; y <= to.y; y++)
        for (const f of (await decode(ctx(), `/tiles/grids/${z}/${x}/${y}.mvt`)).features) {
          const id = Number(f.id);
          drawn.set(id, (drawn.get(id) ?? 0) + 1);
          if (f.properties.labelHere) labelled.set(id, (labelled.get(id) ?? 0) + 1);
        }
    expect(Math.max(...drawn.values())).toBeGreaterThan(1); // some grid does cross tiles
    expect([...labelled.keys()].sort()).toEqual(grids.map((g: any) => g.id).sort());
    expect(new Set(labelled.values())).toEqual(new Set([1]));
  });

  it("draws communities, units, points and problems as on their GeoJSON endpoints", async () => {
    const communities = (await ctx().request("/api/communities")).body.features;
    const tile = await decode(ctx(), tilePath("communities", 10));
    expect(tile.features.map((f) => f.properties.name).sort()).toEqual(
      communities.map((c: any) => c.properties.name).sort(),
    );
    const points = (await ctx().request("/api/points?limit=5000")).body.features;
    const pointTile = await decode(ctx(), tilePath("points", 10));
    expect(pointTile.features.length).toBe(points.length);
    const point = points[0];
    expect(pointTile.features.find((f) => f.id === point.id)?.properties).toMatchObject({
      name: point.properties.name,
      kind: point.properties.kind,
    });
    const unitTile = await decode(ctx(), tilePath("units", 10));
    expect(unitTile.features.length).toBeGreaterThan(0);
    for (const f of unitTile.features) expect(f.properties.name).toBeTruthy();
    const problems = (await ctx().request(`/api/problems?limit=5000`)).body;
    const problemTile = await decode(ctx(), tilePath("problems", 10));
    const counted = problemTile.features.reduce((s, f) => s + (f.properties.count as number), 0);
    // Below zoom 13 problems come as counts per cell: together they are every problem in the tile.
    expect(counted).toBe(problems.numberMatched);
    expect(problemTile.features.length).toBeLessThan(problems.numberMatched);
    const one = problems.features[0];
    const close = await decode(ctx(), `/tiles/problems/${pathOf(one.geometry.coordinates, 16)}`);
    const single = close.features.find((f) => f.id === one.id);
    expect(single?.type).toBe(1);
    expect(single?.properties).toMatchObject({
      status: one.properties.status,
      severity: one.properties.severity,
      overdue: one.properties.overdue,
    });
  });

  it("shows a volunteer only their own grids", async () => {
    const volunteer = await ctx().as("volunteer");
    const mine = (await volunteer.request("/api/grids")).body.features.map((g: any) => g.id);
    expect(mine.length).toBeGreaterThan(0);
    const tile = await decode(volunteer, tilePath("grids", 10));
    expect(tile.features.map((f) => f.id).sort()).toEqual(mine.sort());
  });

  it("answers 304 to a matching If-None-Match, and a new ETag once the data changes", async () => {
    const path = tilePath("grids", 12);
    const first = await ctx().raw(path);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w.-]+"$/);
    expect(first.headers.get("cache-control")).toMatch(/private, max-age=\d+/);
    const again = await ctx().raw(path, { headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
    const grid = (await ctx().request("/api/grids?limit=1")).body.features[0];
    await ctx().db.orm.execute(
      // A renamed grid is a changed tile (a direct write: the edit API is another test's concern).
      sql`UPDATE grids SET name = name || '·' WHERE id = ${grid.id}`,
    );
    const changed = await ctx().raw(path, { headers: { "if-none-match": etag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("draws the city's points at the lowest zooms too, at the world's edge", async () => {
    const all = (await decode(ctx(), tilePath("points", 10))).features.length;
    expect(all).toBeGreaterThan(0);
    // At z1 and z2 the city lies in a tile on the world's edge, whose margin once wrapped round.
    for (const z of [0, 1, 2, 3]) {
      expect((await decode(ctx(), tilePath("points", z))).features.length, `z${z}`).toBe(all);
    }
  });

  it("draws a grid renamed by another writer anew, though its old tile was cached", async () => {
    const path = tilePath("grids", 10);
    const first = await ctx().raw(path);
    const again = await ctx().raw(path);
    // The second answer comes from the cache: same version, same ETag, same bytes.
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(new Uint8Array(await again.arrayBuffer())).toEqual(
      new Uint8Array(await first.arrayBuffer()),
    );
    const grid = (await ctx().request("/api/grids?limit=1")).body.features[0];
    // As an import script would, straight into the database: the trigger renews the version.
    await ctx().db.orm.execute(sql`UPDATE grids SET name = ${"改名网格"} WHERE id = ${grid.id}`);
    const changed = await ctx().raw(path);
    expect(changed.headers.get("etag")).not.toBe(first.headers.get("etag"));
    const tile = new VectorTile(new PbfReader(new Uint8Array(await changed.arrayBuffer())));
    const renamed = [];
    for (let i = 0; i < (tile.layers.grids?.length ?? 0); i++) {
      const f = tile.layers.grids!.feature(i);
      if (f.id === grid.id) renamed.push(f.properties.name);
    }
    expect(renamed).toEqual(["改名网格"]);
  });

  it("never shows a unit admin the coordinator's cached tile, nor the other way round", async () => {
    const path = tilePath("grids", 10);
    const all = await decode(ctx(), path);
    const unitAdmin = await ctx().as("unitadmin");
    const theirs = (await unitAdmin.request("/api/grids")).body.features.map((g: any) => g.id);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.length).toBeLessThan(all.features.length);
    const unitTile = await decode(unitAdmin, path);
    expect(unitTile.features.map((f) => f.id).sort()).toEqual(theirs.sort());
    expect((await decode(ctx(), path)).features.length).toBe(all.features.length);
    // Nor may one's ETag stand for the other's tile.
    const coordinatorTag = (await ctx().raw(path)).headers.get("etag")!;
    const asUnit = await unitAdmin.raw(path, { headers: { "if-none-match": coordinatorTag } });
    expect(asUnit.status).toBe(200);
  });

  it("renews only the problems layer's version when problems are written", async () => {
    const versions = async () =>
      Object.fromEntries(
        (
          await ctx().db.prepared<{ layer: string; version: string }>(
            sql`SELECT layer, version::text FROM tile_versions WHERE city_id = ${ctx().cityId}`,
          )
        ).map((r) => [r.layer, r.version]),
      );
    const gridsPath = tilePath("grids", 12);
    const gridsTag = (await ctx().raw(gridsPath)).headers.get("etag")!;
    const problemsPath = tilePath("problems", 10);
    const problemsTag = (await ctx().raw(problemsPath)).headers.get("etag")!;
    const before = await versions();
    await ctx().db.orm.execute(sql`INSERT INTO problems (city_id, source, status, description, location,
        deadline, reported_at)
      VALUES (${ctx().cityId}, 'patrol', 'reported', '瓦片测试', ST_SetSRID(ST_MakePoint(${centre[0]}, ${centre[1]}), 4326),
        now() + interval '3 days', now())`);
    const after = await versions();
    expect(after.problems).not.toBe(before.problems);
    expect({ ...after, problems: "" }).toEqual({ ...before, problems: "" });
    const grids = await ctx().raw(gridsPath, { headers: { "if-none-match": gridsTag } });
    expect(grids.status).toBe(304);
    const problems = await ctx().raw(problemsPath, { headers: { "if-none-match": problemsTag } });
    expect(problems.status).toBe(200);
  });

  it("refuses tiles at once to a session that signed out", async () => {
    const coordinator = await signIn(ctx().app, "coordinator");
    const path = tilePath("units", 10);
    expect((await coordinator.raw(path)).status).toBe(200);
    const out = await coordinator.request("/api/auth/logout", { method: "POST" });
    expect(out.status).toBeLessThan(300);
    expect((await coordinator.raw(path)).status).toBe(401);
  });

  it("refuses an unknown layer and coordinates outside the zoom, naming the field", async () => {
    const bad = [
      ["/tiles/roads/10/843/408.mvt", "layer"],
      ["/tiles/grids/23/0/0.mvt", "z"],
      ["/tiles/grids/2/4/0.mvt", "x"],
      ["/tiles/grids/2/0/4.mvt", "y"],
      ["/tiles/grids/2/0/-1.mvt", "y"],
      ["/tiles/grids/2/0/1.png", "y"],
    ] as const;
    for (const [path, field] of bad) {
      const { status, body } = await ctx().request(path);
      expect(status, path).toBe(400);
      expect(Object.keys(body.error.fields), path).toEqual([field]);
      expect(body.error.message).toBeTruthy();
    }
    expect((await ctx().anonymous.request(tilePath("grids", 10))).status).toBe(401);
  });
});

describeEachEngine("vector tiles over a hotspot", (ctx) => {
  it("sends a tile of too many single problems as cells, counting every one", async () => {
    const [lon, lat] = [117.171, 35.081];
    const many = MAX_PROBLEM_POINTS + 1;
    // Within a few metres of one spot: all in one z16 tile.
    await ctx().db.orm.execute(sql`INSERT INTO problems (city_id, source, status, description, location,
        deadline, reported_at)
      SELECT ${ctx().cityId}, 'patrol', 'reported', '热点', ST_SetSRID(ST_MakePoint(
          ${lon} + (n % 100) * 0.000002, ${lat} + (n / 100) * 0.000002), 4326),
        now() + interval '3 days', now()
      FROM generate_series(1, ${many}) n`);
    const tile = await decode(ctx(), `/tiles/problems/${pathOf([lon, lat], 16)}`);
    expect(tile.features.length).toBeLessThan(many);
    expect(tile.features.every((f) => typeof f.properties.count === "number")).toBe(true);
    const counted = tile.features.reduce((s, f) => s + (f.properties.count as number), 0);
    expect(counted).toBeGreaterThanOrEqual(many);
    await ctx().db.orm.execute(sql`DELETE FROM problems WHERE description = '热点'`);
    const after = await decode(ctx(), `/tiles/problems/${pathOf([lon, lat], 16)}`);
    expect(after.features.some((f) => "count" in f.properties)).toBe(false);
  });
});

function pathOf([lon, lat]: [number, number], z: number) {
  const { x, y } = tileAt(lon, lat, z);
  return `${z}/${x}/${y}.mvt`;
}
