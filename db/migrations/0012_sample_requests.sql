CREATE TYPE "public"."inquiry_kind" AS ENUM('quote', 'sample');--> statement-breakpoint
CREATE TYPE "public"."sample_result" AS ENUM('pass', 'fail');--> statement-breakpoint
CREATE TYPE "public"."sample_status" AS ENUM('requested', 'sent', 'received', 'evaluated');--> statement-breakpoint
CREATE TYPE "public"."sample_unit" AS ENUM('g', 'kg', 'mL', 'L');--> statement-breakpoint
CREATE TABLE "sample_request" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sample_request_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"inquiry_id" integer NOT NULL,
	"quantity" numeric(14, 3) NOT NULL,
	"unit" "sample_unit" NOT NULL,
	"delivery_address" text NOT NULL,
	"purpose" text NOT NULL,
	"status" "sample_status" DEFAULT 'requested' NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"requested_by" integer,
	"sent_at" timestamp with time zone,
	"sent_by" integer,
	"tracking_note" text,
	"received_at" timestamp with time zone,
	"received_by" integer,
	"evaluated_at" timestamp with time zone,
	"evaluated_by" integer,
	"result" "sample_result",
	"evaluation_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sample_request_quantity_positive" CHECK ("sample_request"."quantity" > 0),
	CONSTRAINT "sample_request_sent" CHECK (("sample_request"."sent_at" IS NOT NULL AND "sample_request"."tracking_note" IS NOT NULL) = ("sample_request"."status" IN ('sent', 'received', 'evaluated'))),
	CONSTRAINT "sample_request_received" CHECK (("sample_request"."received_at" IS NOT NULL) = ("sample_request"."status" IN ('received', 'evaluated'))),
	CONSTRAINT "sample_request_evaluated" CHECK (("sample_request"."evaluated_at" IS NOT NULL AND "sample_request"."result" IS NOT NULL) = ("sample_request"."status" = 'evaluated'))
);
--> statement-breakpoint
ALTER TABLE "inquiry" ADD COLUMN "kind" "inquiry_kind" DEFAULT 'quote' NOT NULL;--> statement-breakpoint
ALTER TABLE "sample_request" ADD CONSTRAINT "sample_request_inquiry_id_inquiry_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiry"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_request" ADD CONSTRAINT "sample_request_requested_by_app_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_request" ADD CONSTRAINT "sample_request_sent_by_app_user_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_request" ADD CONSTRAINT "sample_request_received_by_app_user_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_request" ADD CONSTRAINT "sample_request_evaluated_by_app_user_id_fk" FOREIGN KEY ("evaluated_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sample_request_inquiry_key" ON "sample_request" USING btree ("inquiry_id");