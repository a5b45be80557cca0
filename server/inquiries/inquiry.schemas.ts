import { MAX_FILE_BYTES } from "@/db/schema";
import { dbId, z } from "@/server/zod";

const id = dbId();

/** Where an inquiry starts: a match, a catalogue product, or a buyer's demand (a supplier answers it). */
export const inquirySource = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("match"), id }),
  z.object({ kind: z.literal("product"), id }),
  z.object({ kind: z.literal("demand"), id }),
]);
export type InquirySource = z.infer<typeof inquirySource>;

/** A file sent through tRPC as base64; at most MAX_FILE_BYTES once decoded. */
export const fileInput = z.object({
  filename: z.string().trim().min(1).max(200),
  contentType: z.string().trim().max(120).default("application/octet-stream"),
  /** base64 of the bytes */
  content: z.string().min(1).max(Math.ceil((MAX_FILE_BYTES * 4) / 3) + 4, { error: "deals.file_too_big" }),
});
export type FileInput = z.infer<typeof fileInput>;

export const createInquiryInput = z.object({
  source: inquirySource,
  subject: z.string().trim().min(2, { error: "field.required" }).max(120),
  body: z.string().trim().min(1, { error: "field.required" }).max(4000),
});
export type CreateInquiryInput = z.infer<typeof createInquiryInput>;

export const listInquiriesInput = z.object({
  /** buying: the actor's enterprise asks; selling: it is asked; all: both (and, for park staff, the park's) */
  side: z.enum(["all", "buying", "selling"]).default("all"),
  status: z.enum(["open", "quoted", "accepted", "closed"]).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type ListInquiriesInput = z.infer<typeof listInquiriesInput>;

export const postMessageInput = z.object({
  inquiryId: id,
  body: z.string().trim().min(1, { error: "field.required" }).max(4000),
  attachment: fileInput.optional(),
});
export type PostMessageInput = z.infer<typeof postMessageInput>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const isoDate = z.string().regex(DATE, { error: "deals.date_invalid" }).refine((v) => !Number.isNaN(Date.parse(v)), { error: "deals.date_invalid" });

export const TAX_BASES = ["incl_vat", "excl_vat"] as const;
export const PAYMENT_TERMS = ["cash", "bank_acceptance", "credit"] as const;
export const DELIVERY_MODES = ["ex_works", "delivered"] as const;

const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => v || null);
const price = z.number({ error: "quote.price_invalid" }).min(0, { error: "quote.price_invalid" }).max(1e10);
const paymentDays = z.number().int({ error: "quote.payment_days_invalid" }).min(1, { error: "quote.payment_days_invalid" }).max(365, { error: "quote.payment_days_invalid" });

/** 账期 needs its N days, and only 账期 has them. */
const paymentInOrder = (v: { paymentTerms?: string | null; paymentDays?: number | null }) =>
  v.paymentTerms !== "credit" || (v.paymentDays !== null && v.paymentDays !== undefined);

/**
 * A quote's terms as data: price and its tax basis (含税 / 不含税, VAT rate), payment (现款 / 银行承兑 /
 * 账期 N 天), delivery (出厂自提 / 送货到厂 with the place), MOQ, lead time, packaging, validity, notes.
 * `counterId`: the quote answers that counter-offer (the next version of the quote countered).
 */
export const sendQuoteInput = z
  .object({
    inquiryId: id,
    priceCnyPerUnit: price,
    quantity: z.number().positive({ error: "deals.quantity_positive" }).max(1e9),
    unit: z.enum(["t", "kg"]).default("t"),
    validUntil: isoDate,
    taxBasis: z.enum(TAX_BASES).default("incl_vat"),
    vatRatePct: z.number({ error: "quote.vat_rate_invalid" }).min(0, { error: "quote.vat_rate_invalid" }).max(30, { error: "quote.vat_rate_invalid" }).default(13),
    paymentTerms: z.enum(PAYMENT_TERMS).default("cash"),
    paymentDays: paymentDays.nullish().transform((v) => v ?? null),
    deliveryMode: z.enum(DELIVERY_MODES).default("delivered"),
    deliveryPlace: optionalText(200),
    moq: z.number().min(0, { error: "quote.moq_invalid" }).max(1e9).nullish().transform((v) => v ?? null),
    leadTimeDays: z.number().int({ error: "quote.lead_time_invalid" }).min(0, { error: "quote.lead_time_invalid" }).max(365, { error: "quote.lead_time_invalid" }).nullish().transform((v) => v ?? null),
    packaging: optionalText(200),
    notes: optionalText(2000),
    counterId: id.optional(),
  })
  .refine(paymentInOrder, { error: "quote.payment_days_required", path: ["paymentDays"] })
  .transform((v) => ({ ...v, paymentDays: v.paymentTerms === "credit" ? v.paymentDays : null }))
  .refine((v) => v.moq === null || v.moq <= v.quantity, { error: "quote.moq_above_quantity", path: ["moq"] });
export type SendQuoteInput = z.infer<typeof sendQuoteInput>;

export const acceptQuoteInput = z.object({
  quoteId: id,
  agreementType: z.enum(["framework", "contract", "order"]).default("order"),
  /** the part of the quoted quantity awarded (an RFQ split between suppliers); the whole quote when absent */
  volumeT: z.number().positive({ error: "deals.quantity_positive" }).max(1e9).optional(),
});
export type AcceptQuoteInput = z.infer<typeof acceptQuoteInput>;

export const inquiryIdInput = z.object({ id });

/** 还价: the buyer's price (and optionally other terms) on a pending quote. */
export const counterQuoteInput = z
  .object({
    quoteId: id,
    priceCnyPerUnit: price,
    quantity: z.number().positive({ error: "deals.quantity_positive" }).max(1e9).nullish().transform((v) => v ?? null),
    taxBasis: z.enum(TAX_BASES).nullish().transform((v) => v ?? null),
    paymentTerms: z.enum(PAYMENT_TERMS).nullish().transform((v) => v ?? null),
    paymentDays: paymentDays.nullish().transform((v) => v ?? null),
    deliveryMode: z.enum(DELIVERY_MODES).nullish().transform((v) => v ?? null),
    deliveryPlace: optionalText(200),
    note: optionalText(2000),
  })
  .refine(paymentInOrder, { error: "quote.payment_days_required", path: ["paymentDays"] })
  .transform((v) => ({ ...v, paymentDays: v.paymentTerms === "credit" ? v.paymentDays : null }));
export type CounterQuoteInput = z.infer<typeof counterQuoteInput>;

/** The supplier's answer to a counter-offer: accept (a new quote version at its terms) or decline. */
export const answerCounterInput = z.object({
  counterId: id,
  answer: z.enum(["accept", "decline"]),
  note: optionalText(2000),
});
export type AnswerCounterInput = z.infer<typeof answerCounterInput>;
