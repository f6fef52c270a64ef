// `pnpm --filter @civgrid/api db:snapshot`: makes the embedded engine's schema snapshot and slim
// PostGIS bundle now (at build time) rather than at the first start (db/embedded-assets.ts).
import { openDb } from "./client.ts";
import { schemaSnapshotFile } from "./embedded-assets.ts";

const db = await openDb({ dataDir: "memory://", onProgress: (line) => console.log(line) });
await db.migrate();
await db.close();
console.log(`schema snapshot: ${await schemaSnapshotFile()}`);
