// Auto-partition of a community: a preview of N balanced grids (geo/ does the geometry), and
// accepting it, which replaces the community's grids in one transaction.
import {
  countForTargetArea,
  orderWestToEastNorthToSouth,
  PartitionError,
  type WeightPoint,
} from "@civgrid/geo";
import { sql } from "drizzle-orm";
import type { MultiPolygon } from "geojson";
import { recordAuditBy } from "../audit/record.ts";
import type { Executor } from "../db/client.ts";
import { inTransaction, selectRows } from "../db/client.ts";
import { restructuredTables, thenFreshen } from "../db/maintenance.ts";
import { lockGrid } from "../grids/lock.ts";
import { recordVersions } from "../grids/versions.ts";
import { type Actor, assertFits, communityOf, insertGrid, shapeOf } from "../grids/write.ts";
import { type Restructured, restructure } from "../restructurings/restructure.ts";
import { type RunOptions, runInWorker } from "../workers/pool.ts";

export interface PartitionRequest {
  count?: number | undefined;
  targetAreaM2?: number | undefined;
  weight: "area" | "points";
  seed?: number | undefined;
}

async function outlineOf(ex: Executor, cityId: number, communityId: number): Promise<MultiPolygon> {
  await communityOf(ex, cityId, communityId);
  const [row] = await selectRows<{ geometry: string }>(
    ex,
    sql`SELECT ST_AsGeoJSON(geom, 7) AS geometry FROM communities WHERE id = ${communityId}`,
  );
  return JSON.parse(row?.geometry ?? "null");
}

/** What the partition needs from the database: the outline, N, and the points to balance. */
export async function partitionInput(
  ex: Executor,
  cityId: number,
  communityId: number,
  request: PartitionRequest,
) {
  const outline = await outlineOf(ex, cityId, communityId);
  const count = request.count ?? countForTargetArea(outline, request.targetAreaM2 ?? 1);
  let weights: WeightPoint[] | undefined;
  if (request.weight === "points") {
    const points = await selectRows<{ geometry: string }>(
      ex,
      sql`SELECT ST_AsGeoJSON(p.location, 7) AS geometry FROM inspection_points p, communities c
          WHERE c.id = ${communityId} AND c.city_id = p.city_id AND p.city_id = ${cityId}
            AND ST_Contains(c.geom, p.location)`,
    );
    weights = points.map((p) => ({
      type: "Feature",
      geometry: JSON.parse(p.geometry),
      properties: { weight: 1 },
    }));
  }
  return { outline, count, weight: request.weight, seed: request.seed ?? 1, weights };
}

export type PartitionInput = Awaited<ReturnType<typeof partitionInput>>;

/** The partition itself, on a worker thread (it can take seconds for a large outline). */
export async function computePreview(input: PartitionInput, run: RunOptions = {}) {
  const { outline, count, weight, seed, weights } = input;
  const answer = await runInWorker(
    "partition",
    { outline, options: { count, seed, ...(weights && { weights }) } },
    run,
  );
  if (!answer.ok) throw new PartitionError(answer.refusal.key, answer.refusal.params);
  const parts = orderWestToEastNorthToSouth(
    answer.result.parts.map((geometry) => ({ type: "Feature" as const, geometry, properties: {} })),
  );
  return {
    count,
    weight,
    pointCount: weights?.length ?? null,
    metrics: answer.result.metrics,
    parts: parts.map((p) => p.geometry),
  };
}

export type PartitionPreview = Awaited<ReturnType<typeof computePreview>>;

export async function previewPartition(
  ex: Executor,
  cityId: number,
  communityId: number,
  request: PartitionRequest,
) {
  return computePreview(await partitionInput(ex, cityId, communityId, request));
}

/**
 * Replaces the community's grids with the accepted parts. The current grids are named with the
 * versions the coordinator saw: if any changed meanwhile, 409, and nothing is replaced.
 */
export async function acceptPartition(
  tx: Executor,
  actor: Actor,
  communityId: number,
  parts: unknown[],
  current: { id: number; version: number }[],
  carryOver?: Record<string, string>,
): Promise<Restructured> {
  const shapes = await Promise.all(parts.map((p) => shapeOf(p)));
  await communityOf(tx, actor.cityId, communityId);
  const existing = await selectRows<{ id: number }>(
    tx,
    sql`SELECT id FROM grids WHERE community_id = ${communityId} AND deleted_at IS NULL ORDER BY id`,
  );
  for (const grid of existing) {
    const seen = current.find((c) => c.id === grid.id);
    await lockGrid(tx, actor.cityId, grid.id, seen?.version ?? -1);
  }
  const plan = {
    kind: "partition" as const,
    communityId,
    before: existing.map((g) => g.id),
    carryOver,
  };
  return restructure(tx, actor, plan, () => replaceGrids(tx, actor, communityId, existing, shapes));
}

async function replaceGrids(
  tx: Executor,
  actor: Actor,
  communityId: number,
  existing: { id: number }[],
  shapes: MultiPolygon[],
) {
  await tx.execute(sql`UPDATE grids SET deleted_at = now(), version = version + 1, updated_at = now()
    WHERE community_id = ${communityId} AND deleted_at IS NULL`);
  await recordVersions(
    tx,
    actor.cityId,
    existing.map((g) => g.id),
    "delete",
    actor.userId,
  );
  const ordered = orderWestToEastNorthToSouth(
    shapes.map((geometry) => ({ type: "Feature" as const, geometry, properties: {} })),
  );
  const ids: number[] = [];
  for (const part of ordered) {
    await assertFits(tx, actor, communityId, part.geometry, []);
    ids.push((await insertGrid(tx, actor, communityId, part.geometry)).id);
  }
  await recordVersions(tx, actor.cityId, ids, "create", actor.userId);
  await recordAuditBy(tx, actor, {
    action: "partition",
    entity: "community",
    entityId: communityId,
    before: { gridIds: existing.map((g) => g.id) },
    after: { gridIds: ids },
  });
  return ids;
}

/** Accepts a partition in its own transaction: the new grids and the restructuring's id. */
export const savePartition = thenFreshen(inTransaction(acceptPartition), restructuredTables);
