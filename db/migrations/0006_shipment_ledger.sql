CREATE TABLE "shipment" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "shipment_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"agreement_id" integer NOT NULL,
	"line_id" integer,
	"call_off_id" integer,
	"corrects_id" integer,
	"delivered_on" date NOT NULL,
	"quantity_t" numeric(14, 3) NOT NULL,
	"seller_enterprise_id" integer NOT NULL,
	"seller_name" text NOT NULL,
	"seller_uscc" text NOT NULL,
	"seller_address" text,
	"buyer_enterprise_id" integer NOT NULL,
	"buyer_name" text NOT NULL,
	"buyer_uscc" text NOT NULL,
	"buyer_address" text,
	"cas" text,
	"substance_name" text,
	"hazardous" boolean DEFAULT false NOT NULL,
	"highly_toxic" boolean DEFAULT false NOT NULL,
	"explosive_precursor" boolean DEFAULT false NOT NULL,
	"precursor_category" integer,
	"purpose" text,
	"agent_name" text,
	"agent_id_number" text,
	"reason" text,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipment_quantity_nonneg" CHECK ((quantity_t IS NULL OR quantity_t >= 0)),
	CONSTRAINT "shipment_cas_shape" CHECK ((cas IS NULL OR cas ~ '^[1-9][0-9]{1,6}-[0-9]{2}-[0-9]$')),
	CONSTRAINT "shipment_precursor_category" CHECK ("shipment"."precursor_category" IS NULL OR "shipment"."precursor_category" BETWEEN 1 AND 3),
	CONSTRAINT "shipment_not_self_correction" CHECK ("shipment"."corrects_id" IS NULL OR "shipment"."corrects_id" <> "shipment"."id")
);
--> statement-breakpoint
ALTER TABLE "shipment" ADD CONSTRAINT "shipment_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment" ADD CONSTRAINT "shipment_line_id_agreement_line_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."agreement_line"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment" ADD CONSTRAINT "shipment_call_off_id_call_off_order_id_fk" FOREIGN KEY ("call_off_id") REFERENCES "public"."call_off_order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment" ADD CONSTRAINT "shipment_corrects_id_shipment_id_fk" FOREIGN KEY ("corrects_id") REFERENCES "public"."shipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment" ADD CONSTRAINT "shipment_seller_enterprise_id_enterprise_id_fk" FOREIGN KEY ("seller_enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment" ADD CONSTRAINT "shipment_buyer_enterprise_id_enterprise_id_fk" FOREIGN KEY ("buyer_enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment" ADD CONSTRAINT "shipment_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "shipment_agreement_idx" ON "shipment" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "shipment_call_off_idx" ON "shipment" USING btree ("call_off_id");--> statement-breakpoint
CREATE INDEX "shipment_delivered_on_idx" ON "shipment" USING btree ("delivered_on");--> statement-breakpoint
CREATE UNIQUE INDEX "shipment_corrects_key" ON "shipment" USING btree ("corrects_id");--> statement-breakpoint
-- what was delivered before shipments existed: one shipment per call-off with a delivered quantity,
-- so every call-off's delivered total is the sum of its shipments from the start
INSERT INTO "shipment" (
	"agreement_id", "line_id", "call_off_id", "delivered_on", "quantity_t",
	"seller_enterprise_id", "seller_name", "seller_uscc", "seller_address",
	"buyer_enterprise_id", "buyer_name", "buyer_uscc", "buyer_address",
	"cas", "substance_name", "hazardous", "highly_toxic", "explosive_precursor", "precursor_category", "created_at"
)
SELECT c."agreement_id", l."id", c."id", coalesce(c."delivered_on", c."ordered_on"), c."delivered_t",
	s."id", s."name", s."uscc", s."address",
	b."id", b."name", b."uscc", b."address",
	l."cas", coalesce(sub."curated_name_zh", sub."name_zh", l."product_name"),
	coalesce(sub."hazardous", false), coalesce(sub."highly_toxic", false), coalesce(sub."explosive_precursor", false), sub."precursor_category", c."updated_at"
FROM "call_off_order" c
JOIN "agreement" a ON a."id" = c."agreement_id"
JOIN "enterprise" s ON s."id" = a."seller_enterprise_id"
JOIN "enterprise" b ON b."id" = a."buyer_enterprise_id"
LEFT JOIN "agreement_line" l ON l."id" = coalesce(c."line_id", (SELECT min(x."id") FROM "agreement_line" x WHERE x."agreement_id" = c."agreement_id" HAVING count(*) = 1))
LEFT JOIN "substance" sub ON sub."cas" = l."cas"
WHERE c."delivered_t" > 0
ORDER BY c."id";
--> statement-breakpoint
-- the ledger is append-only and kept (at least two years, so far for ever): no row is changed or deleted
CREATE FUNCTION "shipment_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'shipment rows are never changed or deleted (流向台账只增不删): record a correction instead'
		USING ERRCODE = 'integrity_constraint_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "shipment_no_update_delete" BEFORE UPDATE OR DELETE ON "shipment" FOR EACH ROW EXECUTE FUNCTION "shipment_append_only"();
--> statement-breakpoint
CREATE TRIGGER "shipment_no_truncate" BEFORE TRUNCATE ON "shipment" FOR EACH STATEMENT EXECUTE FUNCTION "shipment_append_only"();
