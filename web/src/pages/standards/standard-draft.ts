// A draft standard being edited: texts as typed, categories and items in order, each with a key
// that survives reordering (so React rows and the API's field errors stay with the right input).
import type { StandardDetail, StandardInput } from "../../api/standards.ts";

export interface ItemDraft {
  key: number;
  title: string;
  checklist: string;
  /** As typed, e.g. "2.5". */
  points: string;
  evidence: string;
}

export interface CategoryDraft {
  key: number;
  name: string;
  /** 查重半径 in metres, as typed. */
  radius: string;
  items: ItemDraft[];
}

export interface StandardDraft {
  name: string;
  year: string;
  scope: string;
  categories: CategoryDraft[];
  /** The key the next new category or item gets. */
  nextKey: number;
}

/** The API's limits: more categories, or items in one category, are refused. */
export const maxCategories = 50;
export const maxItemsPerCategory = 50;

/** A new category's radius: the API's default. */
const defaultRadius = "50";

export function draftOf(standard: StandardDetail): StandardDraft {
  let key = 0;
  const categories = standard.categories.map((category) => ({
    key: key++,
    name: category.name,
    radius: String(category.duplicateRadiusM),
    items: category.items.map((item) => ({
      key: key++,
      title: item.title,
      checklist: item.checklist,
      points: String(item.points),
      evidence: item.evidence,
    })),
  }));
  return {
    name: standard.name,
    year: String(standard.year),
    scope: standard.scope,
    categories,
    nextKey: key,
  };
}

/** A number as typed; blank or not a number is sent as null, and the API names the problem. */
const numberOf = (text: string) => {
  const value = text.trim() === "" ? Number.NaN : Number(text);
  return Number.isFinite(value) ? value : null;
};

/** The PUT body. Numbers the API will refuse go as null rather than as a guess. */
export function draftInput(draft: StandardDraft): StandardInput {
  return {
    name: draft.name.trim(),
    year: numberOf(draft.year) as number,
    scope: draft.scope.trim(),
    categories: draft.categories.map((category) => ({
      name: category.name.trim(),
      duplicateRadiusM: numberOf(category.radius) as number,
      items: category.items.map((item) => ({
        title: item.title.trim(),
        checklist: item.checklist.trim(),
        points: numberOf(item.points) as number,
        evidence: item.evidence.trim(),
      })),
    })),
  };
}

/** Whether two drafts would save the same standard. */
export const sameInput = (a: StandardDraft, b: StandardDraft) =>
  JSON.stringify(draftInput(a)) === JSON.stringify(draftInput(b));

/** The code an item will be saved with, e.g. the 2nd item of the 3rd category → "3.2". */
export const itemCode = (categoryIndex: number, itemIndex: number) =>
  `${categoryIndex + 1}.${itemIndex + 1}`;

/** The points of a category's items; ones not (yet) a number count as 0. */
export const categoryPoints = (category: CategoryDraft) =>
  category.items.reduce((sum, item) => sum + (numberOf(item.points) ?? 0), 0);

/** Rounded to cents, as the database keeps them: 0.1 + 0.2 shows as 0.3. */
export const draftPoints = (draft: StandardDraft) =>
  Math.round(draft.categories.reduce((sum, c) => sum + categoryPoints(c), 0) * 100) / 100;

/** Moves the entry at `index` one place up (-1) or down (1); the ends stay put. */
function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || to < 0 || to >= list.length) return [...list];
  const copy = [...list];
  [copy[index], copy[to]] = [copy[to] as T, copy[index] as T];
  return copy;
}

const emptyItem = (key: number): ItemDraft => ({
  key,
  title: "",
  checklist: "",
  points: "",
  evidence: "",
});

export function addCategory(draft: StandardDraft): StandardDraft {
  const category = {
    key: draft.nextKey,
    name: "",
    radius: defaultRadius,
    items: [emptyItem(draft.nextKey + 1)],
  };
  return { ...draft, categories: [...draft.categories, category], nextKey: draft.nextKey + 2 };
}

export const removeCategory = (draft: StandardDraft, key: number): StandardDraft => ({
  ...draft,
  categories: draft.categories.filter((c) => c.key !== key),
});

export const moveCategory = (draft: StandardDraft, key: number, by: -1 | 1): StandardDraft => ({
  ...draft,
  categories: moved(
    draft.categories,
    draft.categories.findIndex((c) => c.key === key),
    by,
  ),
});

/** Changes one category: its name or radius, or (through `items`) its list of items. */
export function changeCategory(
  draft: StandardDraft,
  key: number,
  change: (category: CategoryDraft) => CategoryDraft,
): StandardDraft {
  return {
    ...draft,
    categories: draft.categories.map((c) => (c.key === key ? change(c) : c)),
  };
}

export const addItem = (draft: StandardDraft, categoryKey: number): StandardDraft => ({
  ...changeCategory(draft, categoryKey, (c) => ({
    ...c,
    items: [...c.items, emptyItem(draft.nextKey)],
  })),
  nextKey: draft.nextKey + 1,
});

export const removeItem = (category: CategoryDraft, key: number): CategoryDraft => ({
  ...category,
  items: category.items.filter((i) => i.key !== key),
});

export const moveItem = (category: CategoryDraft, key: number, by: -1 | 1): CategoryDraft => ({
  ...category,
  items: moved(
    category.items,
    category.items.findIndex((i) => i.key === key),
    by,
  ),
});

export const changeItem = (
  category: CategoryDraft,
  key: number,
  change: Partial<ItemDraft>,
): CategoryDraft => ({
  ...category,
  items: category.items.map((i) => (i.key === key ? { ...i, ...change } : i)),
});

/** Where an error is shown: a standard's field ("name"), or a category's or an item's field. */
export const categoryField = (key: number, field: string) => `category ${key} ${field}`;
export const itemField = (key: number, field: string) => `item ${key} ${field}`;

/**
 * The API's field errors ("categories.2.items.0.points") keyed by the input they belong to in the
 * draft that was sent, so they stay with it when rows move afterwards. Paths that name no input
 * (e.g. "categories": too many) keep their own key.
 */
export function placeErrors(
  sent: StandardDraft,
  fields: Record<string, string>,
): Record<string, string> {
  const placed: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const [, c, , i, field] = /^categories\.(\d+)(\.items(?:\.(\d+))?)?\.?(\w*)$/.exec(path) ?? [];
    const category = c === undefined ? undefined : sent.categories[Number(c)];
    const item = i === undefined ? undefined : category?.items[Number(i)];
    let key = path;
    if (item) key = itemField(item.key, field || "title");
    else if (category && path.includes(".items")) key = categoryField(category.key, "items");
    else if (category) key = categoryField(category.key, field || "name");
    placed[key] ??= message;
  }
  return placed;
}

/** An item's texts, in the order of the columns. */
export const itemTexts = ["title", "checklist", "points", "evidence"] as const;
const isItemText = (field: string): field is (typeof itemTexts)[number] =>
  (itemTexts as readonly string[]).includes(field);

/** The value an error's key points at in a draft ("item 7 points" → its points as typed). */
function valueAt(draft: StandardDraft, key: string): string | undefined {
  const [kind, k, field = ""] = key.split(" ");
  if (kind === "name" || kind === "year" || kind === "scope") return draft[kind];
  if (kind === "category") {
    const category = draft.categories.find((c) => c.key === Number(k));
    if (field === "name") return category?.name;
    return field === "duplicateRadiusM" ? category?.radius : undefined;
  }
  const item = draft.categories.flatMap((c) => c.items).find((i) => i.key === Number(k));
  return item && isItemText(field) ? item[field] : undefined;
}

/** The placed errors whose input still holds what was sent: once retyped, its message goes. */
export function currentErrors(
  sent: StandardDraft,
  draft: StandardDraft,
  errors: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).filter(([key]) => valueAt(sent, key) === valueAt(draft, key)),
  );
}
