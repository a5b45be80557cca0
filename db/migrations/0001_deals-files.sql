CREATE TABLE "agreement_document" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "agreement_document_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"agreement_id" integer NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_document_size" CHECK ("agreement_document"."size_bytes" BETWEEN 1 AND 5242880)
);
--> statement-breakpoint
CREATE TABLE "inquiry_attachment" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inquiry_attachment_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"message_id" integer NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inquiry_attachment_size" CHECK ("inquiry_attachment"."size_bytes" BETWEEN 1 AND 5242880)
);
--> statement-breakpoint
ALTER TABLE "agreement_document" ADD CONSTRAINT "agreement_document_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_document" ADD CONSTRAINT "agreement_document_uploaded_by_app_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_attachment" ADD CONSTRAINT "inquiry_attachment_message_id_inquiry_message_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."inquiry_message"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_document_agreement_idx" ON "agreement_document" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "inquiry_attachment_message_idx" ON "inquiry_attachment" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "call_off_agreement_idx" ON "call_off_order" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "quote_inquiry_idx" ON "quote" USING btree ("inquiry_id");--> statement-breakpoint
ALTER TABLE "inquiry_message" DROP COLUMN "attachment_name";--> statement-breakpoint
ALTER TABLE "inquiry_message" DROP COLUMN "attachment_path";