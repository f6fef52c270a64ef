// Delivery (issue 22): text answers compressed as the client asks (brotli first) with the right
// Vary, the build's precompressed copies served as they are, hashed assets cached for a year, the
// files naming them revalidated, and the repeated reads answered 304 when unchanged.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { createApp } from "@civgrid/api";
import { CITIZEN_PAGE_HTML, MY_AREA_PAGE_HTML } from "@civgrid/geo";
import { afterAll, beforeAll, expect, it } from "vitest";
import { precompressFolder } from "../../web/build/precompress-plugin.ts";
import { clientFor, describeEachEngine, signIn } from "./engines.ts";

let dist = "";
const script = `export const grids = ${JSON.stringify(Array.from({ length: 300 }, (_, i) => `网格${i}`))};\n`;

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), "civgrid-delivery-"));
  await mkdir(path.join(dist, "assets"));
  await writeFile(
    path.join(dist, "index.html"),
    `<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div>${"<!-- shell -->".repeat(100)}</body></html>`,
  );
  await writeFile(path.join(dist, "assets", "index-Ab12Cd34.js"), script);
  // the build's copy of index.html for the citizens' pages, preloading their chunk
  await writeFile(
    path.join(dist, CITIZEN_PAGE_HTML),
    `<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script><link rel="modulepreload" crossorigin href="/assets/citizen-page-Ef56Gh78.js"></head><body><div id="root"></div>${"<!-- shell -->".repeat(100)}</body></html>`,
  );
  // and the patrol area's, preloading its page's chunk
  await writeFile(
    path.join(dist, MY_AREA_PAGE_HTML),
    `<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script><link rel="modulepreload" crossorigin href="/assets/my-area-page-Ij90Kl12.js"></head><body><div id="root"></div>${"<!-- shell -->".repeat(100)}</body></html>`,
  );
  await writeFile(
    path.join(dist, "sw.js"),
    `self.addEventListener("fetch", () => {});\n`.repeat(40),
  );
  await writeFile(path.join(dist, "manifest.webmanifest"), JSON.stringify({ name: "创城网格" }));
  precompressFolder(dist);
});
afterAll(() => rm(dist, { recursive: true, force: true }));

describeEachEngine("delivery", (ctx) => {
  const web = () =>
    createApp({ db: ctx().db, cityId: ctx().cityId, basemapUrl: null, webDist: dist });
  const get = (p: string, headers: Record<string, string> = {}) => web().request(p, { headers });

  it("sends a hashed asset as brotli when asked, cached for a year, varying on Accept-Encoding", async () => {
    const res = await get("/assets/index-Ab12Cd34.js", { "accept-encoding": "gzip, deflate, br" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("vary")).toMatch(/accept-encoding/i);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("content-type")).toMatch(/javascript/);
    expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(script);
  });

  it("sends gzip to a client without brotli, and the plain file to one asking for neither", async () => {
    const gzip = await get("/assets/index-Ab12Cd34.js", { "accept-encoding": "gzip" });
    expect(gzip.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(script);
    const plain = await get("/assets/index-Ab12Cd34.js");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("vary")).toMatch(/accept-encoding/i);
    expect(await plain.text()).toBe(script);
  });

  it("revalidates index.html (at any page's address), the service worker and the manifest", async () => {
    for (const p of ["/", "/index.html", "/my-area", "/sw.js", "/manifest.webmanifest"]) {
      const res = await get(p, { "accept-encoding": "br" });
      expect(res.status, p).toBe(200);
      expect(res.headers.get("cache-control"), p).toBe("no-cache");
    }
    const page = await get("/report", { "accept-encoding": "br" });
    expect(page.headers.get("content-encoding")).toBe("br");
    expect(brotliDecompressSync(Buffer.from(await page.arrayBuffer())).toString()).toContain(
      'id="root"',
    );
  });

  it("sends the citizens' pages the copy of index.html preloading their chunk, and no other page", async () => {
    for (const p of ["/report", "/report/12"]) {
      const res = await get(p, { "accept-encoding": "br" });
      expect(res.status, p).toBe(200);
      expect(res.headers.get("cache-control"), p).toBe("no-cache");
      expect(res.headers.get("content-type"), p).toMatch(/text\/html/);
      const html = brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString();
      expect(html, p).toContain("citizen-page-Ef56Gh78.js");
    }
    for (const p of ["/", "/login", "/my-area", "/report/abc", "/reports"]) {
      const html = await (await get(p)).text();
      expect(html, p).toContain('id="root"');
      expect(html, p).not.toContain("citizen-page");
    }
  });

  it("sends a volunteer's /my-area the copy of index.html preloading its page, and no one else", async () => {
    const volunteer = await signIn(web(), "volunteer");
    const res = await volunteer.raw("/my-area", { headers: { "accept-encoding": "br" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const html = brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString();
    expect(html).toContain("my-area-page-Ij90Kl12.js");
    for (const p of ["/", "/login", "/report", "/my-area/1", "/map"])
      expect(await (await volunteer.raw(p)).text(), p).not.toContain("my-area-page");
    // signed out, or signed in as one who does not patrol: the reads it preloads would be refused
    const coordinator = await signIn(web(), "coordinator");
    for (const caller of [
      coordinator,
      clientFor(web()),
      clientFor(web(), "civgrid_session=made-up"),
    ])
      expect(await (await caller.raw("/my-area")).text()).not.toContain("my-area-page");
  });

  it("compresses the API's JSON on the fly as the client asks", async () => {
    const coordinator = await ctx().as("coordinator");
    const brotli = await coordinator.raw("/api/grids", {
      headers: { "accept-encoding": "gzip;q=0.8, br" },
    });
    expect(brotli.status).toBe(200);
    expect(brotli.headers.get("content-encoding")).toBe("br");
    expect(brotli.headers.get("vary")).toMatch(/accept-encoding/i);
    const grids = JSON.parse(
      brotliDecompressSync(Buffer.from(await brotli.arrayBuffer())).toString(),
    );
    expect(grids.features.length).toBeGreaterThan(0);

    const gzip = await coordinator.raw("/api/grids", {
      headers: { "accept-encoding": "br;q=0, gzip" },
    });
    expect(gzip.headers.get("content-encoding")).toBe("gzip");
    expect(JSON.parse(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString())).toEqual(grids);

    const plain = await coordinator.raw("/api/grids");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.json()).toEqual(grids);
  });

  it("answers a repeated read with 304 while its data is unchanged, and 200 once it changes", async () => {
    const coordinator = await ctx().as("coordinator");
    const first = await coordinator.raw("/api/standards");
    expect(first.status).toBe(200);
    const tag = first.headers.get("etag");
    expect(tag).toMatch(/^W\/"/);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    const again = await coordinator.raw("/api/standards", { headers: { "if-none-match": tag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");

    const [standard] = (await first.json()).standards;
    const copy = await coordinator.request(`/api/standards/${standard.id}/versions`, {
      method: "POST",
    });
    expect(copy.status).toBe(201);
    const changed = await coordinator.raw("/api/standards", { headers: { "if-none-match": tag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(tag);
  });
});
