-- The loop's pages (issue 15): 我的上报 reads a user's own reports newest first, and the audit
-- log is filtered by who and by what, both newest first.
CREATE INDEX "problems_reporter_idx" ON "problems" USING btree ("reported_by","reported_at","id") WHERE reported_by IS NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_log_city_user_idx" ON "audit_log" USING btree ("city_id","user_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_city_action_idx" ON "audit_log" USING btree ("city_id","action","id");
