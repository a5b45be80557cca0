ALTER TABLE "demand" ADD COLUMN "accepts_byproducts" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- no demand accepted by-products before: their by-product suggestions (never contacted) go
DELETE FROM "match" WHERE "byproduct_id" IS NOT NULL AND "status" = 'suggested';
