ALTER TABLE "filings" ADD COLUMN "document_number" text;--> statement-breakpoint
ALTER TABLE "filings" ADD COLUMN "evidence_file_id" uuid;--> statement-breakpoint
ALTER TABLE "filings" ADD COLUMN "sequence_code" text;--> statement-breakpoint
ALTER TABLE "filings" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "filings" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;