CREATE TYPE "public"."import_status" AS ENUM('queued', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "catalogue_import" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "catalogue_import_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"enterprise_id" integer NOT NULL,
	"created_by" integer,
	"filename" text NOT NULL,
	"file" "bytea",
	"size_bytes" integer NOT NULL,
	"status" "import_status" DEFAULT 'queued' NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"valid_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"rejected" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" jsonb,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_import_size" CHECK (size_bytes > 0 AND size_bytes <= 20971520),
	CONSTRAINT "catalogue_import_counts" CHECK ("catalogue_import"."total_rows" >= 0 AND "catalogue_import"."valid_rows" BETWEEN 0 AND "catalogue_import"."total_rows" AND "catalogue_import"."processed_rows" BETWEEN 0 AND "catalogue_import"."valid_rows" AND "catalogue_import"."inserted" >= 0 AND "catalogue_import"."updated" >= 0)
);
--> statement-breakpoint
ALTER TABLE "product_document" DROP CONSTRAINT "product_document_size";--> statement-breakpoint
ALTER TABLE "substance" ADD COLUMN "curated_hidden_aliases" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "product_document" ADD COLUMN "content" "bytea" NOT NULL;--> statement-breakpoint
ALTER TABLE "product_document" ADD COLUMN "uploaded_by" integer;--> statement-breakpoint
ALTER TABLE "catalogue_import" ADD CONSTRAINT "catalogue_import_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_import" ADD CONSTRAINT "catalogue_import_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalogue_import_enterprise_idx" ON "catalogue_import" USING btree ("enterprise_id","created_at");--> statement-breakpoint
ALTER TABLE "product_document" ADD CONSTRAINT "product_document_uploaded_by_app_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_document_product_idx" ON "product_document" USING btree ("product_id");--> statement-breakpoint
ALTER TABLE "product_document" DROP COLUMN "storage_path";--> statement-breakpoint
ALTER TABLE "product_document" ADD CONSTRAINT "product_document_content_size" CHECK (octet_length("product_document"."content") = "product_document"."size_bytes");--> statement-breakpoint
ALTER TABLE "product_document" ADD CONSTRAINT "product_document_size" CHECK (size_bytes > 0 AND size_bytes <= 10485760);