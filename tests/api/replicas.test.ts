// Several app processes and a read replica on one PostgreSQL (issue 20), on the server engine
// only: a primary and a streaming replica (two throwaway clusters, pg_createcluster on free ports,
// the replica made by pg_basebackup -R) and TWO CivGrid processes (api/src/main.ts) on them.
// Checked: wrong passwords split across the processes are counted together; a sign-out on A is
// refused by B's /tiles and /ogc within 1 s; a scheduled job runs once per period across both;
// tiles and analytics are read on the replica (its own table statistics) and a write is seen by
// the read that follows it at once; the replica stopped → reads answered by the primary without
// an error, started → used again. Both clusters are dropped after, also on failure.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AppProcess,
  type Clusters,
  clusterTools,
  primaryAndReplica,
  startApp as startAppProcess,
  stopApp,
} from "./replica-clusters.ts";
import { tileAt } from "./tile-math.ts";

if (!clusterTools)
  console.warn("\n!!! SKIPPING the replica test: needs pg_createcluster as root\n");

/** Seconds between two runs of the orphan sweep in this test (an hour in a deployment). */
const SWEEP_SECONDS = 2;

/** A browser: keeps the cookies the answers set and sends them back. */
class Browser {
  readonly cookies = new Map<string, string>();
  async fetch(url: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (this.cookies.size) {
      headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    }
    if (init.method && init.method !== "GET") headers.set("origin", new URL(url).origin);
    const answer = await fetch(url, { ...init, headers, signal: AbortSignal.timeout(30_000) });
    for (const line of answer.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      const value = pair.slice(at + 1);
      if (/max-age=0/i.test(line) || value === "") this.cookies.delete(pair.slice(0, at));
      else this.cookies.set(pair.slice(0, at), value);
    }
    return answer;
  }
  signIn(app: AppProcess, username: string, password = "civgrid-demo") {
    return this.fetch(`${app.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

(clusterTools ? describe : describe.skip)("two app processes and a read replica", () => {
  const apps: AppProcess[] = [];
  let filesDir = "";
  let clusters: Clusters | undefined;
  let primaryPort = 0;
  let replicaPort = 0;
  let primary: postgres.Sql;
  let replica: postgres.Sql;
  const startApp = async (name: string, env: Record<string, string>) => {
    const app = await startAppProcess(name, env);
    apps.push(app);
    return app;
  };

  /** A z14 grids tile and a z12 problems tile over the demo city's first grid. */
  let gridTile = "";
  let problemTile = "";

  /** A point inside the demo city's first grid. */
  let spot: { lon: number; lat: number } | undefined;

  /** Reports a problem at `spot` through the app, as the browser's user. */
  const report = (browser: Browser, app: AppProcess, description: string) =>
    browser.fetch(`${app.url}/api/problems`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        type: "Feature",
        geometry: { type: "Point", coordinates: [spot!.lon, spot!.lat] },
        properties: { description },
      }),
    });

  /** The replica as the process's /api/health reports it. */
  const replicaOf = async (app: AppProcess) =>
    ((await (await fetch(`${app.url}/api/health`)).json()) as any).databases.replicas[0] as {
      state: string;
      lagMs: number | null;
    };

  /** Table reads counted by the replica itself: they grow only with queries run on it. */
  const replicaReads = async () => {
    const [row] = await replica<{ n: string }[]>`
      SELECT coalesce(sum(seq_scan + coalesce(idx_scan, 0)), 0)::text AS n FROM pg_stat_user_tables`;
    return Number(row?.n ?? 0);
  };

  beforeAll(async () => {
    clusters = await primaryAndReplica();
    ({ primaryPort, replicaPort } = clusters);

    primary = postgres(clusters.primaryUrl, { max: 1, onnotice: () => {} });
    replica = postgres(clusters.replicaUrl, { max: 1, onnotice: () => {} });
    filesDir = await mkdtemp(path.join(tmpdir(), "civgrid-repl-files-"));
    const env = {
      DATABASE_URL: clusters.primaryUrl,
      DATABASE_READ_URL: clusters.replicaUrl,
      ORPHAN_SWEEP_SECONDS: String(SWEEP_SECONDS),
      // Both processes keep photos in one place, as two processes on one machine (or NFS) do.
      FILES_DIR: filesDir,
    };
    // A first start migrates and loads the demo city; the second finds them there.
    await startApp("A", env);
    await startApp("B", env);
    [spot] = await primary<{ lon: number; lat: number }[]>`
      SELECT ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat
      FROM grids WHERE deleted_at IS NULL ORDER BY code LIMIT 1`;
    const z14 = tileAt(spot!.lon, spot!.lat, 14);
    const z12 = tileAt(spot!.lon, spot!.lat, 12);
    gridTile = `/tiles/grids/14/${z14.x}/${z14.y}.mvt`;
    problemTile = `/tiles/problems/12/${z12.x}/${z12.y}.mvt`;
  }, 600_000);

  afterAll(async () => {
    for (const app of apps) {
      if (process.env.REPLICA_LOG) console.log(`--- ${app.name}\n${app.output}`);
      await stopApp(app);
    }
    await primary?.end({ timeout: 1 });
    await replica?.end({ timeout: 1 });
    await clusters?.drop();
    if (filesDir) await rm(filesDir, { recursive: true, force: true });
  }, 120_000);

  it("counts wrong passwords across both processes: the sixth try is refused on either", async () => {
    const [a, b] = apps as [AppProcess, AppProcess];
    const browser = new Browser();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const app = i % 2 ? b : a;
      statuses.push((await browser.signIn(app, "inspector", `wrong-${i}`)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    // The right password now: refused (slowed down) on either process.
    for (const app of [a, b]) {
      const sixth = await browser.signIn(app, "inspector");
      expect(sixth.status, app.name).toBe(429);
      expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });

  it("refuses a session signed out on A on B's /tiles and /ogc within a second", async () => {
    const [a, b] = apps as [AppProcess, AppProcess];
    const tile = gridTile;
    const items = "/ogc/collections/grids/items?limit=1";
    const browser = new Browser();
    expect((await browser.signIn(a, "coordinator")).status).toBe(200);
    // B remembers the session for its tiles and OGC reads (5 s of session memory) …
    expect((await browser.fetch(`${b.url}${tile}`)).status).toBe(200);
    expect((await browser.fetch(`${b.url}${items}`)).status).toBe(200);
    const cookie = browser.cookies.get("civgrid_session");
    expect(cookie).toBeTruthy();
    const out = await browser.fetch(`${a.url}/api/auth/logout`, { method: "POST" });
    expect(out.status).toBeLessThan(300);
    const signedOut = Date.now();
    // … and forgets it when A says so: the old cookie is refused well within its 5 s.
    const stale = { headers: { cookie: `civgrid_session=${cookie}` } };
    const refusedIn = await until("B refuses the signed-out session", async () => {
      const [t, o] = await Promise.all([
        fetch(`${b.url}${tile}`, stale),
        fetch(`${b.url}${items}`, stale),
      ]);
      return t.status === 401 && o.status === 401 ? Date.now() - signedOut : undefined;
    });
    console.log(`B refused the session ${refusedIn} ms after the sign-out on A`);
    expect(refusedIn).toBeLessThan(1000);
  });

  it("runs the scheduled orphan sweep once per period across both processes", async () => {
    const periods = () =>
      apps.flatMap((app) =>
        [...app.output.matchAll(/orphan sweep \(period (\d+)\)/g)].map((m) => Number(m[1])),
      );
    // Both processes tick four times a period: left alone, each would sweep every period.
    await until("four sweeps", async () => (periods().length >= 4 ? true : undefined), 60_000);
    const seen = periods();
    expect(new Set(seen).size).toBe(seen.length);
    const rows = await primary<{ period: string; ran_by: string }[]>`
      SELECT period::text, ran_by FROM scheduled_runs WHERE job = 'orphan-sweep'`;
    expect(rows.map((r) => Number(r.period)).sort()).toEqual(expect.arrayContaining(seen));
  });

  it("reads tiles, OGC and analytics on the replica; a write is read back at once", async () => {
    const [a, b] = apps as [AppProcess, AppProcess];
    const leader = new Browser();
    expect((await leader.signIn(a, "leader")).status).toBe(200);
    for (const app of [a, b]) {
      const health = (await (await fetch(`${app.url}/api/health`)).json()) as any;
      expect(health.databases.primary).toBe(`127.0.0.1:${primaryPort}/civgrid`);
      expect(health.databases.replicas).toEqual([
        expect.objectContaining({ url: `127.0.0.1:${replicaPort}/civgrid`, state: "ok" }),
      ]);
      expect(health.databases.replicas[0].lagMs).toBeLessThan(5000);
      const ready = (await (await fetch(`${app.url}/api/ready`)).json()) as any;
      expect(ready.databases.heavyReadsFrom).toBe("replicas");
    }
    const before = await replicaReads();
    const heavy = [
      "/api/analytics/trends",
      "/api/analytics/rankings?by=unit",
      "/ogc/collections/problems/items?limit=50",
      gridTile,
      problemTile,
    ];
    for (const app of [a, b]) {
      for (const p of heavy) {
        const answer = await leader.fetch(`${app.url}${p}`);
        expect(answer.status, `${app.name} ${p}`).toBe(200);
      }
    }
    // The replica's own statistics (sent by its backends within a second or so) grew.
    await until("reads counted on the replica", async () =>
      (await replicaReads()) > before ? true : undefined,
    );

    // A write on A, read at once through B's replica path: the cookie names the write's WAL
    // position, so the read waits for a replica that has it or goes to the primary.
    const coordinator = new Browser();
    expect((await coordinator.signIn(a, "coordinator")).status).toBe(200);
    for (let i = 0; i < 5; i++) {
      const made = await report(coordinator, a, `副本读己之写 ${i}`);
      expect(made.status).toBe(201);
      const { id } = (await made.json()) as { id: number };
      expect(coordinator.cookies.get("civgrid_lsn")).toMatch(/^[0-9a-f]+$/);
      const read = await coordinator.fetch(`${b.url}/ogc/collections/problems/items/${id}`);
      expect(read.status, `problem ${id}`).toBe(200);
    }
  });

  it("sends a read after a write to the primary while the replica is behind, and skips a replica past the lag bound", async () => {
    const [a, b] = apps as [AppProcess, AppProcess];
    const coordinator = new Browser();
    expect((await coordinator.signIn(a, "coordinator")).status).toBe(200);
    const stateOnB = () => replicaOf(b);
    // The replica stops replaying: it answers, but behind the primary.
    await replica`SELECT pg_wal_replay_pause()`;
    try {
      const paused = Date.now();
      const made = await report(coordinator, a, "副本暂停时的上报");
      expect(made.status).toBe(201);
      const { id } = (await made.json()) as { id: number };
      const item = `${b.url}/ogc/collections/problems/items/${id}`;
      // With the write's position: the primary answers.
      expect((await coordinator.fetch(item)).status).toBe(200);
      // Without it (another device of the same user), within the lag bound: the replica answers,
      // and it has not got the problem yet: the cookie is what made the read above see it.
      const session = `civgrid_session=${coordinator.cookies.get("civgrid_session")}`;
      const elsewhere = await fetch(item, { headers: { cookie: session } });
      expect(Date.now() - paused).toBeLessThan(5000);
      expect(elsewhere.status).toBe(404);
      // Past REPLICA_MAX_LAG_MS (5 s) it is skipped: the primary answers everyone.
      await until("B sees the replica lagging", async () =>
        (await stateOnB()).state === "lagging" ? true : undefined,
      );
      expect((await fetch(item, { headers: { cookie: session } })).status).toBe(200);
    } finally {
      await replica`SELECT pg_wal_replay_resume()`;
    }
    await until("B sees the replica caught up", async () =>
      (await stateOnB()).state === "ok" ? true : undefined,
    );
  });

  it("answers from the primary while the replica is stopped, and uses it again once started", async () => {
    const [a, b] = apps as [AppProcess, AppProcess];
    const leader = new Browser();
    expect((await leader.signIn(a, "leader")).status).toBe(200);
    const reads = ["/api/analytics/trends", "/ogc/collections/grids/items?limit=20", problemTile];
    // Requests in flight while it stops, and after.
    let running = true;
    const statuses: number[] = [];
    const load = Promise.all(
      [a, b].map(async (app) => {
        for (let i = 0; running; i++) {
          const p = reads[i % reads.length] as string;
          statuses.push((await leader.fetch(`${app.url}${p}`)).status);
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
    await clusters?.ctl("replica", "stop");
    await until("both processes see the replica down", async () => {
      const states = await Promise.all([a, b].map(async (app) => (await replicaOf(app)).state));
      return states.every((s) => s === "down") ? true : undefined;
    });
    const stoppedCount = statuses.length;
    await until("reads go on without the replica", async () =>
      statuses.length > stoppedCount + 10 ? true : undefined,
    );
    running = false;
    await load;
    expect(statuses.filter((s) => s !== 200)).toEqual([]);

    await clusters?.ctl("replica", "start");
    await until("both processes use the replica again", async () => {
      const states = await Promise.all([a, b].map(async (app) => (await replicaOf(app)).state));
      return states.every((s) => s === "ok") ? true : undefined;
    });
    await replica.end({ timeout: 1 });
    replica = postgres(`postgres://postgres@127.0.0.1:${replicaPort}/civgrid`, {
      max: 1,
      onnotice: () => {},
    });
    const before = await replicaReads();
    for (const app of [a, b]) {
      for (const p of reads) expect((await leader.fetch(`${app.url}${p}`)).status).toBe(200);
    }
    await until("reads counted on the restarted replica", async () =>
      (await replicaReads()) > before ? true : undefined,
    );
  });

  it("carries the scheduled sweep on in B once A has stopped", async () => {
    const [a, b] = apps as [AppProcess, AppProcess];
    a.child.kill("SIGTERM");
    await new Promise((resolve) => a.child.once("exit", resolve));
    const sweptByB = () => [...b.output.matchAll(/orphan sweep \(period (\d+)\)/g)].length;
    const before = sweptByB();
    await until("B sweeps", async () => (sweptByB() >= before + 2 ? true : undefined), 30_000);
  });
});
