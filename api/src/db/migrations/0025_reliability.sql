-- Reliability (issue 21): idempotency keys are per user, kept with a fingerprint of the request and
-- the answer it got, written in the same transaction as the write they protect.
CREATE TABLE "idempotency_keys" (
	"city_id" integer NOT NULL REFERENCES "cities"("id"),
	"user_id" integer NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"key" varchar(128) NOT NULL,
	"fingerprint" char(64) NOT NULL,
	"status" smallint,
	"content_type" text,
	"body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("user_id", "key")
);--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
-- A key was unique per city: another user's key returned that user's problem.
ALTER TABLE "problems" DROP CONSTRAINT "problems_idempotency_key";
