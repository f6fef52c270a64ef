// Writes a seed dataset (the Tengzhou demo, or a generated city) into an empty database,
// in one transaction: either the whole city is there afterwards, or none of it.
import { awaitingDispatch } from "@civgrid/geo";
import type { SeedDataset } from "@civgrid/seeds";
import { sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Executor, Orm } from "../db/client.ts";
import { analyze, analyzedTables } from "../db/maintenance.ts";
import * as t from "../db/schema/index.ts";
import { recordVersions } from "../grids/versions.ts";
import { routeProblems } from "../problems/routing.ts";
import { loadCampaign } from "./load-campaign.ts";
import { loadVolunteering } from "./load-volunteering.ts";

export interface LoadReport {
  cityId: number;
  counts: Record<string, number>;
}

/** Maps a dataset's string keys to the ids the database gave the rows. */
class Keys {
  private readonly ids = new Map<string, number>();
  set(kind: string, key: string, id: number) {
    this.ids.set(`${kind}:${key}`, id);
  }
  get(kind: string, key: string): number {
    const id = this.ids.get(`${kind}:${key}`);
    if (id === undefined) throw new Error(`seed dataset: unknown ${kind} "${key}"`);
    return id;
  }
  /** Registers the ids a batch insert returned, in the order of the keys. */
  setAll(kind: string, keyList: string[], ids: number[]) {
    for (const [i, key] of keyList.entries()) this.set(kind, key, ids[i] as number);
  }
  maybe(kind: string, key: string | undefined): number | null {
    return key === undefined ? null : this.get(kind, key);
  }
}

/** A table whose rows have a serial id. */
type Table = PgTable & { id: PgColumn };

/**
 * Inserts a batch and returns the new ids. A multi-row INSERT … RETURNING gives rows back in
 * VALUES order; every batch below relies on it, and the count is checked.
 */
async function insertAll<T extends Table>(
  tx: Executor,
  table: T,
  rows: T["$inferInsert"][],
): Promise<number[]> {
  if (!rows.length) return [];
  // The rows are typed by the table they go into (T["$inferInsert"]); drizzle cannot see that
  // through the generic, so the values are passed on as they are.
  const returned = (await tx
    .insert(table)
    .values(rows as never)
    .returning({ id: table.id })) as { id: number }[];
  if (returned.length !== rows.length) throw new Error("seed dataset: a batch insert lost rows");
  return returned.map((r) => r.id);
}

/** Inserts one row per dataset item and registers the new ids under the items' keys. */
async function insertKeyed<T extends Table, I extends { key: string }>(
  tx: Executor,
  table: T,
  keys: Keys,
  kind: string,
  items: I[],
  row: (item: I) => T["$inferInsert"],
): Promise<number[]> {
  const ids = await insertAll(tx, table, items.map(row));
  keys.setAll(
    kind,
    items.map((item) => item.key),
    ids,
  );
  return ids;
}

async function insertOne(insert: () => Promise<{ id: number }[]>): Promise<number> {
  const [row] = await insert();
  if (!row) throw new Error("seed dataset: a row was not written");
  return row.id;
}

export async function loadDataset(
  orm: Orm,
  data: SeedDataset,
  onProgress?: (step: string) => void,
) {
  const report = await orm.transaction(async (tx) => load(tx, data, onProgress ?? (() => {})));
  // A bulk load: the planner's statistics for all of it before the first read plans on none.
  await analyze({ orm }, analyzedTables);
  return report;
}

async function load(
  tx: Executor,
  data: SeedDataset,
  progress: (step: string) => void,
): Promise<LoadReport> {
  const keys = new Keys();
  const cityId = await insertOne(() =>
    tx.insert(t.cities).values(data.city).returning({ id: t.cities.id }),
  );

  progress("regions and communities");
  for (const r of data.regions) {
    const id = await insertOne(() =>
      tx
        .insert(t.regions)
        .values({
          cityId,
          parentId: keys.maybe("region", r.parentKey),
          level: r.level,
          code: r.code,
          name: r.name,
          geom: r.geometry ?? null,
          labelPoint: r.labelPoint ?? null,
        })
        .returning({ id: t.regions.id }),
    );
    keys.set("region", r.key, id);
  }
  await insertKeyed(tx, t.communities, keys, "community", data.communities, (c) => ({
    cityId,
    streetId: keys.get("region", c.streetKey),
    code: c.code,
    name: c.name,
    geom: c.geometry,
  }));

  progress("units and their responsible persons");
  await insertKeyed(tx, t.units, keys, "unit", data.units, (u) => ({
    cityId,
    name: u.name,
    shortName: u.shortName,
    kind: u.kind,
    address: u.address,
    phone: u.phone,
    location: u.location,
  }));
  const duties = data.units.flatMap((u) => u.responsible.map((r) => ({ unitKey: u.key, ...r })));
  const dutyPeople = await insertAll(
    tx,
    t.people,
    duties.map((d) => ({
      cityId,
      name: d.name,
      mobile: d.mobile,
      title: d.title,
      unitId: keys.get("unit", d.unitKey),
    })),
  );
  await insertAll(
    tx,
    t.unitResponsiblePersons,
    duties.map((d, i) => ({
      cityId,
      unitId: keys.get("unit", d.unitKey),
      personId: dutyPeople[i] as number,
      duty: d.duty,
    })),
  );

  progress("volunteer branches and volunteers");
  await insertKeyed(tx, t.volunteerBranches, keys, "branch", data.branches, (b) => ({
    cityId,
    name: b.name,
    focus: b.focus,
    leadUnitId: keys.get("unit", b.leadUnitKey),
  }));
  await insertKeyed(tx, t.people, keys, "person", data.people, (p) => ({
    cityId,
    name: p.name,
    mobile: p.mobile,
    title: p.title ?? null,
    unitId: keys.maybe("unit", p.unitKey),
    branchId: keys.maybe("branch", p.branchKey),
    partyMember: p.partyMember,
  }));

  progress("grids and their assignments");
  await loadGrids(tx, cityId, data, keys);

  progress("the evaluation standard");
  await loadStandard(tx, cityId, data, keys);

  progress("inspection points and problems");
  await loadPointsAndProblems(tx, cityId, data, keys);

  if (data.volunteering) {
    progress("patrols, dedication days and volunteer activities");
    await loadVolunteering(tx, cityId, data.volunteering, (kind, key) => keys.get(kind, key));
  }

  if (data.campaign) {
    progress("the campaign, its tasks and materials");
    await loadCampaign(tx, cityId, data.campaign, (kind, key) => keys.get(kind, key));
  }

  const counts = {
    communities: data.communities.length,
    grids: data.grids.length,
    units: data.units.length,
    people: data.people.length + dutyPeople.length,
    points: data.points.length,
    problems: data.problems.length,
  };
  await tx.insert(t.auditLog).values({
    cityId,
    action: "seed",
    entity: "city",
    entityId: String(cityId),
    after: { city: data.city, counts },
  });
  return { cityId, counts };
}

async function loadGrids(tx: Executor, cityId: number, data: SeedDataset, keys: Keys) {
  const grids = await insertKeyed(tx, t.grids, keys, "grid", data.grids, (g) => ({
    cityId,
    communityId: keys.get("community", g.communityKey),
    code: g.code,
    name: g.name,
    geom: g.geometry,
  }));
  const gridUnits = data.grids.flatMap((g) => [
    { gridKey: g.key, unitKey: g.leadUnitKey, role: "lead" as const },
    ...g.supportUnitKeys.map((u) => ({ gridKey: g.key, unitKey: u, role: "support" as const })),
  ]);
  await insertAll(
    tx,
    t.gridUnits,
    gridUnits.map((a) => ({
      cityId,
      gridId: keys.get("grid", a.gridKey),
      unitId: keys.get("unit", a.unitKey),
      role: a.role,
    })),
  );
  const gridPeople = data.grids.flatMap((g) => [
    { gridKey: g.key, personKey: g.leaderKey, role: "leader" as const },
    ...g.volunteerKeys.map((p) => ({ gridKey: g.key, personKey: p, role: "volunteer" as const })),
  ]);
  await insertAll(
    tx,
    t.gridPeople,
    gridPeople.map((a) => ({
      cityId,
      gridId: keys.get("grid", a.gridKey),
      personId: keys.get("person", a.personKey),
      role: a.role,
    })),
  );
  // Version 1 of every grid, with its assignments, starts the history.
  await recordVersions(tx, cityId, grids, "create", null);
}

async function loadStandard(tx: Executor, cityId: number, data: SeedDataset, keys: Keys) {
  const s = data.standard;
  const standardId = await insertOne(() =>
    tx
      .insert(t.standards)
      .values({ cityId, name: s.name, year: s.year, scope: s.scope, status: "active" })
      .returning({ id: t.standards.id }),
  );
  for (const [ci, category] of s.categories.entries()) {
    const categoryId = await insertOne(() =>
      tx
        .insert(t.standardCategories)
        .values({ cityId, standardId, seq: ci + 1, name: category.name })
        .returning({ id: t.standardCategories.id }),
    );
    const items = await insertAll(
      tx,
      t.standardItems,
      category.items.map((item, ii) => ({
        cityId,
        standardId,
        categoryId,
        code: `${ci + 1}.${ii + 1}`,
        ...item,
      })),
    );
    keys.setAll(
      "item",
      category.items.map((_, ii) => `${ci + 1}.${ii + 1}`),
      items,
    );
  }
}

async function loadPointsAndProblems(tx: Executor, cityId: number, data: SeedDataset, keys: Keys) {
  await insertKeyed(tx, t.inspectionPoints, keys, "point", data.points, (p) => ({
    cityId,
    name: p.name,
    kind: p.kind,
    location: p.location,
    unitId: keys.maybe("unit", p.unitKey),
    address: p.address ?? null,
  }));
  // A point belongs to the grid it stands in (hospital points outside every grid keep none).
  await tx.execute(sql`
    UPDATE inspection_points p SET grid_id = g.id
    FROM grids g
    WHERE p.city_id = ${cityId} AND g.city_id = p.city_id AND g.deleted_at IS NULL
      AND ST_Contains(g.geom, p.location)`);

  const problems = await insertAll(
    tx,
    t.problems,
    data.problems.map((p) => {
      const last = p.events.at(-1);
      const status = last?.toStatus ?? "reported";
      return {
        cityId,
        source: p.source,
        status,
        severity: p.severity,
        description: p.description,
        location: p.location,
        itemId: keys.maybe("item", p.itemCode),
        pointId: keys.maybe("point", p.pointKey),
        deduction: p.deduction,
        // No unit works on a problem waiting for dispatch: its clock has not started.
        deadline: awaitingDispatch.includes(status) ? null : new Date(p.deadline),
        reporterName: p.reporterName ?? null,
        version: p.events.length,
        reportedAt: new Date(p.reportedAt),
        closedAt: last?.toStatus === "closed" ? new Date(last.at) : null,
      };
    }),
  );
  await insertAll(
    tx,
    t.rectificationEvents,
    data.problems.flatMap((p, i) =>
      p.events.map((e, seq) => ({
        cityId,
        problemId: problems[i] as number,
        seq: seq + 1,
        action: e.action,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        actorName: e.actorName,
        note: e.note ?? null,
        reason: e.reason ?? null,
        at: new Date(e.at),
      })),
    ),
  );
  await routeProblems(tx, cityId);
}
