// Query and path parameters shared by the list and read endpoints, validated at the edge.
import { z } from "@hono/zod-openapi";
import { fieldMessage } from "../errors.ts";
import { isCalendarDate } from "../rankings/period.ts";

/** Largest value of a PostgreSQL integer: a larger id must be a 400, not a database error. */
const MAX_ID = 2_147_483_647;
export const MAX_LIMIT = 5000;
export const DEFAULT_LIMIT = 1000;

export type Bbox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

const number = /^-?\d+(\.\d+)?$/;

/** Longitudes in -180..180, latitudes in -90..90, each minimum no larger than its maximum. */
export function isLonLatBox([minLon, minLat, maxLon, maxLat]: Bbox): boolean {
  return (
    minLon >= -180 &&
    maxLon <= 180 &&
    minLat >= -90 &&
    maxLat <= 90 &&
    minLon <= maxLon &&
    minLat <= maxLat
  );
}

export const bbox = z
  .string()
  .transform((value, ctx): Bbox => {
    const parts = value.split(",").map((p) => p.trim());
    const nums = parts.map(Number);
    const [minLon = Number.NaN, minLat = Number.NaN, maxLon = Number.NaN, maxLat = Number.NaN] =
      nums;
    const ok =
      parts.length === 4 &&
      parts.every((p) => number.test(p)) &&
      isLonLatBox([minLon, minLat, maxLon, maxLat]);
    if (!ok) {
      ctx.addIssue({ code: "custom", message: fieldMessage("field.bbox") });
      return z.NEVER;
    }
    return [minLon, minLat, maxLon, maxLat];
  })
  .optional()
  .openapi({
    type: "string",
    description: "minLon,minLat,maxLon,maxLat in WGS84 degrees",
    example: "117.10,35.04,117.22,35.12",
  });

export function integerParam(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, fieldMessage("field.integer", { min, max }))
    .transform(Number)
    .refine((n) => n >= min && n <= max, fieldMessage("field.integer", { min, max }))
    .openapi({ type: "integer", minimum: min, maximum: max });
}

export const id = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, fieldMessage("field.id"))
  .transform(Number)
  .refine((n) => n <= MAX_ID, fieldMessage("field.id"))
  .openapi({ type: "integer", minimum: 1, example: 1 });

/** An id inside a JSON body: a positive whole number that fits a PostgreSQL integer. */
export const bodyId = z
  .number({ message: fieldMessage("field.id") })
  .int(fieldMessage("field.id"))
  .positive(fieldMessage("field.id"))
  .max(MAX_ID, fieldMessage("field.id"));

export const idPath = z.object({ id: id.openapi({ param: { name: "id", in: "path" } }) });

export const page = {
  limit: integerParam(1, MAX_LIMIT)
    .optional()
    .openapi({ description: `at most ${MAX_LIMIT}` }),
  offset: integerParam(0, MAX_ID).optional(),
  bbox,
};

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { message: fieldMessage("field.one_of", { values: values.join(", ") }) });
}

/** A comma-separated list of allowed values, e.g. status=dispatched,rectifying */
export function listOf<const T extends readonly [string, ...string[]]>(values: T) {
  const allowed = new Set<string>(values);
  return z
    .string()
    .transform((value, ctx) => {
      const items = value.split(",").map((s) => s.trim());
      if (items.some((i) => !allowed.has(i))) {
        ctx.addIssue({
          code: "custom",
          message: fieldMessage("field.one_of", { values: values.join(", ") }),
        });
        return z.NEVER;
      }
      return items as T[number][];
    })
    .optional()
    .openapi({ type: "string", description: `comma-separated: ${values.join(", ")}` });
}

/** Text with its ends trimmed, from `min` to `max` characters. */
export function trimmedText(min: number, max: number) {
  return z
    .string()
    .trim()
    .min(min, fieldMessage("field.text", { min, max }))
    .max(max, fieldMessage("field.text", { min, max }));
}

/** A whole number from `min` to `max` in a JSON body; anything else is refused in the one wording. */
export function wholeNumber(min: number, max: number) {
  const message = fieldMessage("field.integer", { min, max });
  return z.number({ message }).int(message).min(min, message).max(max, message);
}

export const booleanFlag = z
  .enum(["true", "false"], { message: fieldMessage("field.boolean") })
  .transform((v) => v === "true")
  .optional();

/** A calendar date YYYY-MM-DD in a query or a body (China time is meant). */
export const calendarDate = z
  .string()
  .refine(isCalendarDate, fieldMessage("field.date"))
  .openapi({ type: "string", format: "date", example: "2024-05-01" });

/**
 * The language a download is written in: a link from the page names the page's (`lang=en`), as a
 * browser's own Accept-Language may differ from the language chosen in CivGrid.
 */
export const downloadLanguage = oneOf(["zh-CN", "en"] as const)
  .optional()
  .openapi({ description: "the reader's language; Accept-Language when absent" });
