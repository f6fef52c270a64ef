CREATE TABLE "problem_cell_days" (
	"city_id" integer NOT NULL,
	"cell_size" integer NOT NULL,
	"cell" bigint NOT NULL,
	"day" date NOT NULL,
	"status" text NOT NULL,
	"problems" integer NOT NULL,
	"points_lost" numeric(14, 2) NOT NULL,
	CONSTRAINT "problem_cell_days_city_id_cell_size_day_status_cell_pk" PRIMARY KEY("city_id","cell_size","day","status","cell")
);
--> statement-breakpoint
ALTER TABLE "problem_cell_days" ADD CONSTRAINT "problem_cell_days_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;