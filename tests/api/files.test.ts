// Photo uploads: judged by content, kept once by hash with a thumbnail, EXIF offered, and nothing
// left on disk or in the database when an upload fails.
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApp, selectRows, sweepOrphanFiles } from "@civgrid/api";
import { sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Client, describeEachEngine, signIn } from "./engines.ts";

const MB = 1024 * 1024;

/** A photo-like picture: noise compresses badly, so each is distinct and its thumbnail smaller. */
const noise = (width: number, height: number) =>
  sharp({
    create: {
      width,
      height,
      channels: 3,
      background: "#000",
      noise: { type: "gaussian", mean: 128, sigma: 40 },
    },
  });
const noiseJpeg = (width = 1200, height = 900) => noise(width, height).jpeg().toBuffer();

const solid = () => sharp({ create: { width: 40, height: 30, channels: 3, background: "#2a6" } });

/** Taken at 35.09° N, 117.16° E (Tengzhou) on 6 May 2024, 07:08:09 local time. */
const exifJpeg = () =>
  noise(64, 48)
    .jpeg()
    .withExif({
      IFD2: { DateTimeOriginal: "2024:05:06 07:08:09" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "35/1 5/1 2400/100",
        GPSLongitudeRef: "E",
        GPSLongitude: "117/1 9/1 3600/100",
      },
    })
    .toBuffer();

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describeEachEngine("photo uploads", (ctx) => {
  let dir = "";
  let volunteer: Client;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "civgrid-files-test-"));
    const app = createApp({ db: ctx().db, cityId: ctx().cityId, basemapUrl: null, filesDir: dir });
    volunteer = await signIn(app, "volunteer");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const upload = (bytes: Uint8Array, name = "现场.jpg", type = "image/jpeg") => {
    const form = new FormData();
    form.set("file", new File([new Uint8Array(bytes)], name, { type }));
    return volunteer.request("/api/files", { method: "POST", body: form });
  };
  /** Every file under FILES_DIR, temp files included. */
  const onDisk = async () =>
    (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort();
  const fileRows = async () =>
    (await selectRows<{ n: number }>(ctx().db.orm, sql`SELECT count(*)::int AS n FROM files`))[0]
      ?.n;

  it("stores a JPEG by its hash, with a smaller WebP thumbnail", async () => {
    const jpeg = await noiseJpeg();
    const { status, body } = await upload(jpeg, "门口 (1).jpg");
    expect(status).toBe(201);
    const hash = sha256(jpeg);
    expect(body).toMatchObject({
      sha256: hash,
      mime: "image/jpeg",
      size: jpeg.length,
      originalName: "门口 (1).jpg",
    });
    expect(body).toMatchObject({
      url: `/api/files/${body.id}`,
      thumbnailUrl: `/api/files/${body.id}/thumbnail`,
    });
    expect(await onDisk()).toEqual(
      expect.arrayContaining([path.join(hash.slice(0, 2), hash.slice(2, 4), hash)]),
    );

    const original = await volunteer.raw(body.url);
    expect(original.status).toBe(200);
    expect(Buffer.from(await original.arrayBuffer()).equals(jpeg)).toBe(true);
    expect(original.headers.get("content-type")).toBe("image/jpeg");
    expect(original.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(original.headers.get("x-content-type-options")).toBe("nosniff");
    expect(original.headers.get("content-disposition")).toBe(
      "inline; filename*=UTF-8''%E9%97%A8%E5%8F%A3%20%281%29.jpg",
    );

    const thumbnail = await volunteer.raw(body.thumbnailUrl);
    expect(thumbnail.headers.get("content-type")).toBe("image/webp");
    const bytes = Buffer.from(await thumbnail.arrayBuffer());
    expect(bytes.length).toBeLessThan(jpeg.length);
    expect(await sharp(bytes).metadata()).toMatchObject({
      format: "webp",
      width: 480,
      height: 360,
    });
  });

  it("answers the same bytes again with the stored record, kept once", async () => {
    const jpeg = await noiseJpeg(300, 200);
    const first = await upload(jpeg);
    const again = await upload(jpeg, "another-name.jpg");
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body).toEqual(first.body);
    const hash = sha256(jpeg);
    const rows = await selectRows(ctx().db.orm, sql`SELECT id FROM files WHERE sha256 = ${hash}`);
    expect(rows).toHaveLength(1);
    expect((await onDisk()).filter((f) => f.includes(hash))).toHaveLength(2); // photo + thumbnail
  });

  it("judges PNG and WebP by their content, not their name", async () => {
    const png = await upload(await solid().png().toBuffer(), "named-as.jpg");
    expect(png.status).toBe(201);
    expect(png.body.mime).toBe("image/png");
    const webp = await upload(await solid().webp().toBuffer(), "photo", "application/octet-stream");
    expect(webp.status).toBe(201);
    expect(webp.body).toMatchObject({ mime: "image/webp", takenAt: null, location: null });
  });

  it("offers the photo's EXIF position and time", async () => {
    const { status, body } = await upload(await exifJpeg());
    expect(status).toBe(201);
    expect(body.takenAt).toBe("2024-05-05T23:08:09.000Z"); // 07:08:09 China Standard Time
    expect(body.location[0]).toBeCloseTo(117.16, 6);
    expect(body.location[1]).toBeCloseTo(35.09, 6);
    const [row] = await selectRows<{ srid: number }>(
      ctx().db.orm,
      sql`SELECT ST_SRID(exif_location) AS srid FROM files WHERE id = ${body.id}`,
    );
    expect(row?.srid).toBe(4326);
  });

  it("turns a portrait phone photo upright in its thumbnail", async () => {
    const sideways = await sharp(await noiseJpeg(640, 480))
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const { body } = await upload(sideways);
    const thumbnail = await volunteer.raw(body.thumbnailUrl);
    const size = await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata();
    expect([size.width, size.height]).toEqual([360, 480]);
  });

  it("refuses what is not a photo, saying what it is, and stores nothing", async () => {
    const [rows, files] = [await fileRows(), await onDisk()];
    const heic = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from("ftypheic\0\0\0\0mif1heic"),
      Buffer.alloc(64),
    ]);
    const cases: [Uint8Array, string, string][] = [
      [
        Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
        "report.jpg",
        "这是 PDF 文件，不是照片",
      ],
      [Buffer.from("巡查记录：楼道堆物\n"), "notes.jpg", "这是文本文件，不是照片"],
      [heic, "IMG_0001.HEIC", "暂不支持 HEIC，请在手机设置中选择「兼容性最佳」或上传 JPG"],
      [await solid().gif().toBuffer(), "anim.gif", "暂不支持 GIF 格式的图片"],
      [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2, 3]), "broken.jpg", "照片已损坏或无法读取"],
      [Buffer.alloc(0), "empty.jpg", "文件是空的"],
    ];
    for (const [bytes, name, message] of cases) {
      const { status, body } = await upload(bytes, name);
      expect(status, name).toBe(400);
      expect(body.error.fields.file, name).toContain(message);
    }
    const missing = await volunteer.request("/api/files", { method: "POST", body: new FormData() });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.file).toBe("请选择要上传的照片");
    const json = await volunteer.request("/api/files", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ file: "photo.jpg" }),
    });
    expect(json.status).toBe(415); // not multipart at all
    expect([await fileRows(), await onDisk()]).toEqual([rows, files]);
  });

  it("refuses an upload over the limit with 413 and stores nothing", async () => {
    const [rows, files] = [await fileRows(), await onDisk()];
    const header = await noiseJpeg(64, 64);
    for (const size of [11 * MB, 10 * MB + 1]) {
      const big = Buffer.concat([header, Buffer.alloc(size - header.length)]);
      const { status, body } = await upload(big);
      expect(status, `${size} bytes`).toBe(413);
      expect(body.error.message).toBe("照片不能超过 10 MB，请压缩后再上传");
    }
    expect([await fileRows(), await onDisk()]).toEqual([rows, files]);
  });

  it("leaves no file behind when the database refuses the row", async () => {
    const [rows, files] = [await fileRows(), await onDisk()];
    const { db } = ctx();
    await db.orm.execute(sql`CREATE FUNCTION test_refuse_files() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'disk full, say'; END $$`);
    await db.orm.execute(sql`CREATE TRIGGER test_refuse_files BEFORE INSERT ON files
      FOR EACH ROW EXECUTE FUNCTION test_refuse_files()`);
    try {
      expect((await upload(await noiseJpeg(200, 100))).status).toBe(500);
    } finally {
      await db.orm.execute(sql`DROP TRIGGER test_refuse_files ON files`);
      await db.orm.execute(sql`DROP FUNCTION test_refuse_files()`);
    }
    expect([await fileRows(), await onDisk()]).toEqual([rows, files]);
  });

  it("takes the row back when the photo cannot be put in place", async () => {
    const [rows, files] = [await fileRows(), await onDisk()];
    const jpeg = await noiseJpeg(200, 100);
    const hash = sha256(jpeg);
    // A plain file where the photo's folder must go: the rename after the commit fails.
    const blocker = path.join(dir, hash.slice(0, 2), hash.slice(2, 4));
    await mkdir(path.dirname(blocker), { recursive: true });
    await writeFile(blocker, "not a folder");
    try {
      expect((await upload(jpeg)).status).toBe(500);
    } finally {
      await rm(blocker);
    }
    expect([await fileRows(), await onDisk()]).toEqual([rows, files]);
  });

  it("shows a photo only to signed-in users of its city", async () => {
    const { body } = await upload(await noiseJpeg(100, 100));
    expect((await ctx().anonymous.request(body.url)).status).toBe(401);
    expect((await volunteer.request("/api/files/999999")).status).toBe(404);
    const [other] = await selectRows<{ id: number }>(
      ctx().db.orm,
      sql`WITH city AS (INSERT INTO cities (code, name) VALUES ('370400', '枣庄市') RETURNING id)
          INSERT INTO files (city_id, sha256, mime, size, original_name)
          SELECT id, ${body.sha256}, 'image/jpeg', ${body.size}, 'x.jpg' FROM city RETURNING id`,
    );
    const elsewhere = await volunteer.request(`/api/files/${other?.id}`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.error.message).toContain("找不到文件");
  });

  it("sweeps old unreferenced files and crash leftovers, keeping what a problem uses", async () => {
    const { db, cityId } = ctx();
    const used = (await upload(await noiseJpeg(120, 90))).body;
    const unused = (await upload(await noiseJpeg(120, 90))).body;
    await db.orm.execute(
      sql`UPDATE files SET created_at = now() - interval '48 hours' WHERE id IN (${used.id}, ${unused.id})`,
    );
    await db.orm.execute(sql`INSERT INTO problem_photos (city_id, problem_id, file_id, phase)
      SELECT ${cityId}, id, ${used.id}, 'before' FROM problems WHERE city_id = ${cityId} ORDER BY id LIMIT 1`);
    const crashed = path.join(dir, ".tmp", "crashed-upload");
    const inFlight = path.join(dir, ".tmp", "upload-in-flight");
    await writeFile(crashed, "half a photo");
    await writeFile(inFlight, "a photo being written");
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(crashed, twoHoursAgo, twoHoursAgo);

    const result = await sweepOrphanFiles(db, dir);
    expect(result.tempFiles).toBe(1);
    const left = await selectRows<{ id: number }>(
      db.orm,
      sql`SELECT id FROM files WHERE id IN (${used.id}, ${unused.id})`,
    );
    expect(left.map((r) => r.id)).toEqual([used.id]);
    const disk = await onDisk();
    expect(disk.filter((f) => f.includes(used.sha256))).toHaveLength(2);
    expect(disk.filter((f) => f.includes(unused.sha256))).toHaveLength(0);
    expect(disk).toContain(path.join(".tmp", "upload-in-flight"));
    expect(disk).not.toContain(path.join(".tmp", "crashed-upload"));
    expect((await volunteer.raw(used.url)).status).toBe(200);
  });
});
