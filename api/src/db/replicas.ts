// Read replicas (issue 20): streaming standbys of the primary named by DATABASE_READ_URL serve the
// read-only heavy paths (tiles, OGC, the leaders' analytics, exports). One middleware,
// `readFromReplica`, hides the choice from every route: it swaps the request's database handle
// for a replica's when one is fit, and the route reads `c.var.db` as always.
//
// - Fit: the replica answered its last check (every CHECK_MS) and is at most `maxLagMs` behind the
//   primary. Lag is measured in WAL, not by the last replayed commit's time (an idle primary would
//   look ever more behind): a replica whose replayed LSN has reached the primary's LSN read just
//   before is 0 ms behind; otherwise it is behind by the time since it last had.
// - Read your writes: after a write, the answer carries the primary's WAL position in a cookie
//   (READ_AFTER_COOKIE, 30 s); a read with it goes to a replica only once that replica
//   has replayed past it, else to the primary. The cookie works across processes.
// - A replica that stops under a request: the request failed for want of a database and the
//   replica no longer answers, so it is marked down and the request is run again on the primary:
//   the caller sees no error. So is a query the standby cancelled for a conflict with recovery.
//   The next check that reaches it puts it back in use.

import { sql } from "drizzle-orm";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../routes/router.ts";
import { type Db, describeUrl, openDb, selectRows } from "./client.ts";
import { databaseFailureOf, isUnavailable } from "./failures.ts";

/** How often each replica's position and the primary's are read. */
const CHECK_MS = 500;
/** A check that takes longer counts the replica down. */
const CHECK_TIMEOUT_MS = 1000;
/** The cookie with the WAL position of the caller's last write, and how long it is kept. */
export const READ_AFTER_COOKIE = "civgrid_lsn";
const READ_AFTER_SECONDS = 30;
/** A request run again on the primary carries this in its env (never settable by a client). */
const PRIMARY_ONLY = Symbol("primary-only");

/** "16/B374D848" → a number that orders like the WAL position. */
export function lsnValue(lsn: string): bigint | null {
  const m = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(lsn.trim());
  return m ? (BigInt(`0x${m[1]}`) << 32n) + BigInt(`0x${m[2]}`) : null;
}

export interface ReplicaReport {
  url: string;
  state: "ok" | "lagging" | "down" | "unchecked";
  lagMs: number | null;
  reason?: string;
}

interface Replica {
  url: string;
  db: Db;
  state: ReplicaReport["state"];
  lagMs: number | null;
  replayed: bigint | null;
  caughtUpAt: number;
  reason?: string;
}

const withTimeout = <T>(work: Promise<T>, ms: number) =>
  Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref(),
    ),
  ]);

export class ReadReplicas {
  private next = 0;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;

  private constructor(
    private readonly primary: Db,
    private readonly replicas: Replica[],
    readonly maxLagMs: number,
  ) {}

  /** Opens a handle per URL (connections are made on first use) and starts checking them. */
  static async open(primary: Db, urls: string[], maxLagMs: number): Promise<ReadReplicas> {
    const replicas = await Promise.all(
      urls.map(async (url) => ({
        url,
        db: await openDb({ databaseUrl: url, dataDir: "" }),
        state: "unchecked" as const,
        lagMs: null,
        replayed: null,
        caughtUpAt: 0,
      })),
    );
    const set = new ReadReplicas(primary, replicas, maxLagMs);
    await set.check();
    set.timer = setInterval(() => void set.check(), CHECK_MS);
    set.timer.unref();
    return set;
  }

  /** Reads the primary's WAL position, then each replica's, and judges each replica fit or not. */
  check(): Promise<void> {
    this.checking ??= this.checkNow().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  private async checkNow() {
    const primaryLsn = await withTimeout(this.primaryLsn(), CHECK_TIMEOUT_MS).catch(() => null);
    await Promise.all(
      this.replicas.map(async (r) => {
        try {
          const [row] = await withTimeout(
            selectRows<{ standby: boolean; lsn: string | null }>(
              r.db.orm,
              sql`SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS lsn`,
            ),
            CHECK_TIMEOUT_MS,
          );
          if (!row?.standby || !row.lsn) throw new Error("not a streaming standby");
          const now = Date.now();
          r.replayed = lsnValue(row.lsn);
          if (primaryLsn === null || (r.replayed !== null && r.replayed >= primaryLsn)) {
            r.caughtUpAt = now;
          }
          r.lagMs = r.caughtUpAt ? now - r.caughtUpAt : null;
          r.state = r.lagMs !== null && r.lagMs <= this.maxLagMs ? "ok" : "lagging";
          r.reason = undefined;
        } catch (error) {
          r.state = "down";
          r.lagMs = null;
          r.reason = (error as Error).message;
        }
      }),
    );
  }

  /** The primary's current WAL position. */
  async primaryLsn(): Promise<bigint | null> {
    const [row] = await selectRows<{ lsn: string }>(
      this.primary.orm,
      sql`SELECT pg_current_wal_lsn()::text AS lsn`,
    );
    return row ? lsnValue(row.lsn) : null;
  }

  /**
   * A fit replica, taken in turn; one that has replayed past `after` when given (asking it afresh
   * when its last check was short of it). None: the primary answers.
   */
  async pick(after: bigint | null): Promise<Replica | undefined> {
    const fit = this.replicas.filter((r) => r.state === "ok");
    for (let i = 0; i < fit.length; i++) {
      const r = fit[(this.next + i) % fit.length] as Replica;
      if (after !== null && (r.replayed === null || r.replayed < after)) {
        const [row] = await withTimeout(
          selectRows<{ lsn: string | null }>(
            r.db.orm,
            sql`SELECT pg_last_wal_replay_lsn()::text AS lsn`,
          ),
          CHECK_TIMEOUT_MS,
        ).catch(() => []);
        const replayed = row?.lsn ? lsnValue(row.lsn) : null;
        if (replayed === null || replayed < after) continue;
        r.replayed = replayed;
      }
      this.next = (this.next + i + 1) % fit.length;
      return r;
    }
    return undefined;
  }

  /** Whether the replica answers now (after a failed request: down, or the request's own fault). */
  async answers(r: Replica): Promise<boolean> {
    try {
      await withTimeout(selectRows(r.db.orm, sql`SELECT 1`), CHECK_TIMEOUT_MS);
      return true;
    } catch (error) {
      r.state = "down";
      r.reason = (error as Error).message;
      return false;
    }
  }

  report(): ReplicaReport[] {
    return this.replicas.map((r) => ({
      url: describeUrl(r.url),
      state: r.state,
      lagMs: r.lagMs,
      ...(r.reason && { reason: r.reason }),
    }));
  }

  async close() {
    clearInterval(this.timer);
    await Promise.all(this.replicas.map((r) => r.db.close()));
  }
}

/**
 * After a write on /api: the caller's next reads wait for a replica that has replayed it (or go to
 * the primary). Only with replicas; only for a write that went through.
 */
export function rememberWrites(replicas: ReadReplicas | undefined): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (!replicas || ["GET", "HEAD", "OPTIONS"].includes(c.req.method) || c.res.status >= 400) {
      return;
    }
    const lsn = await replicas.primaryLsn().catch(() => null);
    if (lsn === null) return;
    // The position as one hex number: a cookie value needs no escaping then.
    setCookie(c, READ_AFTER_COOKIE, lsn.toString(16), {
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
      maxAge: READ_AFTER_SECONDS,
    });
  };
}

/**
 * `readDb`, as a middleware on the read-only heavy paths: the request reads from a fit replica
 * when there is one (see the top of this file), else from the primary. Runs after the session is
 * checked (on the primary), so a sign-out is never read from a replica behind it.
 */
export function readFromReplica(
  replicas: ReadReplicas | undefined,
  rerun: (request: Request, env: unknown) => Response | Promise<Response>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const env = c.env as Record<PropertyKey, unknown> | undefined;
    if (!replicas || (c.req.method !== "GET" && c.req.method !== "HEAD") || env?.[PRIMARY_ONLY]) {
      return next();
    }
    const replica = await replicas.pick(readAfter(c));
    if (!replica) return next();
    c.set("db", replica.db);
    await next();
    // The replica went away under this request, or cancelled its query for a conflict with
    // recovery (40001 on a standby): the primary answers it instead.
    const failure = databaseFailureOf(c.error);
    const conflict = failure?.code === "40001";
    if (!conflict && (!isUnavailable(failure) || (await replicas.answers(replica)))) return;
    const again = await rerun(c.req.raw, { ...env, [PRIMARY_ONLY]: true });
    c.res = undefined as never;
    c.res = again;
  };
}

/** The WAL position of the caller's last write (READ_AFTER_COOKIE), if recent and well formed. */
function readAfter(c: Context): bigint | null {
  const value = getCookie(c, READ_AFTER_COOKIE);
  return value && /^[0-9a-f]{1,16}$/.test(value) ? BigInt(`0x${value}`) : null;
}
