CREATE TABLE "spot_check_result_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"result_id" uuid NOT NULL,
	"inspector_id" uuid NOT NULL,
	"inspector_name" text NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "spot_check_results" ADD COLUMN "status" text DEFAULT 'agreed' NOT NULL;--> statement-breakpoint
ALTER TABLE "spot_check_results" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "spot_check_results" ADD COLUMN "visit_date" date;--> statement-breakpoint
ALTER TABLE "spot_check_results" ADD COLUMN "place" text;--> statement-breakpoint
ALTER TABLE "spot_check_results" ADD COLUMN "present" text;--> statement-breakpoint
ALTER TABLE "spot_check_results" ADD COLUMN "drafter_inspector_id" uuid;--> statement-breakpoint
ALTER TABLE "spot_check_results" ADD COLUMN "decision_outcome" text;--> statement-breakpoint
ALTER TABLE "spot_check_results" ADD COLUMN "decision_reason" text;--> statement-breakpoint
ALTER TABLE "spot_check_results" ADD COLUMN "decision_item_verdicts" jsonb;--> statement-breakpoint
ALTER TABLE "spot_check_results" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "spot_check_results" ADD COLUMN "decided_by_name" text;--> statement-breakpoint
ALTER TABLE "spot_check_results" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "spot_check_results" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "spot_check_result_signatures_key" ON "spot_check_result_signatures" USING btree ("result_id","inspector_id");