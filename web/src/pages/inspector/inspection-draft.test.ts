import { describe, expect, it } from "vitest";
import {
  addPoint,
  draftTotals,
  emptyDraft,
  inspectionBody,
  markItem,
  passTheRest,
  removePoint,
} from "./inspection-draft.ts";

const photo = {
  id: 7,
  url: "",
  thumbnailUrl: "",
  originalName: "a.jpg",
  mime: "image/jpeg" as const,
  sha256: "",
  size: 1,
  takenAt: null,
  location: null,
};
const itemPoints = new Map([
  [1, 3],
  [2, 2],
  [3, 4],
]);

describe("an inspection draft", () => {
  it("sends only the points and items that were looked at, failures with what was found", () => {
    let draft = addPoint(addPoint(addPoint(emptyDraft("covert"), 10), 11), 12);
    draft = markItem(draft, 10, 1, { result: "fail", note: " 垃圾外溢 ", photos: [photo] });
    draft = markItem(draft, 10, 2, { result: "not_applicable" });
    draft = markItem(draft, 12, 3, { result: "fail", deduction: "1.5" });
    expect(inspectionBody(draft, 1)).toEqual({
      kind: "covert",
      standardId: 1,
      visits: [
        {
          pointId: 10,
          results: [
            { itemId: 1, result: "fail", note: "垃圾外溢", photoIds: [7] },
            { itemId: 2, result: "not_applicable" },
          ],
        },
        { pointId: 12, results: [{ itemId: 3, result: "fail", deduction: 1.5 }] },
      ],
    });
    expect(draftTotals(draft, itemPoints)).toEqual({
      visited: 2,
      checked: 3,
      failed: 2,
      pointsLost: 4.5, // item 1's full 3 points, item 3's typed 1.5
    });
  });

  it("passes the rest of a point without touching what was marked", () => {
    let draft = markItem(addPoint(emptyDraft(), 10), 10, 2, { result: "fail" });
    draft = passTheRest(draft, 10, [1, 2, 3]);
    expect(draft.marks[10]?.[1]?.result).toBe("pass");
    expect(draft.marks[10]?.[2]?.result).toBe("fail");
    expect(draft.marks[10]?.[3]?.result).toBe("pass");
  });

  it("forgets a point's marks when the point is removed", () => {
    const draft = removePoint(markItem(addPoint(emptyDraft(), 10), 10, 1, {}), 10);
    expect(draft.points).toEqual([]);
    expect(draft.marks).toEqual({});
  });
});
