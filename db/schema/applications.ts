import { sql } from "drizzle-orm";
import { check, customType, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamps } from "./_shared";
import { enterprises, LICENCE_DOCUMENT_MAX_BYTES } from "./enterprises";
import { parks } from "./parks";
import { users } from "./users";

/** Raw bytes (PostgreSQL bytea), handed over as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

export const applicationStatusEnum = pgEnum("application_status", ["pending", "approved", "rejected"]);

/**
 * 入驻申请: an enterprise outside the platform asks to join (server/applications). The staff of the
 * park it names (platform admins when it names none) review it with the scan of its business
 * licence; approval creates the enterprise (verified) and its first admin, whose id is kept here.
 * One pending application per credit code at a time.
 */
export const enterpriseApplications = pgTable(
  "enterprise_application",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    uscc: text("uscc").notNull(),
    name: text("name").notNull(),
    /** null: outside any park (reviewed by platform admins) */
    parkId: integer("park_id").references(() => parks.id, { onDelete: "restrict" }),
    chains: text("chains").array().notNull().default(sql`'{}'::text[]`),
    contactName: text("contact_name").notNull(),
    contactPhone: text("contact_phone").notNull(),
    contactEmail: text("contact_email").notNull(),
    /** the scan of the business licence (营业执照): PDF, PNG or JPEG, its type checked by its first bytes */
    scanFilename: text("scan_filename").notNull(),
    scanContentType: text("scan_content_type").notNull(),
    scanSizeBytes: integer("scan_size_bytes").notNull(),
    scanContent: bytea("scan_content").notNull(),
    status: applicationStatusEnum("status").notNull().default("pending"),
    /** why it was rejected (required then) */
    reason: text("reason"),
    reviewedBy: integer("reviewed_by").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    /** the enterprise approval created */
    enterpriseId: integer("enterprise_id").references(() => enterprises.id, { onDelete: "set null" }),
    /** the client address it came from, for the submission limit per address */
    clientAddress: text("client_address").notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("enterprise_application_pending_uscc_key").on(t.uscc).where(sql`${t.status} = 'pending'`),
    index("enterprise_application_park_status_idx").on(t.parkId, t.status),
    index("enterprise_application_address_idx").on(t.clientAddress, t.createdAt),
    index("enterprise_application_enterprise_idx").on(t.enterpriseId),
    check("enterprise_application_uscc_shape", sql`${t.uscc} ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'`),
    check("enterprise_application_scan_size", sql`${t.scanSizeBytes} > 0 AND ${t.scanSizeBytes} <= ${sql.raw(String(LICENCE_DOCUMENT_MAX_BYTES))} AND ${t.scanSizeBytes} = octet_length(${t.scanContent})`),
    check("enterprise_application_decided", sql`(${t.status} = 'pending') = (${t.reviewedAt} IS NULL)`),
    check("enterprise_application_reason", sql`${t.status} <> 'rejected' OR length(trim(${t.reason})) > 0`),
  ],
);
