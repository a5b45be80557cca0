import { FORMS, GRADES } from "@/server/catalogue/vocabulary";
import { z } from "@/server/zod";

export const HAZARD_FACETS = ["hazardous", "highly_toxic", "explosive_precursor", "precursor"] as const;

export const searchProductsInput = z.object({
  q: z.string().trim().max(100).default(""),
  /** park code */
  park: z.string().trim().toUpperCase().max(16).optional(),
  chain: z.string().trim().max(20).optional(),
  grade: z.enum(GRADES).optional(),
  form: z.enum(FORMS).optional(),
  hazard: z.enum(HAZARD_FACETS).optional(),
  /** suppliers inside a park (true) or outside every park (false) */
  inPark: z.boolean().optional(),
  /** only suppliers in the viewer's own park(s) */
  mine: z.boolean().optional(),
  page: z.number().int().min(1).max(50).default(1),
  pageSize: z.number().int().min(1).max(50).default(20),
});
export type SearchProductsInput = z.input<typeof searchProductsInput>;
export type SearchProductsQuery = z.output<typeof searchProductsInput>;

export const searchEnterprisesInput = z.object({
  q: z.string().trim().max(100).default(""),
  limit: z.number().int().min(1).max(20).default(5),
});
