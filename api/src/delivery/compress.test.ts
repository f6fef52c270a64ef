import { gunzipSync } from "node:zlib";
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { describe, expect, it } from "vitest";
import { chooseEncoding, compressAnswers } from "./compress.ts";

const big = { rows: Array.from({ length: 400 }, (_, i) => ({ id: i, name: `网格 ${i}` })) };

function app() {
  const hono = new Hono();
  hono.use("*", compressAnswers());
  hono.get("/big", (c) => c.json(big));
  // a length under the threshold, where the answer says it
  hono.get("/small", (c) =>
    c.body('{"ok":true}', 200, { "Content-Type": "application/json", "Content-Length": "11" }),
  );
  hono.get("/stream", (c) =>
    streamSSE(c, async (stream) => {
      await stream.writeSSE({ event: "notification", data: '{"unread":1}' });
      await stream.sleep(60_000);
    }),
  );
  return hono;
}

describe("compressAnswers", () => {
  it("prefers brotli on a tie and honours q=0", () => {
    expect(chooseEncoding("gzip, deflate, br")).toBe("br");
    expect(chooseEncoding("gzip;q=1, br;q=0.5")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0")).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });

  it("compresses a large JSON answer and leaves one that says it is small alone", async () => {
    const res = await app().request("/big", { headers: { "Accept-Encoding": "gzip" } });
    expect(res.headers.get("Content-Encoding")).toBe("gzip");
    expect(res.headers.get("Vary")).toMatch(/Accept-Encoding/);
    const body = Buffer.from(await res.arrayBuffer());
    expect(JSON.parse(gunzipSync(body).toString())).toEqual(big);
    const small = await app().request("/small", { headers: { "Accept-Encoding": "gzip" } });
    expect(small.headers.get("Content-Encoding")).toBeNull();
  });

  it("never holds back server-sent events: the first event arrives at once, uncompressed", async () => {
    const res = await app().request("/stream", { headers: { "Accept-Encoding": "gzip, br" } });
    expect(res.headers.get("Content-Encoding")).toBeNull();
    const reader = res.body!.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain("event: notification");
    await reader.cancel();
  });
});
