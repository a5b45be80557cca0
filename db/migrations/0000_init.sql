CREATE TYPE "public"."form" AS ENUM('liquid', 'solid', 'gas');--> statement-breakpoint
CREATE TYPE "public"."grade" AS ENUM('industrial', 'reagent', 'electronic', 'pharma', 'food');--> statement-breakpoint
CREATE TYPE "public"."listing_status" AS ENUM('draft', 'open', 'closed', 'expired');--> statement-breakpoint
CREATE TYPE "public"."licence_type" AS ENUM('hazardous_trade', 'safety_production', 'pollutant_discharge', 'explosive_precursor', 'highly_toxic');--> statement-breakpoint
CREATE TYPE "public"."enterprise_role" AS ENUM('admin', 'staff', 'procurement');--> statement-breakpoint
CREATE TYPE "public"."document_kind" AS ENUM('tds', 'sds', 'other');--> statement-breakpoint
CREATE TYPE "public"."compliance_state" AS ENUM('ok', 'needs_licence', 'blocked');--> statement-breakpoint
CREATE TYPE "public"."match_status" AS ENUM('suggested', 'dismissed', 'contacted', 'converted');--> statement-breakpoint
CREATE TYPE "public"."recurrence" AS ENUM('once', 'monthly', 'quarterly', 'yearly');--> statement-breakpoint
CREATE TYPE "public"."agreement_status" AS ENUM('draft', 'signed', 'active', 'completed', 'terminated');--> statement-breakpoint
CREATE TYPE "public"."agreement_type" AS ENUM('framework', 'contract', 'order');--> statement-breakpoint
CREATE TYPE "public"."inquiry_status" AS ENUM('open', 'quoted', 'accepted', 'closed');--> statement-breakpoint
CREATE TYPE "public"."quote_status" AS ENUM('pending', 'accepted', 'rejected', 'expired');--> statement-breakpoint
CREATE TABLE "event" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "event_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"park_id" integer,
	"name" text NOT NULL,
	"held_on" date,
	"place" text,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "park" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "park_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"city" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "park_code_shape" CHECK ("park"."code" ~ '^[A-Z0-9][A-Z0-9_-]{1,15}$')
);
--> statement-breakpoint
CREATE TABLE "enterprise" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "enterprise_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"uscc" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"park_id" integer,
	"chains" text[] DEFAULT '{}'::text[] NOT NULL,
	"address" text,
	"lat" numeric(9, 6),
	"lng" numeric(9, 6),
	"contact_name" text,
	"contact_phone" text,
	"description" text,
	"verified_at" timestamp with time zone,
	"verified_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_uscc_shape" CHECK ("enterprise"."uscc" ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
	CONSTRAINT "enterprise_lat_range" CHECK ("enterprise"."lat" IS NULL OR "enterprise"."lat" BETWEEN -90 AND 90),
	CONSTRAINT "enterprise_lng_range" CHECK ("enterprise"."lng" IS NULL OR "enterprise"."lng" BETWEEN -180 AND 180)
);
--> statement-breakpoint
CREATE TABLE "licence" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "licence_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"enterprise_id" integer NOT NULL,
	"type" "licence_type" NOT NULL,
	"number" text NOT NULL,
	"scope" text,
	"valid_until" date,
	"document_path" text,
	"verified_at" timestamp with time zone,
	"verified_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "membership" (
	"user_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"role" "enterprise_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_user_id_enterprise_id_pk" PRIMARY KEY("user_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "park_staff" (
	"user_id" integer NOT NULL,
	"park_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "park_staff_user_id_park_id_pk" PRIMARY KEY("user_id","park_id")
);
--> statement-breakpoint
CREATE TABLE "app_user" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "app_user_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"locale" text DEFAULT 'zh' NOT NULL,
	"is_platform_admin" boolean DEFAULT false NOT NULL,
	"disabled_at" timestamp with time zone,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "substance" (
	"cas" text PRIMARY KEY NOT NULL,
	"name_zh" text,
	"name_en" text,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"hazardous" boolean DEFAULT false NOT NULL,
	"catalogue_seq" integer,
	"highly_toxic" boolean DEFAULT false NOT NULL,
	"explosive_precursor" boolean DEFAULT false NOT NULL,
	"precursor_category" integer,
	"sources" text[] DEFAULT '{}'::text[] NOT NULL,
	"curated_name_zh" text,
	"curated_name_en" text,
	"curated_aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"curated_by" integer,
	"curated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "substance_cas_shape" CHECK ((cas IS NULL OR cas ~ '^[1-9][0-9]{1,6}-[0-9]{2}-[0-9]$')),
	CONSTRAINT "substance_precursor_category" CHECK ("substance"."precursor_category" IS NULL OR "substance"."precursor_category" BETWEEN 1 AND 3)
);
--> statement-breakpoint
CREATE TABLE "byproduct" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "byproduct_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"enterprise_id" integer NOT NULL,
	"name" text NOT NULL,
	"cas" text,
	"waste_code" text,
	"composition" text,
	"monthly_volume_t" numeric(14, 3),
	"place" text,
	"status" "listing_status" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "byproduct_cas_shape" CHECK ((cas IS NULL OR cas ~ '^[1-9][0-9]{1,6}-[0-9]{2}-[0-9]$')),
	CONSTRAINT "byproduct_volume_nonneg" CHECK ((monthly_volume_t IS NULL OR monthly_volume_t >= 0))
);
--> statement-breakpoint
CREATE TABLE "product_document" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "product_document_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"product_id" integer NOT NULL,
	"kind" "document_kind" NOT NULL,
	"filename" text NOT NULL,
	"storage_path" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_document_size" CHECK ("product_document"."size_bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "product" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "product_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"enterprise_id" integer NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"cas" text,
	"grade" "grade",
	"purity_pct" numeric(6, 3),
	"form" "form",
	"packaging" text,
	"capacity_tpy" numeric(14, 3),
	"available_t" numeric(14, 3),
	"price_cny_per_t" numeric(16, 2),
	"description" text,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_cas_shape" CHECK ((cas IS NULL OR cas ~ '^[1-9][0-9]{1,6}-[0-9]{2}-[0-9]$')),
	CONSTRAINT "product_purity_range" CHECK ("product"."purity_pct" IS NULL OR "product"."purity_pct" BETWEEN 0 AND 100),
	CONSTRAINT "product_capacity_nonneg" CHECK ((capacity_tpy IS NULL OR capacity_tpy >= 0)),
	CONSTRAINT "product_available_nonneg" CHECK ((available_t IS NULL OR available_t >= 0)),
	CONSTRAINT "product_price_nonneg" CHECK ((price_cny_per_t IS NULL OR price_cny_per_t >= 0))
);
--> statement-breakpoint
CREATE TABLE "supply_offer" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "supply_offer_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"enterprise_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"quantity" numeric(14, 3) NOT NULL,
	"unit" text DEFAULT 't' NOT NULL,
	"price_cny_per_unit" numeric(16, 2),
	"valid_from" date,
	"valid_until" date,
	"place" text,
	"status" "listing_status" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supply_offer_quantity_nonneg" CHECK ((quantity IS NULL OR quantity >= 0)),
	CONSTRAINT "supply_offer_price_nonneg" CHECK ((price_cny_per_unit IS NULL OR price_cny_per_unit >= 0)),
	CONSTRAINT "supply_offer_period" CHECK ((valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until))
);
--> statement-breakpoint
CREATE TABLE "demand" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "demand_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"enterprise_id" integer NOT NULL,
	"created_by" integer,
	"cas" text,
	"substance_name" text NOT NULL,
	"quantity" numeric(14, 3) NOT NULL,
	"unit" text DEFAULT 't' NOT NULL,
	"grade" "grade",
	"min_purity_pct" numeric(6, 3),
	"delivery_from" date,
	"delivery_to" date,
	"place" text,
	"target_price_cny_per_unit" numeric(16, 2),
	"recurrence" "recurrence" DEFAULT 'once' NOT NULL,
	"expires_on" date,
	"note" text,
	"status" "listing_status" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "demand_cas_shape" CHECK ((cas IS NULL OR cas ~ '^[1-9][0-9]{1,6}-[0-9]{2}-[0-9]$')),
	CONSTRAINT "demand_quantity_positive" CHECK ("demand"."quantity" > 0),
	CONSTRAINT "demand_min_purity_range" CHECK ("demand"."min_purity_pct" IS NULL OR "demand"."min_purity_pct" BETWEEN 0 AND 100),
	CONSTRAINT "demand_price_nonneg" CHECK ((target_price_cny_per_unit IS NULL OR target_price_cny_per_unit >= 0)),
	CONSTRAINT "demand_delivery_window" CHECK ((delivery_from IS NULL OR delivery_to IS NULL OR delivery_from <= delivery_to))
);
--> statement-breakpoint
CREATE TABLE "match" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "match_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"demand_id" integer NOT NULL,
	"supplier_enterprise_id" integer NOT NULL,
	"product_id" integer,
	"offer_id" integer,
	"byproduct_id" integer,
	"score" numeric(7, 4) NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"compliance" "compliance_state" DEFAULT 'ok' NOT NULL,
	"status" "match_status" DEFAULT 'suggested' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "match_demand_candidate_key" UNIQUE NULLS NOT DISTINCT("demand_id","product_id","offer_id","byproduct_id"),
	CONSTRAINT "match_has_candidate" CHECK (num_nonnulls("match"."product_id", "match"."offer_id", "match"."byproduct_id") >= 1)
);
--> statement-breakpoint
CREATE TABLE "agreement_line" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "agreement_line_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"agreement_id" integer NOT NULL,
	"line_no" integer NOT NULL,
	"cas" text,
	"product_id" integer,
	"product_name" text,
	"volume_t" numeric(14, 3),
	"unit_price_cny" numeric(16, 2),
	"amount_cny" numeric(16, 2) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_line_cas_shape" CHECK ((cas IS NULL OR cas ~ '^[1-9][0-9]{1,6}-[0-9]{2}-[0-9]$')),
	CONSTRAINT "agreement_line_volume_nonneg" CHECK ((volume_t IS NULL OR volume_t >= 0)),
	CONSTRAINT "agreement_line_price_nonneg" CHECK ((unit_price_cny IS NULL OR unit_price_cny >= 0)),
	CONSTRAINT "agreement_line_amount_nonneg" CHECK ((amount_cny IS NULL OR amount_cny >= 0))
);
--> statement-breakpoint
CREATE TABLE "agreement" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "agreement_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"ref" text NOT NULL,
	"type" "agreement_type" NOT NULL,
	"title" text NOT NULL,
	"buyer_enterprise_id" integer NOT NULL,
	"seller_enterprise_id" integer NOT NULL,
	"total_amount_cny" numeric(16, 2) NOT NULL,
	"signed_on" date,
	"start_on" date,
	"end_on" date,
	"event_id" integer,
	"quote_id" integer,
	"status" "agreement_status" DEFAULT 'draft' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_two_parties" CHECK ("agreement"."buyer_enterprise_id" <> "agreement"."seller_enterprise_id"),
	CONSTRAINT "agreement_amount_nonneg" CHECK ((total_amount_cny IS NULL OR total_amount_cny >= 0)),
	CONSTRAINT "agreement_term" CHECK ((start_on IS NULL OR end_on IS NULL OR start_on <= end_on))
);
--> statement-breakpoint
CREATE TABLE "call_off_order" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "call_off_order_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"agreement_id" integer NOT NULL,
	"line_id" integer,
	"ordered_t" numeric(14, 3) NOT NULL,
	"delivered_t" numeric(14, 3) DEFAULT '0' NOT NULL,
	"ordered_on" date NOT NULL,
	"delivered_on" date,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_off_ordered_nonneg" CHECK ((ordered_t IS NULL OR ordered_t >= 0)),
	CONSTRAINT "call_off_delivered_nonneg" CHECK ((delivered_t IS NULL OR delivered_t >= 0)),
	CONSTRAINT "call_off_dates" CHECK ((ordered_on IS NULL OR delivered_on IS NULL OR ordered_on <= delivered_on))
);
--> statement-breakpoint
CREATE TABLE "inquiry" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inquiry_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"buyer_enterprise_id" integer NOT NULL,
	"supplier_enterprise_id" integer NOT NULL,
	"product_id" integer,
	"demand_id" integer,
	"match_id" integer,
	"subject" text NOT NULL,
	"status" "inquiry_status" DEFAULT 'open' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inquiry_two_parties" CHECK ("inquiry"."buyer_enterprise_id" <> "inquiry"."supplier_enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "inquiry_message" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inquiry_message_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"inquiry_id" integer NOT NULL,
	"author_user_id" integer,
	"author_enterprise_id" integer NOT NULL,
	"body" text NOT NULL,
	"attachment_name" text,
	"attachment_path" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quote" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "quote_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"inquiry_id" integer NOT NULL,
	"price_cny_per_unit" numeric(16, 2) NOT NULL,
	"quantity" numeric(14, 3) NOT NULL,
	"unit" text DEFAULT 't' NOT NULL,
	"valid_until" date,
	"delivery_terms" text,
	"status" "quote_status" DEFAULT 'pending' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quote_price_nonneg" CHECK ((price_cny_per_unit IS NULL OR price_cny_per_unit >= 0)),
	CONSTRAINT "quote_quantity_nonneg" CHECK ((quantity IS NULL OR quantity >= 0))
);
--> statement-breakpoint
CREATE TABLE "app_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_user_id" integer,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notification_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"enterprise_id" integer NOT NULL,
	"user_id" integer,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"topic" text NOT NULL,
	"entity_id" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise" ADD CONSTRAINT "enterprise_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise" ADD CONSTRAINT "enterprise_verified_by_app_user_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence" ADD CONSTRAINT "licence_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence" ADD CONSTRAINT "licence_verified_by_app_user_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "park_staff" ADD CONSTRAINT "park_staff_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "park_staff" ADD CONSTRAINT "park_staff_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substance" ADD CONSTRAINT "substance_curated_by_app_user_id_fk" FOREIGN KEY ("curated_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "byproduct" ADD CONSTRAINT "byproduct_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_document" ADD CONSTRAINT "product_document_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product" ADD CONSTRAINT "product_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_offer" ADD CONSTRAINT "supply_offer_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_offer" ADD CONSTRAINT "supply_offer_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand" ADD CONSTRAINT "demand_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand" ADD CONSTRAINT "demand_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match" ADD CONSTRAINT "match_demand_id_demand_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."demand"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match" ADD CONSTRAINT "match_supplier_enterprise_id_enterprise_id_fk" FOREIGN KEY ("supplier_enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match" ADD CONSTRAINT "match_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match" ADD CONSTRAINT "match_offer_id_supply_offer_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."supply_offer"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match" ADD CONSTRAINT "match_byproduct_id_byproduct_id_fk" FOREIGN KEY ("byproduct_id") REFERENCES "public"."byproduct"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_line" ADD CONSTRAINT "agreement_line_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_line" ADD CONSTRAINT "agreement_line_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_buyer_enterprise_id_enterprise_id_fk" FOREIGN KEY ("buyer_enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_seller_enterprise_id_enterprise_id_fk" FOREIGN KEY ("seller_enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_quote_id_quote_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quote"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_off_order" ADD CONSTRAINT "call_off_order_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_off_order" ADD CONSTRAINT "call_off_order_line_id_agreement_line_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."agreement_line"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_off_order" ADD CONSTRAINT "call_off_order_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry" ADD CONSTRAINT "inquiry_buyer_enterprise_id_enterprise_id_fk" FOREIGN KEY ("buyer_enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry" ADD CONSTRAINT "inquiry_supplier_enterprise_id_enterprise_id_fk" FOREIGN KEY ("supplier_enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry" ADD CONSTRAINT "inquiry_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry" ADD CONSTRAINT "inquiry_demand_id_demand_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."demand"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry" ADD CONSTRAINT "inquiry_match_id_match_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."match"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry" ADD CONSTRAINT "inquiry_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_message" ADD CONSTRAINT "inquiry_message_inquiry_id_inquiry_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiry"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_message" ADD CONSTRAINT "inquiry_message_author_user_id_app_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_message" ADD CONSTRAINT "inquiry_message_author_enterprise_id_enterprise_id_fk" FOREIGN KEY ("author_enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote" ADD CONSTRAINT "quote_inquiry_id_inquiry_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiry"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote" ADD CONSTRAINT "quote_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_app_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_name_key" ON "event" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "park_code_key" ON "park" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprise_uscc_key" ON "enterprise" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "enterprise_park_idx" ON "enterprise" USING btree ("park_id");--> statement-breakpoint
CREATE UNIQUE INDEX "licence_enterprise_type_number_key" ON "licence" USING btree ("enterprise_id","type","number");--> statement-breakpoint
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "substance_name_zh_idx" ON "substance" USING btree ("name_zh");--> statement-breakpoint
CREATE INDEX "byproduct_enterprise_idx" ON "byproduct" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "product_enterprise_sku_key" ON "product" USING btree ("enterprise_id","sku");--> statement-breakpoint
CREATE INDEX "product_cas_idx" ON "product" USING btree ("cas");--> statement-breakpoint
CREATE INDEX "supply_offer_enterprise_idx" ON "supply_offer" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "demand_enterprise_idx" ON "demand" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "demand_cas_idx" ON "demand" USING btree ("cas");--> statement-breakpoint
CREATE INDEX "match_supplier_idx" ON "match" USING btree ("supplier_enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_line_no_key" ON "agreement_line" USING btree ("agreement_id","line_no");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_ref_key" ON "agreement" USING btree ("ref");--> statement-breakpoint
CREATE INDEX "agreement_buyer_idx" ON "agreement" USING btree ("buyer_enterprise_id");--> statement-breakpoint
CREATE INDEX "agreement_seller_idx" ON "agreement" USING btree ("seller_enterprise_id");--> statement-breakpoint
CREATE INDEX "inquiry_buyer_idx" ON "inquiry" USING btree ("buyer_enterprise_id");--> statement-breakpoint
CREATE INDEX "inquiry_supplier_idx" ON "inquiry" USING btree ("supplier_enterprise_id");--> statement-breakpoint
CREATE INDEX "inquiry_message_inquiry_idx" ON "inquiry_message" USING btree ("inquiry_id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "notification_enterprise_idx" ON "notification" USING btree ("enterprise_id","read_at");--> statement-breakpoint
CREATE INDEX "outbox_available_idx" ON "outbox" USING btree ("available_at");