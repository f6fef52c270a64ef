import { describe, expect, it } from "vitest";
import type { DivisionRow } from "../../api/grid-files.ts";
import { nextSort, sortDivision } from "./division-sort.ts";

const row = (code: string, areaM2: number, leadUnit: string | null): DivisionRow => ({
  gridId: Number(code.slice(-3)),
  code,
  name: "",
  communityName: "蕃阳社区",
  areaM2,
  leadUnit,
  supportUnits: [],
  leader: null,
  leaderMobile: null,
  volunteerCount: 0,
});

const rows = [
  row("370481002003001", 300, "滕州市中心人民医院"),
  row("370481002003002", 100, null),
  row("370481002003003", 200, "滕州市工人医院"),
];

describe("sortDivision", () => {
  it("sorts areas as numbers, largest first when descending", () => {
    const sorted = sortDivision(rows, { column: "areaM2", descending: true }, "zh-CN");
    expect(sorted.map((r) => r.areaM2)).toEqual([300, 200, 100]);
  });

  it("puts grids without a lead unit last, either way", () => {
    const up = sortDivision(rows, { column: "leadUnit", descending: false }, "zh-CN");
    const down = sortDivision(rows, { column: "leadUnit", descending: true }, "zh-CN");
    expect(up.at(-1)?.leadUnit).toBeNull();
    expect(down.at(-1)?.leadUnit).toBeNull();
  });

  it("flips the direction when the same header is clicked again", () => {
    const first = nextSort({ column: "code", descending: false }, "areaM2");
    expect(first).toEqual({ column: "areaM2", descending: false });
    expect(nextSort(first, "areaM2")).toEqual({ column: "areaM2", descending: true });
  });
});
