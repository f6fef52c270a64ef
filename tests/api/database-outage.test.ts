// The server engine through a database outage: CivGrid runs (api/src/main.ts) on its own throwaway
// PostgreSQL cluster; the cluster is stopped during a write load and started again. During the
// outage every request answers 503 with Retry-After within 5 s (none takes 6 s), /api/ready says
// why and /api/health stays up; afterwards writes succeed without restarting the app; every write
// acknowledged is there, none reported failed is, and one whose commit was cut off is resolved by
// resending it with its Idempotency-Key. The cluster is dropped after, also on failure.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, root } from "../e2e/server.ts";

const run = promisify(execFile);
const clusterTools = await run("pg_lsclusters").then(
  () => process.getuid?.() === 0,
  () => false,
);
if (!clusterTools) console.warn("\n!!! SKIPPING the outage test: needs pg_createcluster as root\n");

interface Sent {
  key: string;
  at: number;
  ms: number;
  status: number;
  code?: string;
  retryAfter: string | null;
}

(clusterTools ? describe : describe.skip)("a database outage on the server engine", () => {
  let port = 0;
  let cluster = "";
  let app: ChildProcess | undefined;
  let appUrl = "";
  let dataDir = "";
  let output = "";
  const ctl = (action: "start" | "stop") =>
    run("pg_ctlcluster", [
      "--skip-systemctl-redirect",
      "15",
      cluster,
      action,
      ...(action === "stop" ? ["-m", "fast"] : []),
    ]);

  beforeAll(async () => {
    port = await freePort();
    cluster = `civgrid_fault_${port}`;
    await run("pg_createcluster", ["15", cluster, "-p", String(port), "--", "--auth=trust"]);
    await ctl("start");
    await run("psql", [
      "-h",
      "127.0.0.1",
      "-p",
      String(port),
      "-U",
      "postgres",
      "-c",
      "CREATE DATABASE civgrid",
    ]);
    const appPort = await freePort();
    dataDir = await mkdtemp(path.join(tmpdir(), "civgrid-outage-"));
    app = spawn(path.join(root, "api/node_modules/.bin/tsx"), ["src/main.ts"], {
      cwd: path.join(root, "api"),
      env: {
        ...process.env,
        PORT: String(appPort),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/civgrid`,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("CivGrid is running")) resolve();
      };
      app?.stdout?.on("data", onData);
      app?.stderr?.on("data", onData);
      app?.on("exit", (code) => reject(new Error(`the app exited with ${code}:\n${output}`)));
    });
    appUrl = `http://127.0.0.1:${appPort}`;
  }, 300_000);

  afterAll(async () => {
    if (process.env.OUTAGE_LOG) console.log(output);
    if (app && app.exitCode === null) {
      app.kill("SIGKILL");
      await new Promise((resolve) => app?.once("exit", resolve));
    }
    if (cluster) await run("pg_dropcluster", ["--stop", "15", cluster]).catch(() => {});
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("answers 503 with Retry-After during the outage, recovers by itself, and loses or invents no write", async () => {
    const login = await fetch(`${appUrl}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: appUrl },
      body: JSON.stringify({ username: "coordinator", password: "civgrid-demo" }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get("set-cookie")?.split(";")[0] ?? "";
    const direct = postgres(`postgres://postgres@127.0.0.1:${port}/civgrid`, { max: 1 });
    const [spot] = await direct<{ lon: number; lat: number }[]>`
      SELECT ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat FROM grids ORDER BY code LIMIT 1`;
    await direct.end();

    const reportBody = (key: string) =>
      JSON.stringify({
        type: "Feature",
        geometry: { type: "Point", coordinates: [spot!.lon, spot!.lat] },
        properties: { description: `停库压测 ${key}` },
      });
    const send = async (key: string): Promise<Sent> => {
      const at = Date.now();
      try {
        const r = await fetch(`${appUrl}/api/problems`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: appUrl,
            cookie,
            "idempotency-key": key,
          },
          body: reportBody(key),
          signal: AbortSignal.timeout(20_000),
        });
        const body = (await r.json().catch(() => ({}))) as { error?: { code?: string } };
        return {
          key,
          at,
          ms: Date.now() - at,
          status: r.status,
          code: body.error?.code,
          retryAfter: r.headers.get("retry-after"),
        };
      } catch {
        return { key, at, ms: Date.now() - at, status: 0, retryAfter: null };
      }
    };

    const sent: Sent[] = [];
    let running = true;
    let n = 0;
    const worker = async () => {
      while (running) {
        sent.push(await send(`outage-${String(n++).padStart(5, "0")}`));
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const workers = Array.from({ length: 4 }, worker);
    /** Waits for a condition, looking every 100 ms (no fixed sleeps: issue 19). */
    const until = async (done: () => boolean | Promise<boolean>) => {
      while (!(await done())) await new Promise((r) => setTimeout(r, 100));
    };
    // The load runs until ten writes are acknowledged, then the database stops under it.
    await until(() => sent.filter((s) => s.status === 201).length >= 10);

    const stoppedAt = Date.now();
    await ctl("stop");
    // Readiness notices the outage…
    let ready = await fetch(`${appUrl}/api/ready`);
    await until(async () => {
      ready = await fetch(`${appUrl}/api/ready`);
      return ready.status !== 200;
    });
    const readiness = (await ready.json()) as {
      status: string;
      database: { ok: boolean; reason?: string };
    };
    const health = await fetch(`${appUrl}/api/health`);
    // …and the outage lasts until the clients have been refused a good many times.
    await until(() => sent.filter((s) => s.at > stoppedAt + 1000 && s.status === 503).length > 20);
    const startedAt = Date.now();
    await ctl("start");
    // Writes succeed again with the same app: wait for five acknowledged after the start.
    const deadline = Date.now() + 60_000;
    await until(
      () =>
        sent.filter((s) => s.at > startedAt && s.status === 201).length >= 5 ||
        Date.now() > deadline,
    );
    running = false;
    await Promise.all(workers);
    const readyAgain = await fetch(`${appUrl}/api/ready`);

    expect(ready.status).toBe(503);
    expect(ready.headers.get("retry-after")).toBeTruthy();
    expect(readiness.status).toBe("unavailable");
    expect(readiness.database.reason).toMatch(/\S/);
    expect(health.status).toBe(200);
    expect(readyAgain.status).toBe(200);

    // Sent while the database was down (the stop itself takes a moment).
    const duringOutage = sent.filter((s) => s.at > stoppedAt + 1000 && s.at + s.ms < startedAt);
    expect(duringOutage.length).toBeGreaterThan(10);
    for (const s of duringOutage) {
      expect(s.status, JSON.stringify(s)).toBe(503);
      expect(s.retryAfter).toBeTruthy();
      expect(s.ms).toBeLessThan(5000);
    }
    expect(Math.max(...sent.map((s) => s.ms))).toBeLessThan(6000);
    expect(sent.filter((s) => s.at > startedAt && s.status === 201).length).toBeGreaterThanOrEqual(
      5,
    );
    expect(sent.filter((s) => s.status === 500)).toEqual([]);

    // A write whose outcome was not known (a commit cut off, or no answer) is resent with its key.
    const unknown = sent.filter((s) => s.status === 0 || s.code === "commit_outcome_unknown");
    for (const s of unknown) expect((await send(s.key)).status).toBe(201);

    const check = postgres(`postgres://postgres@127.0.0.1:${port}/civgrid`, { max: 1 });
    const rows = await check<{ key: string; n: number }[]>`
      SELECT idempotency_key AS key, count(*)::int AS n FROM problems WHERE idempotency_key LIKE 'outage-%' GROUP BY 1`;
    await check.end();
    const written = new Map(rows.map((r) => [r.key, r.n]));
    const acknowledged = sent.filter((s) => s.status === 201).map((s) => s.key);
    const failed = sent.filter((s) => s.status >= 400 && s.code !== "commit_outcome_unknown");
    expect(acknowledged.length).toBeGreaterThan(10);
    for (const key of [...acknowledged, ...unknown.map((s) => s.key)])
      expect(written.get(key), key).toBe(1);
    for (const s of failed) expect(written.get(s.key), JSON.stringify(s)).toBeUndefined();
    console.log(
      `outage: ${sent.length} writes sent, ${acknowledged.length} acknowledged, ${failed.length} refused (503), ` +
        `${unknown.length} of unknown outcome resent; slowest answer ${Math.max(...sent.map((s) => s.ms))} ms`,
    );

    // SIGTERM: the app stops accepting, closes the database and exits by itself.
    const exited = new Promise<number | null>((resolve) =>
      app?.once("exit", (code) => resolve(code)),
    );
    app?.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("database closed");
  }, 240_000);
});
