// Who serves a grid: one lead unit, supporting units, a grid leader and volunteers — replaced as a whole.
import { sql } from "drizzle-orm";
import { recordAuditBy } from "../audit/record.ts";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { invalidFields, type Message } from "../errors.ts";
import { isOpen } from "../problems/open.ts";
import { lockGrid } from "./lock.ts";
import { recordVersions } from "./versions.ts";

export interface Assignments {
  leadUnitId: number | null;
  supportUnitIds: number[];
  leaderPersonId: number | null;
  volunteerPersonIds: number[];
}

async function snapshot(ex: Executor, gridId: number): Promise<Assignments> {
  const units = await selectRows<{ unitId: number; role: string }>(
    ex,
    sql`SELECT unit_id AS "unitId", role FROM grid_units WHERE grid_id = ${gridId} ORDER BY role, unit_id`,
  );
  const people = await selectRows<{ personId: number; role: string }>(
    ex,
    sql`SELECT person_id AS "personId", role FROM grid_people WHERE grid_id = ${gridId} ORDER BY role, person_id`,
  );
  return {
    leadUnitId: units.find((u) => u.role === "lead")?.unitId ?? null,
    supportUnitIds: units.filter((u) => u.role === "support").map((u) => u.unitId),
    leaderPersonId: people.find((p) => p.role === "leader")?.personId ?? null,
    volunteerPersonIds: people.filter((p) => p.role === "volunteer").map((p) => p.personId),
  };
}

/** Field problems: unknown units or people, a unit both lead and support, a person twice. */
async function problemsWith(ex: Executor, cityId: number, a: Assignments) {
  const problems: Record<string, Message> = {};
  const unitIds = [...new Set([...(a.leadUnitId ? [a.leadUnitId] : []), ...a.supportUnitIds])];
  const personIds = [
    ...new Set([...(a.leaderPersonId ? [a.leaderPersonId] : []), ...a.volunteerPersonIds]),
  ];
  const known = async (table: "units" | "people", ids: number[]) =>
    ids.length
      ? (
          await selectRows<{ id: number }>(
            ex,
            sql`SELECT id FROM ${sql.raw(table)} WHERE city_id = ${cityId}
                AND id = ANY(${sql.raw(`ARRAY[${ids.join(",")}]::int[]`)})`,
          )
        ).map((r) => r.id)
      : [];
  const units = await known("units", unitIds);
  const people = await known("people", personIds);
  if (a.leadUnitId && !units.includes(a.leadUnitId))
    problems.leadUnitId = { key: "field.unit_unknown" };
  if (a.supportUnitIds.some((id) => !units.includes(id)))
    problems.supportUnitIds = { key: "field.unit_unknown" };
  if (a.leadUnitId && a.supportUnitIds.includes(a.leadUnitId))
    problems.supportUnitIds = { key: "field.lead_also_support" };
  if (a.leaderPersonId && !people.includes(a.leaderPersonId))
    problems.leaderPersonId = { key: "field.person_unknown" };
  if (a.volunteerPersonIds.some((id) => !people.includes(id)))
    problems.volunteerPersonIds = { key: "field.person_unknown" };
  if (a.leaderPersonId && a.volunteerPersonIds.includes(a.leaderPersonId)) {
    problems.volunteerPersonIds = { key: "field.leader_also_volunteer" };
  }
  return problems;
}

/** The one holding the first role (when there is one), then each of the others once in the second. */
function withRoles(first: number | null, firstRole: string, others: number[], othersRole: string) {
  return [
    ...(first ? [{ id: first, role: firstRole }] : []),
    ...[...new Set(others)].map((id) => ({ id, role: othersRole })),
  ];
}

export async function assignGrid(
  tx: Executor,
  actor: { cityId: number; userId: number },
  gridId: number,
  version: number,
  next: Assignments,
) {
  const grid = await lockGrid(tx, actor.cityId, gridId, version);
  const problems = await problemsWith(tx, actor.cityId, next);
  if (Object.keys(problems).length) {
    throw invalidFields(problems);
  }
  const before = await snapshot(tx, gridId);
  await tx.execute(sql`DELETE FROM grid_units WHERE grid_id = ${gridId}`);
  await tx.execute(sql`DELETE FROM grid_people WHERE grid_id = ${gridId}`);
  const links = [
    ["grid_units", "unit_id", withRoles(next.leadUnitId, "lead", next.supportUnitIds, "support")],
    [
      "grid_people",
      "person_id",
      withRoles(next.leaderPersonId, "leader", next.volunteerPersonIds, "volunteer"),
    ],
  ] as const;
  for (const [table, column, rows] of links) {
    for (const row of rows) {
      await tx.execute(
        sql`INSERT INTO ${sql.raw(table)} (city_id, grid_id, ${sql.raw(column)}, role) VALUES (${actor.cityId}, ${gridId}, ${row.id}, ${row.role})`,
      );
    }
  }
  await tx.execute(
    sql`UPDATE grids SET version = version + 1, updated_at = now() WHERE id = ${gridId}`,
  );
  // Open problems follow the grid's new lead unit.
  await tx.execute(sql`UPDATE problems SET unit_id = ${next.leadUnitId}
    WHERE grid_id = ${gridId} AND ${isOpen(sql`status`)}`);
  await recordVersions(tx, actor.cityId, [gridId], "assign", actor.userId);
  await recordAuditBy(tx, actor, {
    action: "assign",
    entity: "grid",
    entityId: gridId,
    before: { code: grid.code, ...before },
    after: { code: grid.code, ...(await snapshot(tx, gridId)) },
  });
}
