// Submitting a material and reviewing it, each as one transaction: the route parses the form and
// shapes the answer; the checks of the tags, the stored bytes and the record belong here.
import type { Db } from "../db/client.ts";
import { invalidFields } from "../errors.ts";
import { readDocument } from "../files/document.ts";
import { discardUnusedFile } from "../files/orphans.ts";
import { storeFile } from "../files/store.ts";
import type { Scope } from "../policy/scope.ts";
import type { Actor } from "../tasks/campaigns.ts";
import { insertMaterial, type MaterialTags, reviewMaterial, unknownTags } from "./write.ts";

/** Stores the file (checked by its content) and records the material; returns its id. */
export async function submitMaterial(
  db: Db,
  dir: string,
  actor: Actor,
  tags: MaterialTags,
  file: { bytes: Uint8Array; name: string },
): Promise<number> {
  const unknown = await unknownTags(db.orm, actor.cityId, tags);
  if (Object.keys(unknown).length) {
    throw invalidFields(unknown);
  }
  const stored = await storeFile(
    db,
    dir,
    { bytes: file.bytes, name: file.name, cityId: actor.cityId, userId: actor.userId },
    readDocument,
  );
  try {
    return await db.orm.transaction((tx) =>
      insertMaterial(tx, actor, tags, { id: stored.file.id, name: file.name }),
    );
  } catch (error) {
    // The record was not written: the bytes stored for it must not stay behind.
    if (stored.created) await discardUnusedFile(db, dir, stored.file.id);
    throw error;
  }
}

/** Accepts or returns a submitted material; a reviewed one answers 409. */
export function reviewSubmitted(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: number,
  verdict: { accept: true } | { accept: false; reason: string },
) {
  return db.orm.transaction((tx) => reviewMaterial(tx, actor, scope, id, verdict));
}
