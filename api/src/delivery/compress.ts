// Compresses text answers on the fly (JSON, GeoJSON, XML, vector tiles) with brotli or gzip, as
// the client asks. Our own rather than hono/compress: that one offers only gzip and deflate (it
// uses CompressionStream, which has no brotli in Node 20); node:zlib has both.
import { Readable } from "node:stream";
import { constants, createBrotliCompress, createGzip } from "node:zlib";
import type { MiddlewareHandler } from "hono";

/** Answers worth compressing: text, JSON/XML and the protobuf of vector tiles. */
const COMPRESSIBLE =
  /^\s*(?:text\/|application\/(?:json|geo\+json|javascript|xml|x-protobuf|vnd\.mapbox-vector-tile)|[^;\s]+\+(?:json|xml))/i;
/**
 * Never a live stream: a compressor holds back what it has until its buffer fills, so server-sent
 * events (the notifications' bell) would reach the page minutes late, or never.
 */
const STREAMED = /^\s*text\/event-stream/i;
/** Below this a compressed answer is not smaller by enough to pay for the work. */
const THRESHOLD = 1024;

type Encoding = "br" | "gzip";

/** The client's preferred encoding of the two we make (brotli on a tie), from Accept-Encoding. */
export function chooseEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    if (name) q.set(name, weight === undefined ? 1 : Number(weight));
  }
  const of = (name: Encoding) => q.get(name) ?? q.get("*") ?? 0;
  const best = of("br") >= of("gzip") ? "br" : "gzip";
  return of(best) > 0 ? best : null;
}

function compressor(encoding: Encoding) {
  // Brotli's default quality (11) is for files made once; 5 keeps an answer's cost near gzip's.
  return encoding === "br"
    ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
    : createGzip({ level: 6 });
}

export function compressAnswers(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get("Content-Type");
    const length = res.headers.get("Content-Length");
    if (
      c.req.method === "HEAD" ||
      !res.body ||
      res.status === 206 ||
      res.status === 304 ||
      res.headers.has("Content-Encoding") ||
      !type ||
      !COMPRESSIBLE.test(type) ||
      STREAMED.test(type) ||
      (length !== null && Number(length) < THRESHOLD) ||
      /no-transform/i.test(res.headers.get("Cache-Control") ?? "")
    )
      return;
    const vary = res.headers.get("Vary");
    if (!vary || !/accept-encoding/i.test(vary))
      c.header("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    const encoding = chooseEncoding(c.req.header("Accept-Encoding"));
    if (!encoding) return;
    const body = Readable.fromWeb(res.body as import("node:stream/web").ReadableStream).pipe(
      compressor(encoding),
    );
    c.res = new Response(Readable.toWeb(body) as ReadableStream, c.res);
    c.res.headers.delete("Content-Length");
    c.res.headers.set("Content-Encoding", encoding);
    const etag = c.res.headers.get("ETag");
    if (etag && !etag.startsWith("W/")) c.res.headers.set("ETag", `W/${etag}`);
  };
}
