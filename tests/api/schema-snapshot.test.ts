// The embedded engine's schema snapshot (api/src/db/embedded-assets.ts) is the migrations, not a
// second copy of them: a fresh database opened from it has the same tables, columns, indexes,
// constraints, functions, triggers, views, extensions and migration journal as one that replayed
// every migration, and migrating it applies nothing more.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Db, openDb, selectRows } from "@civgrid/api";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { schemaSnapshotFile, unpackSchemaSnapshot } from "../../api/src/db/embedded-assets.ts";

const fingerprint = async (db: Db) =>
  (
    await selectRows<Record<string, string>>(
      db.orm,
      sql`SELECT
        (SELECT string_agg(format('%s.%s.%s %s %s %s', table_schema, table_name, column_name,
            data_type, is_nullable, column_default), E'\n' ORDER BY 1)
          FROM information_schema.columns WHERE table_schema IN ('public', 'drizzle')) AS columns,
        (SELECT string_agg(indexdef, E'\n' ORDER BY indexdef) FROM pg_indexes
          WHERE schemaname IN ('public', 'drizzle')) AS indexes,
        (SELECT string_agg(format('%s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid)),
            E'\n' ORDER BY 1) FROM pg_constraint WHERE connamespace = 'public'::regnamespace) AS constraints,
        (SELECT string_agg(format('%s(%s) %s', proname, pg_get_function_arguments(oid), md5(prosrc)),
            E'\n' ORDER BY 1) FROM pg_proc WHERE pronamespace = 'public'::regnamespace) AS functions,
        (SELECT string_agg(pg_get_triggerdef(oid), E'\n' ORDER BY 1) FROM pg_trigger
          WHERE NOT tgisinternal) AS triggers,
        (SELECT string_agg(format('%s %s', viewname, definition), E'\n' ORDER BY 1) FROM pg_views
          WHERE schemaname = 'public') AS views,
        (SELECT string_agg(format('%s %s', extname, extversion), ', ' ORDER BY 1)
          FROM pg_extension) AS extensions,
        (SELECT string_agg(hash, ', ' ORDER BY id) FROM drizzle.__drizzle_migrations) AS migrations,
        (SELECT count(*)::text FROM spatial_ref_sys) AS "spatial_ref_sys rows"`,
    )
  )[0]!;

describe("the embedded engine's schema snapshot", () => {
  const open: Db[] = [];
  afterAll(async () => {
    for (const db of open) await db.close();
  });

  it("equals replaying every migration, and a database from it migrates no further", async () => {
    const replayed = await openDb({ dataDir: "memory://", schemaSnapshot: false });
    open.push(replayed);
    await replayed.migrate();
    const expected = await fingerprint(replayed);
    expect(expected.migrations?.split(", ").length).toBeGreaterThan(20);

    // The first fresh database made without a snapshot leaves one; the next one starts from it.
    const file = await schemaSnapshotFile();
    if (!existsSync(file)) {
      const first = await openDb({ dataDir: "memory://" });
      open.push(first);
      await first.migrate();
      expect(existsSync(file)).toBe(true);
    }
    const lines: string[] = [];
    const fromSnapshot = await openDb({ dataDir: "memory://", onProgress: (l) => lines.push(l) });
    open.push(fromSnapshot);
    expect(lines.join("\n")).toContain("from the schema snapshot");
    const before = await fingerprint(fromSnapshot);
    await fromSnapshot.migrate();
    expect(await fingerprint(fromSnapshot)).toEqual(before);
    expect(before).toEqual(expected);

    // On disk, Node unpacks the snapshot (not PGlite's loadDataDir), PG_VERSION last: a directory
    // whose unpack was cut short before it is still fresh, and is unpacked again over what is there.
    const dir = await mkdtemp(path.join(tmpdir(), "civgrid-snapshot-"));
    try {
      const dataDir = path.join(dir, "data");
      await unpackSchemaSnapshot(file, dataDir);
      expect(existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true);
      await rm(path.join(dataDir, "PG_VERSION"));
      const diskLines: string[] = [];
      const onDisk = await openDb({ dataDir, onProgress: (l) => diskLines.push(l) });
      try {
        expect(diskLines.join("\n")).toContain("from the schema snapshot");
        await onDisk.migrate();
        expect(await fingerprint(onDisk)).toEqual(expected);
      } finally {
        await onDisk.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
