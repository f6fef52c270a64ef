CREATE TABLE "open311_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL REFERENCES "cities"("id"),
	"token" uuid NOT NULL UNIQUE,
	"problem_id" integer UNIQUE REFERENCES "problems"("id") ON DELETE cascade,
	"item_id" integer NOT NULL REFERENCES "standard_items"("id"),
	"description" text NOT NULL,
	"location" geometry(Point,4326),
	"address_string" text,
	"address_id" text,
	"email" text,
	"device_id" text,
	"account_id" text,
	"first_name" text,
	"last_name" text,
	"phone" varchar(20),
	"media_url" text,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"photo_file_id" integer REFERENCES "files"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"placed_at" timestamp with time zone,
	"placed_by" integer REFERENCES "users"("id")
);--> statement-breakpoint
CREATE INDEX "open311_requests_waiting_idx" ON "open311_requests" USING btree ("city_id") WHERE problem_id IS NULL;
