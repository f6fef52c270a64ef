CREATE TABLE "files" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"mime" text NOT NULL,
	"size" bigint NOT NULL,
	"original_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "files_city_sha256_key" UNIQUE("city_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "grid_people" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"grid_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "grid_people_grid_person_key" UNIQUE("grid_id","person_id"),
	CONSTRAINT "grid_people_role_check" CHECK ("grid_people"."role" in ('leader','volunteer'))
);
--> statement-breakpoint
CREATE TABLE "grid_units" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"grid_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "grid_units_grid_unit_key" UNIQUE("grid_id","unit_id"),
	CONSTRAINT "grid_units_role_check" CHECK ("grid_units"."role" in ('lead','support'))
);
--> statement-breakpoint
CREATE TABLE "grid_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"grid_id" integer NOT NULL,
	"version" integer NOT NULL,
	"change" text NOT NULL,
	"name" text NOT NULL,
	"geom" geometry(MultiPolygon,4326) NOT NULL,
	"assignments" text,
	"changed_by" integer,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grid_versions_grid_version_key" UNIQUE("grid_id","version")
);
--> statement-breakpoint
CREATE TABLE "grids" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"community_id" integer NOT NULL,
	"code" varchar(15) NOT NULL,
	"name" text NOT NULL,
	"geom" geometry(MultiPolygon,4326) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "grids_city_code_key" UNIQUE("city_id","code"),
	CONSTRAINT "grids_code_digits" CHECK ("grids"."code" ~ '^[0-9]{15}$'),
	CONSTRAINT "grids_geom_valid" CHECK (ST_IsValid("grids"."geom"))
);
--> statement-breakpoint
CREATE TABLE "problem_photos" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"problem_id" integer NOT NULL,
	"file_id" integer NOT NULL,
	"phase" text NOT NULL,
	"event_id" integer,
	CONSTRAINT "problem_photos_problem_file_key" UNIQUE("problem_id","file_id"),
	CONSTRAINT "problem_photos_phase_check" CHECK ("problem_photos"."phase" in ('before','after'))
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'reported' NOT NULL,
	"severity" text DEFAULT 'normal' NOT NULL,
	"description" text NOT NULL,
	"location" geometry(Point,4326) NOT NULL,
	"gps_accuracy_m" numeric(8, 1),
	"item_id" integer,
	"inspection_id" integer,
	"point_id" integer,
	"grid_id" integer,
	"unit_id" integer,
	"routed_to_nearest" boolean DEFAULT false NOT NULL,
	"deduction" numeric(6, 2) DEFAULT 0 NOT NULL,
	"deadline" timestamp with time zone,
	"reported_by" integer,
	"reporter_name" text,
	"reporter_phone" varchar(20),
	"idempotency_key" varchar(128),
	"version" integer DEFAULT 1 NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "problems_idempotency_key" UNIQUE("city_id","idempotency_key"),
	CONSTRAINT "problems_status_check" CHECK ("problems"."status" in ('reported','dispatched','rectifying','submitted','returned','sent_back','ledger','closed')),
	CONSTRAINT "problems_source_check" CHECK ("problems"."source" in ('inspection','patrol','citizen')),
	CONSTRAINT "problems_severity_check" CHECK ("problems"."severity" in ('minor','normal','serious')),
	CONSTRAINT "problems_deduction_nonnegative" CHECK ("problems"."deduction" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rectification_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"problem_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_user_id" integer,
	"actor_name" text NOT NULL,
	"note" text,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rectification_events_problem_seq_key" UNIQUE("problem_id","seq"),
	CONSTRAINT "rectification_events_action_check" CHECK ("rectification_events"."action" in ('report','dispatch','start','submit','close','return','send_back','request_extension','grant_extension','refuse_extension','to_ledger','reopen')),
	CONSTRAINT "rectification_events_to_status_check" CHECK ("rectification_events"."to_status" in ('reported','dispatched','rectifying','submitted','returned','sent_back','ledger','closed'))
);
--> statement-breakpoint
CREATE TABLE "cities" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" varchar(6) NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cities_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "communities" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"street_id" integer NOT NULL,
	"code" varchar(12) NOT NULL,
	"name" text NOT NULL,
	"assigned" boolean DEFAULT true NOT NULL,
	"geom" geometry(MultiPolygon,4326) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "communities_city_code_key" UNIQUE("city_id","code"),
	CONSTRAINT "communities_code_digits" CHECK ("communities"."code" ~ '^[0-9]{12}$')
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"parent_id" integer,
	"level" text NOT NULL,
	"code" varchar(12) NOT NULL,
	"name" text NOT NULL,
	"geom" geometry(MultiPolygon,4326),
	"label_point" geometry(Point,4326),
	CONSTRAINT "regions_city_code_key" UNIQUE("city_id","code"),
	CONSTRAINT "regions_level_check" CHECK ("regions"."level" in ('city','district','street'))
);
--> statement-breakpoint
CREATE TABLE "inspection_points" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"location" geometry(Point,4326) NOT NULL,
	"grid_id" integer,
	"unit_id" integer,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_points_kind_check" CHECK ("inspection_points"."kind" in ('hospital_entrance','waiting_hall','hospital_window','street','stairwell','garbage_point','notice_board','public_toilet','market'))
);
--> statement-breakpoint
CREATE TABLE "inspection_results" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"inspection_id" integer NOT NULL,
	"point_id" integer NOT NULL,
	"item_id" integer NOT NULL,
	"passed" text NOT NULL,
	"deduction" numeric(6, 2) DEFAULT 0 NOT NULL,
	"note" text,
	CONSTRAINT "inspection_results_visit_item_key" UNIQUE("inspection_id","point_id","item_id"),
	CONSTRAINT "inspection_results_passed_check" CHECK ("inspection_results"."passed" in ('pass','fail','not_applicable'))
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"kind" text NOT NULL,
	"standard_id" integer NOT NULL,
	"inspector_user_id" integer,
	"inspector_person_id" integer,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspections_kind_check" CHECK ("inspections"."kind" in ('self','open','covert','mock','supervision'))
);
--> statement-breakpoint
CREATE TABLE "standard_categories" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"standard_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "standard_categories_standard_seq_key" UNIQUE("standard_id","seq")
);
--> statement-breakpoint
CREATE TABLE "standard_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"standard_id" integer NOT NULL,
	"category_id" integer NOT NULL,
	"code" varchar(16) NOT NULL,
	"title" text NOT NULL,
	"checklist" text NOT NULL,
	"points" numeric(6, 2) NOT NULL,
	"evidence" text NOT NULL,
	CONSTRAINT "standard_items_standard_code_key" UNIQUE("standard_id","code"),
	CONSTRAINT "standard_items_points_positive" CHECK ("standard_items"."points" > 0)
);
--> statement-breakpoint
CREATE TABLE "standards" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"scope" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "standards_city_name_version_key" UNIQUE("city_id","name","version"),
	CONSTRAINT "standards_status_check" CHECK ("standards"."status" in ('draft','active','retired'))
);
--> statement-breakpoint
CREATE TABLE "activity_participants" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"activity_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"hours" numeric(5, 1) NOT NULL,
	CONSTRAINT "activity_participants_activity_person_key" UNIQUE("activity_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_phases" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"campaign_id" integer NOT NULL,
	"phase" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	CONSTRAINT "campaign_phases_campaign_phase_key" UNIQUE("campaign_id","phase"),
	CONSTRAINT "campaign_phases_phase_check" CHECK ("campaign_phases"."phase" in ('mobilisation','implementation','assessment','consolidation')),
	CONSTRAINT "campaign_phases_dates" CHECK ("campaign_phases"."ends_on" >= "campaign_phases"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "materials" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"week" date NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"file_id" integer,
	"task_id" integer,
	"grid_id" integer,
	"item_id" integer,
	"status" text DEFAULT 'submitted' NOT NULL,
	"submitted_by" integer,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" integer,
	"review_note" text,
	CONSTRAINT "materials_status_check" CHECK ("materials"."status" in ('submitted','accepted','returned'))
);
--> statement-breakpoint
CREATE TABLE "task_assignments" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"task_id" integer NOT NULL,
	"unit_id" integer,
	"grid_id" integer,
	"status" text DEFAULT 'todo' NOT NULL,
	"note" text,
	"completed_at" timestamp with time zone,
	CONSTRAINT "task_assignments_status_check" CHECK ("task_assignments"."status" in ('todo','in_progress','done','returned')),
	CONSTRAINT "task_assignments_assignee" CHECK ("task_assignments"."unit_id" is not null or "task_assignments"."grid_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"campaign_id" integer NOT NULL,
	"phase" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"item_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_activities" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"grid_id" integer,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"hours" numeric(5, 1) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_activities_hours_positive" CHECK ("volunteer_activities"."hours" > 0)
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"name" text NOT NULL,
	"mobile" varchar(20),
	"title" text,
	"unit_id" integer,
	"branch_id" integer,
	"party_member" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_responsible_persons" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"duty" text NOT NULL,
	CONSTRAINT "unit_responsible_persons_unit_duty_key" UNIQUE("unit_id","duty"),
	CONSTRAINT "unit_responsible_persons_duty_check" CHECK ("unit_responsible_persons"."duty" in ('head','deputy','department_head','platform_admin'))
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"kind" text NOT NULL,
	"address" text,
	"phone" varchar(32),
	"location" geometry(Point,4326),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_city_name_key" UNIQUE("city_id","name"),
	CONSTRAINT "units_kind_check" CHECK ("units"."kind" in ('public_hospital','private_hospital','out_of_town_hospital','cdc','health_supervision','community_health_centre','bureau'))
);
--> statement-breakpoint
CREATE TABLE "volunteer_branches" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"name" text NOT NULL,
	"focus" text NOT NULL,
	"lead_unit_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_branches_city_name_key" UNIQUE("city_id","name")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"user_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" varchar(64) PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"username" varchar(64) NOT NULL,
	"mobile" varchar(20),
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"unit_id" integer,
	"person_id" integer,
	"disabled" boolean DEFAULT false NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_key" UNIQUE("username"),
	CONSTRAINT "users_mobile_key" UNIQUE("mobile"),
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('admin','coordinator','inspector','unit_admin','grid_leader','volunteer','leader'))
);
--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_people" ADD CONSTRAINT "grid_people_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_people" ADD CONSTRAINT "grid_people_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_people" ADD CONSTRAINT "grid_people_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_units" ADD CONSTRAINT "grid_units_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_units" ADD CONSTRAINT "grid_units_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_units" ADD CONSTRAINT "grid_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_versions" ADD CONSTRAINT "grid_versions_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_versions" ADD CONSTRAINT "grid_versions_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_versions" ADD CONSTRAINT "grid_versions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grids" ADD CONSTRAINT "grids_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grids" ADD CONSTRAINT "grids_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_photos" ADD CONSTRAINT "problem_photos_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_photos" ADD CONSTRAINT "problem_photos_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_photos" ADD CONSTRAINT "problem_photos_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_item_id_standard_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."standard_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_point_id_inspection_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."inspection_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_events" ADD CONSTRAINT "rectification_events_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_events" ADD CONSTRAINT "rectification_events_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_events" ADD CONSTRAINT "rectification_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communities" ADD CONSTRAINT "communities_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communities" ADD CONSTRAINT "communities_street_id_regions_id_fk" FOREIGN KEY ("street_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_points" ADD CONSTRAINT "inspection_points_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_points" ADD CONSTRAINT "inspection_points_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_points" ADD CONSTRAINT "inspection_points_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_results" ADD CONSTRAINT "inspection_results_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_results" ADD CONSTRAINT "inspection_results_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_results" ADD CONSTRAINT "inspection_results_point_id_inspection_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."inspection_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_results" ADD CONSTRAINT "inspection_results_item_id_standard_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."standard_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_standard_id_standards_id_fk" FOREIGN KEY ("standard_id") REFERENCES "public"."standards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_inspector_user_id_users_id_fk" FOREIGN KEY ("inspector_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_inspector_person_id_people_id_fk" FOREIGN KEY ("inspector_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_categories" ADD CONSTRAINT "standard_categories_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_categories" ADD CONSTRAINT "standard_categories_standard_id_standards_id_fk" FOREIGN KEY ("standard_id") REFERENCES "public"."standards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_items" ADD CONSTRAINT "standard_items_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_items" ADD CONSTRAINT "standard_items_standard_id_standards_id_fk" FOREIGN KEY ("standard_id") REFERENCES "public"."standards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_items" ADD CONSTRAINT "standard_items_category_id_standard_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."standard_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standards" ADD CONSTRAINT "standards_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_participants" ADD CONSTRAINT "activity_participants_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_participants" ADD CONSTRAINT "activity_participants_activity_id_volunteer_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."volunteer_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_participants" ADD CONSTRAINT "activity_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_phases" ADD CONSTRAINT "campaign_phases_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_phases" ADD CONSTRAINT "campaign_phases_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_item_id_standard_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."standard_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD CONSTRAINT "task_assignments_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD CONSTRAINT "task_assignments_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD CONSTRAINT "task_assignments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD CONSTRAINT "task_assignments_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_item_id_standard_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."standard_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_activities" ADD CONSTRAINT "volunteer_activities_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_activities" ADD CONSTRAINT "volunteer_activities_branch_id_volunteer_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."volunteer_branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_activities" ADD CONSTRAINT "volunteer_activities_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_branch_id_volunteer_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."volunteer_branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_responsible_persons" ADD CONSTRAINT "unit_responsible_persons_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_responsible_persons" ADD CONSTRAINT "unit_responsible_persons_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_responsible_persons" ADD CONSTRAINT "unit_responsible_persons_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_branches" ADD CONSTRAINT "volunteer_branches_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_branches" ADD CONSTRAINT "volunteer_branches_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "grid_people_one_leader" ON "grid_people" USING btree ("grid_id") WHERE role = 'leader';--> statement-breakpoint
CREATE INDEX "grid_people_person_idx" ON "grid_people" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grid_units_one_lead" ON "grid_units" USING btree ("grid_id") WHERE role = 'lead';--> statement-breakpoint
CREATE INDEX "grids_geom_gist" ON "grids" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "grids_community_idx" ON "grids" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "problems_location_gist" ON "problems" USING gist ("location");--> statement-breakpoint
CREATE INDEX "problems_status_idx" ON "problems" USING btree ("city_id","status");--> statement-breakpoint
CREATE INDEX "problems_grid_idx" ON "problems" USING btree ("grid_id");--> statement-breakpoint
CREATE INDEX "problems_unit_idx" ON "problems" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "communities_geom_gist" ON "communities" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "regions_geom_gist" ON "regions" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "inspection_points_location_gist" ON "inspection_points" USING gist ("location");--> statement-breakpoint
CREATE INDEX "inspection_points_grid_idx" ON "inspection_points" USING btree ("grid_id");--> statement-breakpoint
CREATE INDEX "materials_unit_week_idx" ON "materials" USING btree ("unit_id","week");--> statement-breakpoint
CREATE INDEX "task_assignments_task_idx" ON "task_assignments" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "people_unit_idx" ON "people" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "people_branch_idx" ON "people" USING btree ("branch_id");--> statement-breakpoint
CREATE INDEX "units_location_gist" ON "units" USING gist ("location");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");