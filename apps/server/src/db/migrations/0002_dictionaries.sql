ALTER TABLE "skill_standards" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "skill_standards" ADD COLUMN "levels_source" text;--> statement-breakpoint
CREATE UNIQUE INDEX "skill_standards_code_name_uq" ON "skill_standards" USING btree ("occupation_code","name");