// The deployment's nginx files (issue 20), loaded by a real nginx: `nginx -t` accepts
// deploy/nginx.conf with deploy/civgrid-proxy.conf (paths moved to a temp folder, since the test
// is not the machine's nginx), and an nginx started on free loopback ports in front of TWO app
// processes (api/src/main.ts on one throwaway server database) passes requests to both.
// Skipped with a warning where nginx is not installed (.ci/run installs it).
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, root } from "../e2e/server.ts";
import { createServerDatabase, serverUnavailable } from "./engines.ts";
import { type AppProcess, startApp, stopApp } from "./replica-clusters.ts";

const run = promisify(execFile);
const nginx = await run("nginx", ["-v"]).then(
  () => "nginx",
  () => null,
);
if (!nginx)
  console.warn(
    "\n!!! SKIPPING the nginx tests: nginx is not installed (apt-get install nginx-light)\n",
  );
const noServer = await serverUnavailable();
if (noServer && process.env.CI === "true") throw new Error(`CI=true and no server: ${noServer}`);
if (noServer) console.warn(`\n!!! SKIPPING the nginx proxy test: ${noServer}\n`);

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

/**
 * The deploy files in a temp folder, as an http block of a whole nginx.conf would include them:
 * listening on `port`, the upstream's two servers on `upstreams`, every path inside the folder.
 * The access log names the upstream that answered each request.
 */
async function deployConfig(port: number, upstreams: [number, number]) {
  const dir = await mkdtemp(path.join(tmpdir(), "civgrid-nginx-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const site = (await readFile(path.join(root, "deploy/nginx.conf"), "utf8"))
    .replaceAll("/etc/nginx/civgrid-proxy.conf", path.join(dir, "civgrid-proxy.conf"))
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replace("server 127.0.0.1:8081 ", `server 127.0.0.1:${upstreams[0]} `)
    .replace("server 127.0.0.1:8082 ", `server 127.0.0.1:${upstreams[1]} `);
  // Each replacement must have found its line: the deploy file's shape is what is tested.
  expect(site).toContain(`listen 127.0.0.1:${port};`);
  expect(site).toContain(`server 127.0.0.1:${upstreams[0]} `);
  expect(site).toContain(`server 127.0.0.1:${upstreams[1]} `);
  await writeFile(path.join(dir, "civgrid.conf"), site);
  await writeFile(
    path.join(dir, "civgrid-proxy.conf"),
    await readFile(path.join(root, "deploy/civgrid-proxy.conf")),
  );
  const conf = path.join(dir, "nginx.conf");
  await writeFile(
    conf,
    `pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
  log_format upstream '$upstream_addr $status $request_uri';
  access_log ${dir}/access.log upstream;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/civgrid.conf;
}
`,
  );
  return { dir, conf };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await probe().catch(() => undefined);
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!nginx)("the deployment's nginx files", () => {
  it("nginx -t accepts deploy/nginx.conf with its proxy include", async () => {
    const { dir, conf } = await deployConfig(await freePort(), [8081, 8082]);
    const { stderr } = await run("nginx", ["-t", "-c", conf, "-p", dir]);
    expect(stderr).toContain("test is successful");
  });

  it.skipIf(noServer)(
    "passes requests to both app processes",
    async () => {
      const database = await createServerDatabase();
      cleanups.push(database.drop);
      const env = {
        DATABASE_URL: database.url,
        SEED: "none",
        TRUST_PROXY: "loopback",
        BACKUP_AT: "off",
        NODE_ENV: "production",
      };
      const apps: AppProcess[] = [];
      cleanups.push(() => Promise.all(apps.map(stopApp)));
      // One after the other: the first migrates the empty database.
      apps.push(await startApp("nginx-a", env));
      apps.push(await startApp("nginx-b", env));
      const ports = apps.map((a) => Number(new URL(a.url).port)) as [number, number];
      const port = await freePort();
      const { dir, conf } = await deployConfig(port, ports);
      const server: ChildProcess = spawn(
        nginx as string,
        ["-c", conf, "-p", dir, "-g", "daemon off;"],
        {
          stdio: ["ignore", "ignore", "pipe"],
        },
      );
      let said = "";
      server.stderr?.on("data", (chunk: Buffer) => {
        said += chunk.toString();
      });
      cleanups.push(async () => {
        if (server.exitCode !== null || server.signalCode !== null) return;
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill("SIGTERM");
        await exited;
      });
      const base = `http://127.0.0.1:${port}`;
      await until(`nginx listening on ${port} (${said})`, async () =>
        (await fetch(`${base}/api/health`)).ok ? true : undefined,
      );
      for (let i = 0; i < 6; i++) {
        const answer = await fetch(`${base}/api/health`);
        expect(answer.status).toBe(200);
      }
      const lines = (await readFile(path.join(dir, "access.log"), "utf8")).trim().split("\n");
      const answeredBy = new Set(
        lines.filter((l) => l.endsWith(" 200 /api/health")).map((l) => l.split(" ")[0]),
      );
      expect([...answeredBy].sort()).toEqual(ports.map((p) => `127.0.0.1:${p}`).sort());
    },
    180_000,
  );
});
