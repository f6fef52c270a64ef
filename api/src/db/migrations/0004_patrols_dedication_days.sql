CREATE TABLE "activity_photos" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"activity_id" integer NOT NULL,
	"file_id" integer NOT NULL,
	CONSTRAINT "activity_photos_activity_file_key" UNIQUE("activity_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "dedication_days" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"grid_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dedication_signups" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"day_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"signed_up_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_in_at" timestamp with time zone,
	"check_in_location" geometry(Point,4326),
	"check_in_accuracy_m" real,
	CONSTRAINT "dedication_signups_day_person_key" UNIQUE("day_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "patrol_points" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"patrol_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"location" geometry(Point,4326) NOT NULL,
	"accuracy_m" real,
	CONSTRAINT "patrol_points_patrol_seq_key" UNIQUE("patrol_id","seq")
);
--> statement-breakpoint
CREATE TABLE "patrols" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"user_id" integer,
	"grid_id" integer,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"track" geometry(LineString,4326),
	"length_m" real DEFAULT 0 NOT NULL,
	"point_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patrols_ended_after_start" CHECK ("patrols"."ended_at" IS NULL OR "patrols"."ended_at" >= "patrols"."started_at")
);
--> statement-breakpoint
ALTER TABLE "activity_photos" ADD CONSTRAINT "activity_photos_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_photos" ADD CONSTRAINT "activity_photos_activity_id_volunteer_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."volunteer_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_photos" ADD CONSTRAINT "activity_photos_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dedication_days" ADD CONSTRAINT "dedication_days_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dedication_days" ADD CONSTRAINT "dedication_days_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dedication_days" ADD CONSTRAINT "dedication_days_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dedication_signups" ADD CONSTRAINT "dedication_signups_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dedication_signups" ADD CONSTRAINT "dedication_signups_day_id_dedication_days_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."dedication_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dedication_signups" ADD CONSTRAINT "dedication_signups_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_points" ADD CONSTRAINT "patrol_points_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_points" ADD CONSTRAINT "patrol_points_patrol_id_patrols_id_fk" FOREIGN KEY ("patrol_id") REFERENCES "public"."patrols"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrols" ADD CONSTRAINT "patrols_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrols" ADD CONSTRAINT "patrols_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrols" ADD CONSTRAINT "patrols_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrols" ADD CONSTRAINT "patrols_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dedication_days_grid_held_idx" ON "dedication_days" USING btree ("grid_id","held_on");--> statement-breakpoint
CREATE INDEX "patrols_grid_started_idx" ON "patrols" USING btree ("grid_id","started_at");--> statement-breakpoint
CREATE INDEX "patrols_person_idx" ON "patrols" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "patrols_track_gist" ON "patrols" USING gist ("track");