import { normalizeCas } from "@/server/substances/cas";
import { dbId, z } from "@/server/zod";
import { isoDate } from "@/server/inquiries/inquiry.schemas";

const optionalDate = isoDate.optional().or(z.literal("").transform(() => undefined));
const optionalChain = z.string().trim().max(20).optional().or(z.literal("").transform(() => undefined));
const periodInOrder = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;

/** The chain map of one park: a period of signing dates and an industry chain, both optional. */
export const chainMapFilters = z
  .object({ parkId: dbId(), from: optionalDate, to: optionalDate, chain: optionalChain })
  .refine(periodInOrder, { error: "deals.end_before_start", path: ["to"] });
export type ChainMapFilters = z.infer<typeof chainMapFilters>;

/** One substance (by CAS number, with or without hyphens) in one park, over a period of signing dates. */
export const substanceViewInput = z
  .object({
    parkId: dbId(),
    cas: z.string().trim().max(20).transform((v, ctx) => {
      const cas = normalizeCas(v);
      if (!cas) {
        ctx.addIssue({ code: "custom", message: "catalogue.cas_invalid" });
        return z.NEVER;
      }
      return cas;
    }),
    from: optionalDate,
    to: optionalDate,
  })
  .refine(periodInOrder, { error: "deals.end_before_start", path: ["to"] });
export type SubstanceViewInput = z.infer<typeof substanceViewInput>;
