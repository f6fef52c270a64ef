// A GeoReport request's `attribute[code]` fields, checked against the service's definition:
// known codes only, list values among the defined keys, required ones present.
import type { MessageKey } from "../messages.ts";
import type { ServiceAttribute } from "./services.ts";

type Issue = { key: MessageKey; params: Record<string, string | number> };
export type ParsedAttributes =
  | { ok: true; values: Record<string, string | string[]> }
  | { ok: false; issues: Issue[] };

/** Form fields `attribute[code]` (or `attribute[code][]`, repeated), or a JSON `attribute` object. */
function given(fields: Record<string, unknown>): Map<string, string[]> {
  const values = new Map<string, string[]>();
  const add = (code: string, value: unknown) => {
    const list = (Array.isArray(value) ? value : [value]).map(String).filter((v) => v !== "");
    if (list.length) values.set(code, [...(values.get(code) ?? []), ...list]);
  };
  for (const [name, value] of Object.entries(fields)) {
    const code = /^attribute\[([^\]]+)\](?:\[\])?$/.exec(name)?.[1];
    if (code) add(code, value);
  }
  const nested = fields.attribute;
  if (nested && typeof nested === "object" && !Array.isArray(nested)) {
    for (const [code, value] of Object.entries(nested)) add(code, value);
  }
  return values;
}

export function parseAttributes(
  fields: Record<string, unknown>,
  serviceCode: string,
  definitions: ServiceAttribute[],
): ParsedAttributes {
  const values = given(fields);
  const issues: Issue[] = [];
  const parsed: Record<string, string | string[]> = {};
  for (const code of values.keys()) {
    if (!definitions.some((d) => d.code === code)) {
      issues.push({ key: "open311.attribute_unknown", params: { service: serviceCode, code } });
    }
  }
  for (const d of definitions) {
    const list = values.get(d.code);
    if (!list) {
      if (d.required) issues.push({ key: "open311.attribute_required", params: { code: d.code } });
      continue;
    }
    const keys = d.values.map((v) => v.key);
    const single = d.datatype === "singlevaluelist";
    if ((single && list.length > 1) || list.some((v) => !keys.includes(v))) {
      issues.push({
        key: "open311.attribute_value",
        params: { code: d.code, values: keys.join(", ") },
      });
      continue;
    }
    parsed[d.code] = single ? (list[0] as string) : list;
  }
  return issues.length ? { ok: false, issues } : { ok: true, values: parsed };
}
