// Where each replaced grid's people and work go: the new grid that takes the largest share of its
// area (the nearest one when none overlaps, as after a delete), unless the coordinator chose another.
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { AppError, type Message } from "../errors.ts";
import { intArray, type PersonRow, type Snapshot, type UnitRow } from "./snapshot.ts";

export interface Share {
  fromId: number;
  toId: number;
  toCode: string;
  areaM2: number;
  distanceM: number;
}

/** How much of each old grid's area each receiving grid covers now, and how far apart they are. */
export async function sharesOf(ex: Executor, snapshot: Snapshot, receivers: number[]) {
  if (!snapshot.grids.length || !receivers.length) return [];
  const before = JSON.stringify(snapshot.grids.map((g) => ({ id: g.id, wkb: g.wkb })));
  return selectRows<Share>(
    ex,
    sql`SELECT b.id AS "fromId", r.id AS "toId", r.code AS "toCode",
          ST_Area(ST_Intersection(b.geom, r.geom)::geography)::float8 AS "areaM2",
          ST_Distance(b.geom::geography, r.geom::geography)::float8 AS "distanceM"
        FROM (SELECT (x->>'id')::int AS id, ST_GeomFromEWKB(decode(x->>'wkb', 'hex')) AS geom
              FROM json_array_elements(${before}::json) x) b,
             grids r
        WHERE r.id = ANY(${intArray(receivers)})
        ORDER BY b.id, r.code`,
  );
}

/** Old grid id → receiving grid id: the coordinator's choice (by code) or the largest share. */
export function targetsOf(
  snapshot: Snapshot,
  shares: Share[],
  choice: Record<string, string> = {},
): Map<number, number> {
  const problems: Record<string, Message> = {};
  const targets = new Map<number, number>();
  for (const key of Object.keys(choice)) {
    if (!snapshot.grids.some((g) => String(g.id) === key))
      problems[`carryOver.${key}`] = { key: "field.carry_over_from" };
  }
  for (const grid of snapshot.grids) {
    const mine = shares.filter((s) => s.fromId === grid.id);
    const chosen = choice[String(grid.id)];
    if (chosen !== undefined) {
      const to = mine.find((s) => s.toCode === chosen);
      if (to) targets.set(grid.id, to.toId);
      else
        problems[`carryOver.${grid.id}`] = { key: "field.carry_over_to", params: { code: chosen } };
      continue;
    }
    const best = [...mine].sort(
      (a, b) => b.areaM2 - a.areaM2 || a.distanceM - b.distanceM || a.toId - b.toId,
    )[0];
    if (best) targets.set(grid.id, best.toId);
  }
  if (Object.keys(problems).length)
    throw new AppError(400, "invalid_request", { key: "error.carry_over" }, problems);
  return targets;
}

export interface Team {
  units: UnitRow[];
  people: PersonRow[];
}

/**
 * The teams of the receiving grids: a grid that survives unchanged keeps its own team; each old
 * grid's team joins its target (its own grid first, then by share), the first lead unit and leader
 * leading and the others supporting or volunteering. A reshaped or new grid left without a lead
 * unit gets the lead unit of the old grid that covered most of it, so no problem goes unanswered.
 */
export function teamsOf(
  snapshot: Snapshot,
  shares: Share[],
  targets: Map<number, number>,
  receivers: number[],
): Map<number, Team> {
  const replaced = new Set(snapshot.grids.map((g) => g.id));
  const teams = new Map<number, Team>();
  for (const r of receivers) {
    teams.set(
      r,
      replaced.has(r)
        ? { units: [], people: [] }
        : {
            units: snapshot.units.filter((u) => u.gridId === r),
            people: snapshot.people.filter((p) => p.gridId === r),
          },
    );
  }
  const shareOf = (from: number, to: number) =>
    shares.find((s) => s.fromId === from && s.toId === to)?.areaM2 ?? 0;
  const order = [...snapshot.grids].sort((a, b) => {
    const [ta, tb] = [targets.get(a.id) ?? 0, targets.get(b.id) ?? 0];
    return (b.id === tb ? 1 : 0) - (a.id === ta ? 1 : 0) || shareOf(b.id, tb) - shareOf(a.id, ta);
  });
  for (const old of order) {
    const to = targets.get(old.id);
    const team = to === undefined ? undefined : teams.get(to);
    if (to === undefined || !team) continue;
    for (const u of snapshot.units.filter((x) => x.gridId === old.id)) {
      if (team.units.some((x) => x.unitId === u.unitId)) continue;
      const role =
        u.role === "lead" && !team.units.some((x) => x.role === "lead") ? "lead" : "support";
      team.units.push({ gridId: to, unitId: u.unitId, role });
    }
    for (const p of snapshot.people.filter((x) => x.gridId === old.id)) {
      if (team.people.some((x) => x.personId === p.personId)) continue;
      const role =
        p.role === "leader" && !team.people.some((x) => x.role === "leader")
          ? "leader"
          : "volunteer";
      team.people.push({ gridId: to, personId: p.personId, role });
    }
  }
  for (const r of receivers) {
    const team = teams.get(r);
    if (!team || team.units.some((u) => u.role === "lead")) continue;
    const covering = shares
      .filter((s) => s.toId === r && s.areaM2 > 0)
      .sort((a, b) => b.areaM2 - a.areaM2)
      .map((s) => snapshot.units.find((u) => u.gridId === s.fromId && u.role === "lead"))
      .find(Boolean);
    if (!covering) continue;
    team.units = team.units.filter((u) => u.unitId !== covering.unitId);
    team.units.unshift({ gridId: r, unitId: covering.unitId, role: "lead" });
  }
  return teams;
}

const key = (team: Team) =>
  JSON.stringify([
    team.units.map((u) => `${u.role}:${u.unitId}`).sort(),
    team.people.map((p) => `${p.role}:${p.personId}`).sort(),
  ]);

/** Writes the teams; the grids whose team changed are returned (their version is bumped). */
export async function writeTeams(
  ex: Executor,
  cityId: number,
  snapshot: Snapshot,
  teams: Map<number, Team>,
  cleared: number[],
): Promise<number[]> {
  const changed: number[] = [];
  for (const [gridId, team] of teams) {
    const was = {
      units: snapshot.units.filter((u) => u.gridId === gridId),
      people: snapshot.people.filter((p) => p.gridId === gridId),
    };
    if (key(was) !== key(team)) changed.push(gridId);
  }
  const rewrite = [...new Set([...changed, ...cleared])];
  await ex.execute(sql`DELETE FROM grid_units WHERE grid_id = ANY(${intArray(rewrite)})`);
  await ex.execute(sql`DELETE FROM grid_people WHERE grid_id = ANY(${intArray(rewrite)})`);
  for (const gridId of changed) {
    const team = teams.get(gridId);
    await insertTeam(ex, cityId, team?.units ?? [], team?.people ?? []);
  }
  return changed;
}

export async function insertTeam(
  ex: Executor,
  cityId: number,
  units: UnitRow[],
  people: PersonRow[],
) {
  for (const u of units) {
    await ex.execute(sql`INSERT INTO grid_units (city_id, grid_id, unit_id, role)
      VALUES (${cityId}, ${u.gridId}, ${u.unitId}, ${u.role})`);
  }
  for (const p of people) {
    await ex.execute(sql`INSERT INTO grid_people (city_id, grid_id, person_id, role)
      VALUES (${cityId}, ${p.gridId}, ${p.personId}, ${p.role})`);
  }
}
