// Drawn tiles kept in memory, least recently used first out, bounded in bytes. A key holds
// everything a tile's bytes depend on: city, layer, z/x/y, the caller's scope and the layer's
// data version, so a change of data (any writer: tile_versions) or of scope is simply a new key,
// and entries under old versions age out unread.
import type { Scope } from "../policy/scope.ts";
import type { TileAddress, TileLayer } from "./layers.ts";

/** A city's map panned through at every zoom is a few thousand tiles of a few KB to ~200 KB. */
export const DEFAULT_TILE_CACHE_MB = 64;

/** What a Map entry, its key and the Uint8Array wrapper cost beside the tile's bytes (roughly). */
const ENTRY_OVERHEAD = 200;

export class TileCache {
  private readonly entries = new Map<string, Uint8Array>();
  private used = 0;

  constructor(readonly maxBytes: number) {}

  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): Uint8Array | undefined {
    const body = this.entries.get(key);
    if (body) {
      // A Map iterates in insertion order: re-inserting makes this the most recently used.
      this.entries.delete(key);
      this.entries.set(key, body);
    }
    return body;
  }

  set(key: string, body: Uint8Array): void {
    const cost = body.byteLength + key.length * 2 + ENTRY_OVERHEAD;
    if (cost > this.maxBytes) return;
    this.delete(key);
    this.entries.set(key, body);
    this.used += cost;
    for (const [oldest] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  private delete(key: string) {
    const body = this.entries.get(key);
    if (!body) return;
    this.entries.delete(key);
    this.used -= body.byteLength + key.length * 2 + ENTRY_OVERHEAD;
  }
}

/** Who sees what: callers with the same scope key are shown the same tiles. */
export function scopeKey(scope: Scope): string {
  switch (scope.kind) {
    case "city":
      return `city:${scope.cityId}`;
    case "unit":
      return `unit:${scope.cityId}:${scope.unitId}`;
    case "grids":
      // A volunteer's own reports are in their problems tiles, so the user belongs to the key.
      return `grids:${scope.cityId}:${scope.userId}:${scope.gridIds.join(",")}`;
  }
}

export function tileKey(
  layer: TileLayer,
  { z, x, y }: TileAddress,
  scope: string,
  version: string,
): string {
  return `${layer}/${z}/${x}/${y}|${scope}|${version}`;
}
