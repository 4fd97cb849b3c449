ALTER TABLE "expert_assignments" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "spot_check_assignments" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_status_check" CHECK (status in ('assigned', 'submitted', 'replaced'));--> statement-breakpoint
ALTER TABLE "spot_check_assignments" ADD CONSTRAINT "spot_check_assignments_status_check" CHECK (status in ('assigned', 'replaced'));