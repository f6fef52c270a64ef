// Starts CivGrid for browser tests the way a user does: build the web app, run api/src/main.ts
// on a free port with a throwaway data directory, wait until it says it is running. The data
// directory starts as a copy of the demo city the global setup loaded, which main.ts finds
// migrated and loaded, as on any later start.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { inject } from "vitest";

export const root = fileURLToPath(new URL("../..", import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(),
      );
    });
  });
}

/** Builds web/ into web/dist, unless this test run's global setup already did. */
export async function buildWeb() {
  if (process.env.CIVGRID_WEB_BUILT === "1") return;

  const { build } = await import("vite");
  await build({ root: path.join(root, "web"), logLevel: "warn" });
}

export interface RunningServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), "civgrid-e2e-"));
  await promisify(execFile)("tar", ["-xf", inject("demoCityTarball"), "-C", dataDir]);
  const tsx = path.join(root, "api/node_modules/.bin/tsx");
  if (!existsSync(tsx)) throw new Error(`tsx not found at ${tsx}: run the install first`);
  const child: ChildProcess = spawn(tsx, ["src/main.ts"], {
    cwd: path.join(root, "api"),
    // No daily backup unless a test asks for one (it would write beside the temp data folder).
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      BACKUP_AT: "off",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("CivGrid is running")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  await ready;
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
