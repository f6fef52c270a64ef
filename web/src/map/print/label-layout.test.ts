import { describe, expect, it } from "vitest";
import { type Box, boxesOverlap, type LabelRequest, layoutLabels } from "./label-layout.ts";

const frame: Box = { x: 0, y: 0, width: 600, height: 500 };
const label = (x: number, y: number): LabelRequest => ({
  anchor: [x, y],
  width: 130,
  height: 46,
  keyWidth: 30,
  keyHeight: 30,
});

/** 40 grids of a small community: anchors 45 px apart, far closer than a label is wide. */
const crowded = Array.from({ length: 40 }, (_, i) =>
  label(150 + (i % 8) * 45 + (i % 3) * 7, 150 + Math.floor(i / 8) * 45 + (i % 2) * 9),
);

describe("layoutLabels", () => {
  it("keeps a label at its grid when nothing is in the way", () => {
    expect(layoutLabels([label(100, 100), label(400, 300)], frame)).toEqual([
      { kind: "label", box: { x: 35, y: 77, width: 130, height: 46 }, leader: false },
      { kind: "label", box: { x: 335, y: 277, width: 130, height: 46 }, leader: false },
    ]);
  });

  it("moves the second of two clashing labels beside the first, with a leader line", () => {
    const [first, second] = layoutLabels([label(300, 250), label(320, 255)], frame);
    expect(first).toMatchObject({ kind: "label", leader: false });
    expect(second).toMatchObject({ kind: "label", leader: true });
  });

  it("labels 40 grids of a small community with no two labels overlapping", () => {
    const placements = layoutLabels(crowded, frame);
    const boxes = placements.flatMap((p) => (p.kind === "none" ? [] : [p.box]));
    expect(boxes).toHaveLength(40);
    for (const [i, a] of boxes.entries()) {
      expect(a.x >= 0 && a.y >= 0 && a.x + a.width <= 600 && a.y + a.height <= 500).toBe(true);
      for (const b of boxes.slice(i + 1)) expect(boxesOverlap(a, b)).toBe(false);
    }
    // crowded as it is, some are moved and some become their number in the table
    const kinds = new Set(placements.map((p) => `${p.kind}${"leader" in p && p.leader}`));
    expect(kinds).toContain("labelfalse");
    expect(kinds).toContain("labeltrue");
    expect([...kinds].some((k) => k.startsWith("key"))).toBe(true);
  });

  it("says so rather than overlap when the frame has no room left", () => {
    const tiny: Box = { x: 0, y: 0, width: 70, height: 40 };
    const placements = layoutLabels(
      [label(35, 20), label(35, 20), label(35, 20), label(35, 20)],
      tiny,
    );
    expect(placements.filter((p) => p.kind === "none").length).toBeGreaterThan(0);
  });
});
