// Volunteers in their grids: patrols with their tracks, grid dedication days (创城网格奉献日) with
// sign-ups and check-ins, and the photos of volunteer activities.
import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, real, text, unique } from "drizzle-orm/pg-core";
import { belongsTo, createdAt, lineString, point, timestamptz } from "./columns.ts";
import { files } from "./files.ts";
import { grids } from "./grids.ts";
import { cityRow } from "./regions.ts";
import { volunteerActivities } from "./tasks.ts";
import { people } from "./units.ts";
import { users } from "./users.ts";

/** One walk of a volunteer or grid leader; the track is rebuilt from its points as they arrive. */
export const patrols = pgTable(
  "patrols",
  {
    ...cityRow(),
    personId: belongsTo("person_id", () => people.id),
    userId: integer("user_id").references(() => users.id),
    /** The grid the patrol is for (the walker's own); null when they belong to none. */
    gridId: integer("grid_id").references(() => grids.id),
    startedAt: timestamptz("started_at").notNull(),
    endedAt: timestamptz("ended_at"),
    /** Null until the track has two points. */
    track: lineString("track"),
    lengthM: real("length_m").notNull().default(0),
    pointCount: integer("point_count").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index("patrols_grid_started_idx").on(t.gridId, t.startedAt),
    index("patrols_person_idx").on(t.personId),
    index("patrols_track_gist").using("gist", t.track),
    check("patrols_ended_after_start", sql`${t.endedAt} IS NULL OR ${t.endedAt} >= ${t.startedAt}`),
  ],
);

/** The positions a phone sampled during a patrol, in time order (seq follows time). */
export const patrolPoints = pgTable(
  "patrol_points",
  {
    ...cityRow(),
    patrolId: belongsTo("patrol_id", () => patrols.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    at: timestamptz("at").notNull(),
    location: point("location").notNull(),
    accuracyM: real("accuracy_m"),
  },
  (t) => [unique("patrol_points_patrol_seq_key").on(t.patrolId, t.seq)],
);

/** 创城网格奉献日: a day the campaign office sets for a grid, when its volunteers patrol it together. */
export const dedicationDays = pgTable(
  "dedication_days",
  {
    ...cityRow(),
    gridId: belongsTo("grid_id", () => grids.id),
    heldOn: date("held_on").notNull(),
    title: text("title").notNull(),
    note: text("note"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("dedication_days_grid_held_idx").on(t.gridId, t.heldOn)],
);

/** A volunteer signed up for a dedication day, and their check-in (attendance) on the day. */
export const dedicationSignups = pgTable(
  "dedication_signups",
  {
    ...cityRow(),
    dayId: belongsTo("day_id", () => dedicationDays.id, { onDelete: "cascade" }),
    personId: belongsTo("person_id", () => people.id),
    signedUpAt: timestamptz("signed_up_at").notNull().defaultNow(),
    checkedInAt: timestamptz("checked_in_at"),
    checkInLocation: point("check_in_location"),
    checkInAccuracyM: real("check_in_accuracy_m"),
  },
  (t) => [unique("dedication_signups_day_person_key").on(t.dayId, t.personId)],
);

/** Photos of a volunteer activity (uploaded through /api/files). */
export const activityPhotos = pgTable(
  "activity_photos",
  {
    ...cityRow(),
    activityId: belongsTo("activity_id", () => volunteerActivities.id, { onDelete: "cascade" }),
    fileId: belongsTo("file_id", () => files.id),
  },
  (t) => [unique("activity_photos_activity_file_key").on(t.activityId, t.fileId)],
);
