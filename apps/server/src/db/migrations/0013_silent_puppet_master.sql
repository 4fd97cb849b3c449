CREATE TABLE "credit_blacklist_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"import_id" uuid NOT NULL,
	"credit_code" text NOT NULL,
	"unit_name" text NOT NULL,
	"authority" text NOT NULL,
	"listed_on" date NOT NULL,
	"until" date,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by" uuid,
	"removed_by_name" text,
	"removal_reason" text
);
--> statement-breakpoint
CREATE TABLE "credit_blacklist_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"source_date" date NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"row_count" integer NOT NULL,
	"imported_by" uuid NOT NULL,
	"imported_by_name" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "credit_blacklist_entries_code_idx" ON "credit_blacklist_entries" USING btree ("credit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_blacklist_entries_live_uq" ON "credit_blacklist_entries" USING btree ("credit_code","authority","listed_on") WHERE "credit_blacklist_entries"."removed_at" is null;