// Units (hospitals, CDC, …), the people who work or volunteer for them, and volunteer branches.

import { type ResponsibleDuty, responsibleDuties, type UnitKind, unitKinds } from "@civgrid/geo";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  unique,
  varchar,
} from "drizzle-orm/pg-core";
import { belongsTo, createdAt, oneOf, point } from "./columns.ts";
import { cityRow } from "./regions.ts";

// The kinds and duties are geo/'s (shared with the web): see geo/src/vocabulary.ts.
export { type ResponsibleDuty, responsibleDuties, type UnitKind, unitKinds };

export const units = pgTable(
  "units",
  {
    ...cityRow(),
    name: text("name").notNull(),
    shortName: text("short_name").notNull(),
    kind: text("kind", { enum: unitKinds }).notNull(),
    address: text("address"),
    phone: varchar("phone", { length: 32 }),
    location: point("location"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("units_city_name_key").on(t.cityId, t.name),
    index("units_location_gist").using("gist", t.location),
    check("units_kind_check", oneOf(t.kind, unitKinds)),
  ],
);

/** 志愿服务支队: a volunteer branch under the city's medical volunteer service team. */
export const volunteerBranches = pgTable(
  "volunteer_branches",
  {
    ...cityRow(),
    name: text("name").notNull(),
    /** What the branch does, e.g. 恤病助医, 疾控防治, 健康促进. */
    focus: text("focus").notNull(),
    leadUnitId: integer("lead_unit_id").references(() => units.id),
    createdAt: createdAt(),
  },
  (t) => [unique("volunteer_branches_city_name_key").on(t.cityId, t.name)],
);

/** A person on record: staff, responsible persons, volunteers and grid leaders. */
export const people = pgTable(
  "people",
  {
    ...cityRow(),
    name: text("name").notNull(),
    mobile: varchar("mobile", { length: 20 }),
    title: text("title"),
    unitId: integer("unit_id").references(() => units.id),
    branchId: integer("branch_id").references(() => volunteerBranches.id),
    partyMember: boolean("party_member").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("people_unit_idx").on(t.unitId), index("people_branch_idx").on(t.branchId)],
);

/** 四职责任人: each unit names one person for each of the four duties. */
export const unitResponsiblePersons = pgTable(
  "unit_responsible_persons",
  {
    ...cityRow(),
    unitId: belongsTo("unit_id", () => units.id, { onDelete: "cascade" }),
    personId: belongsTo("person_id", () => people.id),
    duty: text("duty", { enum: responsibleDuties }).notNull(),
  },
  (t) => [
    unique("unit_responsible_persons_unit_duty_key").on(t.unitId, t.duty),
    check("unit_responsible_persons_duty_check", oneOf(t.duty, responsibleDuties)),
  ],
);
