import { FORMS, GRADES } from "@/server/catalogue/vocabulary";
import { z } from "@/server/zod";

export const HAZARD_FACETS = ["hazardous", "highly_toxic", "explosive_precursor", "precursor"] as const;
export const SEARCH_SORTS = ["relevance", "price", "available", "distance"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
/** the largest price (元/吨) or quantity (吨) a range filter takes */
const MAX_AMOUNT = 1_000_000_000;

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
  /** purity range, % */
  minPurity: z.number().min(0).max(100).optional(),
  maxPurity: z.number().min(0).max(100).optional(),
  /** unit price range, 元/吨 */
  minPrice: z.number().min(0).max(MAX_AMOUNT).optional(),
  maxPrice: z.number().min(0).max(MAX_AMOUNT).optional(),
  /** at least this many tonnes available */
  minAvailable: z.number().min(0).max(MAX_AMOUNT).optional(),
  /** the order of the hits: relevance (nearest first among the same substance), price low → high, most available first, nearest first */
  sort: z.enum(SEARCH_SORTS).default("relevance"),
  page: z.number().int().min(1).max(50).default(1),
  pageSize: z.number().int().min(1).max(50).default(20),
});
export type SearchProductsInput = z.input<typeof searchProductsInput>;
export type SearchProductsQuery = z.output<typeof searchProductsInput>;

/**
 * The search API's query string (`GET /api/search`): the search page's own address parameters
 * (`?q=…&park=…&chain=…&grade=…&form=…&hazard=…&in=park|outside&mine=1&minPurity=99&maxPurity=…
 * &minPrice=…&maxPrice=…&minAvailable=…&sort=price&page=2`) and `pageSize`.
 * Read as they are written, so that `searchProductsInput` refuses what is wrong rather than
 * dropping it.
 */
export function searchInputFromUrl(params: URLSearchParams): Record<string, unknown> {
  const get = (key: string) => params.get(key) ?? undefined;
  // an empty value is no number (refused), not 0
  const number = (key: string) => {
    const value = get(key);
    return value === undefined ? undefined : value.trim() === "" ? Number.NaN : Number(value);
  };
  const flag = (value: string | undefined, yes: string, no: string) => (value === undefined ? undefined : value === yes ? true : value === no ? false : value);
  return {
    q: get("q"), park: get("park"), chain: get("chain"), grade: get("grade"), form: get("form"), hazard: get("hazard"),
    inPark: flag(get("in"), "park", "outside"), mine: flag(get("mine"), "1", "0"),
    minPurity: number("minPurity"), maxPurity: number("maxPurity"), minPrice: number("minPrice"), maxPrice: number("maxPrice"),
    minAvailable: number("minAvailable"), sort: get("sort"),
    page: number("page"), pageSize: number("pageSize"),
  };
}

/** The address of a search through the search API: the inverse of `searchInputFromUrl`. */
export function searchApiPath(input: SearchProductsInput): string {
  const params = new URLSearchParams();
  const put = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== "") params.set(key, String(value));
  };
  put("q", input.q);
  put("park", input.park);
  put("chain", input.chain);
  put("grade", input.grade);
  put("form", input.form);
  put("hazard", input.hazard);
  if (input.inPark !== undefined) params.set("in", input.inPark ? "park" : "outside");
  if (input.mine !== undefined) params.set("mine", input.mine ? "1" : "0");
  put("minPurity", input.minPurity);
  put("maxPurity", input.maxPurity);
  put("minPrice", input.minPrice);
  put("maxPrice", input.maxPrice);
  put("minAvailable", input.minAvailable);
  if (input.sort !== undefined && input.sort !== "relevance") params.set("sort", input.sort);
  put("page", input.page);
  put("pageSize", input.pageSize);
  return `/api/search?${params}`;
}

export const searchEnterprisesInput = z.object({
  q: z.string().trim().max(100).default(""),
  limit: z.number().int().min(1).max(20).default(5),
});
