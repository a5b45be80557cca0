CREATE TYPE "public"."tax_basis" AS ENUM('incl_vat', 'excl_vat');--> statement-breakpoint
CREATE TYPE "public"."counter_status" AS ENUM('open', 'accepted', 'declined', 'answered');--> statement-breakpoint
CREATE TYPE "public"."delivery_mode" AS ENUM('ex_works', 'delivered');--> statement-breakpoint
CREATE TYPE "public"."payment_terms" AS ENUM('cash', 'bank_acceptance', 'credit');--> statement-breakpoint
ALTER TYPE "public"."quote_status" ADD VALUE 'superseded';--> statement-breakpoint
CREATE TABLE "quote_counter" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "quote_counter_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"quote_id" integer NOT NULL,
	"price_cny_per_unit" numeric(16, 2) NOT NULL,
	"quantity" numeric(14, 3),
	"tax_basis" "tax_basis",
	"payment_terms" "payment_terms",
	"payment_days" integer,
	"delivery_mode" "delivery_mode",
	"delivery_place" text,
	"note" text,
	"status" "counter_status" DEFAULT 'open' NOT NULL,
	"answer_quote_id" integer,
	"created_by" integer,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quote_counter_price_nonneg" CHECK ((price_cny_per_unit IS NULL OR price_cny_per_unit >= 0)),
	CONSTRAINT "quote_counter_quantity_positive" CHECK ("quote_counter"."quantity" IS NULL OR "quote_counter"."quantity" > 0),
	CONSTRAINT "quote_counter_payment_days" CHECK ("quote_counter"."payment_days" IS NULL OR "quote_counter"."payment_days" BETWEEN 1 AND 365)
);
--> statement-breakpoint
ALTER TABLE "supply_offer" ADD COLUMN "tax_basis" "tax_basis" DEFAULT 'incl_vat' NOT NULL;--> statement-breakpoint
ALTER TABLE "demand" ADD COLUMN "tax_basis" "tax_basis" DEFAULT 'incl_vat' NOT NULL;--> statement-breakpoint
ALTER TABLE "agreement" ADD COLUMN "notes" text;--> statement-breakpoint
ALTER TABLE "quote" ADD COLUMN "tax_basis" "tax_basis" DEFAULT 'incl_vat' NOT NULL;--> statement-breakpoint
ALTER TABLE "quote" ADD COLUMN "vat_rate_pct" numeric(5, 2) DEFAULT '13' NOT NULL;--> statement-breakpoint
ALTER TABLE "quote" ADD COLUMN "payment_terms" "payment_terms" DEFAULT 'cash' NOT NULL;--> statement-breakpoint
ALTER TABLE "quote" ADD COLUMN "payment_days" integer;--> statement-breakpoint
ALTER TABLE "quote" ADD COLUMN "delivery_mode" "delivery_mode" DEFAULT 'delivered' NOT NULL;--> statement-breakpoint
ALTER TABLE "quote" ADD COLUMN "delivery_place" text;--> statement-breakpoint
ALTER TABLE "quote" ADD COLUMN "moq" numeric(14, 3);--> statement-breakpoint
ALTER TABLE "quote" ADD COLUMN "lead_time_days" integer;--> statement-breakpoint
ALTER TABLE "quote" ADD COLUMN "packaging" text;--> statement-breakpoint
ALTER TABLE "quote" ADD COLUMN "notes" text;--> statement-breakpoint
ALTER TABLE "quote" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "quote" ADD COLUMN "previous_quote_id" integer;--> statement-breakpoint
ALTER TABLE "quote_counter" ADD CONSTRAINT "quote_counter_quote_id_quote_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quote"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_counter" ADD CONSTRAINT "quote_counter_answer_quote_id_quote_id_fk" FOREIGN KEY ("answer_quote_id") REFERENCES "public"."quote"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_counter" ADD CONSTRAINT "quote_counter_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_counter" ADD CONSTRAINT "quote_counter_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quote_counter_quote_idx" ON "quote_counter" USING btree ("quote_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quote_counter_one_open" ON "quote_counter" USING btree ("quote_id") WHERE status = 'open';--> statement-breakpoint
ALTER TABLE "quote" ADD CONSTRAINT "quote_previous_quote_id_quote_id_fk" FOREIGN KEY ("previous_quote_id") REFERENCES "public"."quote"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote" ADD CONSTRAINT "quote_moq_nonneg" CHECK ((moq IS NULL OR moq >= 0));--> statement-breakpoint
ALTER TABLE "quote" ADD CONSTRAINT "quote_vat_rate_range" CHECK ("quote"."vat_rate_pct" BETWEEN 0 AND 100);--> statement-breakpoint
ALTER TABLE "quote" ADD CONSTRAINT "quote_payment_days" CHECK (("quote"."payment_terms" = 'credit') = ("quote"."payment_days" IS NOT NULL) AND ("quote"."payment_days" IS NULL OR "quote"."payment_days" BETWEEN 1 AND 365));--> statement-breakpoint
ALTER TABLE "quote" ADD CONSTRAINT "quote_lead_time_range" CHECK ("quote"."lead_time_days" IS NULL OR "quote"."lead_time_days" BETWEEN 0 AND 365);--> statement-breakpoint
ALTER TABLE "quote" ADD CONSTRAINT "quote_version_positive" CHECK ("quote"."version" >= 1);
--> statement-breakpoint
UPDATE "quote" SET "notes" = "delivery_terms" WHERE "delivery_terms" IS NOT NULL;