// GeoReport v2 answers in either of its two formats: JSON as the spec shows it, or the spec's XML
// (a root element per answer, one child element per list entry, named as the spec names them).
// The XML is built with @xmldom/xmldom's DOM and serializer, so escaping is the library's.
import { DOMImplementation, type Document, type Element, XMLSerializer } from "@xmldom/xmldom";

export const formats = ["json", "xml"] as const;
export type Format = (typeof formats)[number];

/** The format a path asks for by its extension ("requests.xml" → xml); null without one. */
export function formatOf(path: string): Format | null {
  const ext = /\.(json|xml)$/.exec(path)?.[1];
  return ext === "json" || ext === "xml" ? ext : null;
}

/** What each list's entries are called in the spec's XML. */
const entryNames: Record<string, string> = {
  services: "service",
  service_requests: "request",
  attributes: "attribute",
  values: "value",
  errors: "error",
  endpoints: "endpoint",
  formats: "format",
};

type Value = string | number | boolean | null | undefined | Value[] | { [key: string]: Value };

function append(doc: Document, parent: Element, name: string, value: Value) {
  const element = doc.createElement(name);
  parent.appendChild(element);
  fill(doc, element, name, value);
}

function fill(doc: Document, element: Element, name: string, value: Value) {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    const entry = entryNames[name] ?? name.replace(/s$/, "");
    for (const v of value) append(doc, element, entry, v);
  } else if (typeof value === "object") {
    for (const [k, v] of Object.entries(value)) append(doc, element, k, v);
  } else {
    element.appendChild(doc.createTextNode(String(value)));
  }
}

/** The spec's XML for `value` under the root element `root`. */
export function toXml(root: string, value: Value): string {
  const doc = new DOMImplementation().createDocument(null, root, null);
  fill(doc, doc.documentElement as Element, root, value);
  return `<?xml version="1.0" encoding="utf-8"?>\n${new XMLSerializer().serializeToString(doc)}`;
}

export const mediaTypes: Record<Format, string> = {
  json: "application/json; charset=utf-8",
  xml: "text/xml; charset=utf-8",
};
