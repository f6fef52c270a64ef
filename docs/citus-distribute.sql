-- Distributes a CivGrid database by city on Citus (docs/scaling.md, issue 24).
--
-- Run once, with psql, on the coordinator's database after CivGrid has migrated it (and loaded
-- its data, if any):   psql -v ON_ERROR_STOP=1 -d <coordinator database> -f docs/citus-distribute.sql
-- Every node has the citus and postgis extensions, and the coordinator knows its workers
-- (citus_set_coordinator_host, citus_add_node). The script reads the tables, keys and triggers
-- from the catalogue, so a table added by a later migration is covered without editing it.
\set ON_ERROR_STOP on

-- 1. CivGrid's functions on every node: the hexagon and tile-cell computations run in the shards'
--    queries, and the rollup triggers run on the shards.
SELECT create_distributed_function(p.oid::regprocedure)
FROM pg_proc p
WHERE p.pronamespace = 'public'::regnamespace AND p.proname LIKE 'civgrid\_%'
ORDER BY p.proname;

-- 2. The foreign keys and triggers, kept aside and dropped: the tables are distributed without
--    them, in any order (copying a table's rows into its shards would fire its triggers and count
--    every problem twice in the rollups, whose rows are copied too), and they come back below.
CREATE TEMP TABLE saved_ddl AS
SELECT 1 AS step, con.conrelid::regclass::text AS tbl, con.conname::text AS name,
  pg_get_constraintdef(con.oid) AS def
FROM pg_constraint con
WHERE con.contype = 'f' AND con.connamespace = 'public'::regnamespace
UNION ALL
SELECT 2, tg.tgrelid::regclass::text, tg.tgname::text, pg_get_triggerdef(tg.oid)
FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid
WHERE NOT tg.tgisinternal AND c.relnamespace = 'public'::regnamespace;

SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', tbl, name) FROM saved_ddl WHERE step = 1 \gexec
SELECT format('DROP TRIGGER %I ON %s', name, tbl) FROM saved_ddl WHERE step = 2 \gexec

-- 3. Reference tables, copied to every node: the cities, and the sign-in lookup (a username,
--    mobile number, session or token hash → its city), read before a request knows its city.
SELECT create_reference_table('cities');
SELECT create_reference_table('logins');

-- 4. Every other table with a city_id, distributed by it and co-located with the first, so that
--    a city's rows of every table are on one node. The tables without a city (sign-in and request
--    throttles, scheduled runs, the migration journal) stay local to the coordinator.
SELECT format('SELECT create_distributed_table(%L, %L%s)', t.table_name, 'city_id',
  CASE WHEN row_number() OVER (ORDER BY t.table_name) = 1 THEN ''
    ELSE format(', colocate_with => %L', first_value(t.table_name) OVER (ORDER BY t.table_name)) END)
FROM information_schema.tables t
WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
  AND t.table_name NOT IN ('cities', 'logins')
  AND EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = t.table_schema
    AND c.table_name = t.table_name AND c.column_name = 'city_id')
ORDER BY t.table_name \gexec

-- 4b. create_distributed_table and create_reference_table copy the rows into the shards but leave
--     them in the coordinator's own table, unseen and on disk ("The local data in the table is no
--     longer visible"). Emptied now, while no key and no trigger is on the tables.
SELECT format('SELECT truncate_local_data_after_distributing_table(%L)', logicalrelid::text)
FROM pg_dist_partition
WHERE logicalrelid::regclass::text IN (SELECT table_name FROM information_schema.tables
  WHERE table_schema = 'public' AND table_type = 'BASE TABLE')
ORDER BY 1 \gexec

-- 5. The foreign keys again. Each key between two city tables includes city_id (migration
--    0040), so Citus checks it on the shard; a key into cities points at a reference table.
SELECT format('ALTER TABLE %s ADD CONSTRAINT %I %s', tbl, name, def)
FROM saved_ddl WHERE step = 1 ORDER BY tbl, name \gexec

-- 6. The triggers again, on the distributed tables: Citus creates each on every shard, and on the
--    shards a move or split makes later. A rollup trigger writes the co-located shard of its
--    rollup, which civgrid_rollup_table finds from pg_dist_shard at each firing (migration 0041);
--    Citus calls such triggers "unsafe" and wants them allowed, in this session and in the app's.
SET citus.enable_unsafe_triggers = on;
SELECT def FROM saved_ddl WHERE step = 2 ORDER BY tbl, name \gexec
SELECT format('ALTER DATABASE %I SET citus.enable_unsafe_triggers = on', current_database()) \gexec

-- 7. Checked: every table with a city_id is a distributed or reference table, and every key and
--    trigger set aside in step 2 is back under its name, on the coordinator and on every shard.
DO $$
DECLARE
  missing text;
BEGIN
  SELECT string_agg(c.relname, ', ') INTO missing
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'city_id' AND NOT a.attisdropped
  WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
    AND NOT EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = c.oid);
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'not distributed: %', missing;
  END IF;
  SELECT string_agg(format('%s on %s', d.name, d.tbl), ', ') INTO missing
  FROM saved_ddl d
  WHERE NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE d.step = 1
      AND con.conrelid = d.tbl::regclass AND con.conname = d.name)
    AND NOT EXISTS (SELECT 1 FROM pg_trigger tg WHERE d.step = 2
      AND tg.tgrelid = d.tbl::regclass AND tg.tgname = d.name);
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'not restored: %', missing;
  END IF;
END
$$;
-- On the shards: each shard carries as many keys and triggers as its table (Citus names them
-- <name>_<shard id>, shortened with a hash when that is too long; and it puts no TRUNCATE trigger
-- on a shard: the coordinator runs those). run_command_on_shards reports a failure as a row, so
-- its success column is checked too.
CREATE TEMP TABLE shard_check AS
SELECT e.tbl, e.expected, s.shardid, s.success, s.result
FROM (SELECT d.tbl, format('%s keys, %s triggers', count(*) FILTER (WHERE d.step = 1),
      count(*) FILTER (WHERE d.step = 2)) AS expected
    FROM saved_ddl d
    WHERE d.tbl::regclass IN (SELECT logicalrelid FROM pg_dist_partition)
      AND NOT EXISTS (SELECT 1 FROM pg_trigger tg WHERE d.step = 2 AND tg.tgrelid = d.tbl::regclass
        AND tg.tgname = d.name AND tg.tgtype & 32 <> 0)
    GROUP BY d.tbl) e
  CROSS JOIN LATERAL run_command_on_shards(e.tbl, $q$SELECT format('%%s keys, %%s triggers',
      (SELECT count(*) FROM pg_constraint WHERE conrelid = '%1$s'::regclass AND contype = 'f'),
      (SELECT count(*) FROM pg_trigger WHERE tgrelid = '%1$s'::regclass AND NOT tgisinternal))$q$) s;
DO $$
DECLARE
  bad text;
BEGIN
  SELECT string_agg(format('%s shard %s: %s, not %s', tbl, shardid, result, expected), '; ') INTO bad
  FROM shard_check WHERE NOT success OR result IS DISTINCT FROM expected;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'keys or triggers missing on shards: %', bad;
  END IF;
END
$$;
SELECT count(DISTINCT tbl) AS tables_checked, count(*) AS shards_checked FROM shard_check;

-- 8. Statistics for the planner. Nothing is set for repartition joins: a query that joins two
--    distributed tables on their city is pushed down whole; one that does not is refused, as it
--    should be (it would read every shard). docs/scaling.md lists what the app still sends that
--    fans out or is refused.
ANALYZE;
