// Counts requests per key in a fixed window, in the database (issue 20): every app process on one
// server database shares the count, so two processes behind a proxy do not double a limit. What
// the public endpoints and Open311's filing need to slow down flooding; sign-in has its own
// progressive counts (sign-in-throttle.ts).
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";

export class Throttle {
  constructor(
    /** Names the limit, so two limits on the same address count apart. */
    private readonly name: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /**
   * Counts one request under the key and answers the seconds until the key may try again, or 0
   * when this request may go ahead. One statement: its row lock counts concurrent requests one
   * after another, in whichever process they arrive.
   */
  async take(ex: Executor, key: string): Promise<number> {
    const window = sql`make_interval(secs => ${this.windowMs / 1000}::float8)`;
    const fresh = sql`t.window_started_at <= now() - ${window}`;
    const [row] = await selectRows<{ hits: number; waitMs: number }>(
      ex,
      sql`INSERT INTO request_throttles AS t (key, window_started_at, hits)
          VALUES (${`${this.name}:${key}`}, now(), 1)
          ON CONFLICT (key) DO UPDATE SET
            hits = CASE WHEN ${fresh} THEN 1 ELSE t.hits + 1 END,
            window_started_at = CASE WHEN ${fresh} THEN now() ELSE t.window_started_at END
          RETURNING t.hits,
            (extract(epoch FROM t.window_started_at + ${window} - now()) * 1000)::float8 AS "waitMs"`,
    );
    // Old windows are of no use; sweep them now and then rather than on every request.
    if (Math.random() < 0.01) {
      await ex.execute(sql`DELETE FROM request_throttles
        WHERE window_started_at < now() - ${window} - interval '1 hour'`);
    }
    if (!row || row.hits <= this.limit) return 0;
    return Math.max(1, Math.ceil(Number(row.waitMs) / 1000));
  }
}
