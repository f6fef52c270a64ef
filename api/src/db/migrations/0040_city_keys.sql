-- Keys that distribute by city (issue 24; docs/scaling.md). Citus accepts a primary key, a unique
-- constraint or a foreign key on a table distributed by city_id only if it includes city_id, so:
--   1. every foreign key from one city table to another, `x_id → t(id)`, becomes
--      `(city_id, x_id) → t(city_id, id)` with the same name and the same ON DELETE action, but
--      SET NULL, which Citus refuses on a key that includes the distribution column: the one such
--      key (deliveries.user_id) becomes a plain key; no service deletes a user (an account is
--      disabled, never deleted), and one that did would clear the column in its transaction;
--   2. every primary key and unique constraint of a city table that lacks city_id gets it first,
--      under the same name (so ON CONFLICT ON CONSTRAINT keeps working), and so do the two
--      partial unique indexes;
--   3. what must stay unique across cities (a username, a mobile number, a session's or an access
--      token's hash) is claimed in `logins`, a small table with no foreign key into a city
--      table, which Citus copies to every node (a reference table); the sign-in and the session
--      lookup read it first and from then on every statement of the request names its city.
-- Read from the catalogue rather than listed, so that no key is forgotten; nothing is deleted: a
-- row whose target lies in another city makes the new key fail, and the migration with it.
DO $$
DECLARE
  city_tables text[];
  fk record;
  pk record;
  keys jsonb := '[]';
BEGIN
  SELECT array_agg(c.table_name::text) INTO city_tables
  FROM information_schema.columns c
  JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
  WHERE c.table_schema = 'public' AND c.column_name = 'city_id' AND t.table_type = 'BASE TABLE';

  -- 1. Foreign keys between two city tables: remembered, then dropped (they hang on the keys below).
  FOR fk IN
    SELECT con.conname AS name, src.relname AS src, dst.relname AS dst, con.confdeltype AS on_delete,
      (SELECT string_agg(format('%I', a.attname), ', ' ORDER BY o.n)
        FROM unnest(con.conkey) WITH ORDINALITY o(att, n)
        JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = o.att) AS cols,
      (SELECT string_agg(format('%I', a.attname), ', ' ORDER BY o.n)
        FROM unnest(con.confkey) WITH ORDINALITY o(att, n)
        JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = o.att) AS target_cols
    FROM pg_constraint con
    JOIN pg_class src ON src.oid = con.conrelid
    JOIN pg_class dst ON dst.oid = con.confrelid
    WHERE con.contype = 'f' AND src.relnamespace = 'public'::regnamespace
      AND src.relname = ANY (city_tables) AND dst.relname = ANY (city_tables)
      AND NOT ('city_id' = ANY (SELECT a.attname FROM pg_attribute a
        WHERE a.attrelid = con.conrelid AND a.attnum = ANY (con.conkey)))
    ORDER BY 2, 1
  LOOP
    keys := keys || jsonb_build_object('name', fk.name, 'src', fk.src, 'dst', fk.dst,
      'cols', fk.cols, 'target_cols', fk.target_cols, 'on_delete', fk.on_delete);
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', fk.src, fk.name);
  END LOOP;

  -- 2. Primary keys and unique constraints without city_id: the same name, city_id first.
  FOR pk IN
    SELECT con.conname AS name, cls.relname AS tbl, con.contype AS kind,
      (SELECT string_agg(format('%I', a.attname), ', ' ORDER BY o.n)
        FROM unnest(con.conkey) WITH ORDINALITY o(att, n)
        JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = o.att) AS cols
    FROM pg_constraint con
    JOIN pg_class cls ON cls.oid = con.conrelid
    WHERE con.contype IN ('p', 'u') AND cls.relnamespace = 'public'::regnamespace
      AND cls.relname = ANY (city_tables)
      AND NOT ('city_id' = ANY (SELECT a.attname FROM pg_attribute a
        WHERE a.attrelid = con.conrelid AND a.attnum = ANY (con.conkey)))
    ORDER BY 2, 3, 1
  LOOP
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I, ADD CONSTRAINT %I %s (city_id, %s)',
      pk.tbl, pk.name, pk.name, CASE pk.kind WHEN 'p' THEN 'PRIMARY KEY' ELSE 'UNIQUE' END, pk.cols);
  END LOOP;

  -- 3. The foreign keys again, each carrying the city.
  FOR fk IN SELECT * FROM jsonb_to_recordset(keys)
    AS x(name text, src text, dst text, cols text, target_cols text, on_delete text)
  LOOP
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I FOREIGN KEY (city_id, %s) REFERENCES %I (city_id, %s)%s',
      fk.src, fk.name, fk.cols, fk.dst, fk.target_cols,
      CASE fk.on_delete
        WHEN 'c' THEN ' ON DELETE CASCADE'
        WHEN 'r' THEN ' ON DELETE RESTRICT'
        ELSE '' END);
  END LOOP;
END
$$;
--> statement-breakpoint
-- The two partial unique indexes: one lead unit and one grid leader per grid.
DROP INDEX "grid_units_one_lead";--> statement-breakpoint
CREATE UNIQUE INDEX "grid_units_one_lead" ON "grid_units" ("city_id", "grid_id") WHERE role = 'lead';--> statement-breakpoint
DROP INDEX "grid_people_one_leader";--> statement-breakpoint
CREATE UNIQUE INDEX "grid_people_one_leader" ON "grid_people" ("city_id", "grid_id") WHERE role = 'leader';--> statement-breakpoint
-- What a sign-in names (a username or a mobile number) and what a request carries (a session's or
-- an access token's SHA-256), each unique across every city, with the city and the account it
-- belongs to. Written by the accounts' services in the transaction that writes the account, the
-- session or the token (accounts/logins.ts); no trigger, no foreign key into a city table.
CREATE TABLE "logins" (
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"city_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	CONSTRAINT "logins_pkey" PRIMARY KEY ("kind", "key"),
	CONSTRAINT "logins_kind_check" CHECK ("kind" IN ('username', 'mobile', 'session', 'access_token'))
);--> statement-breakpoint
ALTER TABLE "logins" ADD CONSTRAINT "logins_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id");--> statement-breakpoint
CREATE INDEX "logins_user_idx" ON "logins" ("city_id", "user_id");--> statement-breakpoint
INSERT INTO "logins" ("kind", "key", "city_id", "user_id")
  SELECT 'username', username, city_id, id FROM users
  UNION ALL SELECT 'mobile', mobile, city_id, id FROM users WHERE mobile IS NOT NULL
  UNION ALL SELECT 'session', token_hash, city_id, user_id FROM sessions
  UNION ALL SELECT 'access_token', token_hash, city_id, user_id FROM access_tokens;
