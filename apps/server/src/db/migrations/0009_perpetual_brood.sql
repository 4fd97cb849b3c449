CREATE TABLE "unreferenced_files" (
	"storage_key" text PRIMARY KEY NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email" text;--> statement-breakpoint
CREATE INDEX "stored_files_storage_key_idx" ON "stored_files" USING btree ("storage_key");