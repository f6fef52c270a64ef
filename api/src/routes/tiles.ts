// GET /tiles/{layer}/{z}/{x}/{y}.mvt: Mapbox Vector Tiles of the layers the caller may read.
// The ETag is a hash of the body, so it changes exactly when the data under the tile (or the
// caller's scope) changes: a client revalidates with If-None-Match and gets a 304 otherwise.
import { createHash } from "node:crypto";
import { z } from "@hono/zod-openapi";
import { validationError } from "../errors.ts";
import { tileLayers } from "../tiles/layers.ts";
import { renderTile } from "../tiles/render.ts";
import { integerParam, oneOf } from "./query.ts";
import { newRouter } from "./router.ts";

/** Deepest zoom served: a z22 tile is a few metres across, past any use for a city map. */
export const MAX_ZOOM = 22;

const address = z
  .object({
    layer: oneOf(tileLayers),
    z: integerParam(0, MAX_ZOOM),
    x: z.string(),
    y: z.string().transform((file) => file.replace(/\.mvt$/, "")),
  })
  .transform((tile) => {
    // x and y run 0 … 2^z − 1 at zoom z.
    const coordinate = integerParam(0, 2 ** tile.z - 1);
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

export const tileRoutes = newRouter().get("/:layer/:z/:x/:y", async (c) => {
  const { layer, tile } = parseAddress(c.req.param());
  const body = await renderTile(c.var.db, layer, tile, c.var.scope);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
  const headers = {
    etag,
    // Private: tiles follow the caller's scope. Short: a write shows on the map within a minute.
    "cache-control": "private, max-age=60",
    vary: "Cookie, Authorization",
  };
  const match = c.req.header("if-none-match");
  if (match?.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) {
    return c.body(null, 304, headers);
  }
  return c.body(body as Uint8Array<ArrayBuffer>, 200, {
    ...headers,
    "content-type": "application/vnd.mapbox-vector-tile",
  });
});
