// The reminders that come from the clock: deadlines within a working day, overdue problems and
// their escalation (督办), tasks due tomorrow, the week's materials due tomorrow with nothing in,
// dedication days tomorrow, and the unit admins' daily digest. One process at a time runs it
// (a transaction-scoped advisory lock), and each reminder is marked (kind, subject, period) so it
// never repeats. Driven by runSchedule(now): main.ts every minute, tests directly.
import {
  chinaDate,
  chinaMinuteOfDay,
  defaultEscalationSteps,
  dueWithinOneWorkingDay,
  type EscalationStep,
  personalChannels,
  workingDaysOverdue,
} from "@civgrid/geo";
import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/record.ts";
import type { Db, Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { runEveryPeriod } from "../db/scheduled.ts";
import { weekDeadline } from "../materials/rules.ts";
import { addDays, mondayOf } from "../tasks/china-time.ts";
import { digestFor } from "./digest.ts";
import { escalationSteps } from "./escalation.ts";
import { notify } from "./notify.ts";

/** Any 64-bit number only this job uses. */
const LOCK_KEY = 1_795_590_004;
/** Per run and kind; what is left is taken the next minute. */
const BATCH = 500;
/** Open and with the unit: the states in which a deadline runs. */
const running = sql`status IN ('dispatched', 'rectifying', 'returned')`;

/** Marks a reminder as sent; false when it was sent before (by this or another process). */
async function firstTime(
  tx: Executor,
  cityId: number,
  kind: string,
  subjectId: number,
  period: string,
) {
  const rows = await selectRows(
    tx,
    sql`INSERT INTO notification_marks (city_id, kind, subject_id, period)
        VALUES (${cityId}, ${kind}, ${subjectId}, ${period})
        ON CONFLICT DO NOTHING RETURNING kind`,
  );
  return rows.length > 0;
}

export type ScheduleRun = Record<string, number>;

export async function runSchedule(db: Db, now = new Date()): Promise<ScheduleRun | null> {
  return db.orm.transaction(async (tx) => {
    const [lock] = await selectRows<{ ok: boolean }>(
      tx,
      sql`SELECT pg_try_advisory_xact_lock(${LOCK_KEY}) AS ok`,
    );
    if (!lock?.ok) return null;
    const run: ScheduleRun = {};
    const count = (kind: string) => {
      run[kind] = (run[kind] ?? 0) + 1;
    };
    const at = now.toISOString();
    const today = chinaDate(now);
    const tomorrow = addDays(today, 1);

    // Problems due within one working day (at most four calendar days ahead, over a weekend).
    const dueSoon = await selectRows<{ id: number; cityId: number; deadline: string }>(
      tx,
      sql`SELECT id, city_id AS "cityId", deadline FROM problems WHERE ${running} AND deadline > ${at}
            AND deadline <= ${at}::timestamptz + interval '4 days'
            AND NOT EXISTS (SELECT 1 FROM notification_marks m WHERE m.kind = 'problem_due_soon'
              AND m.subject_id = problems.id AND m.city_id = problems.city_id)
          ORDER BY deadline LIMIT ${BATCH}`,
    );
    for (const p of dueSoon) {
      const deadline = new Date(p.deadline);
      if (!dueWithinOneWorkingDay(deadline, now)) continue;
      if (await firstTime(tx, p.cityId, "problem_due_soon", p.id, deadline.toISOString())) {
        await notify(tx, { cityId: p.cityId, kind: "problem_due_soon", problemId: p.id });
        count("problem_due_soon");
      }
    }

    // Overdue problems: told once per deadline, then escalated step by step.
    const overdue = await selectRows<{
      id: number;
      cityId: number;
      deadline: string;
      level: number;
    }>(
      tx,
      sql`SELECT p.id, p.city_id AS "cityId", p.deadline,
            coalesce((SELECT max(e.level) FROM problem_escalations e WHERE e.problem_id = p.id
              AND e.city_id = p.city_id AND e.deadline = p.deadline), 0) AS level
          FROM problems p WHERE ${running} AND p.deadline <= ${at}
          ORDER BY p.deadline LIMIT ${BATCH * 4}`,
    );
    const steps = new Map<number, EscalationStep[]>();
    for (const p of overdue) {
      const deadline = new Date(p.deadline);
      if (await firstTime(tx, p.cityId, "problem_overdue", p.id, deadline.toISOString())) {
        await notify(tx, { cityId: p.cityId, kind: "problem_overdue", problemId: p.id });
        count("problem_overdue");
      }
      if (!steps.has(p.cityId)) steps.set(p.cityId, await escalationSteps(tx, p.cityId));
      const days = workingDaysOverdue(deadline, now);
      const due = (steps.get(p.cityId) ?? defaultEscalationSteps).filter(
        (s) => s.level > p.level && s.afterWorkingDays <= days,
      );
      for (const step of due) {
        const made = await selectRows<{ id: number }>(
          tx,
          sql`INSERT INTO problem_escalations (city_id, problem_id, level, working_days_overdue, deadline, at)
              SELECT ${p.cityId}, ${p.id}, ${step.level}, ${days}, deadline, ${at} FROM problems WHERE id = ${p.id}
              ON CONFLICT DO NOTHING RETURNING id`,
        );
        if (!made.length) continue;
        await recordAudit(tx, {
          cityId: p.cityId,
          userId: null,
          action: "escalate",
          entity: "problem",
          entityId: p.id,
          after: { level: step.level, workingDaysOverdue: days, targets: step.targets },
        });
        await notify(tx, {
          cityId: p.cityId,
          kind: "problem_escalated",
          problemId: p.id,
          level: step.level,
          days,
          targets: step.targets,
        });
        count("problem_escalated");
      }
    }

    // Tasks due tomorrow, not done.
    const tasks = await selectRows<{ id: number; cityId: number }>(
      tx,
      sql`SELECT a.id, a.city_id AS "cityId" FROM task_assignments a
            JOIN tasks t ON t.id = a.task_id AND t.city_id = a.city_id
          WHERE a.status <> 'done' AND (t.deadline AT TIME ZONE 'Asia/Shanghai')::date = ${tomorrow}::date
          ORDER BY a.id LIMIT ${BATCH}`,
    );
    for (const a of tasks) {
      if (await firstTime(tx, a.cityId, "task_due_tomorrow", a.id, tomorrow)) {
        await notify(tx, { cityId: a.cityId, kind: "task_due_tomorrow", assignmentId: a.id });
        count("task_due_tomorrow");
      }
    }

    // The week's materials are due tomorrow and a unit has sent nothing this week.
    const week = mondayOf(today);
    const deadline = weekDeadline(week);
    if (chinaDate(deadline) === tomorrow) {
      const units = await selectRows<{ id: number; cityId: number }>(
        tx,
        sql`SELECT DISTINCT u.unit_id AS id, u.city_id AS "cityId" FROM users u WHERE u.role = 'unit_admin' AND u.unit_id IS NOT NULL AND NOT u.disabled
              AND NOT EXISTS (SELECT 1 FROM materials m WHERE m.unit_id = u.unit_id
                AND m.city_id = u.city_id AND m.week = ${week}::date)
            ORDER BY 1 LIMIT ${BATCH}`,
      );
      for (const u of units) {
        if (await firstTime(tx, u.cityId, "material_week_due", u.id, week)) {
          await notify(tx, { cityId: u.cityId, kind: "material_week_due", unitId: u.id, deadline });
          count("material_week_due");
        }
      }
    }

    // Dedication days tomorrow, to those signed up.
    const days = await selectRows<{ id: number; cityId: number }>(
      tx,
      sql`SELECT id, city_id AS "cityId" FROM dedication_days WHERE held_on = ${tomorrow}::date ORDER BY id LIMIT ${BATCH}`,
    );
    for (const d of days) {
      if (await firstTime(tx, d.cityId, "dedication_day_tomorrow", d.id, tomorrow)) {
        await notify(tx, { cityId: d.cityId, kind: "dedication_day_tomorrow", dayId: d.id });
        count("dedication_day_tomorrow");
      }
    }

    // The daily digest, from 08:00 China time, for those who chose it.
    if (chinaMinuteOfDay(now) >= 8 * 60) {
      const readers = await selectRows<{ userId: number; cityId: number }>(
        tx,
        sql`SELECT user_id AS "userId", city_id AS "cityId" FROM notification_settings WHERE digest ORDER BY user_id LIMIT ${BATCH}`,
      );
      for (const r of readers) {
        if (await firstTime(tx, r.cityId, "digest", r.userId, today)) {
          if (await digestFor(tx, r.userId, now, personalChannels)) count("digest");
        }
      }
    }
    return run;
  });
}

/** Every process keeps the timer; each minute's run is claimed by one of them (db/scheduled.ts). */
export function startSchedule(db: Db, everyMs: number, log: (line: string) => void) {
  return runEveryPeriod(
    db,
    "reminders",
    everyMs,
    async () => {
      const run = await runSchedule(db);
      const said = Object.entries(run ?? {}).map(([k, n]) => `${n} ${k}`);
      if (said.length) log(`reminders: ${said.join(", ")}`);
    },
    log,
  );
}
