// The embedded database keeps its data across restarts, and a restart does not load the demo twice.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureCity, openDb, selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";

describe("embedded database on disk", () => {
  let dir = "";
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("keeps the demo city and later writes after close and reopen", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "civgrid-restart-"));
    const choice = { seed: "demo" as const, city: { code: "370481", name: "滕州市" } };
    const first = await openDb({ dataDir: dir });
    await first.migrate();
    const cityId = await ensureCity(first, choice, () => {});
    await first.orm.execute(sql`INSERT INTO volunteer_branches (city_id, name, focus)
      VALUES (${cityId}, '重启后仍在支队', '测试')`);
    await first.close();

    const second = await openDb({ dataDir: dir });
    await second.migrate();
    expect(await ensureCity(second, choice, () => {})).toBe(cityId);
    const [counts] = await selectRows<{ grids: number; cities: number; branch: number }>(
      second.orm,
      sql`SELECT (SELECT count(*)::int FROM grids) AS grids, (SELECT count(*)::int FROM cities) AS cities,
                 (SELECT count(*)::int FROM volunteer_branches WHERE name = '重启后仍在支队') AS branch`,
    );
    expect(counts).toEqual({ grids: 10, cities: 1, branch: 1 });
    await second.close();
    // Two opens of a disk-backed PGlite with every migration and the demo city: ~60 s alone, and
    // it went past the project's 120 s when the whole suite loaded the two cores.
  }, 300_000);
});
