// The grid edits a coordinator makes one at a time, each in its own transaction. The steps
// themselves take a transaction, because restructuring previews and imports compose them into
// larger ones; these are the services the routes call. A restructuring (delete, merge, split)
// freshens the statistics of what it rewrote once committed (db/maintenance.ts).
import { inTransaction } from "../db/client.ts";
import { restructuredTables, thenFreshen } from "../db/maintenance.ts";
import { assignGrid } from "./assignments.ts";
import { revertGrid } from "./revert.ts";
import { mergeGrids, splitGrid } from "./split-merge.ts";
import { createGrid, deleteGrid, updateGrid } from "./write.ts";

export const gridEdits = {
  create: inTransaction(createGrid),
  update: inTransaction(updateGrid),
  remove: thenFreshen(inTransaction(deleteGrid), restructuredTables),
  merge: thenFreshen(inTransaction(mergeGrids), restructuredTables),
  split: thenFreshen(inTransaction(splitGrid), restructuredTables),
  assign: inTransaction(assignGrid),
  revert: inTransaction(revertGrid),
};
