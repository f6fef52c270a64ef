// 滕州市医院点位创城标准: the hospital point standard, 11 categories and 42 items, 100 points.
// The article names the 11 categories and 42 items but not their text; this wording follows
// the national 测评体系 for hospital points. Item codes ("3.2") come from the order in the file.
import { readFileSync } from "node:fs";
import type { SeedStandard, SeedStandardItem } from "../dataset.ts";

/** The standard's wording is data: seeds/data/tengzhou-standard.json, one row an item. */
const standardFile = new URL("../../data/tengzhou-standard.json", import.meta.url);

type Row = [title: string, checklist: string, points: number, evidence: string];

interface StandardFile {
  name: string;
  year: number;
  scope: string;
  categories: { name: string; items: Row[] }[];
}

export function buildStandard(): SeedStandard {
  const { name, year, scope, categories } = JSON.parse(
    readFileSync(standardFile, "utf8"),
  ) as StandardFile;
  return {
    name,
    year,
    scope,
    categories: categories.map((category) => ({
      name: category.name,
      items: category.items.map(
        ([title, checklist, points, evidence]): SeedStandardItem => ({
          title,
          checklist,
          points,
          evidence,
        }),
      ),
    })),
  };
}

/** Looks up an item by its code ("3.2" = category 3, item 2), as problems refer to it. */
export function standardItem(standard: SeedStandard, code: string): SeedStandardItem {
  const [category = 0, item = 0] = code.split(".").map(Number);
  const found = standard.categories[category - 1]?.items[item - 1];
  if (!found) throw new Error(`The standard has no item ${code}`);
  return found;
}
