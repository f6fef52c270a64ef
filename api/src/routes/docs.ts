// GET /api/docs: the API reference page, with its script served from our own node_modules
// so that it works on a machine with no internet.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { Scalar } from "@scalar/hono-api-reference";
import { Hono } from "hono";

// The package exports no path to its browser bundle, so find it beside its main entry.
const bundle = fileURLToPath(
  new URL("./browser/standalone.js", import.meta.resolve("@scalar/api-reference")),
);

export const docsRoutes = new Hono()
  .get(
    "/",
    Scalar({ url: "/api/openapi.json", pageTitle: "CivGrid API", cdn: "/api/docs/scalar.js" }),
  )
  .get("/scalar.js", async (c) => {
    const { size } = await stat(bundle);
    c.header("content-type", "text/javascript; charset=utf-8");
    c.header("content-length", String(size));
    c.header("cache-control", "public, max-age=86400");
    return c.body(Readable.toWeb(createReadStream(bundle)) as ReadableStream);
  });
