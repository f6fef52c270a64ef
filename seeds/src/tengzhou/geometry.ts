// The two assigned communities and their ten grids, drawn in Tengzhou's old town.
// Community outlines are not public, so they are generated: a street block with irregular,
// slightly bent sides, split in two communities, each split in grids along street-like cuts.
import { orderWestToEastNorthToSouth } from "@civgrid/geo";
import { feature } from "@turf/turf";
import type { Polygon, Position } from "geojson";
import { LocalFrame } from "./local-frame.ts";
import { Random } from "./random.ts";
import { type Cut, splitByShare } from "./split.ts";
import { shareBorders } from "./topology.ts";

/** The town centre east of the 荆河, where 蕃阳社区 and 郭彭庄社区 are placed. */
const TOWN_CENTRE: Position = [117.16, 35.08];
/** The old town's streets run a few degrees off north; the blocks turn with them. */
const STREET_TURN = (-7 * Math.PI) / 180;
const EAST_WEST = STREET_TURN;
const NORTH_SOUTH = Math.PI / 2 + STREET_TURN;
/** The block holding both communities, metres; about 2.5 km², so each community is ~1.25 km². */
const BLOCK = { width: 2300, height: 1100 };
const SEED = 370481;

export interface CommunityShape {
  geometry: Polygon;
  /** In numbering order: rows north to south, west to east within a row. */
  grids: Polygon[];
}

/** The west community (蕃阳社区) and the east one (郭彭庄社区), five grids each (3 + 2, 2 + 3). */
export function drawCommunities(): [CommunityShape, CommunityShape] {
  const random = new Random(SEED);
  const frame = new LocalFrame(TOWN_CENTRE);
  const block: Polygon = { type: "Polygon", coordinates: [blockOutline(random, frame)] };
  const [west, east] = splitByShare(block, street(NORTH_SOUTH, 0.5, random), frame);
  const westGrids = twoRowsOfGrids(west, 3, 2, random, frame);
  const eastGrids = twoRowsOfGrids(east, 2, 3, random, frame);
  const [westShared, eastShared, ...grids] = shareBorders([west, east, ...westGrids, ...eastGrids]);
  return [
    { geometry: westShared as Polygon, grids: numbered(grids.slice(0, 5)) },
    { geometry: eastShared as Polygon, grids: numbered(grids.slice(5)) },
  ];
}

/**
 * Grids of roughly equal area in two rows: `north` grids in the northern row, `south` below.
 * Each cut takes a share of what is left, varied a little so the grids are not all alike.
 */
function twoRowsOfGrids(
  community: Polygon,
  north: number,
  south: number,
  random: Random,
  frame: LocalFrame,
): Polygon[] {
  const rows = splitByShare(community, street(EAST_WEST, north / (north + south), random), frame);
  return rows.flatMap((row, i) => {
    const grids: Polygon[] = [];
    let rest = row;
    for (let left = i === 0 ? north : south; left > 1; left--) {
      const share = (1 / left) * random.between(0.9, 1.1);
      const [grid, remainder] = splitByShare(rest, street(NORTH_SOUTH, share, random), frame);
      grids.push(grid);
      rest = remainder;
    }
    return [...grids, rest];
  });
}

function street(angle: number, share: number, random: Random): Cut {
  return { angle, share, kink: random.between(-50, 50) };
}

function numbered(grids: Polygon[]): Polygon[] {
  return orderWestToEastNorthToSouth(grids.map((grid) => feature(grid))).map((f) => f.geometry);
}

/**
 * A counter-clockwise ring: a turned rectangle whose corners wander up to 50 m, whose sides
 * bend at two points by up to 80 m, and whose north-east corner is cut off like a crossroads.
 */
function blockOutline(random: Random, frame: LocalFrame): Position[] {
  const w = BLOCK.width / 2;
  const h = BLOCK.height / 2;
  const wander = (): number => random.between(-50, 50);
  const corners: Position[] = [
    [-w + wander(), -h + wander()],
    [w + wander(), -h + wander()],
    [w + wander(), h + wander()],
    [-w + wander(), h + wander()],
  ];
  const ring: Position[] = [];
  corners.forEach((corner, i) => {
    const next = corners[(i + 1) % corners.length] as Position;
    if (i === 2)
      ring.push(towards(corner, corners[1] as Position, 180), towards(corner, next, 180));
    else ring.push(corner);
    for (const share of [random.between(0.28, 0.38), random.between(0.62, 0.72)]) {
      ring.push(bentPoint(corner, next, share, random.between(-80, 80)));
    }
  });
  ring.push(ring[0] as Position);
  return ring.map((point) => frame.toLonLat(turn(point, STREET_TURN)));
}

/** The point `share` of the way from a to b, moved `offset` metres to the left of a→b. */
function bentPoint(
  [ax = 0, ay = 0]: Position,
  [bx = 0, by = 0]: Position,
  share: number,
  offset: number,
): Position {
  const length = Math.hypot(bx - ax, by - ay);
  const [nx, ny] = [-(by - ay) / length, (bx - ax) / length];
  return [ax + (bx - ax) * share + nx * offset, ay + (by - ay) * share + ny * offset];
}

function towards(from: Position, to: Position, metres: number): Position {
  const [fx = 0, fy = 0] = from;
  const [tx = 0, ty = 0] = to;
  return bentPoint(from, to, metres / Math.hypot(tx - fx, ty - fy), 0);
}

function turn([x = 0, y = 0]: Position, angle: number): Position {
  return [x * Math.cos(angle) - y * Math.sin(angle), x * Math.sin(angle) + y * Math.cos(angle)];
}
