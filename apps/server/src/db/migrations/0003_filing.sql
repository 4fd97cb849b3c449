CREATE TABLE "application_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"actor_role" text,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "application_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"slot_key" text NOT NULL,
	"file_id" uuid NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "application_scope_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"occupation_code" text NOT NULL,
	"job_name" text DEFAULT '' NOT NULL,
	"mode" text NOT NULL,
	"levels" text[] NOT NULL,
	"chain_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"local_industry" text,
	"local_industry_justification" text,
	"business_link" text,
	"category_justification" text,
	"self_evaluation_evidence" text,
	"verdict" text,
	"verdict_reason" text,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text,
	"round_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"city_code" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"commitment" jsonb,
	"acknowledged_warnings" text[] DEFAULT '{}'::text[] NOT NULL,
	"precheck" jsonb,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "applications_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "collection_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"notice_text" text NOT NULL,
	"notice_file_id" uuid,
	"window_start" date NOT NULL,
	"window_end" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"policy" jsonb NOT NULL,
	"targeted_occupations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counters" (
	"name" text PRIMARY KEY NOT NULL,
	"value" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "filings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"organization_name" text NOT NULL,
	"credit_code" text NOT NULL,
	"city_code" text NOT NULL,
	"occupation_code" text NOT NULL,
	"job_name" text DEFAULT '' NOT NULL,
	"mode" text NOT NULL,
	"levels" text[] NOT NULL,
	"effective_date" date NOT NULL,
	"supervising_city_code" text,
	"self_evaluation_carried_out" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'filed' NOT NULL,
	"source" text NOT NULL,
	"source_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "application_events_app_idx" ON "application_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "application_materials_app_idx" ON "application_materials" USING btree ("application_id","slot_key");--> statement-breakpoint
CREATE UNIQUE INDEX "scope_items_key" ON "application_scope_items" USING btree ("application_id","occupation_code","job_name","mode");--> statement-breakpoint
CREATE INDEX "scope_items_occupation_idx" ON "application_scope_items" USING btree ("occupation_code");--> statement-breakpoint
CREATE INDEX "applications_city_status_idx" ON "applications" USING btree ("city_code","status");--> statement-breakpoint
CREATE INDEX "applications_org_idx" ON "applications" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "applications_round_status_idx" ON "applications" USING btree ("round_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_open_per_round" ON "applications" USING btree ("round_id","organization_id") WHERE status not in ('withdrawn', 'rejected', 'not_recommended', 'filed');--> statement-breakpoint
CREATE INDEX "filings_occupation_city_idx" ON "filings" USING btree ("occupation_code","city_code","status");--> statement-breakpoint
CREATE INDEX "filings_credit_code_idx" ON "filings" USING btree ("credit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "filings_key" ON "filings" USING btree ("credit_code","occupation_code","job_name","mode");