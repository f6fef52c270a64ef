// GET /api/communities and /api/communities/{id}: the assigned communities (帮包社区).

import { MAX_PARTS, PartitionError } from "@civgrid/geo";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { communityCoverage } from "../communities/coverage.ts";
import { partitionInput, previewPartition, savePartition } from "../communities/partition.ts";
import { cancel, jobOf, settledWithin, startPartitionJob } from "../communities/partition-jobs.ts";
import { listCommunities } from "../communities/queries.ts";
import { AppError, fieldMessage, notFound } from "../errors.ts";
import { asFeature, propertiesOf } from "../geojson.ts";
import { requirePermission } from "../middleware/session.ts";
import { featuresFile } from "./geo-upload.ts";
import { downloadLanguage, idPath, oneOf, page } from "./query.ts";
import { carryOver } from "./restructuring-schemas.ts";

import {
  type AppEnv,
  collectionSchema,
  download,
  errorSchema,
  featureSchema,
  geojson,
  geometry,
  json,
  jsonBody,
  listRoute,
  newRouter,
  pagedHandler,
  readErrors,
  routesOf,
} from "./router.ts";

const route = routesOf("communities", readErrors);
const communityProperties = z.object({
  id: z.number().int(),
  code: z.string().openapi({ example: "370481001001", description: "12-digit community code" }),
  name: z.string(),
  streetName: z.string(),
  areaM2: z.number(),
  gridCount: z.number().int(),
});
const Community = featureSchema("Community", communityProperties);
const CommunityCollection = collectionSchema("CommunityCollection", Community);

const partitionBody = z
  .object({
    count: z
      .number({ message: fieldMessage("field.partition_count", { pieces: 1, max: MAX_PARTS }) })
      .int(fieldMessage("field.partition_count", { pieces: 1, max: MAX_PARTS }))
      .min(1, fieldMessage("field.partition_count", { pieces: 1, max: MAX_PARTS }))
      .max(MAX_PARTS, fieldMessage("field.partition_count", { pieces: 1, max: MAX_PARTS }))
      .optional(),
    targetAreaM2: z
      .number({ message: fieldMessage("field.invalid") })
      .min(1000)
      .max(100_000_000)
      .optional(),
    weight: z
      .enum(["area", "points"], {
        message: fieldMessage("field.one_of", { values: "area, points" }),
      })
      .default("area"),
    seed: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict()
  .refine((b) => (b.count === undefined) !== (b.targetAreaM2 === undefined), {
    message: fieldMessage("field.count_or_area"),
    path: ["count"],
  });

const PartitionPreview = z.object({
  count: z.number().int(),
  weight: z.enum(["area", "points"]),
  pointCount: z.number().int().nullable(),
  metrics: z.object({
    cv: z.number().openapi({ description: "σ / mean of the parts' areas or points" }),
    polsbyPopper: z.number().openapi({ description: "mean 4πA/P² of the parts" }),
    ms: z.number(),
  }),
  parts: z.array(geometry.openapi({ description: "a Polygon, or a MultiPolygon with islands" })),
});
const PartitionJob = z.object({
  id: z.string().uuid(),
  state: z.enum(["running", "done", "failed", "cancelled"]),
  progress: z.number().min(0).max(1),
  preview: PartitionPreview.optional(),
});
const jobPath = idPath.extend({ jobId: z.string().uuid() });
/** A job done within this answers the POST itself (a small community: no progress bar needed). */
const ANSWER_AT_ONCE_MS = 400;

const ownerOf = (user: { cityId: number; id: number }) => ({
  cityId: user.cityId,
  userId: user.id,
});

/** geo/'s refusal of a count, worded as the form field's range. */
function refused(error: unknown): never {
  if (error instanceof PartitionError) {
    const params = { pieces: 1, max: MAX_PARTS };
    throw new AppError(
      400,
      "invalid_request",
      { key: "error.partition_count", params },
      { count: { key: "field.partition_count", params } },
    );
  }
  throw error;
}

const jobGone = () => new AppError(404, "not_found", { key: "error.partition_job_gone" });

/** What the page sees of a job; a failed job answers as the preview would have. */
function jobView(job: NonNullable<ReturnType<typeof jobOf>>) {
  if (job.state === "failed") refused(job.error);
  return {
    id: job.id,
    state: job.state,
    progress: job.progress,
    ...(job.preview && { preview: job.preview }),
  };
}

/** The community, if the caller may read it; 404 otherwise. */
async function readableCommunity(c: Context<AppEnv>, id: number) {
  const { rows } = await listCommunities(
    c.var.db.orm,
    c.var.scope,
    { id },
    { limit: 1, offset: 0 },
  );
  if (!rows[0]) throw notFound("community", id);
  return rows[0];
}

const writeGrids = requirePermission("grids.write");
/** What a partition preview (at once or as a job) is asked with. */
const partitionRequest = { params: idPath, ...jsonBody(partitionBody) };

export const communityRoutes = newRouter()
  .openapi(
    route("get", "/export", {
      summary: "Export the assigned communities' outlines as GeoJSON, KML or CSV",
      request: {
        query: z
          .object({
            format: oneOf(["geojson", "kml", "csv"] as const),
            lang: downloadLanguage,
          })
          .strict(),
      },
      responses: {
        200: download("application/octet-stream", "The file"),
      },
    }),
    async (c) => {
      const { format, lang } = c.req.valid("query");
      const { rows } = await listCommunities(
        c.var.db.orm,
        c.var.scope,
        {},
        { limit: 5000, offset: 0 },
      );
      return featuresFile(
        c,
        rows,
        (r) => ({
          code: r.code,
          name: r.name,
          street: r.streetName,
          areaM2: r.areaM2,
          grids: r.gridCount,
        }),
        {
          format,
          lang,
          title: "帮包社区 communities",
          name: `帮包社区.${format}`,
          asciiName: `communities.${format}`,
        },
      );
    },
  )

  .openapi(
    route("post", "/{id}/partition/preview", {
      summary:
        "Preview an automatic partition into N balanced, compact grids (by area or by inspection points)",
      middleware: [writeGrids] as const,
      request: partitionRequest,
      responses: {
        200: json(
          PartitionPreview,
          "The parts (WGS84) with their balance (CV) and compactness (Polsby–Popper)",
        ),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const request = c.req.valid("json");
      const preview = await previewPartition(c.var.db.orm, c.var.user.cityId, id, request).catch(
        refused,
      );
      return c.json(preview, 200);
    },
  )
  .openapi(
    route("post", "/{id}/partition/jobs", {
      summary:
        "Start a partition preview as a job: 200 with the preview if it is done at once, else 202; poll its progress",
      middleware: [writeGrids] as const,
      request: partitionRequest,
      responses: {
        200: json(PartitionJob, "The job, finished: its preview is in"),
        202: json(PartitionJob, "The job, still running: poll GET …/partition/jobs/{jobId}"),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const input = await partitionInput(c.var.db.orm, c.var.user.cityId, id, c.req.valid("json"));
      const job = startPartitionJob(ownerOf(c.var.user), id, input);
      await settledWithin(job, ANSWER_AT_ONCE_MS);
      const view = jobView(job);
      return view.state === "running" ? c.json(view, 202) : c.json(view, 200);
    },
  )
  .openapi(
    route("get", "/{id}/partition/jobs/{jobId}", {
      summary: "A partition job's progress (0–1), and its preview once done",
      middleware: [writeGrids] as const,
      request: { params: jobPath },
      responses: { 200: json(PartitionJob, "The job") },
    }),
    async (c) => {
      const { id, jobId } = c.req.valid("param");
      const job = jobOf(ownerOf(c.var.user), id, jobId);
      if (!job) throw jobGone();
      return c.json(jobView(job), 200);
    },
  )
  .openapi(
    route("delete", "/{id}/partition/jobs/{jobId}", {
      summary: "Cancel a partition job (the dialog closed): its worker stops",
      middleware: [writeGrids] as const,
      request: { params: jobPath },
      responses: { 204: { description: "Cancelled (or already finished)" } },
    }),
    (c) => {
      const { id, jobId } = c.req.valid("param");
      const job = jobOf(ownerOf(c.var.user), id, jobId);
      if (!job) throw jobGone();
      cancel(job);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{id}/partition",
      tags: ["communities"],
      summary:
        "Accept a partition: the community's grids are replaced by the parts, numbered west→east, north→south",
      middleware: [writeGrids] as const,
      request: {
        params: idPath,
        ...jsonBody(
          z
            .object({
              parts: z.array(z.unknown()).min(1).max(300),
              current: z
                .array(
                  z.object({
                    id: z.number().int().positive(),
                    version: z.number().int().min(1),
                  }),
                )
                .max(1000),
              carryOver,
            })
            .strict(),
        ),
      },
      responses: {
        201: json(
          z.object({ gridIds: z.array(z.number().int()), restructuringId: z.number().int() }),
          "The new grids and the restructuring's id",
        ),
        ...readErrors,
        409: json(errorSchema, "A grid changed meanwhile"),
        422: json(errorSchema, "A part breaks the rules"),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { parts, current, carryOver: choice } = c.req.valid("json");
      const actor = { cityId: c.var.user.cityId, userId: c.var.user.id };
      const done = await savePartition(c.var.db.orm, actor, id, parts, current, choice);
      return c.json({ gridIds: done.gridIds, restructuringId: done.restructuringId }, 201);
    },
  )

  .openapi(
    listRoute(
      "communities",
      "List assigned communities (帮包社区)",
      z
        .object({
          ...page,
          code: z
            .string()
            .regex(/^\d{12}$/, "field.invalid")
            .optional()
            .openapi({ description: "12-digit community code" }),
        })
        .strict(),
      geojson(CommunityCollection, "Communities"),
    ),
    pagedHandler(listCommunities, propertiesOf),
  )
  .openapi(
    route("get", "/{id}/coverage", {
      summary: "How much of the community its grids cover: gaps in m², % and shapes",
      request: { params: idPath },
      responses: {
        200: {
          content: {
            "application/json": {
              schema: z.object({
                communityAreaM2: z.number(),
                gapAreaM2: z.number(),
                gapPercent: z.number(),
                gaps: z.unknown().openapi({
                  type: ["object", "null"],
                  description:
                    "the gaps' shapes: a GeoJSON MultiPolygon (WGS84), null where the grids cover it all",
                }),
              }),
            },
          },
          description: "Coverage of the community by its grids",
        },
      },
    }),
    async (c) => {
      const { id } = await readableCommunity(c, c.req.valid("param").id);
      return c.json(await communityCoverage(c.var.db.orm, id), 200);
    },
  )
  .openapi(route.read("One community", geojson(Community, "The community")), async (c) => {
    const row = await readableCommunity(c, c.req.valid("param").id);
    return c.json(asFeature(row), 200);
  });
