ALTER TABLE "draws" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "public_notice_items" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_status_check" CHECK (status in ('pending', 'active', 'disabled'));--> statement-breakpoint
ALTER TABLE "collection_rounds" ADD CONSTRAINT "collection_rounds_status_check" CHECK (status in ('draft', 'open', 'closed'));--> statement-breakpoint
ALTER TABLE "draws" ADD CONSTRAINT "draws_status_check" CHECK (status in ('committed', 'drawn'));--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_status_check" CHECK (status in ('open', 'upheld', 'dismissed'));--> statement-breakpoint
ALTER TABLE "public_notice_items" ADD CONSTRAINT "public_notice_items_status_check" CHECK (status in ('listed', 'rejected'));--> statement-breakpoint
ALTER TABLE "public_notices" ADD CONSTRAINT "public_notices_status_check" CHECK (status in ('draft', 'published', 'passed'));--> statement-breakpoint
ALTER TABLE "spot_check_draws" ADD CONSTRAINT "spot_check_draws_status_check" CHECK (status in ('committed', 'drawn', 'void'));--> statement-breakpoint
ALTER TABLE "spot_check_results" ADD CONSTRAINT "spot_check_results_status_check" CHECK (status in ('draft', 'signing', 'agreed', 'disputed', 'decided'));