CREATE TABLE "registry_name_tokens" (
	"token" text NOT NULL,
	"sequence_code" text,
	"credit_code" text NOT NULL,
	CONSTRAINT "registry_name_tokens_credit_code_token_pk" PRIMARY KEY("credit_code","token")
);
--> statement-breakpoint
CREATE TABLE "registry_scope_items" (
	"credit_code" text NOT NULL,
	"occupation_code" text NOT NULL,
	"level" text NOT NULL,
	"mode" text NOT NULL,
	"sequence_code" text,
	CONSTRAINT "registry_scope_items_credit_code_occupation_code_level_mode_pk" PRIMARY KEY("credit_code","occupation_code","level","mode")
);
--> statement-breakpoint
CREATE INDEX "registry_name_tokens_order_idx" ON "registry_name_tokens" USING btree ("token","sequence_code","credit_code");--> statement-breakpoint
CREATE INDEX "registry_scope_items_order_idx" ON "registry_scope_items" USING btree ("occupation_code","level","sequence_code","credit_code","mode");--> statement-breakpoint
-- Backfill from the registry as it stands (afterwards refreshRegistryBodies keeps them in step).
INSERT INTO "registry_name_tokens" ("token", "sequence_code", "credit_code")
SELECT DISTINCT t.token, b.sequence_code, b.credit_code
FROM "registry_bodies" b CROSS JOIN LATERAL unnest(b.name_tokens) AS t(token);--> statement-breakpoint
INSERT INTO "registry_scope_items" ("credit_code", "occupation_code", "level", "mode", "sequence_code")
SELECT DISTINCT f.credit_code, f.occupation_code, l.level, f.mode, b.sequence_code
FROM "filings" f
JOIN "registry_bodies" b ON b.credit_code = f.credit_code
CROSS JOIN LATERAL unnest(f.levels) AS l(level)
WHERE f.status = 'filed';
