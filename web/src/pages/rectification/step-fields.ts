// What each step's form asks for, mirroring what the API requires of it (rules.ts `needs`).
import type { StepAction } from "../../api/problems.ts";

/** Why a coordinator returns a rectification (返工). */
export const returnReasons = [
  "not_fixed",
  "partly_fixed",
  "photo_unclear",
  "wrong_place",
  "other",
] as const;
/** Why a unit sends a problem back (回退) for dispatching again. */
export const sendBackReasons = ["not_our_grid", "not_our_duty", "duplicate", "other"] as const;

export interface StepFields {
  /** A note is always offered; some steps cannot go without one. */
  noteRequired?: boolean;
  reasons?: readonly string[];
  afterPhotos?: boolean;
  days?: boolean;
  reviewOn?: boolean;
}

export const stepFields: Record<StepAction, StepFields> = {
  dispatch: {},
  start: {},
  submit: { noteRequired: true, afterPhotos: true },
  close: {},
  return: { reasons: returnReasons },
  send_back: { reasons: sendBackReasons },
  request_extension: { noteRequired: true, days: true },
  grant_extension: {},
  refuse_extension: {},
  to_ledger: { noteRequired: true, reviewOn: true },
  reopen: {},
};

/** The first day a ledger review may be set to: tomorrow, as YYYY-MM-DD in the city's zone. */
export function tomorrow(now = new Date()): string {
  const chinaNow = new Date(now.getTime() + 8 * 3_600_000);
  chinaNow.setUTCDate(chinaNow.getUTCDate() + 1);
  return chinaNow.toISOString().slice(0, 10);
}
