// GET /tiles/{layer}/{z}/{x}/{y}.mvt: Mapbox Vector Tiles of the layers the caller may read.
// The ETag is made from the layer's data version (tile_versions, renewed by triggers whoever
// writes) and the caller's scope, so a revalidation is one small read and a 304, without drawing
// the tile; drawn tiles are kept in an in-memory LRU cache under the same version.
import { createHash } from "node:crypto";
import { z } from "@hono/zod-openapi";
import { validationError } from "../errors.ts";
import { scopeKey, type TileCache, tileKey } from "../tiles/cache.ts";
import { PROBLEM_POINTS_MIN_ZOOM, type TileLayer, tileLayers } from "../tiles/layers.ts";
import { renderTile, versionQuery } from "../tiles/render.ts";
import { integerParam, oneOf } from "./query.ts";
import { newRouter } from "./router.ts";

/** Deepest zoom served: a z22 tile is a few metres across, past any use for a city map. */
export const MAX_ZOOM = 22;

/** x and y run 0 … 2^z − 1 at zoom z; made once, not on every request. */
const coordinates = Array.from({ length: MAX_ZOOM + 1 }, (_, zoom) =>
  integerParam(0, 2 ** zoom - 1),
);

const address = z
  .object({
    layer: oneOf(tileLayers),
    z: integerParam(0, MAX_ZOOM),
    x: z.string(),
    y: z.string().transform((file) => file.replace(/\.mvt$/, "")),
  })
  .transform((tile) => {
    const coordinate = coordinates[tile.z] ?? integerParam(0, 2 ** tile.z - 1);
    return { ...tile, x: coordinate.safeParse(tile.x), y: coordinate.safeParse(tile.y) };
  });

function parseAddress(params: Record<string, string>) {
  const parsed = address.safeParse(params);
  if (!parsed.success) throw validationError(parsed.error);
  const { layer, z: zoom, x, y } = parsed.data;
  if (!x.success || !y.success) {
    const issues = [x, y].flatMap((r, i) =>
      r.success ? [] : r.error.issues.map((issue) => ({ ...issue, path: [i ? "y" : "x"] })),
    );
    throw validationError(new z.ZodError(issues));
  }
  return { layer, tile: { z: zoom, x: x.data, y: y.data } };
}

/**
 * Raised when what a tile holds changes shape (properties, aggregation), so old ETags lapse.
 * 2: city-zoom cells by the rollup's cell functions (migration 0038).
 */
const TILE_FORMAT = 2;

/**
 * The data version a tile is drawn from. Problems tiles also say whether a problem is overdue,
 * which changes with the clock and no write: their version moves on with it, every minute for
 * single problems (cheap to draw) and every 10 minutes for the city-zoom cells, whose drawing
 * reads hundreds of thousands of problems and whose overdue counts may lag that much.
 */
function dataVersion(layer: TileLayer, z: number, version: string, now = Date.now()): string {
  if (layer !== "problems") return version;
  const minutes = z >= PROBLEM_POINTS_MIN_ZOOM ? 1 : 10;
  return `${version}.${Math.floor(now / (minutes * 60_000))}`;
}

function etagOf(version: string, scope: string): string {
  const who = createHash("sha256").update(scope).digest("base64url").slice(0, 12);
  return `"${TILE_FORMAT}.${version}.${who}"`;
}

const matches = (header: string | undefined, etag: string) =>
  header?.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag) ?? false;

/** cache: the LRU tile cache, or null to draw every tile (TILE_CACHE_MB=0; the bench's cold run). */
export function tileRoutes(cache: TileCache | null) {
  return newRouter().get("/:layer/:z/:x/:y", async (c) => {
    const { layer, tile } = parseAddress(c.req.param());
    const { db, scope } = c.var;
    const who = scopeKey(scope);
    const headers = (version: string) => ({
      etag: etagOf(version, who),
      // Private: tiles follow the caller's scope. Short: a write shows on the map within a minute.
      "cache-control": "private, max-age=60",
      vary: "Cookie, Authorization",
    });
    const tileHeaders = (version: string) => ({
      ...headers(version),
      "content-type": "application/vnd.mapbox-vector-tile",
    });
    const ifNoneMatch = c.req.header("if-none-match");
    if (cache || ifNoneMatch) {
      const [current] = await db.prepared<{ version: string }>(versionQuery(scope.cityId, layer));
      const version = dataVersion(layer, tile.z, current?.version ?? "0");
      if (matches(ifNoneMatch, etagOf(version, who))) return c.body(null, 304, headers(version));
      const cached = cache?.get(tileKey(layer, tile, who, version));
      if (cached) return c.body(cached as Uint8Array<ArrayBuffer>, 200, tileHeaders(version));
    }
    const drawn = await renderTile(db, layer, tile, scope);
    const version = dataVersion(layer, tile.z, drawn.version);
    cache?.set(tileKey(layer, tile, who, version), drawn.body);
    return c.body(drawn.body as Uint8Array<ArrayBuffer>, 200, tileHeaders(version));
  });
}
