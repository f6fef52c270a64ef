// Text the database cannot store (NUL, unpaired UTF-16 surrogates) and JSON nested past any sense
// are refused here, before a route sees them: one 400 naming each field, for every JSON body and
// every query parameter of every route.
import type { MiddlewareHandler } from "hono";
import { AppError, invalidFields, type Message } from "../errors.ts";

/** The deepest JSON a request may nest (a MultiPolygon needs 4; anything past this is not meant). */
export const MAX_JSON_DEPTH = 64;

const NUL = /\0/;
// With the u flag a well-formed pair is one code point, so \p{Cs} matches only a lone surrogate.
const LONE_SURROGATE = /\p{Cs}/u;

/** Why a piece of text cannot be stored, or null. */
function textFault(text: string): Message | null {
  if (NUL.test(text)) return { key: "field.nul_character" };
  if (LONE_SURROGATE.test(text)) return { key: "field.lone_surrogate" };
  return null;
}

/**
 * How deeply the JSON text nests, counted without parsing (so a hostile body costs one pass and no
 * stack): brackets inside strings do not count. Stops counting once past `max`.
 */
export function jsonDepth(text: string, max = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
      continue;
    }
    if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > max) return deepest;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return deepest;
}

/** Every string (keys too) in a parsed JSON value that cannot be stored, by its dotted path. */
function jsonFaults(value: unknown): Record<string, Message> {
  const faults: Record<string, Message> = {};
  // An explicit stack: the depth is bounded already, but recursion is not needed either.
  const stack: [unknown, string][] = [[value, ""]];
  while (stack.length) {
    const [node, path] = stack.pop() as [unknown, string];
    const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
    if (typeof node === "string") {
      const fault = textFault(node);
      if (fault) faults[path || "body"] ??= fault;
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => {
        stack.push([item, at(i)]);
      });
    } else if (node && typeof node === "object") {
      for (const [key, item] of Object.entries(node)) {
        const fault = textFault(key);
        if (fault) faults[at(key)] ??= fault;
        stack.push([item, at(key)]);
      }
    }
  }
  return faults;
}

const parsedBodies = new WeakMap<Request, unknown>();

/** The JSON body this request carried, as parsed by the guard (for naming a field in an error). */
export function parsedBodyOf(request: Request): unknown {
  return parsedBodies.get(request);
}

const isJson = (contentType: string | undefined) =>
  !!contentType && /^application\/([\w.-]+\+)?json\b/i.test(contentType);

export const guardInput: MiddlewareHandler = async (c, next) => {
  const fields: Record<string, Message> = {};
  for (const [key, value] of new URL(c.req.url).searchParams) {
    const fault = textFault(key) ?? textFault(value);
    if (fault) fields[key] ??= fault;
  }
  if (c.req.method !== "GET" && c.req.method !== "HEAD" && isJson(c.req.header("content-type"))) {
    // Hono keeps the text, so the route's own validator reads the same body again.
    const text = await c.req.text();
    if (text.trim()) {
      if (jsonDepth(text) > MAX_JSON_DEPTH) {
        throw new AppError(400, "json_too_deep", {
          key: "error.json_too_deep",
          params: { max: MAX_JSON_DEPTH },
        });
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new AppError(400, "bad_request", { key: "error.bad_body" });
      }
      parsedBodies.set(c.req.raw, body);
      Object.assign(fields, jsonFaults(body));
    }
  }
  if (Object.keys(fields).length) {
    throw invalidFields(fields);
  }
  await next();
};
