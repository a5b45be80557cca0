import { FORMS, GRADES } from "@/server/catalogue/vocabulary";
import { SEARCH_SORTS, type SearchSort } from "@/server/search/search.schemas";

/**
 * The search page's state as it appears in the URL: ?q=…&park=…&chain=…&grade=…&form=…&hazard=…&in=park|outside&mine=1
 * &minPurity=…&maxPurity=…&minPrice=…&maxPrice=…&minAvailable=…&sort=price|available|distance&page=2
 */
export interface SearchParams {
  q: string;
  park?: string;
  chain?: string;
  grade?: (typeof GRADES)[number];
  form?: (typeof FORMS)[number];
  hazard?: "hazardous" | "highly_toxic" | "explosive_precursor" | "precursor";
  inPark?: boolean;
  mine?: boolean;
  /** purity range (%), price range (元/吨), least available quantity (吨) */
  minPurity?: number;
  maxPurity?: number;
  minPrice?: number;
  maxPrice?: number;
  minAvailable?: number;
  /** the order of the hits; absent: relevance */
  sort?: Exclude<SearchSort, "relevance">;
  page: number;
}

/** The range filters, as the URL names them, with their bounds. */
export const RANGES = { minPurity: 100, maxPurity: 100, minPrice: 1_000_000_000, maxPrice: 1_000_000_000, minAvailable: 1_000_000_000 } as const;
export type RangeKey = keyof typeof RANGES;

const HAZARDS = ["hazardous", "highly_toxic", "explosive_precursor", "precursor"] as const;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined => (list.includes(v as T) ? (v as T) : undefined);

export function parseSearchParams(raw: Record<string, string | string[] | undefined> | URLSearchParams): SearchParams {
  const get = (key: string) => (raw instanceof URLSearchParams ? raw.get(key) ?? undefined : first(raw[key]));
  const inValue = get("in");
  const page = Number(get("page"));
  const amount = (key: RangeKey) => {
    const text = get(key);
    const value = text === undefined ? Number.NaN : Number(text);
    return Number.isFinite(value) && value >= 0 && value <= RANGES[key] ? value : undefined;
  };
  const sort = oneOf(SEARCH_SORTS, get("sort"));
  return {
    q: (get("q") ?? "").slice(0, 100),
    park: get("park")?.toUpperCase().slice(0, 16),
    chain: get("chain")?.slice(0, 20),
    grade: oneOf(GRADES, get("grade")),
    form: oneOf(FORMS, get("form")),
    hazard: oneOf(HAZARDS, get("hazard")),
    inPark: inValue === "park" ? true : inValue === "outside" ? false : undefined,
    mine: get("mine") === "1" || undefined,
    minPurity: amount("minPurity"),
    maxPurity: amount("maxPurity"),
    minPrice: amount("minPrice"),
    maxPrice: amount("maxPrice"),
    minAvailable: amount("minAvailable"),
    sort: sort === "relevance" ? undefined : sort,
    page: Number.isInteger(page) && page >= 1 && page <= 50 ? page : 1,
  };
}

export function searchHref(params: SearchParams): string {
  const next = new URLSearchParams();
  if (params.q) next.set("q", params.q);
  if (params.park) next.set("park", params.park);
  if (params.chain) next.set("chain", params.chain);
  if (params.grade) next.set("grade", params.grade);
  if (params.form) next.set("form", params.form);
  if (params.hazard) next.set("hazard", params.hazard);
  if (params.inPark !== undefined) next.set("in", params.inPark ? "park" : "outside");
  if (params.mine) next.set("mine", "1");
  for (const key of Object.keys(RANGES) as RangeKey[]) if (params[key] !== undefined) next.set(key, String(params[key]));
  if (params.sort) next.set("sort", params.sort);
  if (params.page > 1) next.set("page", String(params.page));
  const query = next.toString();
  return query ? `/search?${query}` : "/search";
}

/** Whether there is anything to search for: words, or filters alone (browsing). */
export const hasQuery = (p: SearchParams) =>
  Boolean(p.q) || [p.park, p.chain, p.grade, p.form, p.hazard, p.inPark, p.mine, p.minPurity, p.maxPurity, p.minPrice, p.maxPrice, p.minAvailable]
    .some((v) => v !== undefined);
