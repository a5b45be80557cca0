import { sql } from "drizzle-orm";
import { check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { quantity, timestamps } from "./_shared";
import { demands } from "./demand";
import { enterprises } from "./enterprises";
import { users } from "./users";

export const rfqStatusEnum = pgEnum("rfq_status", ["open", "awarded"]);

/**
 * 群发询价 (request for quotation): one buyer asks several suppliers about one demand at once. Each
 * invited supplier gets an ordinary inquiry thread (`inquiry.rfq_id`), answers with ordinary quotes,
 * and sees nothing of the others; the buyer compares the answers and awards the volume.
 */
export const rfqs = pgTable(
  "rfq",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    buyerEnterpriseId: integer("buyer_enterprise_id").notNull().references(() => enterprises.id),
    demandId: integer("demand_id").references(() => demands.id, { onDelete: "set null" }),
    subject: text("subject").notNull(),
    volume: quantity("volume").notNull(),
    unit: text("unit").notNull().default("t"),
    /** answers are due by the end of this day (China time) */
    deadline: date("deadline").notNull(),
    note: text("note"),
    status: rfqStatusEnum("status").notNull().default("open"),
    awardedAt: timestamp("awarded_at", { withTimezone: true }),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("rfq_buyer_idx").on(t.buyerEnterpriseId),
    index("rfq_demand_idx").on(t.demandId),
    check("rfq_volume_positive", sql`${t.volume} > 0`),
  ],
);

/** The reminder a supplier got before an RFQ's deadline: one per supplier and RFQ, whatever the sweep does. */
export const rfqReminders = pgTable(
  "rfq_reminder",
  {
    rfqId: integer("rfq_id").notNull().references(() => rfqs.id, { onDelete: "cascade" }),
    supplierEnterpriseId: integer("supplier_enterprise_id").notNull().references(() => enterprises.id, { onDelete: "cascade" }),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.rfqId, t.supplierEnterpriseId] })],
);
