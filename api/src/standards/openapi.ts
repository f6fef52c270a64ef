// The shapes the standards API answers with, for the OpenAPI document, and the import's form fields.
import { z } from "@hono/zod-openapi";
import { standardStatuses } from "../db/schema/index.ts";
import { nameSchema, scopeSchema, yearSchema } from "./rules.ts";

export const summarySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    year: z.number().int(),
    version: z.number().int(),
    scope: z.string(),
    status: z.enum(standardStatuses),
    categoryCount: z.number().int(),
    itemCount: z.number().int(),
    totalPoints: z.number(),
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Standard");
export const detailSchema = summarySchema
  .extend({
    categories: z.array(
      z.object({
        id: z.number().int(),
        seq: z.number().int(),
        name: z.string(),
        duplicateRadiusM: z.number().int(),
        items: z.array(
          z.object({
            id: z.number().int(),
            code: z.string().openapi({ example: "3.2" }),
            title: z.string(),
            checklist: z.string(),
            points: z.number(),
            evidence: z.string(),
          }),
        ),
      }),
    ),
  })
  .openapi("StandardDetail");

/** name, year and scope of an imported sheet, checked as the JSON body checks them. */
const importFields = z
  .object({
    name: nameSchema,
    year: z.preprocess((v) => (v === undefined || v === "" ? v : Number(v)), yearSchema),
    scope: scopeSchema,
  })
  .strict();

export const activatedSchema = detailSchema
  .extend({
    retired: z.array(z.number().int()).openapi({ description: "ids of the standards it replaced" }),
  })
  .openapi("ActivatedStandard");
export const listSchema = z.object({ standards: z.array(summarySchema), total: z.number().int() });

/** The import's name, year and scope come as form fields or, failing those, query parameters. */
export const importQuery = z
  .object({ name: z.string(), year: z.string(), scope: z.string() })
  .partial()
  .strict();
export const importForm = z.object({
  file: z.any().openapi({ type: "string", format: "binary" }),
  name: z.string().optional(),
  year: z.string().optional(),
  scope: z.string().optional(),
});

export function importFieldsOf(form: Record<string, unknown>, query: z.infer<typeof importQuery>) {
  const field = (k: "name" | "year" | "scope") =>
    typeof form[k] === "string" && form[k] !== "" ? form[k] : query[k];
  return importFields.safeParse({
    name: field("name"),
    year: field("year"),
    scope: field("scope"),
  });
}
