// Reading test fixtures (geo/test/fixtures/in) and comparing with expected outputs (…/out).
// Run with REGEN=1 to rewrite the expected outputs after a deliberate change, then review them.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";

const root = new URL("./fixtures/", import.meta.url);

/** The fixture names (file names without extension) in in/<folder>. */
export function fixtureNames(folder: string): string[] {
  return readdirSync(new URL(`in/${folder}/`, root))
    .filter((file) => file.endsWith(".geojson"))
    .map((file) => file.replace(/\.geojson$/, ""))
    .sort();
}

export function readFixture<T>(path: string): T {
  return JSON.parse(readFileSync(new URL(path, root), "utf8")) as T;
}

/** The expected output at out/<path>; written from `actual` first when REGEN is set. */
export function expectedOutput<T>(path: string, actual: T): T {
  if (process.env.REGEN)
    writeFileSync(new URL(`out/${path}`, root), `${JSON.stringify(actual, null, 2)}\n`);
  return readFixture<T>(`out/${path}`);
}
