import { dbId, z } from "@/server/zod";
import { todayInChina } from "@/server/compliance/compliance";
import { normalizeCas } from "@/server/substances/cas";

/** Shapes of demands, supply offers and by-product listings, shared by the forms, the services and the CLI. */

export const GRADES = ["industrial", "reagent", "electronic", "pharma", "food"] as const;
export const UNITS = ["t", "kg"] as const;
export const RECURRENCES = ["once", "monthly", "quarterly", "yearly"] as const;
export const LISTING_STATUSES = ["draft", "open", "closed", "expired"] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

const optionalText = (max: number) => z.string().trim().max(max).optional().nullable().transform((v) => v || null);

/** An optional CAS number, written with or without hyphens; stored in its canonical form. */
export const optionalCas = z
  .string()
  .trim()
  .max(20)
  .optional()
  .nullable()
  .transform((v, ctx) => {
    if (!v) return null;
    const cas = normalizeCas(v);
    if (!cas) {
      ctx.addIssue({ code: "custom", message: "listing.cas_invalid" });
      return z.NEVER;
    }
    return cas;
  });

const isoDate = z.iso.date();
const positiveQuantity = z.number({ error: "field.required" }).gt(0, { error: "listing.quantity_positive" }).max(1e9);
const optionalPrice = z.number().min(0).max(1e10).optional().nullable().transform((v) => v ?? null);
const notPast = (value: string) => value >= todayInChina();

export const demandFields = z.object({
  cas: optionalCas,
  substanceName: z.string().trim().min(1, { error: "field.required" }).max(120),
  quantity: positiveQuantity,
  unit: z.enum(UNITS).default("t"),
  grade: z.enum(GRADES).optional().nullable().transform((v) => v ?? null),
  minPurityPct: z.number().min(0).max(100).optional().nullable().transform((v) => v ?? null),
  deliveryFrom: isoDate.optional().nullable().transform((v) => v || null),
  deliveryTo: isoDate.optional().nullable().transform((v) => v || null),
  place: optionalText(120),
  targetPriceCnyPerUnit: optionalPrice,
  /** 含税 / 不含税: the basis of the target price and of the quotes asked for; not given: 含税 (a change keeps it) */
  taxBasis: z.enum(["incl_vat", "excl_vat"]).optional(),
  recurrence: z.enum(RECURRENCES).default("once"),
  expiresOn: isoDate.refine(notPast, { error: "listing.expiry_past" }),
  note: optionalText(1000),
  /** the buyer takes by-products and waste streams too (otherwise they are never its candidates); not given: no (a change keeps it) */
  acceptsByproducts: z.boolean().optional(),
  /** false keeps it a draft: not matched, not visible to anyone else */
  publish: z.boolean().default(true),
});

const windowInOrder = <T extends { deliveryFrom: string | null; deliveryTo: string | null }>(v: T) =>
  !v.deliveryFrom || !v.deliveryTo || v.deliveryFrom <= v.deliveryTo;

export const createDemandInput = demandFields
  .extend({ enterpriseId: dbId() })
  .refine(windowInOrder, { error: "listing.window_order", path: ["deliveryTo"] });
export type CreateDemandInput = z.infer<typeof createDemandInput>;

export const updateDemandInput = demandFields
  .extend({ id: dbId() })
  .refine(windowInOrder, { error: "listing.window_order", path: ["deliveryTo"] });
export type UpdateDemandInput = z.infer<typeof updateDemandInput>;

/** Reopen a closed or expired listing (or publish a draft) with a new last day. */
export const repostInput = z.object({
  id: dbId(),
  until: isoDate.refine(notPast, { error: "listing.expiry_past" }),
});
export type RepostInput = z.infer<typeof repostInput>;

export const idInput = z.object({ id: dbId() });

export const listListingsInput = z.object({
  enterpriseId: dbId(),
  status: z.enum([...LISTING_STATUSES, "all"]).default("all"),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type ListListingsInput = z.infer<typeof listListingsInput>;

export const offerFields = z.object({
  productId: dbId(),
  quantity: positiveQuantity,
  unit: z.enum(UNITS).default("t"),
  priceCnyPerUnit: optionalPrice,
  /** 含税 / 不含税: the basis of the offer's price; not given: 含税 (a change keeps it) */
  taxBasis: z.enum(["incl_vat", "excl_vat"]).optional(),
  validFrom: isoDate.optional().nullable().transform((v) => v || null),
  validUntil: isoDate.refine(notPast, { error: "listing.expiry_past" }),
  place: optionalText(120),
  publish: z.boolean().default(true),
});
const periodInOrder = <T extends { validFrom: string | null; validUntil: string }>(v: T) => !v.validFrom || v.validFrom <= v.validUntil;

export const createOfferInput = offerFields
  .extend({ enterpriseId: dbId() })
  .refine(periodInOrder, { error: "listing.period_order", path: ["validUntil"] });
export type CreateOfferInput = z.infer<typeof createOfferInput>;

export const updateOfferInput = offerFields
  .extend({ id: dbId() })
  .refine(periodInOrder, { error: "listing.period_order", path: ["validUntil"] });
export type UpdateOfferInput = z.infer<typeof updateOfferInput>;

/** 危险废物代码: the category (HW01–HW50), optionally with the eight-digit code, e.g. "HW06 900-404-06". */
const WASTE_CODE = /^HW(0[1-9]|[1-4][0-9]|50)(\s+\d{3}-\d{3}-\d{2})?$/;

export const byproductFields = z.object({
  name: z.string().trim().min(1, { error: "field.required" }).max(120),
  cas: optionalCas,
  wasteCode: z
    .string()
    .trim()
    .max(30)
    .optional()
    .nullable()
    .transform((v) => (v ? v.toUpperCase().replace(/\s+/g, " ") : null))
    .refine((v) => v === null || WASTE_CODE.test(v), { error: "listing.waste_code_invalid" }),
  composition: optionalText(500),
  monthlyVolumeT: z.number({ error: "field.required" }).gt(0, { error: "listing.quantity_positive" }).max(1e8),
  place: optionalText(120),
  publish: z.boolean().default(true),
});

export const createByproductInput = byproductFields.extend({ enterpriseId: dbId() });
export type CreateByproductInput = z.infer<typeof createByproductInput>;
export const updateByproductInput = byproductFields.extend({ id: dbId() });
export type UpdateByproductInput = z.infer<typeof updateByproductInput>;
