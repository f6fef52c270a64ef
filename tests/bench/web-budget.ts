// The page budgets of issue 22, read from a vite build's manifest: per page, the gzip bytes it
// needs before its first paint (index.html's entry with its static imports and style sheets,
// and the page's own lazy chunk with its static imports) and everything it loads once its map
// is drawn (maplibre's chunk, its worker and its style sheet come after the first paint). With
// maplibre-gl 5's one-file build the worker is inside maplibre's chunk (started from a blob); a
// separate worker file (maplibre 6's maplibre-gl-worker-*.mjs) is counted when a build has one.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** Before a page's first paint, gzip, for every page (issue 22). */
export const FIRST_PAINT_BUDGET = 150 * 1024;
/** Everything the coordinator's map page loads, gzip (issue 22; 597 KB before it). */
export const MAP_PAGE_BUDGET = 450 * 1024;

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  isEntry?: boolean;
}

/** The map's search box and the label anchors (with turf): every drawn map loads them. */
const mapExtras = ["src/components/map-search/map-search.tsx", "src/map/label-points.ts"];

/**
 * The pages measured: the lazy module that draws each (none for those in the entry), its map,
 * and the modules it loads lazily once drawn, without being asked (its map's component...):
 * counted in its total, not its first paint.
 */
export const pages = [
  { page: "/report (citizen)", module: "src/pages/citizen/citizen-page.tsx", map: true },
  { page: "/login", module: null, map: false },
  {
    page: "/my-area (volunteer)",
    module: "src/pages/volunteer/my-area-page.tsx",
    map: true,
    after: ["src/pages/volunteer/area-map.tsx", ...mapExtras],
  },
  {
    page: "/ (coordinator's map)",
    module: "src/pages/coordinator/map-page.tsx",
    map: true,
    after: [
      "src/pages/coordinator/city-map.tsx",
      "src/pages/coordinator/selection-panel.tsx",
      ...mapExtras,
    ],
  },
  {
    page: "/dashboard (leader)",
    module: "src/pages/leader/leader-page.tsx",
    map: true,
    after: ["src/pages/leader/hotspot-map.tsx", ...mapExtras],
  },
  {
    page: "/grids (editor)",
    module: "src/pages/coordinator/grid-editor/grid-editor-page.tsx",
    map: true,
    after: ["src/pages/coordinator/grid-editor/restructuring-list.tsx", ...mapExtras],
  },
  {
    page: "/problems/:id",
    module: "src/pages/rectification/problem-page.tsx",
    map: true,
    after: ["src/pages/rectification/problem-map.tsx", "src/map/label-points.ts"],
  },
  { page: "/problems (board)", module: "src/pages/rectification/board-page.tsx", map: false },
  { page: "/inspect", module: "src/pages/inspector/inspect-page.tsx", map: false },
  { page: "/tasks", module: "src/pages/tasks/tasks-page.tsx", map: false },
] as const;

export interface PageWeight {
  page: string;
  firstPaint: number;
  total: number;
  files: string[];
}

export function pageWeights(dist: string): PageWeight[] {
  const manifest: Record<string, Chunk> = JSON.parse(
    readFileSync(path.join(dist, ".vite", "manifest.json"), "utf8"),
  );
  const gzip = new Map<string, number>();
  const sizeOf = (file: string) => {
    let size = gzip.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(dist, file))).length;
      gzip.set(file, size);
    }
    return size;
  };
  /**
   * A module's manifest entry: its own key when it is a chunk's entry, else the shared chunk
   * named after it ("_label-points-….js" for a module also imported statically elsewhere).
   */
  const entryOf = (key: string): Chunk | undefined => {
    if (manifest[key]) return manifest[key];
    const name = path.basename(key).replace(/\.[^.]+$/, "");
    const shared = Object.keys(manifest).find((k) => k.startsWith(`_${name}-`));
    return shared ? manifest[shared] : undefined;
  };
  /** A module's file, its static imports' files and all their style sheets. */
  const closure = (key: string, into = new Set<string>()) => {
    const chunk = entryOf(key);
    if (!chunk || into.has(chunk.file)) return into;
    into.add(chunk.file);
    for (const css of chunk.css ?? []) into.add(css);
    for (const imported of chunk.imports ?? []) closure(imported, into);
    return into;
  };
  const worker = readdirSync(path.join(dist, "assets"))
    .filter((file) => /^maplibre-gl-worker-.*\.mjs$/.test(file))
    .map((file) => `assets/${file}`);
  const sum = (files: Set<string>) => [...files].reduce((total, file) => total + sizeOf(file), 0);
  return pages.map((measured) => {
    const { page, module, map } = measured;
    const first = closure("index.html");
    if (module) closure(module, first);
    const all = new Set(first);
    for (const later of "after" in measured ? measured.after : []) closure(later, all);
    if (map) {
      closure("src/map/map.ts", all);
      for (const file of worker) all.add(file);
    }
    return { page, firstPaint: sum(first), total: sum(all), files: [...all] };
  });
}

/**
 * Libraries a page loads only when they are used (issue 22): printing and PDF (jspdf,
 * html2canvas), spreadsheets (exceljs), the drawing tools (terra-draw, in the drawing chunk) and
 * charts (echarts). None may be among the files a page loads to draw its map.
 */
const onlyWhenUsed = /^assets\/(jspdf|html2canvas|purify|exceljs|drawing|terra-draw|echarts)[.-]/;

/** Every budget a build breaks, in words; empty when it keeps them all. */
export function brokenBudgets(weights: PageWeight[]): string[] {
  const kb = (bytes: number) => `${Math.round((bytes / 1024) * 10) / 10} KB`;
  const broken: string[] = [];
  for (const weight of weights) {
    if (weight.firstPaint > FIRST_PAINT_BUDGET)
      broken.push(`${weight.page}: ${kb(weight.firstPaint)} before its first paint (≤ 150 KB)`);
    const eager = weight.files.filter((file) => onlyWhenUsed.test(file));
    if (eager.length) broken.push(`${weight.page} loads ${eager.join(", ")} before it is used`);
  }
  const map = weights.find((weight) => weight.page.startsWith("/ (coordinator"));
  if (map && map.total > MAP_PAGE_BUDGET)
    broken.push(`the coordinator's map page loads ${kb(map.total)} in all (≤ 450 KB)`);
  return broken;
}

/** Prints the weights in KB beside a baseline's (today's build), against the budgets. */
export function printWeights(now: PageWeight[], before?: PageWeight[]) {
  const kb = (bytes: number | undefined) =>
    bytes === undefined ? "" : Math.round((bytes / 1024) * 10) / 10;
  console.table(
    now.map((weight, i) => ({
      page: weight.page,
      "first paint KB": kb(weight.firstPaint),
      "(before)": kb(before?.[i]?.firstPaint),
      "≤150": weight.firstPaint <= FIRST_PAINT_BUDGET ? "yes" : "NO",
      "all KB": kb(weight.total),
      "(before) ": kb(before?.[i]?.total),
    })),
  );
  const map = now.find((weight) => weight.page.startsWith("/ (coordinator"));
  if (map)
    console.log(
      `coordinator's map page, everything: ${kb(map.total)} KB gzip (budget 450: ${map.total <= MAP_PAGE_BUDGET ? "met" : "NOT met"})`,
    );
}

// `tsx bench/web-budget.ts <dist> [<baseline dist>]`: the table for builds already made.
if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const [dist, baseline] = process.argv.slice(2);
  if (!dist) throw new Error("usage: tsx bench/web-budget.ts <dist> [<baseline dist>]");
  const weights = pageWeights(dist);
  printWeights(weights, baseline ? pageWeights(baseline) : undefined);
  const broken = brokenBudgets(weights);
  for (const line of broken) console.error(`over budget: ${line}`);
  if (broken.length) process.exitCode = 1;
}
