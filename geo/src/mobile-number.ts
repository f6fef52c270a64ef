// Whether a text is a mainland China mobile number: 11 digits, 1 then 3–9 (the numbering plan's
// mobile prefixes 13x–19x). Citizens give one with a report so staff can call them back.

/** The pattern, for zod schemas and HTML inputs alike. */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** True for a mainland mobile number such as 13812345678 (no spaces, no +86). */
export function isMainlandMobile(text: string): boolean {
  return MAINLAND_MOBILE.test(text);
}
