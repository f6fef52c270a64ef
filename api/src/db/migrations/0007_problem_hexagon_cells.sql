ALTER TABLE "problems" ADD COLUMN "hex_250" bigint GENERATED ALWAYS AS (civgrid_hex_cell(location, 250)) STORED;--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "hex_1k" bigint GENERATED ALWAYS AS (civgrid_hex_cell(location, 1000)) STORED;--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "hex_4k" bigint GENERATED ALWAYS AS (civgrid_hex_cell(location, 4000)) STORED;--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "hex_16k" bigint GENERATED ALWAYS AS (civgrid_hex_cell(location, 16000)) STORED;--> statement-breakpoint
CREATE INDEX "problems_hex_250_idx" ON "problems" USING btree ("city_id","hex_250");--> statement-breakpoint
CREATE INDEX "problems_hex_1k_idx" ON "problems" USING btree ("city_id","hex_1k");--> statement-breakpoint
CREATE INDEX "problems_hex_4k_idx" ON "problems" USING btree ("city_id","hex_4k");--> statement-breakpoint
CREATE INDEX "problems_hex_16k_idx" ON "problems" USING btree ("city_id","hex_16k");