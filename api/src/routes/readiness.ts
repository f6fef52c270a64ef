// GET /api/ready: may this process take requests — does its database answer, and if not, why.
// Kept apart from /api/health (liveness), so an orchestrator restarts nothing during an outage.
import { createRoute, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { selectRows } from "../db/client.ts";
import { databaseFailureOf, RETRY_AFTER_SECONDS } from "../db/failures.ts";
import type { ReadReplicas } from "../db/replicas.ts";
import { Databases, databasesOf } from "./health.ts";
import { json, newRouter } from "./router.ts";

/** A database that has not answered SELECT 1 in this long counts as away. */
const READY_TIMEOUT_MS = 2000;

const Readiness = z
  .object({
    status: z.enum(["ready", "unavailable", "stopping"]),
    database: z.object({
      engine: z.enum(["pglite", "postgres"]),
      ok: z.boolean(),
      latencyMs: z.number().optional(),
      reason: z.string().optional().openapi({ description: "the driver's or server's own words" }),
    }),
    databases: Databases,
  })
  .openapi("Readiness");

/** Ready while the primary answers: a replica down or behind only sends its reads to the primary. */
export function readinessRoutes(isStopping: () => boolean, replicas?: ReadReplicas) {
  return newRouter().openapi(
    createRoute({
      method: "get",
      path: "/ready",
      tags: ["service"],
      summary:
        "Readiness: whether the database answers (503 with the reason and Retry-After when not)",
      responses: {
        200: json(Readiness, "Ready"),
        503: json(Readiness, "Not ready: the database is away, or the process is stopping"),
      },
    }),
    async (c) => {
      const engine = c.var.db.engine;
      const started = Date.now();
      let reason: string | undefined;
      try {
        await Promise.race([
          selectRows(c.var.db.orm, sql`SELECT 1`),
          new Promise((_, reject) =>
            setTimeout(
              () => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)),
              READY_TIMEOUT_MS,
            ).unref(),
          ),
        ]);
      } catch (error) {
        const failure = databaseFailureOf(error);
        reason = failure ? `${failure.code}: ${failure.message}` : (error as Error).message;
      }
      const database = { engine, ok: !reason, latencyMs: Date.now() - started, reason };
      const status = isStopping() ? "stopping" : reason ? "unavailable" : "ready";
      if (status !== "ready") c.header("retry-after", String(RETRY_AFTER_SECONDS));
      const databases = databasesOf(c.var.db.label, replicas);
      return c.json({ status, database, databases }, status === "ready" ? 200 : 503);
    },
  );
}
