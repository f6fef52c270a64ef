// What each role may change: the table in the accounts issue, in one place.
import type { Role } from "../db/schema/index.ts";

export const actions = [
  "users.manage",
  "audit.read",
  "settings.write",
  // Backups (issue 21): list, take and download archives of the whole office's data.
  "backups.manage",
  "standards.write",
  "grids.write",
  "assignments.write",
  "tasks.write",
  "tasks.progress",
  "problems.dispatch",
  "problems.verify",
  "rankings.publish",
  "inspections.write",
  "problems.report",
  "rectification.submit",
  "unit.materials.write",
  "unit.persons.write",
  "patrols.write",
  "activities.write",
  // Security (issue 16): uploading photos and documents; bureau leaders only read.
  "files.upload",
] as const;
export type Action = (typeof actions)[number];

const coordinator: Action[] = [
  "standards.write",

  "grids.write",
  "assignments.write",
  "tasks.write",
  "problems.dispatch",
  "problems.verify",
  "rankings.publish",
  "problems.report",
  "files.upload",
];

export const permissions: Record<Role, readonly Action[]> = {
  // Standards are the campaign office's to write (issue 16): an account administrator only reads them.
  admin: ["users.manage", "audit.read", "settings.write", "backups.manage"],
  coordinator,
  inspector: ["inspections.write", "problems.report", "files.upload"],
  unit_admin: [
    "rectification.submit",
    "unit.materials.write",
    "unit.persons.write",
    "tasks.progress",
    "files.upload",
  ],
  grid_leader: [
    "problems.report",
    "patrols.write",
    "activities.write",
    "tasks.progress",
    "files.upload",
  ],
  volunteer: ["problems.report", "patrols.write", "activities.write", "files.upload"],
  leader: [],
};

export function can(role: Role, action: Action): boolean {
  return permissions[role].includes(action);
}
