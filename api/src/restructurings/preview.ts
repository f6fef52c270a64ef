// The impact of a restructuring before it is applied: the very same change run in a transaction
// that is then rolled back, so what the coordinator sees is exactly what applying would do.

import { sql } from "drizzle-orm";
import type { Feature, LineString } from "geojson";
import { acceptPartition } from "../communities/partition.ts";
import type { Executor, Orm } from "../db/client.ts";
import { selectRows } from "../db/client.ts";
import { notFound } from "../errors.ts";
import { checkImport, replaceGrids } from "../grids/import.ts";
import { mergeGrids, splitGrid } from "../grids/split-merge.ts";
import { type Actor, deleteGrid } from "../grids/write.ts";
import type { Impact } from "./impact.ts";
import type { Restructured } from "./restructure.ts";

export type Operation =
  | { kind: "partition"; parts: unknown[]; current: { id: number; version: number }[] }
  | { kind: "split"; gridId: number; version: number; line: LineString }
  | { kind: "merge"; grids: { id: number; version: number }[] }
  | { kind: "delete"; gridId: number; version: number }
  /** The file's grids (as its import preview gave them, in WGS84) replacing the community's. */
  | { kind: "import"; features: ImportedShape[] };

/** A feature of the file as the client sends it back; checkImport judges its geometry. */
type ImportedShape = {
  type: "Feature";
  geometry: unknown;
  properties: Record<string, unknown> | null;
};

class RolledBack extends Error {
  constructor(readonly impact: Impact) {
    super("preview rolled back");
  }
}

export async function previewRestructuring(
  orm: Orm,
  actor: Actor,
  communityId: number,
  operation: Operation,
  carryOver?: Record<string, string>,
): Promise<Impact> {
  try {
    await orm.transaction(async (tx) => {
      const gridIds =
        operation.kind === "partition" || operation.kind === "import"
          ? []
          : operation.kind === "merge"
            ? operation.grids.map((g) => g.id)
            : [operation.gridId];
      for (const id of gridIds) {
        const [grid] = await selectRows<{ id: number }>(
          tx,
          sql`SELECT id FROM grids WHERE id = ${id} AND community_id = ${communityId} AND city_id = ${actor.cityId}`,
        );
        if (!grid) throw notFound("grid", id);
      }
      const done = await apply(tx, actor, communityId, operation, carryOver);
      throw new RolledBack(done.impact);
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.impact;
    throw error;
  }
  throw new Error("the preview was not rolled back");
}

async function replaceWithFile(
  tx: Executor,
  actor: Actor,
  communityId: number,
  features: ImportedShape[],
  carryOver?: Record<string, string>,
): Promise<Restructured> {
  // Checked again as the commit checks the file: the preview promises only what the save does.
  const checked = await checkImport(tx, actor, communityId, features as Feature[], "wgs84", true);
  return replaceGrids(tx, actor, communityId, checked, carryOver);
}

function apply(
  tx: Parameters<typeof splitGrid>[0],
  actor: Actor,
  communityId: number,
  op: Operation,
  carryOver?: Record<string, string>,
): Promise<Restructured> {
  switch (op.kind) {
    case "partition":
      return acceptPartition(tx, actor, communityId, op.parts, op.current, carryOver);
    case "split":
      return splitGrid(tx, actor, op.gridId, op.version, op.line, carryOver);
    case "merge":
      return mergeGrids(tx, actor, op.grids, carryOver);
    case "delete":
      return deleteGrid(tx, actor, op.gridId, op.version, carryOver);
    case "import":
      return replaceWithFile(tx, actor, communityId, op.features, carryOver);
  }
}
