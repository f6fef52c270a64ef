// What each step's form asks for: read from the rule table in geo/ (`needs` and `offers`), the
// same one the API checks, so the form never asks less than the API requires.
import { addDays, returnReasons, sendBackReasons, stepRules, todayInChina } from "@civgrid/geo";
import type { StepAction } from "../../api/problems.ts";

export interface StepFields {
  /** A note is always offered; some steps cannot go without one. */
  noteRequired?: boolean;
  reasons?: readonly string[];
  afterPhotos?: boolean;
  days?: boolean;
  reviewOn?: boolean;
  /** Dispatch: which unit (default: the routed one). */
  unit?: boolean;
  /** Dispatch, return, reopen: by which day (default: the severity's working days). */
  deadline?: boolean;
  /** Mark duplicate: of which problem. */
  duplicateOf?: boolean;
}

export function stepFields(action: StepAction): StepFields {
  const { needs = [], offers = [] } = stepRules[action];
  const fields: StepFields = {};
  if (needs.includes("note")) fields.noteRequired = true;
  if (needs.includes("returnReason")) fields.reasons = returnReasons;
  if (needs.includes("sendBackReason")) fields.reasons = sendBackReasons;
  if (needs.includes("afterPhotos")) fields.afterPhotos = true;
  if (needs.includes("days")) fields.days = true;
  if (needs.includes("reviewOn")) fields.reviewOn = true;
  if (needs.includes("duplicateOf")) fields.duplicateOf = true;
  if (offers.includes("unit")) fields.unit = true;
  if (offers.includes("deadline")) fields.deadline = true;
  return fields;
}

/** The first day a ledger review may be set to: tomorrow, as YYYY-MM-DD in China. */
export function tomorrow(now = new Date()): string {
  return addDays(todayInChina(now), 1);
}
