ALTER TABLE "agreement" ADD COLUMN "proposed_by" integer;--> statement-breakpoint
ALTER TABLE "agreement" ADD COLUMN "proposed_by_enterprise_id" integer;--> statement-breakpoint
ALTER TABLE "agreement" ADD COLUMN "proposed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agreement" ADD COLUMN "confirmed_by" integer;--> statement-breakpoint
ALTER TABLE "agreement" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_proposed_by_app_user_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_proposed_by_enterprise_id_enterprise_id_fk" FOREIGN KEY ("proposed_by_enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_confirmed_by_app_user_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_proposal" CHECK (("agreement"."proposed_at" IS NULL) = ("agreement"."proposed_by_enterprise_id" IS NULL));--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_proposer_is_party" CHECK ("agreement"."proposed_by_enterprise_id" IS NULL OR "agreement"."proposed_by_enterprise_id" IN ("agreement"."buyer_enterprise_id", "agreement"."seller_enterprise_id"));