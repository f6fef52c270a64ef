// Request pieces the grid edits and the restructuring preview share: the cutting line, the carry-over choice.
import { z } from "@hono/zod-openapi";
import { fieldMessage } from "../errors.ts";

export const line = z
  .object({
    type: z.literal("LineString", {
      message: fieldMessage("field.one_of", { values: "LineString" }),
    }),
    coordinates: z
      .array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]), {
        message: fieldMessage("field.line"),
      })
      .min(2, fieldMessage("field.line"))
      .max(1000, fieldMessage("field.line")),
  })
  .openapi({ description: "The cutting line (WGS84), drawn across the grid" });

const carryOverRecord = z.record(
  z.string().regex(/^\d+$/, fieldMessage("field.id")),
  z.string().regex(/^\d{15}$/, fieldMessage("field.grid_code")),
);

/** Old grid id → the code of the grid that is to take its team and work, where not the proposal. */
export const carryOver = carryOverRecord.optional().openapi({
  description: "Old grid id → receiving grid's code (the preview's proposal otherwise)",
});

/** The same choice as a query parameter (a file upload's body is the file): JSON text. */
export const carryOverParam = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: fieldMessage("field.carry_over") });
      return z.NEVER;
    }
  })
  .pipe(carryOverRecord)
  .optional()
  .openapi({
    type: "string",
    description: 'JSON: old grid id → receiving grid\'s code, e.g. {"12":"370481002003004"}',
  });
