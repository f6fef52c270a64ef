// Escalation (督办): GET/PUT /api/escalation-steps (the coordinator's steps) and
// GET /api/escalation-steps/levels (the level each open problem reached, and per unit).

import {
  type EscalationStepIssue,
  escalationStepIssues,
  escalationTargets,
  MAX_ESCALATION_STEPS,
} from "@civgrid/geo";
import { createRoute, z } from "@hono/zod-openapi";
import { fieldMessage, invalidFields, type Message } from "../errors.ts";
import { requirePermission } from "../middleware/session.ts";
import {
  escalationLevels,
  escalationSteps,
  writeEscalationSteps,
} from "../notifications/escalation.ts";
import { wholeNumber } from "./query.ts";
import { errorSchema, json, jsonBody, newRouter } from "./router.ts";

const stepSchema = z
  .object({
    level: z.number().int().min(1).max(9),
    afterWorkingDays: wholeNumber(1, 60),
    targets: z
      .array(
        z.enum(escalationTargets, {
          message: fieldMessage("field.one_of", { values: escalationTargets.join(", ") }),
        }),
      )
      .min(1, fieldMessage("field.required")),
  })
  .strict()
  .openapi("EscalationStep");

const stepsSchema = z
  .object({
    steps: z
      .array(stepSchema)
      .max(MAX_ESCALATION_STEPS, fieldMessage("field.max_items", { max: MAX_ESCALATION_STEPS })),
  })
  .openapi("EscalationSteps");

/** Each issue with the steps as its field's message. */
const issueMessage = (issue: EscalationStepIssue): Message =>
  issue.problem === "none"
    ? { key: "notify.escalation_none" }
    : issue.problem === "level"
      ? { key: "notify.escalation_level", params: { level: issue.expected } }
      : issue.problem === "days"
        ? { key: "notify.escalation_days", params: { days: issue.previous } }
        : { key: "notify.escalation_repeated" };

const levelsSchema = z
  .object({
    problems: z.array(
      z.object({
        problemId: z.number().int(),
        unitId: z.number().int().nullable(),
        level: z.number().int(),
        workingDaysOverdue: z.number().int(),
        at: z.string(),
      }),
    ),
    units: z.array(
      z.object({
        unitId: z.number().int(),
        unitName: z.string(),
        escalations: z.number().int(),
        highest: z.number().int(),
      }),
    ),
  })
  .openapi("EscalationLevels");

export const escalationStepRoutes = newRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["notifications"],
      summary: "The escalation (督办) steps: after how many working days overdue, who is told",
      responses: { 200: json(stepsSchema, "The steps"), 401: json(errorSchema, "Not signed in") },
    }),
    async (c) => c.json({ steps: await escalationSteps(c.var.db.orm, c.var.user.cityId) }, 200),
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/",
      tags: ["notifications"],
      summary: "Replace the escalation steps (coordinator)",
      middleware: [requirePermission("problems.dispatch")] as const,
      request: { ...jsonBody(stepsSchema.strict()) },
      responses: {
        200: json(stepsSchema, "The steps as saved"),
        400: json(errorSchema, "A step is not valid"),
        401: json(errorSchema, "Not signed in"),
        403: json(errorSchema, "Not a coordinator"),
      },
    }),
    async (c) => {
      const { steps } = c.req.valid("json");
      const issues = escalationStepIssues(steps);
      if (issues.length) {
        throw invalidFields(
          Object.fromEntries(issues.map((issue) => [issue.field, issueMessage(issue)])),
        );
      }
      const user = c.var.user;
      const saved = await writeEscalationSteps(
        c.var.db.orm,
        { cityId: user.cityId, userId: user.id },
        steps,
      );
      return c.json({ steps: saved }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/levels",
      tags: ["notifications"],
      summary:
        "The 督办 level each open problem has reached, and each unit's escalations (for the board and rankings)",
      responses: { 200: json(levelsSchema, "The levels"), 401: json(errorSchema, "Not signed in") },
    }),
    async (c) => c.json(await escalationLevels(c.var.db.orm, c.var.user.cityId), 200),
  );
