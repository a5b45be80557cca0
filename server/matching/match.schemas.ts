import { dbId, z } from "@/server/zod";
import { usccSchema } from "@/server/enterprises/enterprise.schemas";
import { GRADES, optionalCas } from "@/server/listings/listing.schemas";

const states = z.enum(["ok", "needs_licence", "blocked"]).optional();
const paging = { page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(100).default(20) };

/** Filters of "suppliers for my demand" (they live in the page's URL). */
export const suppliersInput = z.object({
  demandId: dbId(),
  inPark: z.boolean().default(false),
  fits: z.boolean().default(false),
  state: z.enum(["ok", "needs_licence"]).optional(),
  show: z.enum(["active", "dismissed"]).default("active"),
  ...paging,
});
export type SuppliersInput = z.infer<typeof suppliersInput>;

/** Filters of "buyers for my product". */
export const buyersInput = z.object({
  enterpriseId: dbId(),
  productId: dbId().optional(),
  byproductId: dbId().optional(),
  inPark: z.boolean().default(false),
  state: states,
  ...paging,
});
export type BuyersInput = z.infer<typeof buyersInput>;

/** A would-be demand, as the CLI `match` describes it. */
export const exploreInput = z
  .object({
    buyerUscc: usccSchema,
    cas: optionalCas,
    q: z.string().trim().min(1).max(120).optional(),
    quantityT: z.number({ error: "field.required" }).gt(0, { error: "listing.quantity_positive" }).max(1e9),
    grade: z.enum(GRADES).optional(),
    minPurityPct: z.number().min(0).max(100).optional(),
    limit: z.number().int().min(1).max(200).default(20),
    includeBlocked: z.boolean().default(false),
    /** the would-be buyer takes by-products and waste streams too */
    acceptsByproducts: z.boolean().optional(),
  })
  .refine((v) => Boolean(v.cas) !== Boolean(v.q), { error: "match.cas_or_q", path: ["cas"] });
export type ExploreInput = z.infer<typeof exploreInput>;
