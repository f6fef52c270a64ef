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

-- 7. What the app's connections need: a query that joins two distributed tables only on their
--    city (every join of CivGrid does, tests/api/scaling.test.ts) is pushed down whole; nothing
--    needs repartition joins.
ANALYZE;
