CREATE TABLE "licence_document" (
	"licence_id" integer PRIMARY KEY NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "licence_document_size" CHECK ("licence_document"."size_bytes" > 0 AND "licence_document"."size_bytes" <= 5242880 AND "licence_document"."size_bytes" = octet_length("licence_document"."content"))
);
--> statement-breakpoint
ALTER TABLE "match" DROP CONSTRAINT "match_demand_candidate_key";--> statement-breakpoint
ALTER TABLE "licence_document" ADD CONSTRAINT "licence_document_licence_id_licence_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supply_offer_product_idx" ON "supply_offer" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "match_product_idx" ON "match" USING btree ("product_id");--> statement-breakpoint
ALTER TABLE "match" ADD CONSTRAINT "match_demand_candidate_key" UNIQUE NULLS NOT DISTINCT("demand_id","product_id","byproduct_id");