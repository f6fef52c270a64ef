-- The rectification loop without traps (issue 15b): a dispatch names its unit and deadline in the
-- history, a second report can be closed as a duplicate of the problem that carries the work, and
-- a problem waiting for dispatch has no deadline (so it is never overdue).
ALTER TABLE "problems" ADD COLUMN "duplicate_of" integer;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_duplicate_of_problems_id_fk" FOREIGN KEY ("duplicate_of") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_not_own_duplicate" CHECK ("duplicate_of" IS NULL OR "duplicate_of" <> "id");--> statement-breakpoint
ALTER TABLE "rectification_events" ADD COLUMN "unit_id" integer;--> statement-breakpoint
ALTER TABLE "rectification_events" ADD CONSTRAINT "rectification_events_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_events" ADD COLUMN "deadline" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rectification_events" DROP CONSTRAINT "rectification_events_action_check";--> statement-breakpoint
ALTER TABLE "rectification_events" ADD CONSTRAINT "rectification_events_action_check" CHECK ("rectification_events"."action" in ('report','dispatch','start','submit','close','return','send_back','request_extension','grant_extension','refuse_extension','to_ledger','reopen','reroute','mark_duplicate'));--> statement-breakpoint
-- Until a coordinator dispatches it, no unit works on a problem: its clock has not started.
UPDATE "problems" SET "deadline" = NULL WHERE "status" IN ('reported', 'sent_back') AND "deadline" IS NOT NULL;
