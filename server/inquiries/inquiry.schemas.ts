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

export const sendQuoteInput = z.object({
  inquiryId: id,
  priceCnyPerUnit: z.number().min(0).max(1e10),
  quantity: z.number().positive({ error: "deals.quantity_positive" }).max(1e9),
  unit: z.string().trim().min(1).max(10).default("t"),
  validUntil: isoDate,
  deliveryTerms: z.string().trim().max(500).optional().transform((v) => v || null),
  note: z.string().trim().max(2000).optional().transform((v) => v || null),
});
export type SendQuoteInput = z.infer<typeof sendQuoteInput>;

export const acceptQuoteInput = z.object({
  quoteId: id,
  agreementType: z.enum(["framework", "contract", "order"]).default("order"),
  /** the part of the quoted quantity awarded (an RFQ split between suppliers); the whole quote when absent */
  volumeT: z.number().positive({ error: "deals.quantity_positive" }).max(1e9).optional(),
});
export type AcceptQuoteInput = z.infer<typeof acceptQuoteInput>;

export const inquiryIdInput = z.object({ id });
