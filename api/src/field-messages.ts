// What a bad field is called and what is wrong with it, in the reader's language: zod's issues
// turned into our message keys (one place, installed by errors.ts), and the fields' names.
import type { z } from "zod";
import { isMessageKey, type Lang, type MessageKey, translate } from "./messages.ts";

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

const encode = (key: MessageKey, params?: Record<string, string | number>) =>
  params ? `${key}|${JSON.stringify(params)}` : key;

const typeKeys: Record<string, MessageKey> = {
  number: "field.number",
  int: "field.number",
  string: "field.string",
  boolean: "field.boolean",
  array: "field.list",
  object: "field.object",
  date: "field.date",
};

const formatKeys: Record<string, MessageKey> = {
  date: "field.date",
  datetime: "field.datetime",
  email: "field.email",
  url: "field.url",
};

/**
 * A zod issue as an encoded message key (see errors.ts's fieldMessage), for the schemas that do
 * not name one themselves. zod's own locales were not enough: their Chinese keeps English type
 * names ("期望 string") and cannot tell a missing field from a wrong one once the input is gone.
 */
export function zodIssueMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null) return encode("field.required");
      return encode(typeKeys[issue.expected] ?? "field.invalid");
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string")
        return min <= 1 ? encode("field.required") : encode("field.min_length", { min });
      if (issue.origin === "array" || issue.origin === "set")
        return encode("field.min_items", { min });
      return encode(issue.inclusive ? "field.min" : "field.above", { min });
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return encode("field.max_length", { max });
      if (issue.origin === "array" || issue.origin === "set")
        return encode("field.max_items", { max });
      return encode(issue.inclusive ? "field.max" : "field.below", { max });
    }
    case "invalid_value":
      return encode("field.one_of", { values: issue.values.map(String).join("、") });
    case "invalid_format":
      return encode(formatKeys[issue.format] ?? "field.invalid");
    default:
      return encode("field.invalid");
  }
}

/** "properties.description" → "description", "photoIds.0" → "photoIds": the field a person typed. */
function fieldName(path: string): string {
  const parts = path.split(".").filter((part) => !/^\d+$/.test(part));
  return parts.at(-1) ?? path;
}

/** A field's name for people: our label where there is one, else its name spelt out. */
export function fieldLabel(path: string, lang: Lang): string {
  const name = fieldName(path);
  const key = `label.${name}`;
  if (isMessageKey(key)) return translate(key, lang);
  // A field without a label yet: its words (unitId → "unit id") rather than a code in camelCase.
  return name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replaceAll("_", " ")
    .toLowerCase();
}
