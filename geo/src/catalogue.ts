// The one message-catalogue format of CivGrid (issue 19): every text people read has a key and a
// wording per locale, with placeholders written in single braces, `{name}`. The api's messages,
// geo's geometry and notification wordings and the web app's i18next files all use it (the web
// sets i18next's interpolation to single braces), so a wording can move between them unchanged,
// and one check (`catalogueProblems`) holds every catalogue to the same rules.

export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];

/** Wordings by key, one per locale: the shape of the api's and geo's catalogues. */
export type Catalogue = Record<string, Record<Locale, string>>;

const placeholder = /\{(\w+)\}/g;

/**
 * The template with its placeholders filled. A name without a value stays as written, or is
 * replaced by `missing` when given (a notification says "—" rather than show a brace).
 */
export function fillTemplate(
  template: string,
  values: Readonly<Record<string, string | number | null | undefined>>,
  missing?: string,
): string {
  return template.replace(placeholder, (whole, name: string) => {
    const value = values[name];
    if (value !== undefined && value !== null) return String(value);
    return missing ?? whole;
  });
}

/** The placeholder names of a template, sorted and without repeats. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(placeholder)].map((m) => m[1] as string))].sort();
}

/**
 * What is wrong with a catalogue given as one flat key → text map per locale: keys missing in a
 * locale, empty texts, placeholders that differ between locales, and the i18next double-brace
 * syntax that the one format does not use. Plural forms (`key_one`, `key_other`, …) count as
 * their base key, since Chinese has one form where English has two. Empty when all is well.
 */
export function catalogueProblems(byLocale: Readonly<Record<Locale, Record<string, string>>>) {
  const problems: string[] = [];
  const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, "");
  const grouped = {} as Record<Locale, Map<string, Set<string>>>;
  for (const locale of locales) {
    const keys = new Map<string, Set<string>>();
    for (const [key, text] of Object.entries(byLocale[locale])) {
      if (text.trim() === "") problems.push(`${locale} ${key}: empty`);
      if (/\{\{|\}\}/.test(text)) problems.push(`${locale} ${key}: double braces`);
      const names = keys.get(base(key)) ?? new Set<string>();
      for (const name of placeholdersOf(text)) names.add(name);
      keys.set(base(key), names);
    }
    grouped[locale] = keys;
  }
  const [first, ...others] = locales;
  for (const other of others) {
    for (const [key, names] of grouped[first]) {
      const theirs = grouped[other].get(key);
      if (!theirs) problems.push(`${other} ${key}: missing`);
      else if ([...names].sort().join() !== [...theirs].sort().join())
        problems.push(`${key}: placeholders ${[...names]} in ${first}, ${[...theirs]} in ${other}`);
    }
    for (const key of grouped[other].keys())
      if (!grouped[first].has(key)) problems.push(`${first} ${key}: missing`);
  }
  return problems;
}

/** A catalogue keyed by message (the api's and geo's shape) as one flat map per locale. */
export function byLocale(catalogue: Catalogue): Record<Locale, Record<string, string>> {
  const out = { "zh-CN": {}, en: {} } as Record<Locale, Record<string, string>>;
  for (const [key, wordings] of Object.entries(catalogue))
    for (const locale of locales) out[locale][key] = wordings[locale];
  return out;
}

/** Nested i18next resources (`{ a: { b: "…" } }`) as one flat map, keys joined by dots. */
export function flattenResources(tree: unknown, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof tree === "string") {
    out[prefix] = tree;
    return out;
  }
  if (tree && typeof tree === "object")
    for (const [key, value] of Object.entries(tree))
      Object.assign(out, flattenResources(value, prefix ? `${prefix}.${key}` : key));
  return out;
}
