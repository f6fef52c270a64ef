// Problems counted per hexagon cell, day and status: the leaders' city-wide map sums a few
// thousand of these rows instead of reading every problem of the period (a million-problem city
// has ~450,000 in a month's view). The database keeps them: statement triggers on `problems`
// (migration 0014) add what a write adds and take away what it takes away, whoever writes.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
} from "drizzle-orm/pg-core";
import { cityId } from "./columns.ts";
import { problemSources, problemStatuses } from "./problems.ts";
import { cities } from "./regions.ts";

/** The zoom bands kept as rollups: the city-wide ones, where a view holds most of the city. */
export const rolledUpCellSizes = [4000, 16000] as const;

/** Every problem once, in the fewest rows: whole-city counts by status read this band. */
export const countingCellSize = Math.max(...rolledUpCellSizes);

export const problemCellDays = pgTable(
  "problem_cell_days",
  {
    cityId: cityId().references(() => cities.id),
    /** The band's hexagon size in metres (4000 or 16000): which hex_ column `cell` comes from. */
    cellSize: integer("cell_size").notNull(),
    cell: bigint("cell", { mode: "number" }).notNull(),
    /** The day the problems were reported, in China time (civgrid_china_day). */
    day: date("day").notNull(),
    status: text("status", { enum: problemStatuses }).notNull(),
    problems: integer("problems").notNull(),
    pointsLost: numeric("points_lost", { precision: 14, scale: 2, mode: "number" }).notNull(),
  },
  (t) => [
    // A period's rows of one band are one range of this key.
    primaryKey({ columns: [t.cityId, t.cellSize, t.day, t.status, t.cell] }),
  ],
);

/**
 * Problems counted by status, source and the China day of their deadline ('infinity': none), kept
 * by statement triggers (migration 0037): the list's count under its status, source and overdue
 * filters sums a few thousand rows instead of counting every match.
 */
export const problemListCounts = pgTable(
  "problem_list_counts",
  {
    cityId: cityId().references(() => cities.id),
    status: text("status", { enum: problemStatuses }).notNull(),
    source: text("source", { enum: problemSources }).notNull(),
    deadlineDay: date("deadline_day").notNull(),
    problems: integer("problems").notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.status, t.source, t.deadlineDay] })],
);

/**
 * Problems counted per tile cell (1/64 of a tile a side) at z10–z12, whether open, and the China
 * day of the deadline ('infinity': never overdue, '-infinity': a day already past), kept by
 * statement triggers (migration 0038): problem tiles at city zoom sum these rows instead of
 * reading every problem in the tile.
 */
export const problemTileCells = pgTable(
  "problem_tile_cells",
  {
    cityId: cityId().references(() => cities.id),
    zoom: smallint("zoom").notNull(),
    column: integer("column").notNull(),
    row: integer("row").notNull(),
    open: boolean("open").notNull(),
    due: date("due").notNull(),
    problems: integer("problems").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.zoom, t.column, t.row, t.open, t.due] }),
    index("problem_tile_cells_empty_idx").on(t.cityId).where(sql`problems = 0`),
  ],
);
