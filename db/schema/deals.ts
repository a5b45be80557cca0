import { sql } from "drizzle-orm";
import {
  boolean, check, customType, date, index, integer, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex, type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { casShape, money, nonNegative, ordered, quantity, taxBasisEnum, timestamps } from "./_shared";
import { products } from "./catalogue";
import { demands, matches } from "./demand";
import { enterprises } from "./enterprises";
import { events } from "./parks";
import { rfqs } from "./rfq";
import { users } from "./users";

export const inquiryStatusEnum = pgEnum("inquiry_status", ["open", "quoted", "accepted", "closed"]);
/** what a thread asks for: a price (询价) or a sample (索样, with its `sample_request`) */
export const inquiryKindEnum = pgEnum("inquiry_kind", ["quote", "sample"]);
/** `superseded`: a later version of the same quote (after a counter-offer) replaced it */
export const quoteStatusEnum = pgEnum("quote_status", ["pending", "accepted", "rejected", "expired", "superseded"]);
/** 现款 (cash, 款到发货), 银行承兑 (bank acceptance bill), 账期 N 天 (credit of N days) */
export const paymentTermsEnum = pgEnum("payment_terms", ["cash", "bank_acceptance", "credit"]);
/** 出厂自提 (ex works: the buyer collects at the seller's works) or 送货到厂 (delivered to the buyer's plant) */
export const deliveryModeEnum = pgEnum("delivery_mode", ["ex_works", "delivered"]);
/** A counter-offer (还价): open until the supplier accepts, declines or answers it with a new quote version. */
export const counterStatusEnum = pgEnum("counter_status", ["open", "accepted", "declined", "answered"]);
export const agreementTypeEnum = pgEnum("agreement_type", ["framework", "contract", "order"]);
export const agreementStatusEnum = pgEnum("agreement_status", [
  "draft", "signed", "active", "completed", "terminated",
]);

/** 询价: a buyer asks a supplier about a product or a demand. */
export const inquiries = pgTable(
  "inquiry",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    buyerEnterpriseId: integer("buyer_enterprise_id").notNull().references(() => enterprises.id),
    supplierEnterpriseId: integer("supplier_enterprise_id").notNull().references(() => enterprises.id),
    productId: integer("product_id").references(() => products.id, { onDelete: "set null" }),
    demandId: integer("demand_id").references(() => demands.id, { onDelete: "set null" }),
    matchId: integer("match_id").references(() => matches.id, { onDelete: "set null" }),
    /** the RFQ (群发询价) this thread answers, if any: one thread per invited supplier */
    rfqId: integer("rfq_id").references(() => rfqs.id, { onDelete: "set null" }),
    subject: text("subject").notNull(),
    kind: inquiryKindEnum("kind").notNull().default("quote"),
    status: inquiryStatusEnum("status").notNull().default("open"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("inquiry_buyer_idx").on(t.buyerEnterpriseId),
    index("inquiry_supplier_idx").on(t.supplierEnterpriseId),
    index("inquiry_rfq_idx").on(t.rfqId),
    check("inquiry_two_parties", sql`${t.buyerEnterpriseId} <> ${t.supplierEnterpriseId}`),
  ],
);

export const inquiryMessages = pgTable("inquiry_message", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  inquiryId: integer("inquiry_id").notNull().references(() => inquiries.id, { onDelete: "cascade" }),
  authorUserId: integer("author_user_id").references(() => users.id, { onDelete: "set null" }),
  authorEnterpriseId: integer("author_enterprise_id").notNull().references(() => enterprises.id),
  body: text("body").notNull(),
  readAt: timestamp("read_at", { withTimezone: true }),
  ...timestamps,
}, (t) => [index("inquiry_message_inquiry_idx").on(t.inquiryId)]);

/** File contents kept in PostgreSQL, so app instances stay stateless. */
const bytes = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/** Largest file a message or an agreement may carry. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** A file attached to an inquiry message (spec sheet, COA, drawing …). */
export const inquiryAttachments = pgTable(
  "inquiry_attachment",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    messageId: integer("message_id").notNull().references(() => inquiryMessages.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    content: bytes("content").notNull(),
    ...timestamps,
  },
  (t) => [
    index("inquiry_attachment_message_idx").on(t.messageId),
    check("inquiry_attachment_size", sql`${t.sizeBytes} BETWEEN 1 AND ${sql.raw(String(MAX_FILE_BYTES))}`),
  ],
);

/** 报价 */
export const quotes = pgTable(
  "quote",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    inquiryId: integer("inquiry_id").notNull().references(() => inquiries.id, { onDelete: "cascade" }),
    priceCnyPerUnit: money("price_cny_per_unit").notNull(),
    quantity: quantity("quantity").notNull(),
    unit: text("unit").notNull().default("t"),
    validUntil: date("valid_until"),
    /** the price's tax basis and, 含税 or not, the VAT rate that applies (13 % for most chemicals) */
    taxBasis: taxBasisEnum("tax_basis").notNull().default("incl_vat"),
    vatRatePct: numeric("vat_rate_pct", { precision: 5, scale: 2 }).notNull().default("13"),
    paymentTerms: paymentTermsEnum("payment_terms").notNull().default("cash"),
    /** 账期 N 天: the N, for `credit` only */
    paymentDays: integer("payment_days"),
    deliveryMode: deliveryModeEnum("delivery_mode").notNull().default("delivered"),
    /** where: the seller's works for 出厂自提, the buyer's plant for 送货到厂 */
    deliveryPlace: text("delivery_place"),
    /** minimum order quantity, in the quote's unit */
    moq: quantity("moq"),
    leadTimeDays: integer("lead_time_days"),
    packaging: text("packaging"),
    notes: text("notes"),
    /** v1, v2 …: a quote answering a counter-offer is the next version of the quote countered */
    version: integer("version").notNull().default(1),
    previousQuoteId: integer("previous_quote_id").references((): AnyPgColumn => quotes.id, { onDelete: "set null" }),
    status: quoteStatusEnum("status").notNull().default("pending"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("quote_inquiry_idx").on(t.inquiryId),
    check("quote_price_nonneg", nonNegative("price_cny_per_unit")),
    check("quote_quantity_nonneg", nonNegative("quantity")),
    check("quote_moq_nonneg", nonNegative("moq")),
    check("quote_vat_rate_range", sql`${t.vatRatePct} BETWEEN 0 AND 100`),
    check("quote_payment_days", sql`(${t.paymentTerms} = 'credit') = (${t.paymentDays} IS NOT NULL) AND (${t.paymentDays} IS NULL OR ${t.paymentDays} BETWEEN 1 AND 365)`),
    check("quote_lead_time_range", sql`${t.leadTimeDays} IS NULL OR ${t.leadTimeDays} BETWEEN 0 AND 365`),
    check("quote_version_positive", sql`${t.version} >= 1`),
  ],
);

/**
 * 还价: the buyer proposes a price (and optionally other terms) on a pending quote. The supplier
 * accepts it (a new version of the quote at those terms, which the buyer may then accept),
 * declines it (the quote stands), or answers with a new quote version (`answerQuoteId`).
 * At most one open counter-offer per quote.
 */
export const quoteCounters = pgTable(
  "quote_counter",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    quoteId: integer("quote_id").notNull().references(() => quotes.id, { onDelete: "cascade" }),
    priceCnyPerUnit: money("price_cny_per_unit").notNull(),
    quantity: quantity("quantity"),
    taxBasis: taxBasisEnum("tax_basis"),
    paymentTerms: paymentTermsEnum("payment_terms"),
    paymentDays: integer("payment_days"),
    deliveryMode: deliveryModeEnum("delivery_mode"),
    deliveryPlace: text("delivery_place"),
    note: text("note"),
    status: counterStatusEnum("status").notNull().default("open"),
    /** the quote version that accepted or answered it */
    answerQuoteId: integer("answer_quote_id").references(() => quotes.id, { onDelete: "set null" }),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    decidedBy: integer("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("quote_counter_quote_idx").on(t.quoteId),
    uniqueIndex("quote_counter_one_open").on(t.quoteId).where(sql`status = 'open'`),
    check("quote_counter_price_nonneg", nonNegative("price_cny_per_unit")),
    check("quote_counter_quantity_positive", sql`${t.quantity} IS NULL OR ${t.quantity} > 0`),
    check("quote_counter_payment_days", sql`${t.paymentDays} IS NULL OR ${t.paymentDays} BETWEEN 1 AND 365`),
  ],
);

/** Framework agreement, supply contract or purchase order between two enterprises. */
export const agreements = pgTable(
  "agreement",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    ref: text("ref").notNull(),
    type: agreementTypeEnum("type").notNull(),
    title: text("title").notNull(),
    buyerEnterpriseId: integer("buyer_enterprise_id").notNull().references(() => enterprises.id),
    sellerEnterpriseId: integer("seller_enterprise_id").notNull().references(() => enterprises.id),
    totalAmountCny: money("total_amount_cny").notNull(),
    signedOn: date("signed_on"),
    startOn: date("start_on"),
    endOn: date("end_on"),
    eventId: integer("event_id").references(() => events.id, { onDelete: "set null" }),
    quoteId: integer("quote_id").references(() => quotes.id, { onDelete: "set null" }),
    /** terms with no column of their own (from the accepted quote: tax basis, payment, delivery, packaging …) */
    notes: text("notes"),
    status: agreementStatusEnum("status").notNull().default("draft"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    /**
     * Two-step signing between the parties: one party proposes the draft for signing (who, for
     * which enterprise, when), the other confirms it (who, when). Editing the draft clears the
     * proposal; once signed, both stay on record.
     */
    proposedBy: integer("proposed_by").references(() => users.id, { onDelete: "set null" }),
    proposedByEnterpriseId: integer("proposed_by_enterprise_id").references(() => enterprises.id),
    proposedAt: timestamp("proposed_at", { withTimezone: true }),
    confirmedBy: integer("confirmed_by").references(() => users.id, { onDelete: "set null" }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("agreement_ref_key").on(t.ref),
    check("agreement_proposal", sql`(${t.proposedAt} IS NULL) = (${t.proposedByEnterpriseId} IS NULL)`),
    check("agreement_proposer_is_party", sql`${t.proposedByEnterpriseId} IS NULL OR ${t.proposedByEnterpriseId} IN (${t.buyerEnterpriseId}, ${t.sellerEnterpriseId})`),
    index("agreement_buyer_idx").on(t.buyerEnterpriseId),
    index("agreement_seller_idx").on(t.sellerEnterpriseId),
    check("agreement_two_parties", sql`${t.buyerEnterpriseId} <> ${t.sellerEnterpriseId}`),
    check("agreement_amount_nonneg", nonNegative("total_amount_cny")),
    check("agreement_term", ordered("start_on", "end_on")),
  ],
);

export const agreementLines = pgTable(
  "agreement_line",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    agreementId: integer("agreement_id").notNull().references(() => agreements.id, { onDelete: "cascade" }),
    lineNo: integer("line_no").notNull(),
    cas: text("cas"),
    productId: integer("product_id").references(() => products.id, { onDelete: "set null" }),
    productName: text("product_name"),
    volumeT: quantity("volume_t"),
    unitPriceCny: money("unit_price_cny"),
    amountCny: money("amount_cny").notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("agreement_line_no_key").on(t.agreementId, t.lineNo),
    check("agreement_line_cas_shape", casShape("cas")),
    check("agreement_line_volume_nonneg", nonNegative("volume_t")),
    check("agreement_line_price_nonneg", nonNegative("unit_price_cny")),
    check("agreement_line_amount_nonneg", nonNegative("amount_cny")),
  ],
);

/** A document of an agreement (the signed scan, annexes). */
export const agreementDocuments = pgTable(
  "agreement_document",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    agreementId: integer("agreement_id").notNull().references(() => agreements.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    content: bytes("content").notNull(),
    uploadedBy: integer("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("agreement_document_agreement_idx").on(t.agreementId),
    check("agreement_document_size", sql`${t.sizeBytes} BETWEEN 1 AND ${sql.raw(String(MAX_FILE_BYTES))}`),
  ],
);

/** A call-off order against a framework agreement, with what was actually delivered. */
export const callOffOrders = pgTable(
  "call_off_order",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    agreementId: integer("agreement_id").notNull().references(() => agreements.id, { onDelete: "cascade" }),
    lineId: integer("line_id").references(() => agreementLines.id, { onDelete: "set null" }),
    orderedT: quantity("ordered_t").notNull(),
    deliveredT: quantity("delivered_t").notNull().default("0"),
    orderedOn: date("ordered_on").notNull(),
    /** 要求交货日期: the date the buyer needs it delivered by (on-time delivery is measured against it) */
    dueOn: date("due_on"),
    deliveredOn: date("delivered_on"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("call_off_agreement_idx").on(t.agreementId),
    check("call_off_ordered_nonneg", nonNegative("ordered_t")),
    check("call_off_delivered_nonneg", nonNegative("delivered_t")),
    check("call_off_dates", ordered("ordered_on", "delivered_on")),
    check("call_off_due", ordered("ordered_on", "due_on")),
    index("call_off_due_idx").on(t.dueOn),
  ],
);

/**
 * 流向台账: one row per shipment (delivery) of an agreement, against one of its call-offs or
 * directly against the agreement (contracts, orders). Append-only: the parties, the substance and
 * the lists it was on are copied as they were on the day it was recorded, a trigger refuses
 * UPDATE, DELETE and TRUNCATE (migration 0006), and nothing cascades into it, so an agreement, a
 * call-off or an enterprise with shipments cannot be deleted either. A mistake is corrected by a
 * new row whose `correctsId` names the row it replaces (each row at most once); the effective
 * shipments are those no row corrects, and a call-off's delivered total is their sum.
 */
export const shipments = pgTable(
  "shipment",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    agreementId: integer("agreement_id").notNull().references(() => agreements.id),
    lineId: integer("line_id").references(() => agreementLines.id),
    callOffId: integer("call_off_id").references(() => callOffOrders.id),
    correctsId: integer("corrects_id").references((): AnyPgColumn => shipments.id),
    deliveredOn: date("delivered_on").notNull(),
    quantityT: quantity("quantity_t").notNull(),
    sellerEnterpriseId: integer("seller_enterprise_id").notNull().references(() => enterprises.id),
    sellerName: text("seller_name").notNull(),
    sellerUscc: text("seller_uscc").notNull(),
    sellerAddress: text("seller_address"),
    buyerEnterpriseId: integer("buyer_enterprise_id").notNull().references(() => enterprises.id),
    buyerName: text("buyer_name").notNull(),
    buyerUscc: text("buyer_uscc").notNull(),
    buyerAddress: text("buyer_address"),
    cas: text("cas"),
    substanceName: text("substance_name"),
    hazardous: boolean("hazardous").notNull().default(false),
    highlyToxic: boolean("highly_toxic").notNull().default(false),
    explosivePrecursor: boolean("explosive_precursor").notNull().default(false),
    precursorCategory: integer("precursor_category"),
    /** 用途 */
    purpose: text("purpose"),
    /** the buyer's agent (经办人) and their resident ID number, full here, masked on screen */
    agentName: text("agent_name"),
    agentIdNumber: text("agent_id_number"),
    /** why a correction was recorded */
    reason: text("reason"),
    recordedBy: integer("recorded_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("shipment_agreement_idx").on(t.agreementId),
    index("shipment_call_off_idx").on(t.callOffId),
    index("shipment_delivered_on_idx").on(t.deliveredOn),
    uniqueIndex("shipment_corrects_key").on(t.correctsId),
    check("shipment_quantity_nonneg", nonNegative("quantity_t")),
    check("shipment_cas_shape", casShape("cas")),
    check("shipment_precursor_category", sql`${t.precursorCategory} IS NULL OR ${t.precursorCategory} BETWEEN 1 AND 3`),
    check("shipment_not_self_correction", sql`${t.correctsId} IS NULL OR ${t.correctsId} <> ${t.id}`),
  ],
);
