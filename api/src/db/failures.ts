// What a failed statement means for the caller: every SQLSTATE class (and every lost connection)
// mapped to one AppError here, so no database error reaches a user as a 500.
import { AppError, invalidFields, type Message } from "../errors.ts";

/** Seconds a client should wait before trying again while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

/** The database's own report of a failure, from either driver (drizzle wraps it as `cause`). */
export interface DatabaseFailure {
  /** SQLSTATE, or a driver's connection code (ECONNREFUSED, CONNECTION_CLOSED …). */
  code: string;
  message: string;
  detail?: string | undefined;
  column?: string | undefined;
}

/** The first error in the cause chain that carries a database or connection code. */
export function databaseFailureOf(error: unknown): DatabaseFailure | null {
  for (let e = error as Record<string, unknown> | undefined, n = 0; e && n < 8; n++) {
    if (typeof e.code === "string" && typeof e.message === "string") {
      return {
        code: e.code,
        message: e.message,
        detail: typeof e.detail === "string" ? e.detail : undefined,
        // postgres-js calls it column_name, PGlite column.
        column: (e.column_name ?? e.column) as string | undefined,
      };
    }
    e = e.cause as Record<string, unknown> | undefined;
  }
  return null;
}

/** postgres-js and Node name a lost or refused connection by these codes (no SQLSTATE). */
const connectionCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);

/**
 * The database is away (not the request's fault): a lost or refused connection, class 08
 * (connection exception), 57P01–57P03 (shut down, crashed, starting up) or 53300 (too many
 * connections).
 */
export function isUnavailable(failure: DatabaseFailure | null): boolean {
  if (!failure) return false;
  const { code } = failure;
  return (
    connectionCodes.has(code) ||
    code.startsWith("08") ||
    ["57P01", "57P02", "57P03", "53300"].includes(code)
  );
}

/** A serialization failure or a deadlock: the transaction may simply be run again. */
export const isRetryable = (failure: DatabaseFailure | null) =>
  failure?.code === "40001" || failure?.code === "40P01";

/** The transaction's COMMIT was sent and the connection was lost before its answer. */
export class CommitOutcomeUnknown extends Error {
  constructor(cause: unknown) {
    super("the connection was lost while committing", { cause });
  }
}

export function unavailableError(): AppError {
  return new AppError(503, "database_unavailable", {
    key: "error.database_unavailable",
    params: { seconds: RETRY_AFTER_SECONDS },
  });
}

const camel = (column: string) => column.replace(/_(\w)/g, (_, ch: string) => ch.toUpperCase());

/**
 * Where in the request body a value sits: the dotted path of the first property named `name`
 * (or, without a name, of the first string equal to `value`). The body is the one the input guard
 * parsed; null when nothing matches.
 */
function pathIn(body: unknown, name: string | null, value: string | null): string | null {
  const stack: [unknown, string][] = [[body, ""]];
  while (stack.length) {
    const [node, path] = stack.pop() as [unknown, string];
    if (node === null || typeof node !== "object") {
      if (!name && value !== null && String(node) === value) return path;
      continue;
    }
    for (const [key, item] of Object.entries(node)) {
      const at = path ? `${path}.${key}` : key;
      if (name && key === name && (value === null || String(item) === value)) return at;
      stack.push([item, at]);
    }
  }
  return null;
}

/** The field a failure names: from its column, or from the quoted value its message repeats. */
/**
 * The column and value a key violation names, without the city every key leads with (issue 24):
 * 'Key (city_id, item_id)=(1, 42) is not present in table "standard_items".' → item_id, 42.
 */
function keyOf(failure: DatabaseFailure): { column: string; value: string } | null {
  const key = failure.detail?.match(/Key \(([^)]+)\)=\((.*)\)/);
  if (!key) return null;
  const [columns, values] = [key[1]!.split(", "), key[2]!.split(", ")];
  if (columns.length > 1 && columns[0] === "city_id" && values.length === columns.length) {
    return { column: columns.slice(1).join(", "), value: values.slice(1).join(", ") };
  }
  return { column: key[1]!, value: key[2]! };
}

function fieldOf(failure: DatabaseFailure, body: unknown): string {
  const key = keyOf(failure);
  const column = key?.column ?? failure.column;
  if (column) return pathIn(body, camel(column), key?.value ?? null) ?? camel(column);
  const quoted =
    failure.message.match(/"([^"]*)"\s*$/)?.[1] ?? failure.message.match(/: "(.*)"/)?.[1];
  return (quoted !== undefined && pathIn(body, null, quoted)) || "body";
}

/** PostGIS reports geometry it cannot handle as an internal error (XX000) in its own words. */
const postgisWords =
  /geometr|geograph|lwgeom|GEOS|polygon|ring|antipodal|coordinate|latitude|longitude/i;

/**
 * The one mapping from a database failure to what the caller is told; null when the error is not
 * the database's (a bug, which stays a 500).
 */
export function appErrorOf(error: unknown, body: unknown): AppError | null {
  if (error instanceof CommitOutcomeUnknown) {
    return new AppError(503, "commit_outcome_unknown", { key: "error.commit_outcome_unknown" });
  }
  const failure = databaseFailureOf(error);
  if (!failure) return null;
  if (isUnavailable(failure)) return unavailableError();
  const { code } = failure;
  const field = (key: Message["key"], params: Record<string, string> = {}) =>
    invalidFields({
      [fieldOf(failure, body)]: { key, params },
    });
  if (code === "23503")
    return field("field.reference_missing", { value: keyOf(failure)?.value ?? "" });
  if (code === "23505") {
    return new AppError(409, "already_exists", { key: "error.already_exists" });
  }
  if (code === "23502" || code === "23514" || code === "23P01") return field("field.invalid");
  if (isRetryable(failure)) {
    return new AppError(409, "concurrent_change", { key: "error.concurrent_change" });
  }
  if (code === "57014") {
    return new AppError(503, "statement_timeout", { key: "error.statement_timeout" });
  }
  if (code === "54001") {
    return new AppError(400, "too_complex", { key: "error.too_complex" });
  }
  if (code.startsWith("22")) {
    if (code === "22021" || code === "22P05") return field("field.nul_character");
    if (code === "22007" || code === "22008") return field("field.date_impossible");
    return field("field.invalid");
  }
  if (code === "XX000" && postgisWords.test(failure.message)) {
    return new AppError(400, "geometry_refused", { key: "error.geometry_refused" });
  }
  return null;
}
