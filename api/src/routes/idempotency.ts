// Idempotency-Key for the writes a phone may resend (reports, patrols, check-ins, activities): the
// key is the caller's own, kept with a fingerprint of the request and the first answer, and the
// claim, the write and the stored answer are one transaction. A replay — even ten at once — waits
// for that transaction on the key's row and then gets the same answer; the same key with another
// request gets a 422.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import { type Db, type Orm, selectRows } from "../db/client.ts";
import { AppError } from "../errors.ts";
import type { AppEnv } from "./router.ts";

export const IDEMPOTENCY_HEADER = "idempotency-key";

/** Thrown to roll the claim back when the request did not succeed, so a retry runs it afresh. */
class NotStored extends Error {}

interface Stored {
  fingerprint: string;
  status: number | null;
  contentType: string | null;
  body: string | null;
}

export const idempotent: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header(IDEMPOTENCY_HEADER);
  if (key === undefined) return next();
  if (key.length < 8 || key.length > 128) {
    throw new AppError(
      400,
      "invalid_request",
      { key: "error.validation" },
      {
        [IDEMPOTENCY_HEADER]: { key: "field.text", params: { min: 8, max: 128 } },
      },
    );
  }
  const fingerprint = createHash("sha256")
    .update(`${c.req.method} ${c.req.path}\n`)
    .update(await c.req.text())
    .digest("hex");
  const db = c.var.db;
  const userId = c.var.user.id;
  let replay: Response | undefined;
  try {
    await db.orm.transaction(async (tx) => {
      // A concurrent replay blocks here on the key until the first request's transaction ends.
      const claimed = await selectRows(
        tx,
        sql`INSERT INTO idempotency_keys (city_id, user_id, key, fingerprint)
            SELECT city_id, ${userId}, ${key}, ${fingerprint} FROM users WHERE id = ${userId}
            ON CONFLICT DO NOTHING RETURNING 1 AS claimed`,
      );
      if (!claimed.length) {
        const [stored] = await selectRows<Stored>(
          tx,
          sql`SELECT fingerprint, status, content_type AS "contentType", body
              FROM idempotency_keys WHERE user_id = ${userId} AND key = ${key}`,
        );
        if (!stored || stored.fingerprint !== fingerprint) {
          throw new AppError(422, "idempotency_key_reused", { key: "error.idempotency_mismatch" });
        }
        replay = new Response(stored.body, {
          status: stored.status ?? 200,
          headers: {
            "content-type": stored.contentType ?? "application/json",
            "idempotent-replayed": "true",
          },
        });
        return;
      }
      // The route's own transaction becomes a savepoint inside this one.
      const inside: Db = { ...db, orm: tx as unknown as Orm, prepared: (q) => selectRows(tx, q) };
      c.set("db", inside);
      try {
        await next();
      } finally {
        c.set("db", db);
      }
      if (c.error || c.res.status >= 300) throw new NotStored();
      const answer = c.res.clone();
      await tx.execute(
        sql`UPDATE idempotency_keys SET status = ${answer.status},
              content_type = ${answer.headers.get("content-type")}, body = ${await answer.text()}
            WHERE user_id = ${userId} AND key = ${key}`,
      );
    });
  } catch (error) {
    if (!(error instanceof NotStored)) throw error;
  }
  if (replay) return replay;
};
