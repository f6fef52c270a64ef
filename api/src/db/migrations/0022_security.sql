-- Security (issue 16): who uploaded a file (it may read it before it is attached), sign-in
-- throttles shared by every app process, and the devices and addresses a user signed in from.
CREATE TABLE "file_uploads" (
	"city_id" integer NOT NULL REFERENCES "cities"("id"),
	"file_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "file_uploads_pkey" PRIMARY KEY("file_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "file_uploads" ADD CONSTRAINT "file_uploads_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_uploads" ADD CONSTRAINT "file_uploads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Uploads before this migration are known from the audit log.
INSERT INTO "file_uploads" ("city_id", "file_id", "user_id", "uploaded_at")
SELECT DISTINCT ON (f.id, a.user_id) f.city_id, f.id, a.user_id, a.at
FROM "audit_log" a JOIN "files" f ON f.id::text = a.entity_id
WHERE a.entity = 'file' AND a.action = 'upload' AND a.user_id IS NOT NULL
ORDER BY f.id, a.user_id, a.at;--> statement-breakpoint
CREATE TABLE "sign_in_throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"blocked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "sign_in_throttles_last_attempt_idx" ON "sign_in_throttles" USING btree ("last_attempt_at");--> statement-breakpoint
CREATE TABLE "known_sign_ins" (
	"city_id" integer NOT NULL REFERENCES "cities"("id"),
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"value_hash" varchar(64) NOT NULL,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "known_sign_ins_pkey" PRIMARY KEY("user_id","kind","value_hash"),
	CONSTRAINT "known_sign_ins_kind_check" CHECK ("kind" IN ('device', 'address'))
);
--> statement-breakpoint
ALTER TABLE "known_sign_ins" ADD CONSTRAINT "known_sign_ins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
