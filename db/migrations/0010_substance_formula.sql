ALTER TABLE "substance" ADD COLUMN "formula" text;--> statement-breakpoint
CREATE INDEX "substance_formula_idx" ON "substance" USING btree ("formula");