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

/** Old grid id → the code of the grid that is to take its team and work, where not the proposal. */
export const carryOver = z
  .record(
    z.string().regex(/^\d+$/, fieldMessage("field.id")),
    z.string().regex(/^\d{15}$/, fieldMessage("field.grid_code")),
  )
  .optional()
  .openapi({
    description: "Old grid id → receiving grid's code (the preview's proposal otherwise)",
  });
