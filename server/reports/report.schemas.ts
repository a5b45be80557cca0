import { dbId, z } from "@/server/zod";
import { isoDate } from "@/server/inquiries/inquiry.schemas";

const optionalDate = isoDate.optional().or(z.literal("").transform(() => undefined));

/** The dashboard's filters: a park (every park for admins when left out), a period of signing dates, a chain. */
export const reportFilters = z
  .object({
    parkId: dbId().optional(),
    from: optionalDate,
    to: optionalDate,
    chain: z.string().trim().max(20).optional().or(z.literal("").transform(() => undefined)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { error: "deals.end_before_start", path: ["to"] });
export type ReportFilters = z.infer<typeof reportFilters>;

/**
 * Which shipments the flow ledger lists: `controlled` (the default: 剧毒, 易制爆 and 易制毒),
 * `toxic` (剧毒), `explosive` (易制爆), `precursor` (易制毒), `hazardous` (every substance of the
 * hazardous-chemicals catalogue, and every controlled one).
 */
export const LEDGER_LISTS = ["controlled", "hazardous", "toxic", "explosive", "precursor"] as const;
export type LedgerList = (typeof LEDGER_LISTS)[number];

const ledgerFilterFields = z.object({
  parkId: dbId().optional(),
  from: optionalDate,
  to: optionalDate,
  list: z.enum(LEDGER_LISTS).optional(),
});
const periodInOrder = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;

/** The ledger's filters (the export, the CLI). */
export const ledgerFilters = ledgerFilterFields.refine(periodInOrder, { error: "deals.end_before_start", path: ["to"] });
/** The ledger's export: the filters and the reader's language (headers, lists and substances in English for the English UI). */
export const ledgerExportInput = ledgerFilterFields
  .extend({ locale: z.enum(["zh", "en"]).optional() })
  .refine(periodInOrder, { error: "deals.end_before_start", path: ["to"] });
/** The ledger page: the filters and a page. */
export const ledgerInput = ledgerFilterFields
  .extend({
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(200).default(50),
  })
  .refine(periodInOrder, { error: "deals.end_before_start", path: ["to"] });
export type LedgerInput = z.infer<typeof ledgerInput>;

export const handbookInput = z.object({
  parkId: dbId(),
  chain: z.string().trim().max(20).optional().or(z.literal("").transform(() => undefined)),
});
export type HandbookInput = z.infer<typeof handbookInput>;
