// The deadline a step sets (派发, 返工, 重新派发): the date the coordinator chose, or by default
// the severity's working days from today; either way the end of a working day, China time, not in
// the past and not after the campaign. The working-day rule is geo/'s, shared with the web.
import {
  addWorkingDays,
  dateInChina,
  daysToRectify,
  endOfDayInChina,
  isWorkingDay,
  type Severity,
  todayInChina,
} from "@civgrid/geo";
import type { Executor } from "../db/client.ts";
import type { Message } from "../errors.ts";
import { currentCampaign } from "../tasks/campaigns.ts";

export type DeadlineChoice = { deadline: Date } | { problem: Message };

/** The last day of the campaign running today (or the newest), and its name; null without one. */
async function campaignEnd(ex: Executor, cityId: number) {
  const campaign = await currentCampaign(ex, cityId);
  const end = campaign?.phases
    .map((p) => p.endsOn)
    .sort()
    .at(-1);
  return campaign && end ? { name: campaign.name, end } : null;
}

/** `chosen` (YYYY-MM-DD, already a calendar date) checked, or the default for the severity. */
export async function deadlineFor(
  ex: Executor,
  cityId: number,
  severity: Severity,
  chosen: string | undefined,
  now = new Date(),
): Promise<DeadlineChoice> {
  const today = todayInChina(now);
  const date = chosen ?? addWorkingDays(today, daysToRectify[severity]).date;
  if (date < today) return { problem: { key: "problem.deadline_past", params: { today } } };
  if (!isWorkingDay(date)) {
    const next = addWorkingDays(date, 1).date;
    return { problem: { key: "problem.deadline_not_working_day", params: { date, next } } };
  }
  const campaign = await campaignEnd(ex, cityId);
  if (campaign && date > campaign.end) {
    return {
      problem: {
        key: "problem.deadline_after_campaign",
        params: { campaign: campaign.name, end: campaign.end },
      },
    };
  }
  return { deadline: endOfDayInChina(date) };
}

/** An extension of `days` working days, counted from the deadline, or from today once it passed. */
export function extendedDeadline(deadline: string | null, days: number, now = new Date()): Date {
  const today = todayInChina(now);
  const due = deadline ? dateInChina(new Date(deadline)) : null;
  const start = due !== null && due > today ? due : today;
  return endOfDayInChina(addWorkingDays(start, days).date);
}
