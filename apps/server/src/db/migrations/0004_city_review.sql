CREATE TABLE "city_opinions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"conclusion" text NOT NULL,
	"items" jsonb NOT NULL,
	"summary" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"application_id" uuid,
	"round_id" uuid,
	"city_code" text,
	"algorithm_version" text NOT NULL,
	"params" jsonb NOT NULL,
	"pool" jsonb NOT NULL,
	"pool_hash" text NOT NULL,
	"recusals" jsonb NOT NULL,
	"recusal_hash" text NOT NULL,
	"seed_hash" text NOT NULL,
	"seed" text,
	"result" jsonb,
	"status" text NOT NULL,
	"reason" text,
	"replaces_draw_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"drawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "expert_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"draw_id" uuid NOT NULL,
	"status" text DEFAULT 'assigned' NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"replaced_reason" text
);
--> statement-breakpoint
CREATE TABLE "expert_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"item_recommendations" jsonb NOT NULL,
	"overall_comment" text,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"unit_credit_code" text,
	"city_code" text NOT NULL,
	"occupation_codes" text[] NOT NULL,
	"title" text,
	"phone_enc" text,
	"phone_mac" text,
	"conflicts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "experts_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "recommendation_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"city_code" text NOT NULL,
	"round_id" uuid NOT NULL,
	"application_ids" uuid[] NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "recommendation_batches_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "site_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"visit_date" date NOT NULL,
	"participants" text NOT NULL,
	"checklist" jsonb NOT NULL,
	"findings" text NOT NULL,
	"photo_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"slot_verdicts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"reviewer_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "stage_due_date" date;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "stage_due_provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "stage_days_remaining" integer;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "supervising_city_code" text;--> statement-breakpoint
CREATE INDEX "draws_application_idx" ON "draws" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "draws_round_idx" ON "draws" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "expert_assignments_expert_idx" ON "expert_assignments" USING btree ("expert_id","status");--> statement-breakpoint
CREATE INDEX "expert_assignments_app_idx" ON "expert_assignments" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "expert_reviews_assignment_key" ON "expert_reviews" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "experts_city_idx" ON "experts" USING btree ("city_code","active");--> statement-breakpoint
CREATE INDEX "messages_user_idx" ON "messages" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "verifications_app_idx" ON "verifications" USING btree ("application_id","created_at");