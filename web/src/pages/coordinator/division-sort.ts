// Sorting the division table by any column, in Chinese collation for names.
import type { DivisionRow } from "../../api/grid-files.ts";

export type DivisionColumn =
  | "code"
  | "communityName"
  | "areaM2"
  | "leadUnit"
  | "supportUnits"
  | "leader"
  | "volunteerCount";

export interface DivisionSort {
  column: DivisionColumn;
  descending: boolean;
}

const cellValue = (row: DivisionRow, column: DivisionColumn): string | number => {
  if (column === "supportUnits") return row.supportUnits.join("、");
  return row[column] ?? "";
};

/**
 * The rows in the column's order (numbers by value, text by `language` collation, empty last),
 * ties broken by grid code so the order is stable.
 *
 * @example sortDivision(rows, { column: "areaM2", descending: true }, "zh-CN")
 */
export function sortDivision(
  rows: readonly DivisionRow[],
  sort: DivisionSort,
  language: string,
): DivisionRow[] {
  const collator = new Intl.Collator(language);
  const direction = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const [x, y] = [cellValue(a, sort.column), cellValue(b, sort.column)];
    if (x === "" && y !== "") return 1;
    if (y === "" && x !== "") return -1;
    const order =
      typeof x === "number" && typeof y === "number"
        ? x - y
        : collator.compare(String(x), String(y));
    return order * direction || a.code.localeCompare(b.code);
  });
}

/** Clicking the sorted column flips it; another column starts ascending. */
export function nextSort(current: DivisionSort, column: DivisionColumn): DivisionSort {
  return { column, descending: current.column === column ? !current.descending : false };
}
