-- History tables are append-only: the database itself refuses to rewrite the past.
CREATE OR REPLACE FUNCTION civgrid_forbid_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'check_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER rectification_events_append_only BEFORE UPDATE OR DELETE ON rectification_events
  FOR EACH ROW EXECUTE FUNCTION civgrid_forbid_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION civgrid_forbid_change();
--> statement-breakpoint
CREATE TRIGGER grid_versions_append_only BEFORE UPDATE OR DELETE ON grid_versions
  FOR EACH ROW EXECUTE FUNCTION civgrid_forbid_change();
