// The rectification history (整改记录) of one problem: a coherent chain of steps ending in the
// wanted status, with times placed before `now` and the deadline set at dispatch.
import type { ProblemStatus, SeedProblem, SeedRectificationEvent } from "../dataset.ts";
import { LEADS_TO, plot } from "./plots.ts";
import type { Random } from "./random.ts";

/** Days allowed from dispatch: 严重 1 day, 一般 3 days, 轻微 7 days. */
export const DEADLINE_DAYS: Record<SeedProblem["severity"], number> = {
  serious: 1,
  normal: 3,
  minor: 7,
};

/** How many days ago problems in each status were reported: open ones are recent. */
const AGE_DAYS: Record<ProblemStatus, [number, number]> = {
  reported: [1, 3],
  dispatched: [1, 12],
  rectifying: [1, 16],
  submitted: [1, 8],
  returned: [2, 14],
  sent_back: [1, 6],
  ledger: [10, 50],
  closed: [2, 56],
};

const RETURN_REASONS = [
  "现场复查仍存在问题，整改不彻底",
  "整改照片不清晰，无法确认整改效果",
  "只做了临时处理，未建立长效机制",
];
const SEND_BACK_REASONS = [
  "该点位不在本单位责任网格内，请重新派发",
  "问题属物业管理范围，需社区协调物业处理",
  "经核实与本单位帮包点位不符，申请回退",
];
const LEDGER_REASONS = [
  "需市政部门统一改造，短期内无法完成",
  "涉及老旧小区改造工程，已列入年度计划",
];
const EXTENSION_REASONS = ["需采购物资，申请延期", "需协调物业和住户，申请延期"];

export interface Cast {
  reporter: string;
  reportNote: string;
  /** Campaign office members who dispatch, verify, close and return. */
  coordinators: readonly string[];
  /** The responsible unit and, for a re-dispatch after 回退, the unit that takes it over. */
  units: readonly { name: string; admin: string }[];
  gridName: string;
  fix: string;
}

export function rectify(
  target: ProblemStatus,
  severity: SeedProblem["severity"],
  cast: Cast,
  now: Date,
  random: Random,
): Pick<SeedProblem, "reportedAt" | "deadline" | "events"> {
  const days = DEADLINE_DAYS[severity];
  const steps: (Omit<SeedRectificationEvent, "at"> & { hours: number })[] = [];
  let hours = 0;
  let status: ProblemStatus | null = null;
  let deadline = days * 24; // until a dispatch sets it, counted from the report
  let dispatchedAt = 0;
  let dispatches = 0;
  let submits = 0;
  const coordinator = (): string => random.pick(cast.coordinators);
  const unit = () =>
    cast.units[Math.min(dispatches, cast.units.length) - 1] ?? { name: "", admin: "" };

  for (const action of plot(target, random)) {
    let actorName = coordinator();
    let note: string | undefined;
    let reason: string | undefined;
    if (action === "report") {
      actorName = cast.reporter;
      note = cast.reportNote;
    } else if (action === "dispatch") {
      hours += status === "sent_back" ? random.between(2, 24) : random.between(0.3, 5);
      dispatches++;
      dispatchedAt = hours;
      deadline = hours + days * 24;
      note = `派发至${unit().name}（${cast.gridName}），限${days}日内整改`;
    } else if (action === "start") {
      hours += status === "returned" ? random.between(0.5, 8) : random.between(0.5, 12);
      actorName = unit().admin;
      note = status === "returned" ? "按复查意见重新整改" : "已安排人员现场整改";
    } else if (action === "submit") {
      // Most units submit within the deadline; some are late, which the rankings count.
      const share = random.chance(0.15) ? random.between(1.05, 1.8) : random.between(0.25, 0.95);
      const planned =
        submits === 0 ? dispatchedAt + days * 24 * share : hours + random.between(4, 36);
      hours = Math.max(hours + 0.5, planned);
      submits++;
      actorName = unit().admin;
      note = cast.fix;
    } else if (action === "close") {
      hours += random.between(2, 30);
      note = "经复查整改到位，予以销号";
    } else if (action === "return") {
      hours += random.between(2, 24);
      reason = random.pick(RETURN_REASONS);
    } else if (action === "send_back") {
      hours += random.between(1, 20);
      actorName = unit().admin;
      reason = random.pick(SEND_BACK_REASONS);
    } else if (action === "to_ledger") {
      hours += random.between(12, 72);
      reason = random.pick(LEDGER_REASONS);
      note = "纳入挂账台账，每月跟踪复查";
    } else if (action === "request_extension") {
      hours += random.between(4, 20);
      actorName = unit().admin;
      reason = random.pick(EXTENSION_REASONS);
    } else {
      hours += random.between(1, 8);
      deadline += days * 24;
      note = `同意延期${days}天`;
    }
    const toStatus: ProblemStatus = LEADS_TO[action] ?? status ?? "reported";
    steps.push({ action, fromStatus: status, toStatus, actorName, note, reason, hours });
    status = toStatus;
  }

  const reportedAt = placeReport(target, hours, now, random);
  const at = (h: number): string =>
    new Date(roundToMinute(reportedAt + h * 3_600_000)).toISOString();
  return {
    reportedAt: at(0),
    deadline: at(deadline),
    events: steps.map(({ hours: h, note, reason, ...event }) => ({
      ...event,
      ...(note ? { note } : {}),
      ...(reason ? { reason } : {}),
      at: at(h),
    })),
  };
}

/** Epoch ms of the report: in working hours, some days ago, and early enough that the whole story is over by `now`. */
function placeReport(target: ProblemStatus, storyHours: number, now: Date, random: Random): number {
  const [minDays, maxDays] = AGE_DAYS[target];
  let reportedAt =
    now.getTime() - random.int(minDays, maxDays) * 86_400_000 + random.between(8, 18) * 3_600_000;
  while (reportedAt + storyHours * 3_600_000 > now.getTime() - 1_800_000) reportedAt -= 86_400_000;
  return reportedAt;
}

function roundToMinute(ms: number): number {
  return Math.round(ms / 60_000) * 60_000;
}
