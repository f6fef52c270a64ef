-- Notifications (issue 17): per-person in-app notifications, the outbox of outbound deliveries,
-- channel settings, per-person preferences, escalation (督办) steps and records, and the marks
-- that keep scheduled reminders from repeating.
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL REFERENCES "cities"("id"),
	"user_id" integer NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"kind" text NOT NULL,
	"problem_id" integer REFERENCES "problems"("id") ON DELETE CASCADE,
	"task_assignment_id" integer REFERENCES "task_assignments"("id") ON DELETE CASCADE,
	"material_id" integer REFERENCES "materials"("id") ON DELETE CASCADE,
	"dedication_day_id" integer REFERENCES "dedication_days"("id") ON DELETE CASCADE,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","id");
--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id") WHERE "read_at" IS NULL;
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL REFERENCES "cities"("id"),
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"user_id" integer REFERENCES "users"("id") ON DELETE SET NULL,
	"recipient" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "deliveries_channel_check" CHECK ("channel" in ('wecom','dingtalk','email','sms')),
	CONSTRAINT "deliveries_status_check" CHECK ("status" in ('pending','sent','dead','skipped'))
);
--> statement-breakpoint
CREATE INDEX "deliveries_due_idx" ON "deliveries" USING btree ("next_attempt_at","id") WHERE "status" = 'pending';
--> statement-breakpoint
CREATE INDEX "deliveries_city_idx" ON "deliveries" USING btree ("city_id","id");
--> statement-breakpoint
CREATE TABLE "notification_channels" (
	"city_id" integer NOT NULL REFERENCES "cities"("id"),
	"channel" text NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by" integer REFERENCES "users"("id"),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_channels_pkey" PRIMARY KEY ("city_id","channel"),
	CONSTRAINT "notification_channels_channel_check" CHECK ("channel" in ('wecom','dingtalk','email','sms'))
);
--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"city_id" integer NOT NULL REFERENCES "cities"("id"),
	"user_id" integer PRIMARY KEY NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"email" text,
	"channels" jsonb DEFAULT '["email","sms"]'::jsonb NOT NULL,
	"quiet_start" text,
	"quiet_end" text,
	"digest" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "escalation_steps" (
	"city_id" integer NOT NULL REFERENCES "cities"("id"),
	"level" integer NOT NULL,
	"after_working_days" integer NOT NULL,
	"targets" jsonb NOT NULL,
	CONSTRAINT "escalation_steps_pkey" PRIMARY KEY ("city_id","level"),
	CONSTRAINT "escalation_steps_days" CHECK ("after_working_days" between 1 and 60)
);
--> statement-breakpoint
CREATE TABLE "problem_escalations" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL REFERENCES "cities"("id"),
	"problem_id" integer NOT NULL REFERENCES "problems"("id") ON DELETE CASCADE,
	"level" integer NOT NULL,
	"working_days_overdue" integer NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "problem_escalations_problem_level_deadline_key" UNIQUE ("problem_id","level","deadline")
);
--> statement-breakpoint
CREATE TABLE "notification_marks" (
	"city_id" integer NOT NULL REFERENCES "cities"("id"),
	"kind" text NOT NULL,
	"subject_id" integer NOT NULL,
	"period" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_marks_pkey" PRIMARY KEY ("kind","subject_id","period")
);
