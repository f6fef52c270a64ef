// Security (issue 16): a zip bomb is refused from its central directory, at once and without
// unpacking; so are archives with too many entries or an archive inside.
import { PassThrough, Readable } from "node:stream";
import { selectRows } from "@civgrid/api";
import { ZipArchive } from "archiver";
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "./engines.ts";

const GiB = 1024 ** 3;
const MB = 1024 * 1024;

/** Zips the named entries (bytes, or a stream for the large one) into one buffer. */
async function zip(entries: [string, Buffer | Readable][]): Promise<Buffer> {
  const archive = new ZipArchive({ zlib: { level: 9 } });
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => out.on("end", resolve));
  archive.pipe(out);
  for (const [name, content] of entries) archive.append(content, { name });
  await archive.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** `size` bytes of zeros, streamed: the test itself never holds them. */
function zeros(size: number): Readable {
  const chunk = Buffer.alloc(4 * MB);
  let left = size;
  return new Readable({
    read() {
      if (left <= 0) return this.push(null);
      const n = Math.min(left, chunk.length);
      left -= n;
      this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
}

const prj = Buffer.from(
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]]',
);

let bomb: Promise<Buffer> | undefined;
/** A zipped Shapefile whose .shp is 1 GiB of zeros: about 1 MB zipped. */
const zipBomb = () => {
  bomb ??= zip([
    ["grids.shp", zeros(GiB)],
    ["grids.dbf", Buffer.alloc(64)],
    ["grids.prj", prj],
  ]);
  return bomb;
};

describeEachEngine("security: zip bombs", (ctx) => {
  let communityId = 0;
  beforeAll(async () => {
    const [community] = await selectRows<{ id: number }>(
      ctx().db.orm,
      sql`SELECT id FROM communities ORDER BY id LIMIT 1`,
    );
    communityId = community?.id ?? 0;
  }, 120_000);

  const upload = async (bytes: Buffer, name = "grids.zip") => {
    const coordinator = await ctx().as("coordinator");
    const form = new FormData();
    form.set("file", new File([new Uint8Array(bytes)], name, { type: "application/zip" }));
    return coordinator.request(`/api/grids/import?communityId=${communityId}`, {
      method: "POST",
      body: form,
    });
  };

  it("refuses a 1 MB zip holding a 1 GiB .shp at once, with the server's memory flat", async () => {
    const bytes = await zipBomb();
    expect(bytes.length).toBeLessThan(2 * MB);
    await upload(bytes.subarray(0, 0), "warm-up.zip"); // first request's one-off costs aside
    const before = process.memoryUsage();
    let peakRss = before.rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 5);
    const started = performance.now();
    const answer = await upload(bytes);
    const took = performance.now() - started;
    clearInterval(sampler);
    const after = process.memoryUsage();
    peakRss = Math.max(peakRss, after.rss);
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.file).toContain("超过上限 200 MB");
    expect(answer.body.error.fields.file).toContain("1025 MB");
    expect(took).toBeLessThan(2000);
    expect((peakRss - before.rss) / MB).toBeLessThan(50);
    expect((after.heapUsed - before.heapUsed) / MB).toBeLessThan(50);
  }, 180_000);

  it("refuses an archive of too many files, and one holding another archive", async () => {
    const many = await zip(
      Array.from(
        { length: 101 },
        (_, i) => [`part${i}.txt`, Buffer.from(String(i))] as [string, Buffer],
      ),
    );
    const crowded = await upload(many);
    expect(crowded.status).toBe(400);
    expect(crowded.body.error.fields.file).toContain("101 个文件");
    const inner = await zip([["grids.shp", Buffer.alloc(100)]]);
    const nested = await upload(
      await zip([
        ["inner.zip", inner],
        ["grids.dbf", Buffer.alloc(64)],
        ["grids.prj", prj],
        ["grids.shp", Buffer.alloc(100)],
      ]),
    );
    expect(nested.status).toBe(400);
    expect(nested.body.error.fields.file).toContain("inner.zip");
    // The same archive under a harmless name is found by its content.
    const disguised = await upload(
      await zip([
        ["grids.cpg", inner],
        ["grids.dbf", Buffer.alloc(64)],
        ["grids.prj", prj],
        ["grids.shp", Buffer.alloc(100)],
      ]),
    );
    expect(disguised.status).toBe(400);
    expect(disguised.body.error.fields.file).toContain("grids.cpg");
  });
});
