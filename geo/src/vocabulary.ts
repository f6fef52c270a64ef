// The words the database, the API and the web share for kinds of things: written once here, so
// that a check constraint, an API schema and a page's choices cannot disagree. (The loop's
// statuses and steps are in rectification.ts.)

/** What a user is, and so what they may do (the policy in api/src/policy reads it). */
export const roles = [
  "admin",
  "coordinator",
  "inspector",
  "unit_admin",
  "grid_leader",
  "volunteer",
  "leader",
] as const;
export type Role = (typeof roles)[number];

/** 责任单位: the kinds of unit a grid is linked to. */
export const unitKinds = [
  "public_hospital",
  "private_hospital",
  "out_of_town_hospital",
  "cdc",
  "health_supervision",
  "community_health_centre",
  "bureau",
] as const;
export type UnitKind = (typeof unitKinds)[number];

/** A unit's responsible people: 院长, 副院长, 科室负责人, 平台管理员. */
export const responsibleDuties = ["head", "deputy", "department_head", "platform_admin"] as const;
export type ResponsibleDuty = (typeof responsibleDuties)[number];

/** 点位: the kinds of place assessors visit. */
export const pointKinds = [
  "hospital_entrance",
  "waiting_hall",
  "hospital_window",
  "street",
  "stairwell",
  "garbage_point",
  "notice_board",
  "public_toilet",
  "market",
] as const;
export type PointKind = (typeof pointKinds)[number];

/** Where a problem came from: an inspection (督查), a volunteer's patrol, a citizen's report. */
export const problemSources = ["inspection", "patrol", "citizen"] as const;
export type ProblemSource = (typeof problemSources)[number];

/** A standard's life: written as a draft, one version active at a time, older ones retired. */
export const standardStatuses = ["draft", "active", "retired"] as const;
export type StandardStatus = (typeof standardStatuses)[number];

/** 检查: 自查, 明查, 暗访, 模拟测评, 督导. */
export const inspectionKinds = ["self", "open", "covert", "mock", "supervision"] as const;
export type InspectionKind = (typeof inspectionKinds)[number];

/** What an inspector found for one item at one point. */
export const itemOutcomes = ["pass", "fail", "not_applicable"] as const;
export type ItemOutcome = (typeof itemOutcomes)[number];

/** A campaign's phases: 动员, 实施, 测评, 巩固. */
export const phaseKinds = [
  "mobilisation",
  "implementation",
  "assessment",
  "consolidation",
] as const;
export type PhaseKind = (typeof phaseKinds)[number];

/** The unit kinds "all hospitals" means when a task is given to them. */
export const hospitalKinds = [
  "public_hospital",
  "private_hospital",
  "out_of_town_hospital",
] as const satisfies readonly UnitKind[];

/** A task as it reaches one unit or grid. */
export const taskAssignmentStatuses = ["todo", "in_progress", "done", "returned"] as const;
export type TaskAssignmentStatus = (typeof taskAssignmentStatuses)[number];

/** 资料报送: what a unit hands in each week, and where it stands. */
export const materialCategories = [
  "activity_report",
  "photos",
  "responsibility_letter",
  "minutes",
  "other",
] as const;
export type MaterialCategory = (typeof materialCategories)[number];
export const materialStatuses = ["submitted", "accepted", "returned"] as const;
export type MaterialStatus = (typeof materialStatuses)[number];
/** A unit's week on the materials board. */
export const materialBoardStatuses = ["on_time", "late", "missing", "returned", "pending"] as const;
export type MaterialBoardStatus = (typeof materialBoardStatuses)[number];

/** 志愿服务类型: the kinds of volunteer activity. */
export const activityKinds = [
  "health_promotion",
  "elderly_care",
  "traffic_persuasion",
  "patient_assistance",
  "environment_cleanup",
  "epidemic_prevention",
  "civility_promotion",
  "other",
] as const;
export type ActivityKind = (typeof activityKinds)[number];

export const problemSeverities = ["minor", "normal", "serious"] as const;
export type ProblemSeverity = (typeof problemSeverities)[number];
