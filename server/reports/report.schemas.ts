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

export const ledgerInput = z.object({
  parkId: dbId().optional(),
  from: optionalDate,
  to: optionalDate,
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type LedgerInput = z.infer<typeof ledgerInput>;

export const handbookInput = z.object({
  parkId: dbId(),
  chain: z.string().trim().max(20).optional().or(z.literal("").transform(() => undefined)),
});
export type HandbookInput = z.infer<typeof handbookInput>;
