// The shape of a demo or generated city, as plain data: the api's loader writes it to the database.
// References between records are by `key` (never database ids), so a dataset is pure and comparable.
import type { MultiPolygon, Point } from "geojson";

export type RegionLevel = "city" | "district" | "street";
export type UnitKind =
  | "public_hospital"
  | "private_hospital"
  | "out_of_town_hospital"
  | "cdc"
  | "health_supervision"
  | "community_health_centre"
  | "bureau";
export type ResponsibleDuty = "head" | "deputy" | "department_head" | "platform_admin";
export type PointKind =
  | "hospital_entrance"
  | "waiting_hall"
  | "hospital_window"
  | "street"
  | "stairwell"
  | "garbage_point"
  | "notice_board"
  | "public_toilet"
  | "market";
export type ProblemStatus =
  | "reported"
  | "dispatched"
  | "rectifying"
  | "submitted"
  | "returned"
  | "sent_back"
  | "ledger"
  | "closed";
export type RectificationAction =
  | "report"
  | "dispatch"
  | "start"
  | "submit"
  | "close"
  | "return"
  | "send_back"
  | "request_extension"
  | "grant_extension"
  | "refuse_extension"
  | "to_ledger"
  | "reopen";

export interface SeedRegion {
  key: string;
  parentKey?: string;
  level: RegionLevel;
  /** GB/T 2260 (6 digits) for city/district; 9 digits (district + street seq) for a street. */
  code: string;
  name: string;
  geometry?: MultiPolygon;
  labelPoint?: Point;
}

export interface SeedCommunity {
  key: string;
  streetKey: string;
  /** 12 digits: district (6) + street (3) + community (3). */
  code: string;
  name: string;
  geometry: MultiPolygon;
}

export interface SeedResponsiblePerson {
  duty: ResponsibleDuty;
  name: string;
  mobile: string;
  title: string;
}

export interface SeedUnit {
  key: string;
  name: string;
  shortName: string;
  kind: UnitKind;
  address: string;
  phone: string;
  location: Point;
  /** Exactly the four duties, once each. */
  responsible: SeedResponsiblePerson[];
}

export interface SeedBranch {
  key: string;
  name: string;
  focus: string;
  leadUnitKey: string;
}

/** A volunteer or grid leader. */
export interface SeedPerson {
  key: string;
  name: string;
  mobile: string;
  title?: string;
  unitKey?: string;
  branchKey?: string;
  partyMember: boolean;
}

export interface SeedGrid {
  key: string;
  communityKey: string;
  /** 15 digits: community code (12) + grid sequence (3). */
  code: string;
  name: string;
  geometry: MultiPolygon;
  leadUnitKey: string;
  supportUnitKeys: string[];
  leaderKey: string;
  volunteerKeys: string[];
}

export interface SeedStandardItem {
  title: string;
  checklist: string;
  points: number;
  evidence: string;
}

export interface SeedStandard {
  name: string;
  year: number;
  scope: string;
  categories: { name: string; items: SeedStandardItem[] }[];
}

export interface SeedInspectionPoint {
  key: string;
  name: string;
  kind: PointKind;
  location: Point;
  unitKey?: string;
  address?: string;
}

export interface SeedRectificationEvent {
  action: RectificationAction;
  fromStatus: ProblemStatus | null;
  toStatus: ProblemStatus;
  actorName: string;
  note?: string;
  reason?: string;
  /** ISO 8601 */
  at: string;
}

export interface SeedProblem {
  key: string;
  source: "inspection" | "patrol" | "citizen";
  severity: "minor" | "normal" | "serious";
  description: string;
  location: Point;
  /** The standard item's code, e.g. "3.2". */
  itemCode?: string;
  pointKey?: string;
  deduction: number;
  /** ISO 8601 */
  deadline: string;
  reportedAt: string;
  reporterName?: string;
  /** The current status is the last event's toStatus; the first event is a "report". */
  events: SeedRectificationEvent[];
}

/** A position a phone sampled on patrol, WGS84. */
export interface SeedTrackPoint {
  lon: number;
  lat: number;
  /** ISO 8601 */
  at: string;
  accuracyM: number;
}

export interface SeedPatrol {
  personKey: string;
  gridKey: string;
  points: SeedTrackPoint[];
}

export interface SeedDedicationDay {
  gridKey: string;
  /** YYYY-MM-DD, China time */
  heldOn: string;
  title: string;
  /** Who signed up; those with a check-in attended (the position lies inside the grid). */
  signups: { personKey: string; checkIn?: SeedTrackPoint }[];
}

export interface SeedActivity {
  branchKey: string;
  gridKey?: string;
  kind: string;
  title: string;
  /** YYYY-MM-DD */
  heldOn: string;
  participants: { personKey: string; hours: number }[];
}

/** Volunteers at work: patrols this week, dedication days and branch activities. */
export interface SeedVolunteering {
  patrols: SeedPatrol[];
  dedicationDays: SeedDedicationDay[];
  activities: SeedActivity[];
}

export type SeedTaskStatus = "todo" | "in_progress" | "done" | "returned";

export interface SeedTaskProgress {
  status: SeedTaskStatus;
  progress: number;
  note?: string;
  /** ISO 8601, when done. */
  completedAt?: string;
}

export interface SeedTask {
  title: string;
  description: string;
  phase: "mobilisation" | "implementation" | "assessment" | "consolidation";
  /** ISO 8601 */
  deadline: string;
  unitKeys: string[];
  gridKeys: string[];
  /** Assignees that have started; the others are still to do. */
  progress: (SeedTaskProgress & { unitKey: string })[];
  gridProgress?: (SeedTaskProgress & { gridKey: string })[];
}

export interface SeedMaterial {
  unitKey: string;
  /** Monday of the week, YYYY-MM-DD. */
  week: string;
  category: "activity_report" | "photos" | "responsibility_letter" | "minutes" | "other";
  title: string;
  submittedAt: string;
  status: "submitted" | "accepted" | "returned";
  reviewNote?: string;
}

/** The year's campaign: its phases, task list and the units' weekly materials (without files). */
export interface SeedCampaign {
  name: string;
  year: number;
  phases: { phase: SeedTask["phase"]; startsOn: string; endsOn: string }[];
  tasks: SeedTask[];
  materials: SeedMaterial[];
}

export interface SeedDataset {
  city: { code: string; name: string };
  regions: SeedRegion[];
  communities: SeedCommunity[];
  units: SeedUnit[];
  branches: SeedBranch[];
  people: SeedPerson[];
  grids: SeedGrid[];
  standard: SeedStandard;
  points: SeedInspectionPoint[];
  problems: SeedProblem[];
  /** The demo's volunteering; a generated city has none. */
  volunteering?: SeedVolunteering;
  /** The demo's campaign, tasks and materials; a generated city has none. */
  campaign?: SeedCampaign;
}
