ALTER TABLE "call_off_order" ADD COLUMN "due_on" date;--> statement-breakpoint
CREATE INDEX "call_off_due_idx" ON "call_off_order" USING btree ("due_on");--> statement-breakpoint
ALTER TABLE "call_off_order" ADD CONSTRAINT "call_off_due" CHECK ((ordered_on IS NULL OR due_on IS NULL OR ordered_on <= due_on));