// A throwaway PostgreSQL primary and its streaming replica (pg_createcluster on free ports, the
// replica made by pg_basebackup -R), and CivGrid app processes (api/src/main.ts) on them: for
// tests/api/replicas.test.ts and tests/bench/replicas.bench.ts. Never touches the 5432 cluster.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort, root } from "../e2e/server.ts";

const run = promisify(execFile);

/** pg_createcluster and friends, as root (as .ci/run has them). */
export const clusterTools = await run("pg_lsclusters").then(
  () => process.getuid?.() === 0,
  () => false,
);

export interface Clusters {
  primaryUrl: string;
  replicaUrl: string;
  primaryPort: number;
  replicaPort: number;
  /** Starts or stops (fast) one of the two. */
  ctl(which: "primary" | "replica", action: "start" | "stop"): Promise<unknown>;
  /** Stops and drops both clusters made so far (also after a failed set-up). */
  drop(): Promise<void>;
}

export async function primaryAndReplica(): Promise<Clusters> {
  const primaryPort = await freePort();
  const replicaPort = await freePort();
  const names = {
    primary: `civgrid_primary_${primaryPort}`,
    replica: `civgrid_replica_${replicaPort}`,
  };
  const made: string[] = [];
  const ctl = (which: "primary" | "replica", action: "start" | "stop") =>
    run("pg_ctlcluster", [
      "--skip-systemctl-redirect",
      "15",
      names[which],
      action,
      ...(action === "stop" ? ["-m", "fast"] : []),
    ]);
  const drop = async () => {
    for (const cluster of made) {
      await run("pg_dropcluster", ["--stop", "15", cluster]).catch(() => {});
    }
  };
  const create = (name: string, port: number) =>
    run("pg_createcluster", ["15", name, "-p", String(port), "--", "--auth=trust"]);
  const psql = (...args: string[]) =>
    run("psql", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", ...args]);
  try {
    made.push(names.primary);
    await create(names.primary, primaryPort);
    // wal_level replica is PostgreSQL 15's default; set here so the setup says what it needs.
    await run("pg_conftool", ["15", names.primary, "set", "wal_level", "replica"]);
    await ctl("primary", "start");
    await psql("-c", "CREATE DATABASE civgrid");

    made.push(names.replica);
    await create(names.replica, replicaPort);
    // pg_basebackup fills an empty directory: the new cluster's own (owned by postgres) is emptied.
    const replicaData = `/var/lib/postgresql/15/${names.replica}`;
    for (const name of await readdir(replicaData)) {
      await rm(path.join(replicaData, name), { recursive: true, force: true });
    }
    await run("runuser", [
      "-u",
      "postgres",
      "--",
      "pg_basebackup",
      "-h",
      "127.0.0.1",
      "-p",
      String(primaryPort),
      "-U",
      "postgres",
      "-D",
      replicaData,
      "-R",
      "-X",
      "stream",
    ]);
    await ctl("replica", "start");
  } catch (error) {
    await drop();
    throw error;
  }
  return {
    primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/civgrid`,
    replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/civgrid`,
    primaryPort,
    replicaPort,
    ctl,
    drop,
  };
}

export interface AppProcess {
  name: string;
  url: string;
  child: ChildProcess;
  output: string;
  dataDir: string;
}

/** Starts CivGrid as its own process and waits until it listens. */
export async function startApp(name: string, env: Record<string, string>): Promise<AppProcess> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), `civgrid-${name}-`));
  const child = spawn(path.join(root, "api/node_modules/.bin/tsx"), ["src/main.ts"], {
    cwd: path.join(root, "api"),
    // No daily backup unless a test asks for one (it would write beside the temp data folder).
    env: {
      ...process.env,
      BACKUP_AT: "off",
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const app: AppProcess = { name, url: `http://127.0.0.1:${port}`, child, output: "", dataDir };
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      app.output += chunk.toString();
      if (app.output.includes("CivGrid is running")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`${name} exited with ${code}:\n${app.output}`)));
  });
  return app;
}

/** Stops the process (at once) and removes its data directory. */
export async function stopApp(app: AppProcess) {
  if (app.child.exitCode === null && app.child.signalCode === null) {
    const exited = new Promise((resolve) => app.child.once("exit", resolve));
    app.child.kill("SIGKILL");
    await exited;
  }
  await rm(app.dataDir, { recursive: true, force: true });
}
