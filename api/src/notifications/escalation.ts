// Escalation (督办): the steps a coordinator configures, and the levels problems reached.
import { defaultEscalationSteps, type EscalationStep } from "@civgrid/geo";
import { sql } from "drizzle-orm";
import { recordAuditBy } from "../audit/record.ts";
import type { Executor, Orm } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { openProblem } from "../problems/open.ts";

export async function escalationSteps(ex: Executor, cityId: number): Promise<EscalationStep[]> {
  const rows = await selectRows<EscalationStep>(
    ex,
    sql`SELECT level, after_working_days AS "afterWorkingDays", targets FROM escalation_steps
        WHERE city_id = ${cityId} ORDER BY level`,
  );
  return rows.length ? rows : defaultEscalationSteps;
}

/** Replaces the city's steps (already checked: escalationStepIssues) in one transaction. */
export function writeEscalationSteps(
  orm: Orm,
  actor: { cityId: number; userId: number },
  steps: EscalationStep[],
) {
  return orm.transaction((tx) => replaceSteps(tx, actor, steps));
}

async function replaceSteps(
  ex: Executor,
  actor: { cityId: number; userId: number },
  steps: EscalationStep[],
) {
  const before = await escalationSteps(ex, actor.cityId);
  await ex.execute(sql`DELETE FROM escalation_steps WHERE city_id = ${actor.cityId}`);
  for (const s of steps) {
    await ex.execute(sql`INSERT INTO escalation_steps (city_id, level, after_working_days, targets)
      VALUES (${actor.cityId}, ${s.level}, ${s.afterWorkingDays}, ${JSON.stringify(s.targets)}::jsonb)`);
  }
  await recordAuditBy(ex, actor, {
    action: "update",
    entity: "escalation_steps",
    entityId: null,
    before,
    after: steps,
  });
  return escalationSteps(ex, actor.cityId);
}

/** The 督办 level each open problem has reached on its current deadline, and per unit. */
export async function escalationLevels(ex: Executor, cityId: number) {
  const problems = await selectRows<{
    problemId: number;
    unitId: number | null;
    level: number;
    workingDaysOverdue: number;
    at: string;
  }>(
    ex,
    sql`SELECT DISTINCT ON (e.problem_id) e.problem_id AS "problemId", p.unit_id AS "unitId", e.level,
          e.working_days_overdue AS "workingDaysOverdue", e.at
        FROM problem_escalations e
          JOIN problems p ON p.id = e.problem_id AND p.city_id = e.city_id AND p.deadline = e.deadline
        WHERE e.city_id = ${cityId} AND ${openProblem}
        ORDER BY e.problem_id, e.level DESC`,
  );
  const units = await selectRows<{
    unitId: number;
    unitName: string;
    escalations: number;
    highest: number;
  }>(
    ex,
    sql`SELECT p.unit_id AS "unitId", u.short_name AS "unitName", count(*)::int AS escalations, max(e.level)::int AS highest
        FROM problem_escalations e JOIN problems p ON p.id = e.problem_id AND p.city_id = e.city_id
          JOIN units u ON u.id = p.unit_id AND u.city_id = p.city_id
        WHERE e.city_id = ${cityId} GROUP BY p.unit_id, u.short_name ORDER BY 3 DESC, 2`,
  );
  return {
    problems: problems.map((p) => ({ ...p, at: new Date(p.at).toISOString() })),
    units,
  };
}

/** A problem's escalations, for its history. */
export async function problemEscalations(ex: Executor, cityId: number, problemId: number) {
  const rows = await selectRows<{ level: number; workingDaysOverdue: number; at: string }>(
    ex,
    sql`SELECT level, working_days_overdue AS "workingDaysOverdue", at FROM problem_escalations
        WHERE city_id = ${cityId} AND problem_id = ${problemId} ORDER BY at, level`,
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}
