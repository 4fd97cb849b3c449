CREATE TABLE "filing_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sequence" integer NOT NULL,
	"title" text NOT NULL,
	"notice_id" uuid NOT NULL,
	"effective_date" date NOT NULL,
	"body_count" integer NOT NULL,
	"item_count" integer NOT NULL,
	"confirmed_by" uuid NOT NULL,
	"confirmed_by_name" text NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "filing_lists_sequence_unique" UNIQUE("sequence"),
	CONSTRAINT "filing_lists_notice_id_unique" UNIQUE("notice_id")
);
--> statement-breakpoint
CREATE TABLE "human_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"answer_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspectors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"unit_credit_code" text,
	"city_code" text NOT NULL,
	"title" text,
	"phone_enc" text,
	"phone_mac" text,
	"conflicts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "inspectors_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"receipt_number" text NOT NULL,
	"notice_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"notice_item_id" uuid,
	"contact_name" text NOT NULL,
	"contact_phone_enc" text NOT NULL,
	"contact_phone_mac" text NOT NULL,
	"reason" text NOT NULL,
	"evidence_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reply" text,
	"handled_by" uuid,
	"handled_by_name" text,
	"handled_at" timestamp with time zone,
	"submitted_ip" text,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "objections_receipt_number_unique" UNIQUE("receipt_number")
);
--> statement-breakpoint
CREATE TABLE "province_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"item_verdicts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"reviewer_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_notice_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"application_number" text NOT NULL,
	"scope_item_id" uuid NOT NULL,
	"organization_name" text NOT NULL,
	"credit_code" text NOT NULL,
	"city_code" text NOT NULL,
	"occupation_code" text NOT NULL,
	"occupation_name" text NOT NULL,
	"job_name" text DEFAULT '' NOT NULL,
	"levels" text[] NOT NULL,
	"mode" text NOT NULL,
	"status" text DEFAULT 'listed' NOT NULL,
	"status_reason" text,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"round_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"working_days" integer NOT NULL,
	"start_date" date,
	"end_date" date,
	"skipped_days" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"prepared_by" uuid NOT NULL,
	"prepared_at" timestamp with time zone NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	"passed_at" timestamp with time zone,
	"passed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "public_notices_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "registry_bodies" (
	"credit_code" text PRIMARY KEY NOT NULL,
	"organization_id" uuid,
	"name" text NOT NULL,
	"city_code" text NOT NULL,
	"supervising_city_code" text,
	"sequence_code" text,
	"status" text NOT NULL,
	"name_tokens" text[] NOT NULL,
	"occupation_codes" text[] NOT NULL,
	"levels" text[] NOT NULL,
	"modes" text[] NOT NULL,
	"item_count" integer NOT NULL,
	"first_filed_on" date NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "registry_bodies_sequence_code_unique" UNIQUE("sequence_code")
);
--> statement-breakpoint
CREATE TABLE "registry_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"credit_code" text NOT NULL,
	"filing_id" uuid,
	"event" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text,
	"filing_list_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spot_check_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draw_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"inspector_id" uuid NOT NULL,
	"status" text DEFAULT 'assigned' NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"replaced_reason" text
);
--> statement-breakpoint
CREATE TABLE "spot_check_draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"round_id" uuid NOT NULL,
	"algorithm_version" text NOT NULL,
	"params" jsonb NOT NULL,
	"target_pool" jsonb NOT NULL,
	"target_pool_hash" text NOT NULL,
	"inspector_pool" jsonb NOT NULL,
	"inspector_pool_hash" text NOT NULL,
	"recusals" jsonb NOT NULL,
	"recusal_hash" text NOT NULL,
	"seed_hash" text NOT NULL,
	"seed" text,
	"result" jsonb,
	"status" text NOT NULL,
	"reason" text,
	"replaces_draw_id" uuid,
	"committed_by" uuid NOT NULL,
	"committed_at" timestamp with time zone NOT NULL,
	"drawn_by" uuid,
	"drawn_at" timestamp with time zone,
	"results_published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "spot_check_draws_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "spot_check_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draw_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"findings" text NOT NULL,
	"item_verdicts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attachment_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "filings" ADD COLUMN "application_id" uuid;--> statement-breakpoint
ALTER TABLE "filings" ADD COLUMN "scope_item_id" uuid;--> statement-breakpoint
ALTER TABLE "filings" ADD COLUMN "filing_list_id" uuid;--> statement-breakpoint
CREATE INDEX "human_checks_expires_idx" ON "human_checks" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "inspectors_active_idx" ON "inspectors" USING btree ("active","code");--> statement-breakpoint
CREATE INDEX "objections_notice_status_idx" ON "objections" USING btree ("notice_id","status");--> statement-breakpoint
CREATE INDEX "objections_status_created_idx" ON "objections" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "province_reviews_app_idx" ON "province_reviews" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE INDEX "public_notice_items_notice_idx" ON "public_notice_items" USING btree ("notice_id","sort_order");--> statement-breakpoint
CREATE INDEX "public_notice_items_app_idx" ON "public_notice_items" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "public_notices_status_end_idx" ON "public_notices" USING btree ("status","end_date");--> statement-breakpoint
CREATE INDEX "registry_bodies_name_tokens_idx" ON "registry_bodies" USING gin ("name_tokens");--> statement-breakpoint
CREATE INDEX "registry_bodies_occupations_idx" ON "registry_bodies" USING gin ("occupation_codes");--> statement-breakpoint
CREATE INDEX "registry_bodies_city_status_idx" ON "registry_bodies" USING btree ("city_code","status","sequence_code");--> statement-breakpoint
CREATE INDEX "registry_bodies_status_idx" ON "registry_bodies" USING btree ("status","sequence_code");--> statement-breakpoint
CREATE INDEX "registry_events_body_idx" ON "registry_events" USING btree ("credit_code","at");--> statement-breakpoint
CREATE INDEX "spot_check_assignments_inspector_idx" ON "spot_check_assignments" USING btree ("inspector_id","status");--> statement-breakpoint
CREATE INDEX "spot_check_assignments_app_idx" ON "spot_check_assignments" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "spot_check_draws_round_idx" ON "spot_check_draws" USING btree ("round_id","committed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "spot_check_results_key" ON "spot_check_results" USING btree ("draw_id","application_id");--> statement-breakpoint
CREATE INDEX "filings_list_idx" ON "filings" USING btree ("filing_list_id");