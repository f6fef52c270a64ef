// What an evaluation standard (测评标准) must hold before it is saved: the one set of rules for the
// JSON body and the XLSX sheet alike, so both reject the same things with the same words.
import { z } from "@hono/zod-openapi";
import { fieldMessage } from "../errors.ts";
import { wholeNumber } from "../routes/query.ts";

export const MAX_CATEGORIES = 50;
export const MAX_ITEMS_PER_CATEGORY = 50;
/** Matches the column default: a new report this close to an open one is offered as a duplicate. */
export const DEFAULT_DUPLICATE_RADIUS_M = 50;

const text = (min: number, max: number) =>
  z
    .string({ message: fieldMessage("field.text", { min, max }) })
    .trim()
    .min(min, fieldMessage("field.text", { min, max }))
    .max(max, fieldMessage("field.text", { min, max }));

/** numeric(6,2) in the database: more than two decimals would be silently rounded, so refuse them. */
const hasTwoDecimals = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;

export const pointsSchema = z
  .number({ message: fieldMessage("field.points") })
  .gt(0, fieldMessage("field.points"))
  .max(100, fieldMessage("field.points"))
  .refine(hasTwoDecimals, fieldMessage("field.points"));

export const radiusSchema = wholeNumber(5, 1000);

export const itemSchema = z
  .object({
    title: text(1, 100),
    checklist: text(1, 1000),
    points: pointsSchema,
    /** Some items need no evidence beyond the inspection itself. */
    evidence: text(0, 500).default(""),
  })
  .strict();

const count = (max: number) => fieldMessage("field.count", { min: 1, max });

export const categorySchema = z
  .object({
    name: text(1, 50),
    duplicateRadiusM: radiusSchema.default(DEFAULT_DUPLICATE_RADIUS_M),
    items: z
      .array(itemSchema, { message: count(MAX_ITEMS_PER_CATEGORY) })
      .min(1, count(MAX_ITEMS_PER_CATEGORY))
      .max(MAX_ITEMS_PER_CATEGORY, count(MAX_ITEMS_PER_CATEGORY)),
  })
  .strict();

export const nameSchema = text(1, 100);
export const scopeSchema = text(1, 32).openapi({
  description: "what the standard applies to, e.g. hospital",
  example: "hospital",
});
export const yearSchema = wholeNumber(2000, 2100);

export const categoriesSchema = z
  .array(categorySchema, { message: count(MAX_CATEGORIES) })
  .min(1, count(MAX_CATEGORIES))
  .max(MAX_CATEGORIES, count(MAX_CATEGORIES));

/** A whole standard as written: item codes ("3.2") follow from the order, so none is given. */
export const standardInputSchema = z
  .object({ name: nameSchema, year: yearSchema, scope: scopeSchema, categories: categoriesSchema })
  .strict()
  .openapi("StandardInput");

export type StandardInput = z.infer<typeof standardInputSchema>;
export type CategoryInput = z.infer<typeof categorySchema>;
export type ItemInput = z.infer<typeof itemSchema>;

/** The XLSX layout, in Chinese as offices write it; English headers are accepted too. */
export const sheetColumns = {
  categorySeq: { header: "类别序号", aliases: ["category_seq"], width: 10 },
  category: { header: "类别", aliases: ["category"], width: 14 },
  code: { header: "条目编号", aliases: ["code"], width: 10 },
  title: { header: "条目", aliases: ["item", "title"], width: 24 },
  checklist: { header: "检查要点", aliases: ["checklist"], width: 60 },
  points: { header: "分值", aliases: ["points"], width: 8 },
  evidence: { header: "佐证材料", aliases: ["evidence"], width: 30 },
  // Not in the printed standard, but without it a round trip would reset every category's radius.
  radius: { header: "查重半径（米）", aliases: ["duplicate_radius_m", "查重半径"], width: 14 },
} as const;
export type SheetColumn = keyof typeof sheetColumns;
