// /api/analytics/rankings: points lost and rectification per unit or grid over a period, and the
// notice (通报) as XLSX. Scoped like every read: a unit admin sees its own unit's row only.
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { hotspots } from "../analytics/hotspots.ts";
import { trends } from "../analytics/trends.ts";
import { unitKinds } from "../db/schema/index.ts";
import { fieldMessage, invalidFields } from "../errors.ts";
import { noticeTitle, noticeWorkbook } from "../rankings/notice.ts";
import { isCalendarDate, MAX_PERIOD_DAYS, requirePeriod } from "../rankings/period.ts";
import { categoryName, cityName, overdueProblems } from "../rankings/queries.ts";
import { MIN_PROBLEMS_FOR_RATES, ranking } from "../rankings/ranking.ts";
import { id, oneOf } from "./query.ts";
import {
  type AppEnv,
  download,
  json,
  newRouter,
  routesOf,
  workbookAnswer,
  XLSX,
} from "./router.ts";

const route = routesOf("analytics", { 400: "A parameter is not valid; `fields` names each one" });

const date = z
  .string()
  .refine(isCalendarDate, fieldMessage("field.date"))
  .optional()
  .openapi({ type: "string", format: "date", example: "2024-05-01" });

/** from/to of a period, shared by every analytics endpoint. */
export const periodFields = {
  from: date.openapi({ description: "first day (China time), on problems' reported_at" }),
  to: date.openapi({
    description: `last day, included; default today, and from 30 days before; at most ${MAX_PERIOD_DAYS} days`,
  }),
};

const rankingQuery = z
  .object({
    by: oneOf(["unit", "grid"]).default("unit"),
    ...periodFields,
    categoryId: id.optional().openapi({ description: "only problems of this standard category" }),
    unitKind: oneOf(unitKinds).optional().openapi({ description: "only units of this kind" }),
  })
  .strict();

const rowSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    pointsLost: z.number().openapi({ description: "sum of deductions (失分)" }),
    problems: z.number().int(),
    open: z.number().int(),
    overdue: z.number().int(),
    closed: z.number().int(),
    closedOnTime: z.number().int(),
    onTimeRate: z.number().nullable(),
    reworkRate: z.number().nullable(),
    taskOnTimeRate: z
      .number()
      .nullable()
      .openapi({ description: "Tasks done by their deadline / tasks due in the period" }),
    materialRate: z
      .number()
      .nullable()
      .openapi({ description: "Weeks with materials submitted / weeks due (units only)" }),
    rank: z.number().int(),
  })
  .openapi("RankingRow");
const rankingSchema = z
  .object({
    by: z.enum(["unit", "grid"]),
    period: z.object({ from: z.string(), to: z.string() }),
    filters: z.object({
      categoryId: z.number().int().optional(),
      unitKind: z.enum(unitKinds).optional(),
    }),
    minProblemsForRates: z.number().int().openapi({ example: MIN_PROBLEMS_FOR_RATES }),
    rows: z.array(rowSchema),
    commended: rowSchema.nullable().openapi({ description: "流动红旗" }),
    criticised: z.array(rowSchema),
  })
  .openapi("Ranking");

async function rankingFor(c: Context<AppEnv>, q: z.infer<typeof rankingQuery>) {
  const period = requirePeriod(q, new Date());
  const filters = { categoryId: q.categoryId, unitKind: q.unitKind };
  const category =
    q.categoryId === undefined
      ? undefined
      : await categoryName(c.var.db.orm, c.var.user.cityId, q.categoryId);
  if (category === null)
    throw invalidFields({
      categoryId: { key: "field.category_unknown_ranking" },
    });
  const result = await ranking(c.var.db.orm, c.var.scope, q.by, period, filters);
  return { result, period, filters, categoryName: category };
}

export const rankingRoutes = newRouter()
  .openapi(
    route("get", "/rankings", {
      summary:
        "Ranking per unit or grid: points lost, open, overdue, on-time and rework rates, commended and criticised",
      description: `Rates are null, and a row is neither commended nor criticised, below ${MIN_PROBLEMS_FOR_RATES} problems in the period. Order: rank 1 is the best: fewest points lost, then fewest overdue, then name.`,
      request: { query: rankingQuery },
      responses: { 200: json(rankingSchema, "The ranking") },
    }),
    async (c) => c.json((await rankingFor(c, c.req.valid("query"))).result, 200),
  )
  .openapi(
    route("get", "/rankings/notice", {
      summary:
        "The notice (通报) as XLSX: the ranking, commended and criticised, overdue problems, the weekly trend and the hotspots",
      request: { query: rankingQuery },
      responses: {
        200: download(XLSX, "XLSX"),
      },
    }),
    async (c) => {
      const { result, period, filters, categoryName } = await rankingFor(c, c.req.valid("query"));
      const { orm } = c.var.db;
      const title = noticeTitle(await cityName(orm, c.var.user.cityId), result, {
        categoryName,
        unitKind: filters.unitKind,
      });
      const overdue = await overdueProblems(orm, c.var.scope, period, filters);
      const [trend] = (await trends(orm, c.var.scope, "city", { period })).series;
      const leaders = trend && { trend, hotspots: await hotspots(orm, c.var.scope, { period }) };
      const bytes = await noticeWorkbook(title, result, overdue, leaders);
      return workbookAnswer(c, bytes, `notice-${period.from}-${period.to}.xlsx`, `${title}.xlsx`);
    },
  );
