// The administrator's backups (issue 21 item 6): GET /api/admin/backups lists the archives,
// POST /api/admin/backups takes one now, GET /api/admin/backups/{name} downloads one.
import { Readable } from "node:stream";
import { z } from "@hono/zod-openapi";
import { listBackups, openBackup } from "../backups/archive.ts";
import { BackupProblem } from "../backups/problem.ts";
import { type BackupSettings, backupRunning, runBackup } from "../backups/run.ts";
import { AppError, fieldMessage, type Message } from "../errors.ts";
import { requirePermission } from "../middleware/session.ts";
import { attachment, download, errorSchema, json, newRouter, routesOf } from "./router.ts";

const backupSchema = z
  .object({
    name: z.string().openapi({ example: "civgrid-backup-20261205-023000.tar.gz" }),
    createdAt: z.string().openapi({ description: "UTC instant (ISO 8601); shown in China time" }),
    size: z.number().int().openapi({ description: "bytes" }),
    engine: z.enum(["pglite", "postgres"]),
    migrations: z.number().int().openapi({ description: "schema version: migrations applied" }),
    fileCount: z.number().int().openapi({ description: "uploaded files in the archive" }),
  })
  .openapi("Backup");

const listSchema = z
  .object({
    running: z.boolean().openapi({ description: "a backup is being written now" }),
    keep: z.number().int().openapi({ description: "BACKUP_KEEP: archives kept" }),
    schedule: z
      .string()
      .nullable()
      .openapi({ description: "BACKUP_AT: daily time in China time (HH:MM), null when off" }),
    items: z.array(backupSchema),
  })
  .openapi("BackupList");

const route = routesOf("backups", { 403: "Not an administrator" });

const adminOnly = requirePermission("backups.manage");

export function backupRoutes(settings: BackupSettings & { at: string | null }) {
  return newRouter()
    .openapi(
      route("get", "/", {
        middleware: [adminOnly] as const,
        summary: "The backup archives, newest first, with the schedule and retention",
        responses: { 200: json(listSchema, "The archives") },
      }),
      async (c) =>
        c.json(
          {
            running: backupRunning(),
            keep: settings.keep,
            schedule: settings.at,
            items: await listBackups(settings.dir),
          },
          200,
        ),
    )
    .openapi(
      route("post", "/", {
        middleware: [adminOnly] as const,
        summary:
          "Take a backup now (database dump and uploaded files in one archive); answers when it is written",
        responses: {
          201: json(backupSchema, "The archive written"),
          409: json(errorSchema, "Another backup is running"),
          503: json(errorSchema, "The backup could not be written now (pg_dump, disk): the reason"),
        },
      }),
      async (c) => {
        let summary: Awaited<ReturnType<typeof runBackup>>;
        try {
          summary = await runBackup(c.var.db, settings);
        } catch (error) {
          // Nothing here is the caller's fault nor a bug of ours to hide behind a 500: the dump
          // tool or the disk refused, and the administrator is told why, in their language.
          const reason: Message | string =
            error instanceof BackupProblem
              ? { key: error.key, params: error.params }
              : error instanceof Error
                ? error.message
                : String(error);
          throw new AppError(503, "backup_failed", { key: "backup.failed", params: { reason } });
        }
        if (!summary) throw new AppError(409, "backup_running", { key: "backup.running" });
        return c.json(summary, 201);
      },
    )
    .openapi(
      route("get", "/{name}", {
        middleware: [adminOnly] as const,
        summary: "Download one archive (.tar.gz)",
        request: {
          params: z.object({
            name: z.string().max(100, fieldMessage("field.invalid")),
          }),
        },
        responses: {
          200: download("application/gzip", "The archive"),
          404: json(errorSchema, "No such backup"),
        },
      }),
      async (c) => {
        const { name } = c.req.valid("param");
        const file = await openBackup(settings.dir, name);
        if (!file) throw new AppError(404, "not_found", { key: "backup.not_found" });
        return new Response(Readable.toWeb(file.stream) as ReadableStream, {
          status: 200,
          headers: {
            "content-type": "application/gzip",
            "content-length": String(file.size),
            "content-disposition": attachment(name, name),
          },
        });
      },
    );
}
