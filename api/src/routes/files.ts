// /api/files: upload a photo (problem or rectification evidence) or a document (task evidence:
// photo, PDF, Office), and read it or its thumbnail.
import { createRoute, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import type { Context } from "hono";
import { AppError, fieldMessage } from "../errors.ts";
import { isPhotoMime, readDocument } from "../files/document.ts";
import { sendStoredFile } from "../files/send.ts";
import { type StoredFile, storeFile, storePhoto } from "../files/store.ts";
import { requirePermission } from "../middleware/session.ts";
import { filesReadable } from "../policy/file-scope.ts";
import { idPath } from "./query.ts";
import { type AppEnv, errorSchema, json, newRouter } from "./router.ts";

const photoMimes = ["image/jpeg", "image/png", "image/webp"] as const;

const fileSchema = z
  .object({
    id: z.number().int(),
    sha256: z.string(),
    mime: z.enum(photoMimes),
    size: z.number().int(),
    originalName: z
      .string()
      .openapi({ description: "The name of the first upload of these bytes" }),
    url: z.string().openapi({ example: "/api/files/12" }),
    thumbnailUrl: z.string().openapi({ example: "/api/files/12/thumbnail" }),
    takenAt: z
      .string()
      .nullable()
      .openapi({ description: "EXIF DateTimeOriginal, offered as the problem's time" }),
    location: z.tuple([z.number(), z.number()]).nullable().openapi({
      description: "EXIF GPS position [lon, lat] in WGS84, offered as the problem's location",
    }),
  })
  .openapi("File");

const documentSchema = fileSchema
  .extend({
    mime: z.string().openapi({ example: "application/pdf" }),
    thumbnailUrl: z.string().nullable().openapi({ description: "Photos only" }),
  })
  .openapi("Document");

const binary = (description: string) => ({
  content: { "image/*": { schema: z.string().openapi({ format: "binary" }) } },
  description,
});

/** A multipart body of one file; `missing` is what to say when there is none. */
const fileForm = (missing: "file.missing" | "file.document_missing") => ({
  body: {
    required: true,
    content: {
      "multipart/form-data": {
        schema: z.object({
          file: z
            .instanceof(File, { message: fieldMessage(missing) })
            .openapi({ type: "string", format: "binary" }),
        }),
      },
    },
  },
});

const view = (file: StoredFile) => ({
  ...file,
  mime: file.mime as (typeof photoMimes)[number],
  url: `/api/files/${file.id}`,
  thumbnailUrl: `/api/files/${file.id}/thumbnail`,
});

export function fileRoutes(settings: { dir: string; maxMb: number; documentMaxMb: number }) {
  const readRoute = (path: string, summary: string) =>
    createRoute({
      method: "get",
      path,
      tags: ["files"],
      summary,
      request: { params: idPath },
      responses: {
        200: binary("The bytes, cacheable for a year (a file id never changes content)"),
        401: json(errorSchema, "Not signed in"),
        404: json(errorSchema, "No such file, or none the caller may read"),
      },
    });

  // A file is read with the scope of what it belongs to (policy/file-scope.ts).
  const send = (c: Context<AppEnv>, id: number, thumbnail: boolean) =>
    sendStoredFile(c, {
      dir: settings.dir,
      cityId: c.var.cityId,
      id,
      thumbnail,
      allowed: filesReadable(c.var.scope, c.var.user, sql.raw("files")),
    });

  const upload = requirePermission("files.upload");
  return newRouter()
    .openapi(
      createRoute({
        method: "post",
        path: "/",
        middleware: [upload] as const,
        tags: ["files"],
        summary:
          `Upload a photo (JPEG, PNG or WebP, at most ${settings.maxMb} MB), checked by its content. ` +
          "The same bytes uploaded again answer 200 with the stored record, not a second copy.",
        request: fileForm("file.missing"),
        responses: {
          200: json(fileSchema, "These bytes were stored before: the existing record"),
          201: json(fileSchema, "The stored photo"),
          400: json(
            errorSchema,
            "No file, or not a photo we accept: `fields.file` says what it is",
          ),
          401: json(errorSchema, "Not signed in"),
          403: json(errorSchema, "The role may not upload (leaders only read)"),
          413: json(errorSchema, `Larger than ${settings.maxMb} MB`),
        },
      }),
      async (c) => {
        const { file: upload } = c.req.valid("form");
        // The body limit lets a little multipart overhead through; the photo itself is held here.
        if (upload.size > settings.maxMb * 1024 * 1024) {
          throw new AppError(413, "body_too_large", {
            key: "file.too_large",
            params: { max: settings.maxMb },
          });
        }
        const { file, created } = await storePhoto(c.var.db, settings.dir, {
          bytes: new Uint8Array(await upload.arrayBuffer()),
          name: upload.name,
          cityId: c.var.user.cityId,
          userId: c.var.user.id,
        });
        return created ? c.json(view(file), 201) : c.json(view(file), 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/documents",
        middleware: [upload] as const,
        tags: ["files"],
        summary:
          `Upload evidence: a photo (at most ${settings.maxMb} MB), a PDF or an Office document (at most ${settings.documentMaxMb} MB), ` +
          "checked by its content; the name must be a plain file name whose extension agrees with the content",
        request: fileForm("file.document_missing"),
        responses: {
          200: json(documentSchema, "These bytes were stored before: the existing record"),
          201: json(documentSchema, "The stored file"),
          400: json(errorSchema, "No file, a bad name, or content that does not match the name"),
          401: json(errorSchema, "Not signed in"),
          403: json(errorSchema, "The role may not upload (leaders only read)"),
          413: json(errorSchema, `Larger than ${settings.documentMaxMb} MB`),
        },
      }),
      async (c) => {
        const { file: upload } = c.req.valid("form");
        const maxMb = Math.max(settings.maxMb, settings.documentMaxMb);
        if (upload.size > maxMb * 1024 * 1024) {
          throw new AppError(413, "body_too_large", {
            key: "file.document_too_large",
            params: { max: maxMb },
          });
        }
        const { file, created } = await storeFile(
          c.var.db,
          settings.dir,
          {
            bytes: new Uint8Array(await upload.arrayBuffer()),
            name: upload.name,
            cityId: c.var.user.cityId,
            userId: c.var.user.id,
          },
          async (bytes, name) => {
            const read = await readDocument(bytes, name);
            const limit = isPhotoMime(read.mime) ? settings.maxMb : settings.documentMaxMb;
            if (bytes.length > limit * 1024 * 1024) {
              throw new AppError(413, "body_too_large", {
                key: "file.document_too_large",
                params: { max: limit },
              });
            }
            return read;
          },
        );
        const body = {
          ...view(file),
          thumbnailUrl: isPhotoMime(file.mime) ? view(file).thumbnailUrl : null,
        };
        return created ? c.json(body, 201) : c.json(body, 200);
      },
    )
    .openapi(readRoute("/{id}", "The photo as uploaded"), (c) =>
      send(c, c.req.valid("param").id, false),
    )
    .openapi(readRoute("/{id}/thumbnail", `A WebP thumbnail, 480 px on the long side`), (c) =>
      send(c, c.req.valid("param").id, true),
    );
}
