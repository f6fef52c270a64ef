ALTER TABLE "files" ADD COLUMN "taken_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "files" ADD COLUMN "exif_location" geometry(Point,4326);--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "extension_days_requested" integer;--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "extension_reason" text;--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "review_on" date;--> statement-breakpoint
ALTER TABLE "standard_categories" ADD COLUMN "duplicate_radius_m" integer DEFAULT 50 NOT NULL;