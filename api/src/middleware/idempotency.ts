// Idempotency-Key for the writes a phone may resend (reports, patrols, check-ins, activities): the
// key is the caller's own, kept with a fingerprint of the request and the first answer. The claim,
// the route's write and the stored answer are one transaction (idempotency/once-per-key.ts); this
// middleware reads the header and turns the kept answer back into a response.
import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { invalidFields } from "../errors.ts";
import { oncePerKey } from "../idempotency/once-per-key.ts";
import type { AppEnv } from "../routes/router.ts";

export const IDEMPOTENCY_HEADER = "idempotency-key";

export const idempotent: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header(IDEMPOTENCY_HEADER);
  if (key === undefined) return next();
  if (key.length < 8 || key.length > 128) {
    throw invalidFields({
      [IDEMPOTENCY_HEADER]: { key: "field.text", params: { min: 8, max: 128 } },
    });
  }
  const fingerprint = createHash("sha256")
    .update(`${c.req.method} ${c.req.path}\n`)
    .update(await c.req.text())
    .digest("hex");
  const db = c.var.db;
  const outcome = await oncePerKey(
    db,
    { cityId: c.var.user.cityId, userId: c.var.user.id, key, fingerprint },
    async (inside) => {
      // The route's own transaction becomes a savepoint inside the claiming one.
      c.set("db", inside);
      try {
        await next();
      } finally {
        c.set("db", db);
      }
      if (c.error || c.res.status >= 300) return null;
      const answer = c.res.clone();
      return {
        status: answer.status,
        contentType: answer.headers.get("content-type"),
        body: await answer.text(),
      };
    },
  );
  if (outcome.replayed) {
    return new Response(outcome.answer.body, {
      status: outcome.answer.status,
      headers: {
        "content-type": outcome.answer.contentType ?? "application/json",
        "idempotent-replayed": "true",
      },
    });
  }
};
