// Campaigns and their phases, task lists (任务清单), materials (资料报送) and volunteer activities.
import { materialStatuses, phaseKinds, taskAssignmentStatuses } from "@civgrid/geo";
import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  serial,
  text,
  unique,
} from "drizzle-orm/pg-core";
import { belongsTo, cityId, createdAt, oneOf, timestamptz } from "./columns.ts";
import { files } from "./files.ts";
import { grids } from "./grids.ts";
import { cities, cityRow } from "./regions.ts";
import { standardItems } from "./standards.ts";
import { people, units, volunteerBranches } from "./units.ts";
import { users } from "./users.ts";

export const campaigns = pgTable(
  "campaigns",
  {
    ...cityRow(),
    name: text("name").notNull(),
    year: integer("year").notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("campaigns_city_name_key").on(t.cityId, t.name)],
);

// The phases and statuses are geo/'s (shared with the web): see geo/src/vocabulary.ts.
export { materialStatuses, phaseKinds, taskAssignmentStatuses };

export const campaignPhases = pgTable(
  "campaign_phases",
  {
    ...cityRow(),
    campaignId: belongsTo("campaign_id", () => campaigns.id, { onDelete: "cascade" }),
    phase: text("phase", { enum: phaseKinds }).notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
  },
  (t) => [
    unique("campaign_phases_campaign_phase_key").on(t.campaignId, t.phase),
    check("campaign_phases_phase_check", oneOf(t.phase, phaseKinds)),
    check("campaign_phases_dates", sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

export const tasks = pgTable("tasks", {
  id: serial("id").primaryKey(),
  cityId: cityId().references(() => cities.id),
  campaignId: belongsTo("campaign_id", () => campaigns.id),
  phase: text("phase", { enum: phaseKinds }).notNull(),
  title: text("title").notNull(),
  description: text("description").notNull().default(""),
  deadline: timestamptz("deadline").notNull(),
  itemId: integer("item_id").references(() => standardItems.id),
  createdBy: integer("created_by").references(() => users.id),
  createdAt: createdAt(),
});

/** One task as it reaches one unit or one grid. */
export const taskAssignments = pgTable(
  "task_assignments",
  {
    ...cityRow(),
    taskId: belongsTo("task_id", () => tasks.id, { onDelete: "cascade" }),
    unitId: integer("unit_id").references(() => units.id),
    gridId: integer("grid_id").references(() => grids.id),
    status: text("status", { enum: taskAssignmentStatuses }).notNull().default("todo"),
    /** Percent done, as the assignee reports it. */
    progress: integer("progress").notNull().default(0),
    note: text("note"),
    completedAt: timestamptz("completed_at"),
    /** Why the coordinator sent the completion back (返工). */
    returnReason: text("return_reason"),
    remindedAt: timestamptz("reminded_at"),
    remindCount: integer("remind_count").notNull().default(0),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("task_assignments_task_idx").on(t.taskId),
    index("task_assignments_unit_idx").on(t.unitId),
    index("task_assignments_grid_idx").on(t.gridId),
    unique("task_assignments_task_unit_grid_key").on(t.taskId, t.unitId, t.gridId),
    check("task_assignments_status_check", oneOf(t.status, taskAssignmentStatuses)),
    check("task_assignments_assignee", sql`${t.unitId} is not null or ${t.gridId} is not null`),
    check("task_assignments_progress", sql`${t.progress} between 0 and 100`),
  ],
);

/** The photos and files an assignee completed a task with. */
export const taskEvidence = pgTable(
  "task_evidence",
  {
    ...cityRow(),
    assignmentId: belongsTo("assignment_id", () => taskAssignments.id, { onDelete: "cascade" }),
    fileId: belongsTo("file_id", () => files.id),
  },
  (t) => [unique("task_evidence_assignment_file_key").on(t.assignmentId, t.fileId)],
);

/** 资料报送: a unit's weekly material (activity report, photos, 责任状, minutes). */
export const materials = pgTable(
  "materials",
  {
    ...cityRow(),
    unitId: belongsTo("unit_id", () => units.id),
    /** The Monday of the ISO week the material reports on. */
    week: date("week").notNull(),
    category: text("category").notNull(),
    title: text("title").notNull(),
    fileId: integer("file_id").references(() => files.id),
    /** The name this material's file was uploaded under (the same bytes may come under others). */
    fileName: text("file_name"),
    taskId: integer("task_id").references(() => tasks.id),
    gridId: integer("grid_id").references(() => grids.id),
    itemId: integer("item_id").references(() => standardItems.id),
    status: text("status", { enum: materialStatuses }).notNull().default("submitted"),
    submittedBy: integer("submitted_by").references(() => users.id),
    submittedAt: timestamptz("submitted_at").notNull().defaultNow(),
    reviewedBy: integer("reviewed_by").references(() => users.id),
    reviewedAt: timestamptz("reviewed_at"),
    reviewNote: text("review_note"),
  },
  (t) => [
    index("materials_unit_week_idx").on(t.unitId, t.week),
    index("materials_file_idx").on(t.fileId),
    check("materials_status_check", oneOf(t.status, materialStatuses)),
  ],
);

/** 志愿服务活动: a branch's activity in a grid. */
export const volunteerActivities = pgTable(
  "volunteer_activities",
  {
    ...cityRow(),
    branchId: belongsTo("branch_id", () => volunteerBranches.id),
    gridId: integer("grid_id").references(() => grids.id),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    heldOn: date("held_on").notNull(),
    hours: numeric("hours", { precision: 5, scale: 1, mode: "number" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [check("volunteer_activities_hours_positive", sql`${t.hours} > 0`)],
);

export const activityParticipants = pgTable(
  "activity_participants",
  {
    ...cityRow(),
    activityId: belongsTo("activity_id", () => volunteerActivities.id, { onDelete: "cascade" }),
    personId: belongsTo("person_id", () => people.id),
    hours: numeric("hours", { precision: 5, scale: 1, mode: "number" }).notNull(),
  },
  (t) => [unique("activity_participants_activity_person_key").on(t.activityId, t.personId)],
);
