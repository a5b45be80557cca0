import { dbId, z } from "@/server/zod";
import { isoDate } from "@/server/inquiries/inquiry.schemas";

const optionalDate = isoDate.optional().or(z.literal("").transform(() => undefined));

/**
 * The park insights' filters (产业关联度 and green outcomes): one park, a period (signing dates for
 * the linkage, delivery and signing dates for the green figures), an industry chain.
 */
export const insightsInput = z
  .object({
    parkId: dbId(),
    from: optionalDate,
    to: optionalDate,
    chain: z.string().trim().max(20).optional().or(z.literal("").transform(() => undefined)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { error: "deals.end_before_start", path: ["to"] });
export type InsightsInput = z.infer<typeof insightsInput>;
