// A cheap first test before clipping: do two bounding boxes touch at all?

/** Bounding boxes [west, south, east, north] that touch or overlap. */
export function boxesMeet(a: readonly number[], b: readonly number[]): boolean {
  const [aw = 0, as = 0, ae = 0, an = 0] = a;
  const [bw = 0, bs = 0, be = 0, bn = 0] = b;
  return aw <= be && bw <= ae && as <= bn && bs <= an;
}
