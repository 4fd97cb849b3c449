DROP INDEX "applications_city_status_idx";--> statement-breakpoint
CREATE INDEX "applications_city_status_due_idx" ON "applications" USING btree ("city_code","status","stage_due_date");--> statement-breakpoint
CREATE INDEX "applications_status_due_idx" ON "applications" USING btree ("status","stage_due_date");