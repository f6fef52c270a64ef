-- Restructurings (网格调整): partition, split, merge, delete and import-replace as one record each,
-- with everything needed to undo it; a re-routing after one is a step in the problem's history.
CREATE TABLE "restructurings" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL REFERENCES "cities"("id"),
	"community_id" integer NOT NULL REFERENCES "communities"("id"),
	"kind" text NOT NULL,
	"created_by" integer REFERENCES "users"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"grids_before" integer[] NOT NULL,
	"grids_after" integer[] NOT NULL,
	"undo" jsonb NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by" integer REFERENCES "users"("id"),
	CONSTRAINT "restructurings_kind_check" CHECK ("kind" in ('partition','split','merge','delete','import'))
);
--> statement-breakpoint
CREATE INDEX "restructurings_community_idx" ON "restructurings" ("community_id", "id");
--> statement-breakpoint
ALTER TABLE "rectification_events" DROP CONSTRAINT "rectification_events_action_check";
--> statement-breakpoint
ALTER TABLE "rectification_events" ADD CONSTRAINT "rectification_events_action_check" CHECK ("action" in ('report','dispatch','start','submit','close','return','send_back','request_extension','grant_extension','refuse_extension','to_ledger','reopen','reroute'));
