CREATE TYPE "public"."rfq_status" AS ENUM('open', 'awarded');--> statement-breakpoint
CREATE TABLE "rfq_reminder" (
	"rfq_id" integer NOT NULL,
	"supplier_enterprise_id" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rfq_reminder_rfq_id_supplier_enterprise_id_pk" PRIMARY KEY("rfq_id","supplier_enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "rfq" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rfq_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"buyer_enterprise_id" integer NOT NULL,
	"demand_id" integer,
	"subject" text NOT NULL,
	"volume" numeric(14, 3) NOT NULL,
	"unit" text DEFAULT 't' NOT NULL,
	"deadline" date NOT NULL,
	"note" text,
	"status" "rfq_status" DEFAULT 'open' NOT NULL,
	"awarded_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rfq_volume_positive" CHECK ("rfq"."volume" > 0)
);
--> statement-breakpoint
ALTER TABLE "inquiry" ADD COLUMN "rfq_id" integer;--> statement-breakpoint
ALTER TABLE "rfq_reminder" ADD CONSTRAINT "rfq_reminder_rfq_id_rfq_id_fk" FOREIGN KEY ("rfq_id") REFERENCES "public"."rfq"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_reminder" ADD CONSTRAINT "rfq_reminder_supplier_enterprise_id_enterprise_id_fk" FOREIGN KEY ("supplier_enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq" ADD CONSTRAINT "rfq_buyer_enterprise_id_enterprise_id_fk" FOREIGN KEY ("buyer_enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq" ADD CONSTRAINT "rfq_demand_id_demand_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."demand"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq" ADD CONSTRAINT "rfq_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rfq_buyer_idx" ON "rfq" USING btree ("buyer_enterprise_id");--> statement-breakpoint
CREATE INDEX "rfq_demand_idx" ON "rfq" USING btree ("demand_id");--> statement-breakpoint
ALTER TABLE "inquiry" ADD CONSTRAINT "inquiry_rfq_id_rfq_id_fk" FOREIGN KEY ("rfq_id") REFERENCES "public"."rfq"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inquiry_rfq_idx" ON "inquiry" USING btree ("rfq_id");