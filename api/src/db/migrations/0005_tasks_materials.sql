CREATE TABLE "task_evidence" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"assignment_id" integer NOT NULL,
	"file_id" integer NOT NULL,
	CONSTRAINT "task_evidence_assignment_file_key" UNIQUE("assignment_id","file_id")
);
--> statement-breakpoint
ALTER TABLE "materials" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD COLUMN "progress" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD COLUMN "return_reason" text;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD COLUMN "remind_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "task_evidence" ADD CONSTRAINT "task_evidence_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_evidence" ADD CONSTRAINT "task_evidence_assignment_id_task_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."task_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_evidence" ADD CONSTRAINT "task_evidence_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "materials_file_idx" ON "materials" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "task_assignments_unit_idx" ON "task_assignments" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "task_assignments_grid_idx" ON "task_assignments" USING btree ("grid_id");--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_city_name_key" UNIQUE("city_id","name");--> statement-breakpoint
ALTER TABLE "task_assignments" ADD CONSTRAINT "task_assignments_task_unit_grid_key" UNIQUE("task_id","unit_id","grid_id");--> statement-breakpoint
ALTER TABLE "task_assignments" ADD CONSTRAINT "task_assignments_progress" CHECK ("task_assignments"."progress" between 0 and 100);