CREATE TYPE "public"."application_status" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TABLE "enterprise_application" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "enterprise_application_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"uscc" text NOT NULL,
	"name" text NOT NULL,
	"park_id" integer,
	"chains" text[] DEFAULT '{}'::text[] NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"contact_email" text NOT NULL,
	"scan_filename" text NOT NULL,
	"scan_content_type" text NOT NULL,
	"scan_size_bytes" integer NOT NULL,
	"scan_content" "bytea" NOT NULL,
	"status" "application_status" DEFAULT 'pending' NOT NULL,
	"reason" text,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"enterprise_id" integer,
	"client_address" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_application_uscc_shape" CHECK ("enterprise_application"."uscc" ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
	CONSTRAINT "enterprise_application_scan_size" CHECK ("enterprise_application"."scan_size_bytes" > 0 AND "enterprise_application"."scan_size_bytes" <= 5242880 AND "enterprise_application"."scan_size_bytes" = octet_length("enterprise_application"."scan_content")),
	CONSTRAINT "enterprise_application_decided" CHECK (("enterprise_application"."status" = 'pending') = ("enterprise_application"."reviewed_at" IS NULL)),
	CONSTRAINT "enterprise_application_reason" CHECK ("enterprise_application"."status" <> 'rejected' OR length(trim("enterprise_application"."reason")) > 0)
);
--> statement-breakpoint
ALTER TABLE "enterprise_application" ADD CONSTRAINT "enterprise_application_park_id_park_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."park"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_application" ADD CONSTRAINT "enterprise_application_reviewed_by_app_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_application" ADD CONSTRAINT "enterprise_application_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enterprise_application_pending_uscc_key" ON "enterprise_application" USING btree ("uscc") WHERE "enterprise_application"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "enterprise_application_park_status_idx" ON "enterprise_application" USING btree ("park_id","status");--> statement-breakpoint
CREATE INDEX "enterprise_application_address_idx" ON "enterprise_application" USING btree ("client_address","created_at");--> statement-breakpoint
CREATE INDEX "enterprise_application_enterprise_idx" ON "enterprise_application" USING btree ("enterprise_id");