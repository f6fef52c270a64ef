// Problem cells (below PROBLEM_POINTS_MIN_ZOOM) as a vector tile, encoded here on both engines.
// A cell tile is up to 64 × 64 points at fixed places, each with three whole numbers: the database
// only sums them (tiles/layers.ts), and writing the Mapbox Vector Tile protobuf for them is a few
// loops over typed arrays. For the 4,096 cells of a z10 tile (measured at load 12–18 on 2 cores)
// ST_AsMVT with the cells' points took 60–90 ms beside 12–25 ms for the rows it encodes,
// @maplibre/vt-pbf 4–9 ms (objects per feature and point); this writes the same tile with pbf
// (the protobuf writer vt-pbf itself uses) in under 1 ms (0.7 ms at load 10).
import { PbfWriter } from "pbf";
import { CELL, CELLS, EXTENT } from "./layers.ts";

/** The counts of each cell of a tile, indexed by cy × 64 + cx (cx, cy: 0…63). */
export interface CellCounts {
  problems: Int32Array;
  open: Int32Array;
  overdue: Int32Array;
}

/**
 * A cell statement's answer (render.ts cellsQuery): the rows of tiles/layers.ts problemCellsQuery
 * (a cell's counts, or part of them) as one array per column, NULL when there is none: one row of
 * four arrays is less for the database to send and the driver to read than 4,096 rows.
 */
export interface CellArrays {
  cells: number[] | null;
  problems: number[] | null;
  open: number[] | null;
  overdue: number[] | null;
}

/** The rows summed per cell (a cell may come in several rows: the rollup's, today's overdue). */
export function sumCells({ cells, problems, open, overdue }: CellArrays): CellCounts {
  const counts: CellCounts = {
    problems: new Int32Array(CELLS * CELLS),
    open: new Int32Array(CELLS * CELLS),
    overdue: new Int32Array(CELLS * CELLS),
  };
  cells?.forEach((cell, i) => {
    add(counts.problems, cell, problems?.[i]);
    add(counts.open, cell, open?.[i]);
    add(counts.overdue, cell, overdue?.[i]);
  });
  return counts;
}

const add = (sums: Int32Array, at: number, value = 0) => {
  sums[at] = (sums[at] ?? 0) + value;
};

/** The property names, in the order ST_AsMVT wrote them for the layer's columns. */
const KEYS = ["count", "openCount", "overdueCount"] as const;

// Field numbers and wire types of the vector tile schema (vector_tile.proto, version 2).
const VARINT = 0;
const BYTES = 2;
const TILE_LAYERS = 3;
const LAYER = { name: 1, features: 2, keys: 3, values: 4, extent: 5, version: 15 } as const;
const FEATURE = { id: 1, tags: 2, type: 3, geometry: 4 } as const;
const VALUE_UINT = 5;
const POINT = 1;
/** MoveTo, once: the command integer (id 1, count 1) of a single point. */
const MOVE_TO_ONCE = (1 << 3) | 1;
const key = (field: number, wire: number) => (field << 3) | wire;
/** Bytes of a varint (the numbers here are below 2^28). */
const varintBytes = (n: number) => (n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : 4);
const zigzag = (n: number) => (n << 1) ^ (n >> 31);
const SMALL_VALUES = 4096;

/**
 * The cells with problems (count > 0) as one point layer, each feature's id its cell + 1 and its
 * point the cell's centre: what the map's problem cell layer reads. No cell, no bytes (as ST_AsMVT).
 * Each feature is written field by field with its length worked out first (a feature is a few
 * dozen bytes: no message callbacks, no objects per feature).
 */
export function encodeCells(
  layerName: string,
  { problems, open, overdue }: CellCounts,
): Uint8Array {
  const values: number[] = [];
  // Counts are mostly small: their value's index by table (+1, 0 for none), larger ones by Map.
  const small = new Int32Array(SMALL_VALUES);
  const large = new Map<number, number>();
  const indexOf = (value: number) => {
    let index = value < SMALL_VALUES ? (small[value] ?? 0) - 1 : (large.get(value) ?? -1);
    if (index < 0) {
      index = values.length;
      values.push(value);
      if (value < SMALL_VALUES) small[value] = index + 1;
      else large.set(value, index);
    }
    return index;
  };
  const layer = new PbfWriter(new Uint8Array(64 * 1024));
  layer.writeVarintField(LAYER.version, 2);
  layer.writeStringField(LAYER.name, layerName);
  layer.writeVarintField(LAYER.extent, EXTENT);
  let features = 0;
  const tags = [0, 0, 1, 0, 2, 0];
  for (let cell = 0; cell < problems.length; cell++) {
    const count = problems[cell] ?? 0;
    if (count <= 0) continue;
    features++;
    const id = cell + 1;
    tags[1] = indexOf(count);
    tags[3] = indexOf(open[cell] ?? 0);
    tags[5] = indexOf(overdue[cell] ?? 0);
    const x = zigzag((cell % CELLS) * CELL + CELL / 2);
    const y = zigzag(Math.floor(cell / CELLS) * CELL + CELL / 2);
    let tagBytes = 0;
    for (const t of tags) tagBytes += varintBytes(t);
    const geometryBytes = 1 + varintBytes(x) + varintBytes(y);
    layer.writeVarint(key(LAYER.features, BYTES));
    layer.writeVarint(1 + varintBytes(id) + 2 + tagBytes + 2 + 2 + geometryBytes);
    layer.writeVarint(key(FEATURE.id, VARINT));
    layer.writeVarint(id);
    layer.writeVarint(key(FEATURE.tags, BYTES));
    layer.writeVarint(tagBytes);
    for (const t of tags) layer.writeVarint(t);
    layer.writeVarint(key(FEATURE.type, VARINT));
    layer.writeVarint(POINT);
    layer.writeVarint(key(FEATURE.geometry, BYTES));
    layer.writeVarint(geometryBytes);
    layer.writeVarint(MOVE_TO_ONCE);
    layer.writeVarint(x);
    layer.writeVarint(y);
  }
  if (features === 0) return new Uint8Array();
  for (const name of KEYS) layer.writeStringField(LAYER.keys, name);
  for (const value of values) {
    layer.writeVarint(key(LAYER.values, BYTES));
    layer.writeVarint(1 + varintBytes(value));
    layer.writeVarint(key(VALUE_UINT, VARINT));
    layer.writeVarint(value);
  }
  const body = layer.finish();
  const tile = new PbfWriter(new Uint8Array(body.length + 8));
  tile.writeBytesField(TILE_LAYERS, body);
  return tile.finish();
}
