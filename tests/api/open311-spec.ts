// GeoReport v2's field lists (wiki.open311.org/GeoReport_v2), and a reader for its XML answers:
// the Open311 tests hold every endpoint's JSON and XML against these.
import { DOMParser, type Element } from "@xmldom/xmldom";

export const spec = {
  service: ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"],
  serviceDefinition: ["service_code", "attributes"],
  attribute: [
    "variable",
    "code",
    "datatype",
    "required",
    "datatype_description",
    "order",
    "description",
    "values",
  ],
  value: ["key", "name"],
  request: [
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
  ],
  filed: ["service_notice", "account_id"],
  token: ["service_request_id", "token"],
  discovery: ["changeset", "contact", "key_service", "endpoints"],
  endpoint: ["specification", "url", "changeset", "type", "formats"],
  error: ["code", "description"],
} as const;

const children = (e: Element) =>
  Array.from(e.childNodes).filter((n): n is Element => n.nodeType === 1);

/** The root element of an XML answer, checked by name. */
export function xmlRoot(text: string, name: string): Element {
  const root = new DOMParser().parseFromString(text, "text/xml").documentElement;
  if (!root || root.nodeName !== name)
    throw new Error(`expected <${name}>, got ${text.slice(0, 200)}`);
  return root;
}

/** The entries of a list element (<services><service>…), each as {child name: text}. */
export function xmlEntries(list: Element, entry: string): Record<string, string>[] {
  return children(list).map((e) => {
    if (e.nodeName !== entry) throw new Error(`expected <${entry}>, got <${e.nodeName}>`);
    return Object.fromEntries(children(e).map((c) => [c.nodeName, c.textContent ?? ""]));
  });
}

/** The one child element of `parent` named `name`. */
export function xmlChild(parent: Element, name: string): Element {
  const found = children(parent).filter((c) => c.nodeName === name);
  if (found.length !== 1) throw new Error(`expected one <${name}> in <${parent.nodeName}>`);
  return found[0] as Element;
}
