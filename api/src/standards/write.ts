// Changing evaluation standards: drafts are written freely; active and retired ones never change
// their items, because problems and inspections point at those items.
// Each function runs inside the caller's transaction and leaves one audit row.
import { sql } from "drizzle-orm";
import { recordAuditBy } from "../audit/record.ts";
import type { Executor } from "../db/client.ts";
import { inTransaction, selectRows } from "../db/client.ts";
import { AppError } from "../errors.ts";
import {
  type Actor,
  lockStandard,
  nextVersion,
  refuseUnlessDraft,
  standardNotFound,
} from "./locks.ts";
import { getStandard } from "./queries.ts";
import type { CategoryInput, StandardInput } from "./rules.ts";

/** Categories numbered 1, 2, … and their items "1.1", "1.2", … in the order given. */
async function insertContent(
  ex: Executor,
  cityId: number,
  standardId: number,
  categories: CategoryInput[],
) {
  for (const [ci, category] of categories.entries()) {
    const seq = ci + 1;
    const [row] = await selectRows<{ id: number }>(
      ex,
      sql`INSERT INTO standard_categories (city_id, standard_id, seq, name, duplicate_radius_m)
          VALUES (${cityId}, ${standardId}, ${seq}, ${category.name}, ${category.duplicateRadiusM})
          RETURNING id`,
    );
    if (!row) throw new Error("the category could not be inserted");
    const values = category.items.map(
      (item, ii) =>
        sql`(${cityId}, ${standardId}, ${row.id}, ${`${seq}.${ii + 1}`}, ${item.title},
             ${item.checklist}, ${item.points}, ${item.evidence})`,
    );
    await ex.execute(sql`INSERT INTO standard_items
        (city_id, standard_id, category_id, code, title, checklist, points, evidence)
        VALUES ${sql.join(values, sql`, `)}`);
  }
}

async function insertDraft(ex: Executor, actor: Actor, input: StandardInput): Promise<number> {
  const version = await nextVersion(ex, actor.cityId, input.name);
  const [row] = await selectRows<{ id: number }>(
    ex,
    sql`INSERT INTO standards (city_id, name, year, version, scope, status)
        VALUES (${actor.cityId}, ${input.name}, ${input.year}, ${version}, ${input.scope}, 'draft')
        RETURNING id`,
  );
  if (!row) throw new Error("the standard could not be inserted");
  await insertContent(ex, actor.cityId, row.id, input.categories);
  return row.id;
}

/** A new draft (from the API or an imported sheet): the next version of its name. */
async function createStandardIn(
  ex: Executor,
  actor: Actor,
  input: StandardInput,
  action: "create" | "import" = "create",
): Promise<number> {
  const id = await insertDraft(ex, actor, input);
  await recordAuditBy(ex, actor, {
    action,
    entity: "standard",
    entityId: id,
    after: await getStandard(ex, actor.cityId, id),
  });
  return id;
}

/** A draft copy of any standard, as the next version of its name: the way to change an active one. */
async function copyStandardIn(ex: Executor, actor: Actor, sourceId: number): Promise<number> {
  const source = await getStandard(ex, actor.cityId, sourceId);
  if (!source) throw standardNotFound(sourceId);
  const categories = source.categories.map((c) => ({
    name: c.name,
    duplicateRadiusM: c.duplicateRadiusM,
    items: c.items.map(({ title, checklist, points, evidence }) => ({
      title,
      checklist,
      points,
      evidence,
    })),
  }));
  const id = await insertDraft(ex, actor, { ...source, categories });
  await recordAuditBy(ex, actor, {
    action: "create_version",
    entity: "standard",
    entityId: id,
    before: { copiedFrom: sourceId, version: source.version },
    after: await getStandard(ex, actor.cityId, id),
  });
  return id;
}

/** Replaces a draft's name, year, scope, categories and items wholesale. */
async function replaceStandardIn(ex: Executor, actor: Actor, id: number, input: StandardInput) {
  const locked = await lockStandard(ex, actor, id);
  refuseUnlessDraft(locked, "error.standard_frozen");
  const [use] = await selectRows<{ used: boolean }>(
    ex,
    sql`SELECT EXISTS (SELECT 1 FROM inspections WHERE standard_id = ${id})
          OR EXISTS (SELECT 1 FROM problems p
            JOIN standard_items i ON i.id = p.item_id AND i.city_id = p.city_id WHERE i.standard_id = ${id})
          AS used`,
  );
  // A draft should not be in use, but if it is, its items must stay.
  if (use?.used) throw new AppError(409, "standard_in_use", { key: "error.standard_in_use" });
  const before = await getStandard(ex, actor.cityId, id);
  const version =
    input.name === locked.name ? locked.version : await nextVersion(ex, actor.cityId, input.name);
  await ex.execute(sql`DELETE FROM standard_categories WHERE standard_id = ${id}`);
  await ex.execute(sql`UPDATE standards SET name = ${input.name}, year = ${input.year},
      scope = ${input.scope}, version = ${version} WHERE id = ${id}`);
  await insertContent(ex, actor.cityId, id, input.categories);
  const after = await getStandard(ex, actor.cityId, id);
  await recordAuditBy(ex, actor, {
    action: "replace",
    entity: "standard",
    entityId: id,
    before,
    after,
  });
}

/** Creates a draft standard (typed in or imported) in its own transaction; returns its id. */
export const createStandard = inTransaction(createStandardIn);
/** Replaces a draft's categories and items in its own transaction. */
export const replaceStandard = inTransaction(replaceStandardIn);
/** Copies a standard into a new draft in its own transaction; returns the draft's id. */
export const copyStandard = inTransaction(copyStandardIn);
