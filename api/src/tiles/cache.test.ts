import { describe, expect, it } from "vitest";
import { scopeKey, TileCache, tileKey } from "./cache.ts";

const tile = (bytes: number) => new Uint8Array(bytes);

describe("TileCache", () => {
  it("stays within its bytes, forgetting the least recently used first", () => {
    const cache = new TileCache(3_100); // three tiles of 800 bytes and their overhead
    cache.set("a", tile(800));
    cache.set("b", tile(800));
    cache.set("c", tile(800));
    expect(cache.size).toBe(3);
    cache.get("a"); // a is now the most recently used: b goes first
    cache.set("d", tile(800));
    expect(cache.bytes).toBeLessThanOrEqual(3_100);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")?.byteLength).toBe(800);
    expect(cache.get("d")?.byteLength).toBe(800);
  });

  it("counts a replaced entry once and refuses a tile larger than the whole cache", () => {
    const cache = new TileCache(2_000);
    cache.set("a", tile(500));
    const one = cache.bytes;
    cache.set("a", tile(500));
    expect(cache.bytes).toBe(one);
    cache.set("huge", tile(5_000));
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
  });

  it("keys by layer, address, scope and version", () => {
    const city = scopeKey({ kind: "city", cityId: 1 });
    const unit = scopeKey({ kind: "unit", cityId: 1, unitId: 7 });
    const volunteer = scopeKey({ kind: "grids", cityId: 1, gridIds: [3, 4], userId: 9 });
    const keys = new Set([
      tileKey("grids", { z: 10, x: 1, y: 2 }, city, "5"),
      tileKey("grids", { z: 10, x: 1, y: 2 }, unit, "5"),
      tileKey("grids", { z: 10, x: 1, y: 2 }, volunteer, "5"),
      tileKey("grids", { z: 10, x: 1, y: 2 }, city, "6"),
      tileKey("points", { z: 10, x: 1, y: 2 }, city, "5"),
      tileKey("grids", { z: 10, x: 2, y: 1 }, city, "5"),
      tileKey("grids", { z: 11, x: 1, y: 2 }, city, "5"),
    ]);
    expect(keys.size).toBe(7);
  });
});
