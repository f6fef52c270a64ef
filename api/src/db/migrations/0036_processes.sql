-- Several app processes on one server database (issue 20). The public and Open311 limits are
-- counted here, not in each process's memory, so two processes share one count; a key is an
-- address or an api_key, which carries no city.
CREATE TABLE "request_throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL
);--> statement-breakpoint
CREATE INDEX "request_throttles_window_idx" ON "request_throttles" USING btree ("window_started_at");--> statement-breakpoint
-- Scheduled work (the orphan sweep, the reminders): one row per job and period, claimed by the
-- first process to insert it, so a period's run happens once whatever the number of processes.
CREATE TABLE "scheduled_runs" (
	"job" text NOT NULL,
	"period" bigint NOT NULL,
	"ran_by" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scheduled_runs_pkey" PRIMARY KEY ("job", "period")
);
