// Runs a database test on both engines: embedded PGlite + PostGIS, and a PostgreSQL + PostGIS server.
// Each file gets fresh databases holding a copy of the demo city, which the global setup loaded
// once per run (demo-city.ts); the server database is dropped after.
import { readFile } from "node:fs/promises";
import { createApp, type Db, DEMO_PASSWORD, openDb, selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { createServerDatabase, serverUnavailable } from "./server-databases.ts";

export { createServerDatabase, serverUnavailable, serverUrl } from "./server-databases.ts";

export type EngineName = "pglite" | "postgres";

/** The demo city's accounts, one per role (README: Demo accounts). */
export const demoAccounts = [
  "admin",
  "coordinator",
  "inspector",
  "unitadmin",
  "gridleader",
  "volunteer",
  "leader",
] as const;
export type DemoAccount = (typeof demoAccounts)[number];

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

export interface Client {
  request(path: string, init?: RequestInit): Promise<Answer>;
  /** The response itself, for binary bodies (XLSX, ZIP). */
  raw(path: string, init?: RequestInit): Promise<Response>;
}

type App = ReturnType<typeof createApp>;

export interface EngineContext extends Client {
  db: Db;
  cityId: number;
  app: App;
  /** Without a session. */
  anonymous: Client;
  /** Signed in as one of the demo accounts (once per file, then reused). */
  as(account: DemoAccount): Promise<Client>;
}

/** A client that sends the session cookie a sign-in set, as a browser would. */
export function clientFor(app: App, cookie?: string): Client {
  const raw = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set("cookie", cookie);
    // A browser names the page's origin on every POST; the API's CSRF check relies on it.
    if (init.method && init.method !== "GET" && !headers.has("origin")) {
      headers.set("origin", "http://localhost");
    }
    return app.request(path, { ...init, headers });
  };
  return {
    raw,
    async request(path, init = {}) {
      const response = await raw(path, init);
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {}
      return { status: response.status, body, headers: response.headers };
    },
  };
}

export async function signIn(app: App, username: string, password = DEMO_PASSWORD) {
  const response = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) {
    throw new Error(`sign-in as ${username} failed: ${await response.text()}`);
  }
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error("sign-in set no cookie");
  return clientFor(app, cookie);
}

export async function openEngine(engine: EngineName, dataDir = "memory://") {
  if (engine === "pglite") return { db: await openDb({ dataDir }), drop: async () => {} };
  const server = await createServerDatabase();
  return { db: await openDb({ databaseUrl: server.url, dataDir }), drop: server.drop };
}

/** What a test may ask of the database it is given. */
export interface OpenDemoOptions {
  /** A folder for the database's query log (api/src/db/query-log.ts), instead of CIVGRID_SQL_LOG. */
  sqlLog?: string;
}

/** A fresh database holding a copy of the demo city the global setup prepared (demo-city.ts). */
export async function openDemoCity(engine: EngineName, options: OpenDemoOptions = {}) {
  if (engine === "pglite") {
    const tarball = new Blob([await readFile(inject("demoCityTarball"))]);
    return {
      db: await openDb({ ...options, dataDir: "memory://", loadDataDir: tarball }),
      drop: async () => {},
    };
  }
  const template = inject("demoCityTemplate");
  if (!template) throw new Error("the global setup prepared no demo city on the server");
  const server = await createServerDatabase(template);
  return {
    db: await openDb({ ...options, databaseUrl: server.url, dataDir: "memory://" }),
    drop: server.drop,
  };
}

const skipReason = await (async () => {
  const reason = await serverUnavailable();
  if (!reason) return null;
  if (process.env.CI === "true") {
    throw new Error(`CI=true and the PostGIS server tests cannot run: ${reason}`);
  }
  console.warn(`\n!!! SKIPPING the PostgreSQL + PostGIS server tests: ${reason}\n`);
  return reason;
})();

/**
 * describe() once per engine, each with its own database holding the demo city.
 * The server run is skipped loudly where no server is available, and fails under CI=true.
 * `engines` narrows it where the database plays no part in what is measured; `open` says how each
 * engine's database is opened.
 */
export function describeEachEngine(
  title: string,
  body: (ctx: () => EngineContext) => void,
  engines: readonly EngineName[] = ["pglite", "postgres"],
  open: (engine: EngineName) => OpenDemoOptions = () => ({}),
) {
  for (const engine of engines) {
    const run = engine === "postgres" && skipReason ? describe.skip : describe;
    run(`${title} [${engine}]`, () => {
      let context: EngineContext | undefined;
      let drop = async () => {};
      beforeAll(async () => {
        const opened = await openDemoCity(engine, open(engine));
        drop = opened.drop;
        const [city] = await selectRows<{ id: number }>(
          opened.db.orm,
          sql`SELECT id FROM cities ORDER BY id LIMIT 1`,
        );
        if (!city) throw new Error("the copy of the demo city has no city");
        const cityId = city.id;
        const app = createApp({ db: opened.db, cityId, basemapUrl: null });
        const sessions = new Map<DemoAccount, Client>();
        const as = async (account: DemoAccount) => {
          let client = sessions.get(account);
          if (!client) {
            client = await signIn(app, account);
            sessions.set(account, client);
          }
          return client;
        };
        const coordinator = await as("coordinator");
        context = {
          db: opened.db,
          cityId,
          app,
          anonymous: clientFor(app),
          as,
          // Most read tests look at the whole city, as the campaign office does.
          request: (path, init) => coordinator.request(path, init),
          raw: (path, init) => coordinator.raw(path, init),
        };
      });
      afterAll(async () => {
        await context?.db.close();
        await drop();
      });
      body(() => {
        if (!context) throw new Error("the database did not open");
        return context;
      });
    });
  }
}

/** The database's own words when a query fails (drizzle wraps them as the error's cause). */
export async function failureOf(query: Promise<unknown>): Promise<string> {
  try {
    await query;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return `${(error as Error).message}\n${cause?.message ?? ""}`;
  }
  throw new Error("the query was expected to fail, and it succeeded");
}
