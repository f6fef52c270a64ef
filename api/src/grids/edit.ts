// The grid edits a coordinator makes one at a time, each in its own transaction. The steps
// themselves take a transaction, because restructuring previews and imports compose them into
// larger ones; these are the services the routes call.
import { inTransaction } from "../db/client.ts";
import { assignGrid } from "./assignments.ts";
import { revertGrid } from "./revert.ts";
import { mergeGrids, splitGrid } from "./split-merge.ts";
import { createGrid, deleteGrid, updateGrid } from "./write.ts";

export const gridEdits = {
  create: inTransaction(createGrid),
  update: inTransaction(updateGrid),
  remove: inTransaction(deleteGrid),
  merge: inTransaction(mergeGrids),
  split: inTransaction(splitGrid),
  assign: inTransaction(assignGrid),
  revert: inTransaction(revertGrid),
};
