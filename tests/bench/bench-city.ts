// What the benchmarks share: a database on the PostGIS server with its city, the prefecture-size
// city written with a progress bar, and a coordinator's session to ask the API as.
import { type Db, ensureCity, openDb, selectRows } from "@civgrid/api";
import { type CitySize, generateCity } from "@civgrid/seeds";
import { sql } from "drizzle-orm";
import { createSession } from "../../api/src/accounts/sessions.ts";
import { createServerDatabase, serverUnavailable } from "../api/engines.ts";

const CITY = { code: "370481", name: "滕州市" };

/**
 * A migrated database with its city. With `reusable`, BENCH_DATABASE_URL times again on a city
 * generated before (`reused`); otherwise a throwaway database, which `close` drops unless
 * BENCH_KEEP=1 keeps it for EXPLAIN.
 */
export async function benchDatabase(seed: "demo" | "none", { reusable = true } = {}) {
  const unavailable = await serverUnavailable();
  if (unavailable) throw new Error(unavailable);
  const reuse = reusable ? process.env.BENCH_DATABASE_URL : undefined;
  const server = reuse ? { url: reuse, drop: async () => {} } : await createServerDatabase();
  const db = await openDb({ databaseUrl: server.url, dataDir: "memory://" });
  const close = async () => {
    await db.close();
    if (process.env.BENCH_KEEP || reuse) console.log(`kept ${server.url}`);
    else await server.drop();
  };
  try {
    await db.migrate();
    const cityId = await ensureCity(db, { seed, city: CITY }, () => {});
    return { db, cityId, reused: Boolean(reuse), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Writes a generated city of `size` into the city, with a progress bar on stdout. */
export function generateWithProgress(db: Db, cityId: number, size: CitySize) {
  const run = (statement: string) => db.orm.execute(sql.raw(statement));
  return generateCity(run, cityId, size, (step, done, of) =>
    process.stdout.write(`\r[${"#".repeat(done)}${".".repeat(of - done)}] ${step}          `),
  );
}

/** A coordinator of the city made for the benchmark, and its session token (2 hours). */
export async function benchCoordinator(db: Db, cityId: number) {
  const [user] = await selectRows<{ id: number }>(
    db.orm,
    sql`INSERT INTO users (city_id, username, display_name, password_hash, role)
        VALUES (${cityId}, ${`bench${Date.now()}`}, 'bench', 'x', 'coordinator') RETURNING id`,
  );
  const token = await createSession(
    db.orm,
    {
      id: user!.id,
      cityId,
      username: "bench",
      displayName: "bench",
      role: "coordinator",
      unitId: null,
      personId: null,
      mustChangePassword: false,
    },
    2,
  );
  return token;
}

/** Median of `runs` timed runs after one warm-up, in ms. */
export async function timed(run: () => Promise<unknown>, runs = 5): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((x, y) => x - y);
  return round(times[Math.floor(times.length / 2)] ?? 0);
}

export const round = (n: number) => Math.round(n * 100) / 100;
