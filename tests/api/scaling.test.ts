// The schema distributes by city on Citus (docs/scaling.md, issue 24), read from the live schema
// (information_schema, pg_constraint, pg_index, pg_proc, pg_trigger) on both engines: what made
// create_distributed_table, the triggers and sign-in fail on a real Citus cluster fails here.
// And every join of two city tables the app sends carries city_id, read from the app's own query
// log while it is driven (and over the whole suite by tests/support/check-sql-log.ts).
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApp, type Db, openDb, selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../api/src/accounts/passwords.ts";
import { migrationsFolder } from "../../api/src/db/embedded-assets.ts";
import { ensureCity } from "../../api/src/seed/ensure-city.ts";
import { checkCityRoutes } from "../support/city-joins.ts";
import {
  allowedJoins,
  cityTables,
  describeViolation,
  judgeSqlLog,
  readSqlLog,
} from "../support/sql-log.ts";
import {
  clientFor,
  createServerDatabase,
  describeEachEngine,
  type EngineName,
  serverUnavailable,
  signIn,
} from "./engines.ts";
import { driveEveryRequest } from "./every-request.ts";

/** Tables without city_id, and why. */
const cityless: Record<string, string> = {
  cities: "the distribution key itself: a reference table copied to every node",
  spatial_ref_sys: "PostGIS's coordinate systems: a reference table",
  sign_in_throttles:
    "sign-in attempts counted by account name, client address and overall: a name or an address carries no city (sign-in is cross-city by nature)",
  request_throttles:
    "public and Open311 requests counted per client address or api_key, before any city is known",
  scheduled_runs:
    "one row per scheduled job and period, claimed by one app process: no city's data",
};

/**
 * Tables copied to every node (Citus reference tables): a foreign key may point at them from
 * anywhere, and they hold no key into a distributed table. Everything else with a city_id is
 * distributed by it.
 */
const referenceTables: Record<string, string> = {
  cities: "the cities themselves",
  logins:
    "a username, mobile number, session or token hash → its city: read before the city is known",
};

/** The migration that moved every key to (city_id, …); the test below starts a database before it. */
const CITY_KEYS_MIGRATION = "0040_city_keys";

interface Key {
  name: string;
  table: string;
  columns: string[];
}
interface ForeignKey extends Key {
  target: string;
  targetColumns: string[];
}

/** The names of a key's columns, in order: `keys` an int2[] of attribute numbers of `relation`. */
const columnsOf = (
  keys: string,
  relation: string,
) => sql`(SELECT array_agg(a.attname::text ORDER BY o.n)
  FROM unnest(${sql.raw(keys)}) WITH ORDINALITY o(att, n)
  JOIN pg_attribute a ON a.attrelid = ${sql.raw(relation)} AND a.attnum = o.att)`;

async function tablesOf(db: Db) {
  return (
    await selectRows<{ table: string; hasCity: boolean }>(
      db.orm,
      sql`SELECT t.table_name AS "table",
            EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = t.table_schema
              AND c.table_name = t.table_name AND c.column_name = 'city_id') AS "hasCity"
          FROM information_schema.tables t
          WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY 1`,
    )
  ).filter((t) => !t.table.startsWith("__drizzle"));
}

/** Tables distributed by city_id on Citus: every table with a city_id but the reference tables. */
async function distributedTables(db: Db) {
  return new Set(
    (await tablesOf(db))
      .filter((t) => t.hasCity && !(t.table in referenceTables))
      .map((t) => t.table),
  );
}

describeEachEngine("a schema that distributes by city", (ctx) => {
  const db = () => ctx().db;

  it("gives every table a city_id, but for the listed ones", async () => {
    const all = await tablesOf(db());
    expect(all.length).toBeGreaterThan(30);
    const missing = all.filter((t) => !t.hasCity && !(t.table in cityless)).map((t) => t.table);
    expect(missing).toEqual([]);
  });

  it("puts city_id into every primary key and unique index of a distributed table", async () => {
    const distributed = await distributedTables(db());
    // Unique constraints and unique indexes alike (a partial one is an index only).
    const uniques = await selectRows<Key>(
      db().orm,
      sql`SELECT c.relname AS "table", ic.relname AS name, ${columnsOf("i.indkey::int2[]", "i.indrelid")} AS columns
          FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
          WHERE i.indisunique AND c.relnamespace = 'public'::regnamespace ORDER BY 1, 2`,
    );
    const checked = uniques.filter((u) => distributed.has(u.table));
    expect(checked.length).toBeGreaterThan(60);
    const without = checked
      .filter((u) => !u.columns?.includes("city_id"))
      .map((u) => `${u.table}.${u.name} (${u.columns?.join(", ")})`);
    expect(without).toEqual([]);
    // And every distributed table has a primary key with it (Citus needs one for logical replication
    // when it moves a shard).
    const keyed = new Set(
      (
        await selectRows<{ table: string }>(
          db().orm,
          sql`SELECT c.relname AS "table" FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
              WHERE i.indisprimary AND c.relnamespace = 'public'::regnamespace`,
        )
      ).map((r) => r.table),
    );
    expect([...distributed].filter((t) => !keyed.has(t))).toEqual([]);
  });

  it("keys every foreign key between distributed tables by city_id on both sides", async () => {
    const distributed = await distributedTables(db());
    const keys = await selectRows<ForeignKey>(
      db().orm,
      sql`SELECT con.conname AS name, src.relname AS "table", dst.relname AS target,
            ${columnsOf("con.conkey", "con.conrelid")} AS columns, ${columnsOf("con.confkey", "con.confrelid")} AS "targetColumns"
          FROM pg_constraint con
          JOIN pg_class src ON src.oid = con.conrelid
          JOIN pg_class dst ON dst.oid = con.confrelid
          WHERE con.contype = 'f' AND src.relnamespace = 'public'::regnamespace ORDER BY 2, 1`,
    );
    expect(keys.length).toBeGreaterThan(100);
    const wrong: string[] = [];
    for (const key of keys) {
      const label = `${key.table}.${key.name}: (${key.columns.join(", ")}) → ${key.target}(${key.targetColumns.join(", ")})`;
      if (key.table in referenceTables) {
        // A reference table is on every node; a key from it into one city's shard cannot hold.
        if (!(key.target in referenceTables))
          wrong.push(`${label}: a reference table points into a city`);
        continue;
      }
      if (key.target in referenceTables) continue;
      if (!distributed.has(key.table) || !distributed.has(key.target)) {
        wrong.push(`${label}: between tables that are neither reference nor distributed`);
        continue;
      }
      const at = key.columns.indexOf("city_id");
      if (at < 0 || key.targetColumns[at] !== "city_id") wrong.push(`${label}: not by city`);
    }
    expect(wrong).toEqual([]);
  });

  it("writes its rollups from PL/pgSQL, without a sequence, and computes in SQL functions only", async () => {
    const functions = await selectRows<{
      name: string;
      language: string;
      volatility: string;
      source: string;
    }>(
      db().orm,
      sql`SELECT p.proname AS name, l.lanname AS language, p.provolatile::text AS volatility, p.prosrc AS source
          FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
          WHERE p.pronamespace = 'public'::regnamespace AND p.proname LIKE 'civgrid\\_%' ORDER BY 1`,
    );
    expect(functions.length).toBeGreaterThan(10);
    const writes = /\b(insert\s+into|update\s+\w+\s+set|delete\s+from|nextval|setval)\b/i;
    // Citus runs a LANGUAGE sql function with parameters that writes as a distributed statement of
    // its own, which a trigger on a shard may not start; a computation is inlined and harmless.
    const sqlWriters = functions
      .filter((f) => f.language === "sql" && (f.volatility === "v" || writes.test(f.source)))
      .map((f) => f.name);
    expect(sqlWriters).toEqual([]);
    // A sequence is one per node on Citus: no function of ours draws from one.
    expect(functions.filter((f) => /\bnextval\b/i.test(f.source)).map((f) => f.name)).toEqual([]);
    // The only sequences are the id columns' own (a trigger's "global" sequence is gone).
    const [loose] = await selectRows<{ names: string[] | null }>(
      db().orm,
      sql`SELECT array_agg(s.relname::text) AS names FROM pg_class s
          WHERE s.relkind = 'S' AND s.relnamespace = 'public'::regnamespace
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = s.oid AND d.deptype IN ('a', 'i'))`,
    );
    expect(loose?.names ?? []).toEqual([]);
    // Every trigger function is PL/pgSQL.
    const triggerFunctions = await selectRows<{ name: string; language: string }>(
      db().orm,
      sql`SELECT DISTINCT p.proname AS name, l.lanname AS language FROM pg_trigger t
          JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_language l ON l.oid = p.prolang
          WHERE NOT t.tgisinternal`,
    );
    expect(triggerFunctions.length).toBeGreaterThan(5);
    expect(triggerFunctions.filter((f) => f.language !== "plpgsql")).toEqual([]);
  });

  it("claims every account's names, sessions and tokens in logins, in the account's city", async () => {
    const [missing] = await selectRows<{ n: number }>(
      db().orm,
      sql`SELECT count(*)::int AS n FROM (
            SELECT 'username' AS kind, username AS key, city_id, id AS user_id FROM users
            UNION ALL SELECT 'mobile', mobile, city_id, id FROM users WHERE mobile IS NOT NULL
            UNION ALL SELECT 'session', token_hash, city_id, user_id FROM sessions
            UNION ALL SELECT 'access_token', token_hash, city_id, user_id FROM access_tokens
            EXCEPT SELECT kind, key, city_id, user_id FROM logins) m`,
    );
    await ctx().as("coordinator");
    const [counts] = await selectRows<{ users: number; sessions: number }>(
      db().orm,
      sql`SELECT (SELECT count(*)::int FROM logins WHERE kind = 'username') AS users,
            (SELECT count(*)::int FROM logins WHERE kind = 'session') AS sessions`,
    );
    expect(counts!.users).toBeGreaterThan(5);
    expect(counts!.sessions).toBeGreaterThan(0);
    expect(missing!.n).toBe(0);
  });
});

/**
 * The code of the flows issue 24 names — sign-in and the session, the problem lists and board, the
 * tiles, a report (staff, citizen, Open311), the rectification loop and who hears of it — whose
 * every statement must name its city (checkCityRoutes). Sweeps over every city are not among them.
 */
const routedFlows =
  /^api\/src\/(accounts\/(sessions|sign-in|users|access-tokens)|problems\/(queries|board|create|routing|duplicates|transitions)|tiles\/|open311\/|reports\/|notifications\/(subjects|recipients|notify|problem-steps|escalation))/;

/** Each engine's query log: this file's own, whatever CIVGRID_SQL_LOG says. */
const logs = mkdtempSync(path.join(tmpdir(), "civgrid-scaling-sql-"));
const logOf = (engine: EngineName) => path.join(logs, engine);
afterAll(() => rmSync(logs, { recursive: true, force: true }));

for (const engine of ["pglite", "postgres"] as const) {
  describeEachEngine(
    "every join of two city tables carries city_id",
    (ctx) => {
      it("signs in as every role, drives every request, and finds no join without city_id", async () => {
        const drive = await driveEveryRequest(ctx());
        // Every GET of the API was driven, but those said why not.
        expect(drive.unfilled).toEqual([]);
        // No input may produce a 500; and the drive reached the data (not only 4xx answers).
        expect(drive.answers.filter((a) => a.status >= 500)).toEqual([]);
        const ok = drive.answers.filter((a) => a.status < 300).length;
        expect(ok).toBeGreaterThan(drive.answers.length * 0.75);

        const statements = await readSqlLog(logOf(engine));
        const tables = await cityTables(ctx().db.orm);
        const verdict = await judgeSqlLog(statements, tables);
        // The product's statements were read, from the services that sent them.
        expect(verdict.checked).toBeGreaterThan(300);
        const joined = statements.filter(
          (s) => /\bJOIN\b/i.test(s.sql) && !s.from[0]?.startsWith("tests/"),
        );
        expect(joined.length).toBeGreaterThan(50);
        expect(verdict.violations.map(describeViolation)).toEqual([]);
        // The flows a request makes on one city are router queries on Citus: each of their
        // statements ties every city table to its city (the rest is listed in docs/scaling.md).
        const unrouted = [];
        for (const statement of statements) {
          if (!routedFlows.test(statement.from[0] ?? "")) continue;
          for (const v of checkCityRoutes(statement.sql, tables))
            unrouted.push(`${v.unbound?.join(", ")} in ${v.block} [${statement.from[0]}]`);
        }
        expect(unrouted).toEqual([]);
        // Nothing is let through (the sign-in and session lookups read logins, then their city).
        expect(verdict.allowed).toEqual([]);
        expect(allowedJoins).toEqual([]);
      }, 300_000);
    },
    [engine],
    () => ({ sqlLog: logOf(engine) }),
  );
}

/**
 * A database made before the keys carried the city, holding the demo city with accounts,
 * sessions and tokens, migrates to them keeping every row, and its old sessions still sign in.
 */
const serverSkip = await serverUnavailable();
(serverSkip ? describe.skip : describe)("the migration to city keys [postgres]", () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it("keeps every row of a database made before it, and its sessions", async () => {
    const server = await createServerDatabase();
    cleanup.push(server.drop);
    // The migrations up to the one before the city keys, in a folder of their own.
    const folder = await mkdtemp(path.join(tmpdir(), "civgrid-before-keys-"));
    cleanup.push(() => rm(folder, { recursive: true, force: true }));
    await cp(migrationsFolder, folder, { recursive: true });
    const journalFile = path.join(folder, "meta/_journal.json");
    const journal = JSON.parse(await readFile(journalFile, "utf8")) as {
      entries: { tag: string }[];
    };
    const cut = journal.entries.findIndex((e) => e.tag === CITY_KEYS_MIGRATION);
    expect(cut).toBeGreaterThan(30);
    journal.entries = journal.entries.slice(0, cut);
    await writeFile(journalFile, JSON.stringify(journal));
    const client = postgres(server.url, { max: 1, onnotice: () => {} });
    try {
      await migrate(drizzle(client), { migrationsFolder: folder });
    } finally {
      await client.end();
    }

    const db = await openDb({ databaseUrl: server.url, dataDir: "" });
    cleanup.push(() => db.close());
    // The demo city's data (the loader writes no account), and accounts, a session and a token as
    // that release wrote them: in the users, sessions and access_tokens tables alone.
    const cityId = await ensureCity(
      db,
      { seed: "demo", city: { code: "370481", name: "滕州市" } },
      () => {},
    );
    const hash = await hashPassword("Old-release-1");
    await db.orm.execute(sql`INSERT INTO users (city_id, username, mobile, display_name, password_hash, role)
      VALUES (${cityId}, 'oldadmin', '13900000001', '旧版管理员', ${hash}, 'admin'),
             (${cityId}, 'oldcoordinator', NULL, '旧版协调员', ${hash}, 'coordinator')`);
    const oldToken = "a-session-from-before";
    await db.orm.execute(sql`INSERT INTO sessions (token_hash, city_id, user_id, expires_at)
      SELECT ${createHash("sha256").update(oldToken).digest("hex")}, city_id, id, now() + interval '1 day'
      FROM users WHERE username = 'oldadmin'`);
    await db.orm.execute(sql`INSERT INTO access_tokens (city_id, user_id, name, token_hash)
      SELECT city_id, id, '旧令牌', ${createHash("sha256").update("cgpat_old").digest("hex")}
      FROM users WHERE username = 'oldcoordinator'`);

    const counts = async () => {
      const tables = (await tablesOf(db)).map((t) => t.table).filter((t) => t !== "logins");
      const rows: Record<string, number> = {};
      for (const table of tables) {
        const [row] = await selectRows<{ n: number }>(
          db.orm,
          sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`,
        );
        rows[table] = row!.n;
      }
      return rows;
    };
    const before = await counts();
    expect(before.problems).toBeGreaterThan(50);
    expect(before.grids).toBeGreaterThan(5);

    await db.migrate();
    expect(await counts()).toEqual(before);
    const [keys] = await selectRows<{ pk: string }>(
      db.orm,
      sql`SELECT pg_get_constraintdef(oid) AS pk FROM pg_constraint WHERE conname = 'problems_pkey'`,
    );
    expect(keys!.pk).toBe("PRIMARY KEY (city_id, id)");

    // The old session, the old token, and a sign-in by name and by mobile number all work.
    const app = createApp({ db, cityId, basemapUrl: null });
    const me = async (headers: Record<string, string>) =>
      (await clientFor(app).request("/api/auth/me", { headers })).status;
    expect(await me({ cookie: `civgrid_session=${oldToken}` })).toBe(200);
    expect(await me({ authorization: "Bearer cgpat_old" })).toBe(200);
    expect(await me({ cookie: "civgrid_session=made-up" })).toBe(401);
    for (const name of ["oldcoordinator", "13900000001"]) {
      const client = await signIn(app, name, "Old-release-1");
      expect((await client.request("/api/auth/me")).status).toBe(200);
    }
  });
});
