// GET /api/docs: the API reference page (Swagger UI), with its script and styles served from our
// own node_modules so that it works on a machine with no internet. The page has no inline script:
// the content security policy allows scripts from this server only, so the start-up call is a
// file of its own (init.js). Swagger UI rather than Scalar: Scalar's packages declare Node >= 22.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { Readable } from "node:stream";
import { Hono } from "hono";

// The package's folder, found without importing it: its index loads the whole Swagger UI bundle
// into the server (~0.25 s of every start, issue 23) just to return this path.
const dist = path.dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

/** The files the page loads, by the name it loads them under. */
const assets: Record<string, { file: string; type: string }> = {
  "swagger-ui-bundle.js": { file: "swagger-ui-bundle.js", type: "text/javascript; charset=utf-8" },
  "swagger-ui.css": { file: "swagger-ui.css", type: "text/css; charset=utf-8" },
};

const page = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>CivGrid API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<div id="docs"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
`;

const init = `window.ui = SwaggerUIBundle({
  url: "/api/openapi.json",
  dom_id: "#docs",
  deepLinking: true,
  tryItOutEnabled: false,
  validatorUrl: null,
});
`;

export const docsRoutes = new Hono()
  .get("/", (c) => c.html(page))
  .get("/init.js", (c) => {
    c.header("content-type", "text/javascript; charset=utf-8");
    c.header("cache-control", "public, max-age=86400");
    return c.body(init);
  })
  .get("/:asset{swagger-ui(?:-bundle\\.js|\\.css)}", async (c) => {
    const asset = assets[c.req.param("asset")];
    if (!asset) return c.notFound();
    const file = path.join(dist, asset.file);
    const { size } = await stat(file);
    c.header("content-type", asset.type);
    c.header("content-length", String(size));
    c.header("cache-control", "public, max-age=86400");
    return c.body(Readable.toWeb(createReadStream(file)) as ReadableStream);
  });
