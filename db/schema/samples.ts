import { sql } from "drizzle-orm";
import { check, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { quantity, timestamps } from "./_shared";
import { inquiries } from "./deals";
import { users } from "./users";

/** The units a sample is asked in: small amounts of solids and liquids. */
export const SAMPLE_UNITS = ["g", "kg", "mL", "L"] as const;
export const sampleUnitEnum = pgEnum("sample_unit", SAMPLE_UNITS);
/** requested → sent → received → evaluated, never skipped and never back */
export const SAMPLE_STATUSES = ["requested", "sent", "received", "evaluated"] as const;
export const sampleStatusEnum = pgEnum("sample_status", SAMPLE_STATUSES);
export const sampleResultEnum = pgEnum("sample_result", ["pass", "fail"]);

/**
 * 索样: what a sample inquiry (`inquiry.kind = 'sample'`) asks for and where it stands. One per
 * sample inquiry; each state keeps its moment and who moved it there, so the checks below hold
 * the row to the order of the states.
 */
export const sampleRequests = pgTable(
  "sample_request",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    inquiryId: integer("inquiry_id").notNull().references(() => inquiries.id, { onDelete: "cascade" }),
    quantity: quantity("quantity").notNull(),
    unit: sampleUnitEnum("unit").notNull(),
    deliveryAddress: text("delivery_address").notNull(),
    purpose: text("purpose").notNull(),
    status: sampleStatusEnum("status").notNull().default("requested"),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    requestedBy: integer("requested_by").references(() => users.id, { onDelete: "set null" }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    sentBy: integer("sent_by").references(() => users.id, { onDelete: "set null" }),
    /** carrier and waybill number, or how it travels (自提, 专车 …) */
    trackingNote: text("tracking_note"),
    receivedAt: timestamp("received_at", { withTimezone: true }),
    receivedBy: integer("received_by").references(() => users.id, { onDelete: "set null" }),
    evaluatedAt: timestamp("evaluated_at", { withTimezone: true }),
    evaluatedBy: integer("evaluated_by").references(() => users.id, { onDelete: "set null" }),
    result: sampleResultEnum("result"),
    evaluationNote: text("evaluation_note"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("sample_request_inquiry_key").on(t.inquiryId),
    check("sample_request_quantity_positive", sql`${t.quantity} > 0`),
    // each state has its moment, and only the states reached have one
    check("sample_request_sent", sql`(${t.sentAt} IS NOT NULL AND ${t.trackingNote} IS NOT NULL) = (${t.status} IN ('sent', 'received', 'evaluated'))`),
    check("sample_request_received", sql`(${t.receivedAt} IS NOT NULL) = (${t.status} IN ('received', 'evaluated'))`),
    check("sample_request_evaluated", sql`(${t.evaluatedAt} IS NOT NULL AND ${t.result} IS NOT NULL) = (${t.status} = 'evaluated')`),
  ],
);
