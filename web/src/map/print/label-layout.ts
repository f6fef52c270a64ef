// Where each grid's label goes on the printed map so that no two labels overlap, however many
// grids: at its anchor if free, else moved nearby with a leader line, else replaced by its number
// in the table (at the anchor, or moved with a leader line). Hand-written: maplibre's collision
// only hides a label that does not fit, and the sheet must still say which grid is which.

export interface Box {
  /** Top-left corner and size, in sheet pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelRequest {
  /** Where the grid is: the label's centre when it fits there. */
  anchor: readonly [number, number];
  /** The full label (code and lead unit). */
  width: number;
  height: number;
  /** The number keyed to the table, used when the full label finds no room. */
  keyWidth: number;
  keyHeight: number;
}

export type Placement =
  | { kind: "label"; box: Box; leader: boolean }
  | { kind: "key"; box: Box; leader: boolean }
  /** Only when the frame is full: the grid is still in the table. */
  | { kind: "none" };

/** Boxes closer than this read as one label. */
const GAP = 4;

export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
  return (
    a.x < b.x + b.width + gap &&
    b.x < a.x + a.width + gap &&
    a.y < b.y + b.height + gap &&
    b.y < a.y + a.height + gap
  );
}

const centredAt = ([x, y]: readonly [number, number], width: number, height: number): Box => ({
  x: x - width / 2,
  y: y - height / 2,
  width,
  height,
});

/** Positions around the anchor, nearest first: rings of 16 directions, each ring one size out. */
function around(anchor: readonly [number, number], width: number, height: number, rings: number) {
  const boxes: Box[] = [];
  for (let ring = 1; ring <= rings; ring++) {
    for (let step = 0; step < 16; step++) {
      const angle = (step / 16) * 2 * Math.PI;
      const dx = Math.cos(angle) * (width / 2 + height) * ring * 0.75;
      const dy = Math.sin(angle) * height * ring * 1.1;
      boxes.push(centredAt([anchor[0] + dx, anchor[1] + dy], width, height));
    }
  }
  return boxes;
}

/** Every position of the frame on a raster of the box's size: the last resort for a number. */
function anywhere(frame: Box, width: number, height: number, anchor: readonly [number, number]) {
  const boxes: Box[] = [];
  for (let y = frame.y; y + height <= frame.y + frame.height; y += height / 2) {
    for (let x = frame.x; x + width <= frame.x + frame.width; x += width / 2) {
      boxes.push({ x, y, width, height });
    }
  }
  const distance = (b: Box) =>
    Math.hypot(b.x + width / 2 - anchor[0], b.y + height / 2 - anchor[1]);
  return boxes.sort((a, b) => distance(a) - distance(b));
}

/**
 * Places the labels in the order given (put the larger grids first: they get their own spot).
 * Example: two grids whose labels would overlap → the first at its anchor, the second moved
 * beside it with a leader line (or, crowded, its number from the table).
 */
export function layoutLabels(requests: readonly LabelRequest[], frame: Box): Placement[] {
  const taken: Box[] = [];
  const inside = (b: Box) =>
    b.x >= frame.x &&
    b.y >= frame.y &&
    b.x + b.width <= frame.x + frame.width &&
    b.y + b.height <= frame.y + frame.height;
  const free = (b: Box) => inside(b) && !taken.some((t) => boxesOverlap(t, b, GAP));
  const take = (b: Box | undefined) => {
    if (b) taken.push(b);
    return b;
  };
  const placements: Placement[] = requests.map(() => ({ kind: "none" }));

  // First every label that fits where its grid is, so a moved label never takes another's spot.
  requests.forEach((r, i) => {
    const box = take([centredAt(r.anchor, r.width, r.height)].find(free));
    if (box) placements[i] = { kind: "label", box, leader: false };
  });
  requests.forEach((r, i) => {
    if (placements[i]?.kind !== "none") return;
    const moved = take(around(r.anchor, r.width, r.height, 3).find(free));
    if (moved) {
      placements[i] = { kind: "label", box: moved, leader: true };
      return;
    }
    const here = take([centredAt(r.anchor, r.keyWidth, r.keyHeight)].find(free));
    if (here) {
      placements[i] = { kind: "key", box: here, leader: false };
      return;
    }
    const key = take(
      around(r.anchor, r.keyWidth, r.keyHeight, 4).find(free) ??
        anywhere(frame, r.keyWidth, r.keyHeight, r.anchor).find(free),
    );
    if (key) placements[i] = { kind: "key", box: key, leader: true };
  });
  return placements;
}
