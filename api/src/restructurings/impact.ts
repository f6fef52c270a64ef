// What a restructuring does to the work under way, by old grid: open problems, open tasks, future
// dedication days, volunteers and units, and which grid takes them — what the coordinator sees first.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import type { Share } from "./carry-over.ts";
import type { Rerouted } from "./reroute.ts";
import { intArray, type Snapshot } from "./snapshot.ts";

export interface ImpactRow {
  gridId: number;
  code: string;
  name: string;
  openProblems: number;
  tasks: number;
  dedicationDays: number;
  volunteers: number;
  units: number;
  /** The grid proposed (or chosen) to take its team and work, and the other grids it may take. */
  to: string | null;
  options: { code: string; sharePercent: number }[];
}

export interface Impact {
  grids: ImpactRow[];
  receivers: { id: number; code: string; name: string }[];
  problems: { id: number; from: string | null; to: string | null; unit: string | null }[];
}

export async function impactOf(
  ex: Executor,
  snapshot: Snapshot,
  shares: Share[],
  targets: Map<number, number>,
  receivers: number[],
  moved: Rerouted[],
): Promise<Impact> {
  const named = await selectRows<{ id: number; code: string; name: string }>(
    ex,
    sql`SELECT id, code, name FROM grids WHERE id = ANY(${intArray(receivers)}) ORDER BY code`,
  );
  const codeOf = (id: number | null) =>
    id === null
      ? null
      : (named.find((g) => g.id === id)?.code ??
        snapshot.grids.find((g) => g.id === id)?.code ??
        null);
  const units = await selectRows<{ id: number; name: string }>(
    ex,
    sql`SELECT id, name FROM units WHERE id = ANY(${intArray(moved.flatMap((m) => (m.toUnitId ? [m.toUnitId] : [])))})`,
  );
  const oldCodes = await selectRows<{ id: number; code: string }>(
    ex,
    sql`SELECT id, code FROM grids WHERE id = ANY(${intArray(moved.flatMap((m) => (m.gridId ? [m.gridId] : [])))})`,
  );
  return {
    grids: snapshot.grids.map((g) => ({
      gridId: g.id,
      code: g.code,
      name: g.name,
      openProblems: snapshot.problems.filter((p) => p.gridId === g.id).length,
      tasks: snapshot.tasks.filter((t) => t.gridId === g.id).length,
      dedicationDays: snapshot.days.filter((d) => d.gridId === g.id).length,
      volunteers: snapshot.people.filter((p) => p.gridId === g.id).length,
      units: snapshot.units.filter((u) => u.gridId === g.id).length,
      to: codeOf(targets.get(g.id) ?? null),
      options: shares
        .filter((s) => s.fromId === g.id)
        .map((s) => ({
          code: s.toCode,
          sharePercent: g.areaM2 > 0 ? Math.round((1000 * s.areaM2) / g.areaM2) / 10 : 0,
        })),
    })),
    receivers: named,
    problems: moved.map((m) => ({
      id: m.id,
      from: oldCodes.find((g) => g.id === m.gridId)?.code ?? null,
      to: codeOf(m.toGridId),
      unit: units.find((u) => u.id === m.toUnitId)?.name ?? null,
    })),
  };
}
