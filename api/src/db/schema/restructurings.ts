// Restructurings (网格调整): one row per change of a community's grid layout, with its undo data.
import { check, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { belongsTo, createdAt, oneOf, timestamptz } from "./columns.ts";
import { cityRow, communities } from "./regions.ts";
import { users } from "./users.ts";

export const restructuringKinds = ["partition", "split", "merge", "delete", "import"] as const;
export type RestructuringKind = (typeof restructuringKinds)[number];

export const restructurings = pgTable(
  "restructurings",
  {
    ...cityRow(),
    communityId: belongsTo("community_id", () => communities.id),
    kind: text("kind", { enum: restructuringKinds }).notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    gridsBefore: integer("grids_before").array().notNull(),
    gridsAfter: integer("grids_after").array().notNull(),
    /** The grids, assignments and moved work as they were, and the versions it left (restructurings/undo.ts). */
    undo: jsonb("undo").notNull(),
    undoneAt: timestamptz("undone_at"),
    undoneBy: integer("undone_by").references(() => users.id),
  },
  (t) => [
    index("restructurings_community_idx").on(t.communityId, t.id),
    check("restructurings_kind_check", oneOf(t.kind, restructuringKinds)),
  ],
);
