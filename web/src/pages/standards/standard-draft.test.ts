import { describe, expect, it } from "vitest";
import type { StandardDetail } from "../../api/standards.ts";
import {
  addCategory,
  addItem,
  categoryField,
  changeCategory,
  changeItem,
  currentErrors,
  draftInput,
  draftOf,
  draftPoints,
  itemCode,
  itemField,
  moveCategory,
  moveItem,
  placeErrors,
  removeItem,
  sameInput,
} from "./standard-draft.ts";

const item = (id: number, code: string, points: number) => ({
  id,
  code,
  title: `条目 ${code}`,
  checklist: "干净整洁",
  points,
  evidence: "",
});

const standard: StandardDetail = {
  id: 1,
  name: "医院点位创城标准",
  year: 2022,
  version: 1,
  scope: "hospital",
  status: "draft",
  categoryCount: 2,
  itemCount: 3,
  totalPoints: 6,
  createdAt: "2024-01-01T00:00:00Z",
  categories: [
    { id: 1, seq: 1, name: "环境卫生", duplicateRadiusM: 50, items: [item(1, "1.1", 3)] },
    {
      id: 2,
      seq: 2,
      name: "控烟",
      duplicateRadiusM: 30,
      items: [item(2, "2.1", 2), item(3, "2.2", 1)],
    },
  ],
};

describe("the standard draft", () => {
  it("saves what it was loaded from unchanged", () => {
    expect(draftInput(draftOf(standard))).toEqual({
      name: "医院点位创城标准",
      year: 2022,
      scope: "hospital",
      categories: [
        {
          name: "环境卫生",
          duplicateRadiusM: 50,
          items: [{ title: "条目 1.1", checklist: "干净整洁", points: 3, evidence: "" }],
        },
        {
          name: "控烟",
          duplicateRadiusM: 30,
          items: [
            { title: "条目 2.1", checklist: "干净整洁", points: 2, evidence: "" },
            { title: "条目 2.2", checklist: "干净整洁", points: 1, evidence: "" },
          ],
        },
      ],
    });
  });

  it("numbers items by category and item order", () => {
    expect(itemCode(0, 0)).toBe("1.1");
    expect(itemCode(2, 1)).toBe("3.2");
  });

  it("adds up the points as typed, counting what is not a number yet as 0", () => {
    const draft = draftOf(standard);
    const smoking = draft.categories[1];
    if (!smoking?.items[0]) throw new Error("fixture");
    const first = smoking.items[0].key;
    expect(draftPoints(draft)).toBe(6);
    const changed = changeCategory(draft, smoking.key, (c) =>
      changeItem(c, first, { points: "2.5" }),
    );
    expect(draftPoints(changed)).toBe(6.5);
    expect(draftPoints(changeCategory(draft, smoking.key, (c) => removeItem(c, first)))).toBe(4);
    expect(draftPoints(addCategory(draft))).toBe(6);
    expect(sameInput(draft, changed)).toBe(false);
    expect(
      sameInput(
        draft,
        changeCategory(draft, smoking.key, (c) => ({ ...c })),
      ),
    ).toBe(true);
  });

  it("sends a blank or mistyped number as null for the API to name", () => {
    const draft = { ...draftOf(standard), year: "二〇二四" };
    const body = JSON.parse(JSON.stringify(draftInput(draft)));
    expect(body.year).toBeNull();
  });

  it("moves categories and items, and gives new ones keys of their own", () => {
    const draft = addItem(addCategory(draftOf(standard)), 0);
    const keys = draft.categories.flatMap((c) => [c.key, ...c.items.map((i) => i.key)]);
    expect(new Set(keys).size).toBe(keys.length);
    const [first, second] = draft.categories;
    if (!first || !second) throw new Error("fixture");
    const swapped = moveCategory(draft, second.key, -1);
    expect(swapped.categories.map((c) => c.name)).toEqual(["控烟", "环境卫生", ""]);
    expect(moveCategory(draft, first.key, -1).categories).toEqual(draft.categories);
    const items = moveItem(second, second.items[1]?.key ?? -1, -1).items;
    expect(items.map((i) => i.title)).toEqual(["条目 2.2", "条目 2.1"]);
  });

  it("keeps the API's field errors with the inputs they were about", () => {
    const sent = draftOf(standard);
    const smoking = sent.categories[1];
    const second = smoking?.items[1];
    if (!smoking || !second) throw new Error("fixture");
    expect(
      placeErrors(sent, {
        name: "应为 1~100 个字符",
        "categories.1.items.1.points": "分值有误",
        "categories.1.duplicateRadiusM": "半径有误",
        "categories.1.items": "应有 1~50 项",
        categories: "应有 1~50 项",
      }),
    ).toEqual({
      name: "应为 1~100 个字符",
      [itemField(second.key, "points")]: "分值有误",
      [categoryField(smoking.key, "duplicateRadiusM")]: "半径有误",
      [categoryField(smoking.key, "items")]: "应有 1~50 项",
      categories: "应有 1~50 项",
    });
  });

  it("drops an error once its input is retyped, or its row removed", () => {
    const sent = draftOf(standard);
    const smoking = sent.categories[1];
    const [first, second] = smoking?.items ?? [];
    if (!smoking || !first || !second) throw new Error("fixture");
    const errors = {
      year: "年度有误",
      [itemField(first.key, "points")]: "分值有误",
      [itemField(second.key, "title")]: "条目有误",
      [categoryField(smoking.key, "duplicateRadiusM")]: "半径有误",
    };
    expect(currentErrors(sent, sent, errors)).toEqual(errors);
    let draft = changeCategory(sent, smoking.key, (c) =>
      changeItem(c, first.key, { points: "2.5" }),
    );
    draft = changeCategory(draft, smoking.key, (c) => removeItem(c, second.key));
    draft = changeCategory(draft, smoking.key, (c) => ({ ...c, radius: "40" }));
    expect(currentErrors(sent, draft, errors)).toEqual({ year: "年度有误" });
  });
});
