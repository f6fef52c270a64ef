// What an audit entry changed: for a record saved before and after, only the fields that differ.

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The before and after values cut down to the fields whose values differ, so a change of one
 * flag is not lost among a dozen unchanged fields. Anything that is not two records (a creation
 * has no before) is returned whole.
 * e.g. ({a: 1, b: 2}, {a: 1, b: 3}) → {before: {b: 2}, after: {b: 3}, trimmed: true}
 */
export function auditChanges(before: unknown, after: unknown) {
  if (!isFields(before) || !isFields(after)) return { before, after, trimmed: false };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  const pick = (record: Fields) => Object.fromEntries(keys.map((key) => [key, record[key]]));
  return { before: pick(before), after: pick(after), trimmed: true };
}
