// Typed errors, and the one JSON shape every error takes: {error: {code, message, fields?}}.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import { fieldLabel, zodIssueMessage } from "./field-messages.ts";
import { isMessageKey, type Lang, languageOf, type MessageKey, translate } from "./messages.ts";

// zod's own wording ("Invalid input: expected string, received undefined") is English with type
// names; every schema without a message of its own says instead what is wrong in our words, a key
// that errorBody renders in the caller's language (see field-messages.ts).
z.config({ customError: zodIssueMessage });

/** A message to translate once the caller's language is known. */
export interface Message {
  key: MessageKey;
  /** A value may itself be a message (or a message key), rendered in the same language. */
  params?: Record<string, string | number | Message>;
}

export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly detail: Message,
    readonly fields?: Record<string, Message>,
    /** More to say in the error body, e.g. the geometry problems found or the current version. */
    readonly details?: (lang: Lang) => Record<string, unknown>,
  ) {
    super(`${code}: ${detail.key}`);
  }
}

export function notFound(
  entity:
    | "grid"
    | "community"
    | "unit"
    | "point"
    | "problem"
    | "user"
    | "inspection"
    | "standard"
    | "patrol"
    | "dedication_day"
    | "activity"
    | "restructuring",

  id: number,
) {
  return new AppError(404, "not_found", {
    key: "error.not_found",
    params: { entity: `entity.${entity}`, id },
  });
}

/**
 * Turns zod's issues into one message per field. Our schemas name their message key in the
 * issue message (e.g. "field.bbox"); anything else falls back to a generic "not valid".
 */
/** A 400 naming each bad field with its message. */
export function invalidFields(fields: Record<string, Message>): AppError {
  return new AppError(400, "invalid_request", { key: "error.validation" }, fields);
}

export function validationError(error: z.ZodError): AppError {
  const fields: Record<string, Message> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields[key] ??= { key: "field.unknown" };
      continue;
    }
    const field = issue.path.join(".") || "body";
    fields[field] ??= issueMessage(issue.message);
  }
  return invalidFields(fields);
}

/** Encodes a message key with its parameters into a zod issue message. */
export function fieldMessage(key: MessageKey, params?: Record<string, string | number>): string {
  return params ? `${key}|${JSON.stringify(params)}` : key;
}

/** The message a zod issue carries (see fieldMessage); zod's own wording becomes "not valid". */
export function issueMessage(message: string | undefined): Message {
  const [key = "", json] = (message ?? "").split("|", 2);
  if (!isMessageKey(key)) return { key: "field.invalid" };
  return json ? { key, params: JSON.parse(json) as Record<string, string | number> } : { key };
}

function render(message: Message, lang: Lang): string {
  const params = Object.fromEntries(
    Object.entries(message.params ?? {}).map(([k, v]) => {
      if (typeof v === "object") return [k, render(v, lang)];
      return [k, typeof v === "string" && isMessageKey(v) ? translate(v, lang) : v];
    }),
  );
  return translate(message.key, lang, params);
}

/** "描述：必填；手机号：…" — each field by its name in the reader's language, then what is wrong. */
function fieldList(fields: Record<string, string>, lang: Lang): string {
  const [colon, separator] = lang === "zh-CN" ? ["：", "；"] : [": ", "; "];
  return Object.entries(fields)
    .map(([field, message]) => `${fieldLabel(field, lang)}${colon}${message}`)
    .join(separator);
}

export function errorBody(error: AppError, lang: Lang) {
  const fields = error.fields
    ? Object.fromEntries(Object.entries(error.fields).map(([f, m]) => [f, render(m, lang)]))
    : undefined;
  // The one sentence a page shows where no input stands beside a field names them all.
  const detail =
    error.detail.key === "error.validation"
      ? {
          key: error.detail.key,
          params: { fields: fieldList(fields ?? {}, lang) || "field.invalid" },
        }
      : error.detail;
  return {
    error: {
      code: error.code,
      message: render(detail, lang),
      ...(fields && { fields }),
      ...error.details?.(lang),
    },
  };
}

export function respondWithError(c: Context, error: AppError) {
  return c.json(errorBody(error, languageOf(c.req.header("accept-language"))), error.status);
}
