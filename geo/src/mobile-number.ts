// Whether a text is a mainland China mobile number: 11 digits, 1 then 3–9 (the numbering plan's
// mobile prefixes 13x–19x). Citizens give one with a report so staff can call them back.

/** The pattern, for zod schemas and HTML inputs alike. */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** True for a mainland mobile number such as 13812345678 (no spaces, no +86). */
export function isMainlandMobile(text: string): boolean {
  return MAINLAND_MOBILE.test(text);
}

/**
 * A phone number as it is shown to those who may not call it (PIPL): the first three and last
 * four digits kept, the rest starred — the rule api/src/policy/mobile-scope.ts applies in SQL.
 * Example: 13812345678 → 138****5678; a number of fewer than 8 characters is starred whole.
 */
export function maskMobile(phone: string): string {
  if (phone.length < 8) return "*".repeat(phone.length);
  return `${phone.slice(0, 3)}${"*".repeat(phone.length - 7)}${phone.slice(-4)}`;
}
