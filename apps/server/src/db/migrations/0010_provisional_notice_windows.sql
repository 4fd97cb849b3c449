ALTER TABLE "public_notices" ADD COLUMN "window_provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "public_notices" ADD COLUMN "window_provisional_reason" text;--> statement-breakpoint
ALTER TABLE "public_notices" ADD COLUMN "window_revisions" jsonb DEFAULT '[]'::jsonb NOT NULL;