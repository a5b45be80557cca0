CREATE TYPE "public"."regulated_change_action" AS ENUM('add', 'remove');--> statement-breakpoint
CREATE TYPE "public"."regulated_list" AS ENUM('highly_toxic', 'explosive_precursor', 'precursor');--> statement-breakpoint
ALTER TYPE "public"."licence_type" ADD VALUE 'precursor_purchase_permit';--> statement-breakpoint
ALTER TYPE "public"."licence_type" ADD VALUE 'precursor_purchase_record';--> statement-breakpoint
CREATE TABLE "regulated_list_change" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "regulated_list_change_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"cas" text NOT NULL,
	"list" "regulated_list" NOT NULL,
	"action" "regulated_change_action" NOT NULL,
	"category" integer,
	"effective_on" date NOT NULL,
	"reason" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regulated_list_change_category" CHECK (("regulated_list_change"."list" = 'precursor' AND "regulated_list_change"."action" = 'add') = ("regulated_list_change"."category" IS NOT NULL) AND ("regulated_list_change"."category" IS NULL OR "regulated_list_change"."category" BETWEEN 1 AND 3))
);
--> statement-breakpoint
ALTER TABLE "regulated_list_change" ADD CONSTRAINT "regulated_list_change_cas_substance_cas_fk" FOREIGN KEY ("cas") REFERENCES "public"."substance"("cas") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regulated_list_change" ADD CONSTRAINT "regulated_list_change_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "regulated_list_change_cas_idx" ON "regulated_list_change" USING btree ("cas","list","effective_on");