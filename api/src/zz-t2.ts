import { PGlite } from "@electric-sql/pglite";
import { postgis } from "@electric-sql/pglite-postgis";
import { pgDump } from "@electric-sql/pglite-tools/pg_dump";

const withPostgis = process.argv[2] === "postgis";
const pg = await PGlite.create(withPostgis ? { extensions: { postgis } } : {});
if (withPostgis) await pg.exec("CREATE EXTENSION postgis");
await pg.exec("CREATE TABLE t (id int primary key, n text); INSERT INTO t VALUES (1,'a'),(2,'b')");
console.log("dumping");
const t = Date.now();
const f = await pgDump({ pg, args: process.argv.slice(3) });
const s = await f.text();
console.log("ms", Date.now() - t, s.length);
console.log(
  s
    .split("\n")
    .filter((l) => /^\\|EXTENSION|INSERT|transaction_timeout/.test(l))
    .join("\n"),
);
