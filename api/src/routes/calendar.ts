// GET /api/calendar/working-days: the date N working days after another on the official Chinese
// calendar (holidays and 调休), and the deadline that gives (the end of that day, China time).
import { addWorkingDays, endOfDayInChina, MAX_WORKING_DAYS } from "@civgrid/geo";
import { createRoute, z } from "@hono/zod-openapi";
import { calendarDate, integerParam } from "./query.ts";
import { json, newRouter, readErrors } from "./router.ts";

const answer = z
  .object({
    from: z.string().openapi({ example: "2026-09-30" }),
    days: z.number().int().openapi({ example: 3 }),
    date: z.string().openapi({
      example: "2026-10-10",
      description: "The working day `days` after `from` (`from` itself not counted)",
    }),
    deadline: z.string().openapi({
      example: "2026-10-10T15:59:59.000Z",
      description: "The end of that day in China (23:59:59 +08:00), as an instant",
    }),
    skipped: z.array(z.string()).openapi({
      description: "Days passed over that are not working days (weekends, public holidays)",
    }),
    official: z.boolean().openapi({
      description:
        "False when a year on the way has no official schedule yet: Monday–Friday was assumed",
    }),
  })
  .openapi("WorkingDays");

export const calendarRoutes = newRouter().openapi(
  createRoute({
    method: "get",
    path: "/working-days",
    tags: ["calendar"],
    summary: "The date N working days after a date, on the official calendar (holidays, 调休)",
    request: {
      query: z.object({
        from: calendarDate,
        days: integerParam(0, MAX_WORKING_DAYS),
      }),
    },
    responses: { 200: json(answer, "The working day and the deadline it gives"), ...readErrors },
  }),
  (c) => {
    const { from, days } = c.req.valid("query");
    const count = addWorkingDays(from, days);
    return c.json(
      { from, days, ...count, deadline: endOfDayInChina(count.date).toISOString() },
      200,
    );
  },
);
