// Once per Idempotency-Key: the claim of the key, the write it protects and the stored answer are
// one transaction. A replay — even ten at once — waits for that transaction on the key's row and
// then gets the same answer; the same key with another request gets a 422.
import { sql } from "drizzle-orm";
import { type Db, type Orm, selectRows } from "../db/client.ts";
import { AppError } from "../errors.ts";

/** The first answer, kept to be given again. */
export interface StoredAnswer {
  status: number;
  contentType: string | null;
  body: string | null;
}

export interface KeyClaim {
  cityId: number;
  userId: number;
  key: string;
  /** A digest of the request, so that the same key with another request is told apart. */
  fingerprint: string;
}

export type OnceOutcome = { replayed: true; answer: StoredAnswer } | { replayed: false };

/** Thrown to roll the claim back when the request did not succeed, so a retry runs it afresh. */
class NotStored extends Error {}

/**
 * Runs `work` once for the key. `work` is given the database as seen inside the claiming
 * transaction (its own transactions become savepoints in it) and returns the answer to keep, or
 * null when the request failed: then the claim is rolled back with everything written.
 */
export async function oncePerKey(
  db: Db,
  claim: KeyClaim,
  work: (inside: Db) => Promise<StoredAnswer | null>,
): Promise<OnceOutcome> {
  const { cityId, userId, key, fingerprint } = claim;
  try {
    return await db.orm.transaction(async (tx): Promise<OnceOutcome> => {
      // A concurrent replay blocks here on the key until the first request's transaction ends.
      const claimed = await selectRows(
        tx,
        sql`INSERT INTO idempotency_keys (city_id, user_id, key, fingerprint)
            VALUES (${cityId}, ${userId}, ${key}, ${fingerprint})
            ON CONFLICT DO NOTHING RETURNING 1 AS claimed`,
      );
      if (!claimed.length) {
        const [stored] = await selectRows<{
          fingerprint: string;
          status: number | null;
          contentType: string | null;
          body: string | null;
        }>(
          tx,
          sql`SELECT fingerprint, status, content_type AS "contentType", body
              FROM idempotency_keys WHERE city_id = ${cityId} AND user_id = ${userId} AND key = ${key}`,
        );
        if (!stored || stored.fingerprint !== fingerprint) {
          throw new AppError(422, "idempotency_key_reused", { key: "error.idempotency_mismatch" });
        }
        return {
          replayed: true,
          answer: {
            status: stored.status ?? 200,
            contentType: stored.contentType,
            body: stored.body,
          },
        };
      }
      const inside: Db = { ...db, orm: tx as unknown as Orm, prepared: (q) => selectRows(tx, q) };
      const answer = await work(inside);
      if (!answer) throw new NotStored();
      await tx.execute(
        sql`UPDATE idempotency_keys SET status = ${answer.status},
              content_type = ${answer.contentType}, body = ${answer.body}
            WHERE city_id = ${cityId} AND user_id = ${userId} AND key = ${key}`,
      );
      return { replayed: false };
    });
  } catch (error) {
    if (error instanceof NotStored) return { replayed: false };
    throw error;
  }
}
