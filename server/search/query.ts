import { inArray } from "drizzle-orm";
import type { Hit, MultiSearchParams } from "meilisearch";
import type { Db } from "@/db";
import { enterprises } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { todayInChina } from "@/server/compliance/compliance";
import { listTrustSignals } from "@/server/enterprises/trust";
import { AppError } from "@/server/errors";
import { getMeili, meiliFailure } from "./client";
import { nameKey } from "./name-key";
import type { EnterpriseDoc } from "./enterprises.index";
import { INDEX_SETTINGS, indexUid, MEMBER_SEARCH_ATTRIBUTES, PUBLIC_SEARCH_ATTRIBUTES, settingsApplied, type IndexName } from "./indexes";
import { HIGHLIGHT_POST, HIGHLIGHT_PRE, type ProductDoc } from "./products.index";
import { referenceTerms } from "./reference-terms";
import { highlightOnto } from "./simplified";
import { understandQuery, type Understood } from "./understand";
import {
  searchEnterprisesInput, searchProductsInput, type SearchProductsInput, type SearchProductsQuery, type SearchSort,
} from "./search.schemas";

/**
 * Product search: a query that is a CAS number (with or without hyphens, check digit valid) is an
 * exact lookup; a query that is a name of a substance (its Chinese or English name, an alias, or a
 * product's own name, as `nameKey` writes it) finds that substance's products and nothing else, the
 * products of substances that merely share words with it coming apart as related substances; anything
 * else is a ranked text search, every word required (typos forgiven), over the product's own name and
 * every name and alias of its substance. Listings whose supplier licence has lapsed are filtered out, and the
 * supplier, quantities and prices of hazardous products are removed for viewers the compliance
 * rules keep from them; such a viewer can neither search them (their SKU and description), nor
 * filter them by where the supplier is, nor count them in the supplier facets (park, in-park,
 * chain): those come from a second query without the hidden rows, in the same multi-search.
 */

export const SEARCH_UNAVAILABLE = {
  zh: "搜索服务暂时不可用，请稍后再试。您的数据已保存，服务恢复后即可检索。",
  en: "Search is unavailable at the moment. Please try again shortly; nothing you saved is lost and it becomes searchable once search is back.",
};

/** A value inside a Meilisearch filter, quoted. */
export const quote = (value: string) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/**
 * What the query is (server/search/understand.ts): CAS numbers to look up exactly (as pasted from
 * an SDS, or inside the text), something typed like a CAS number whose check digit is wrong
 * (nothing is searched: a near miss on a registry number is no match), a formula, a purity and
 * grades to filter on, and the words left to search, in Simplified Chinese.
 */
export function interpretQuery(q: string): { text: string; cas: string | null; casInvalid: boolean; understood: Understood } {
  const understood = understandQuery(q, referenceTerms());
  return { text: understood.text, cas: understood.cas[0] ?? null, casInvalid: understood.casInvalid, understood };
}

/** The filters of what the query says besides words: CAS numbers, a formula, a purity, grades. */
export function understoodFilter(u: Understood): string[] {
  const filters: string[] = [];
  if (u.cas.length === 1) filters.push(`cas = ${quote(u.cas[0]!)}`);
  else if (u.cas.length > 1) filters.push(`cas IN [${u.cas.map(quote).join(", ")}]`);
  if (u.formulaHill) filters.push(`formula = ${quote(u.formulaHill)}`);
  if (u.minPurity !== null) filters.push(`purityPct >= ${u.minPurity}`);
  if (u.grades.length) filters.push(`grade IN [${u.grades.map(quote).join(", ")}]`);
  return filters;
}

/** The date filter of the compliance rules: lapsed supplier licences hide controlled listings. */
export function visibilityFilter(today: string): string {
  return `NOT supplierState = "blocked" AND NOT licenceExpiresOn < ${Number(today.replace(/-/g, ""))}`;
}

/**
 * The Meilisearch filters of a query. Buyers never see listings whose supplier's licence lapsed;
 * park staff and admins (`overseer`) do, marked, so they can chase the licence.
 */
export function buildFilter(query: SearchProductsQuery, viewerParks: number[], today: string, overseer = false): string[] {
  const { understood } = interpretQuery(query.q);
  const filters = overseer ? [] : [visibilityFilter(today)];
  filters.push(...understoodFilter(understood));
  if (query.park) filters.push(`parkCode = ${quote(query.park)}`);
  if (query.chain) filters.push(`chains = ${quote(query.chain)}`);
  if (query.grade) filters.push(`grade = ${quote(query.grade)}`);
  if (query.form) filters.push(`form = ${quote(query.form)}`);
  if (query.hazard) filters.push(`hazards = ${quote(query.hazard)}`);
  if (query.inPark !== undefined) filters.push(`inPark = ${query.inPark}`);
  if (query.mine) filters.push(viewerParks.length ? `parkId IN [${viewerParks.join(", ")}]` : "parkId IN [-1]");
  if (query.minPurity !== undefined) filters.push(`purityPct >= ${filterNumber(query.minPurity)}`);
  if (query.maxPurity !== undefined) filters.push(`purityPct <= ${filterNumber(query.maxPurity)}`);
  if (query.minPrice !== undefined) filters.push(`priceCnyPerT >= ${filterNumber(query.minPrice)}`);
  if (query.maxPrice !== undefined) filters.push(`priceCnyPerT <= ${filterNumber(query.maxPrice)}`);
  if (query.minAvailable !== undefined) filters.push(`availableT >= ${filterNumber(query.minAvailable)}`);
  return filters;
}

/** A number as a filter writes it (never in exponent notation). */
const filterNumber = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(6).replace(/0+$/, ""));

export interface Place { lat: number; lng: number }

/**
 * Who is looking: their parks (for "in my park"), where their enterprise is (equally relevant
 * hits come nearest first, so in-park partners lead), and whose hazardous products they may see
 * the supplier of (the policy's `hazardous.viewDetails`: everyone's, or only their own enterprises').
 */
async function viewerOf(db: Db, actor: Actor) {
  const ids = actor.enterprises.map((e) => e.enterpriseId);
  const rows = ids.length
    ? await db
      .select({ id: enterprises.id, parkId: enterprises.parkId, lat: enterprises.lat, lng: enterprises.lng })
      .from(enterprises)
      .where(inArray(enterprises.id, ids))
    : [];
  const located = ids.map((id) => rows.find((r) => r.id === id)).find((r) => r?.lat != null && r.lng != null);
  const parks = [...new Set([...actor.parkIds, ...rows.map((r) => r.parkId).filter((p): p is number => p !== null)])];
  return {
    parks,
    ownEnterprises: ids,
    overseer: can(actor, { type: "listing.viewBlocked" }),
    near: located ? { lat: Number(located.lat), lng: Number(located.lng) } : null,
    seesDetails: can(actor, { type: "hazardous.viewDetails" }),
    /** whether the viewer sees the supplier, quantities and prices of this enterprise's hazardous products */
    sees: (enterpriseId: number) => can(actor, { type: "hazardous.viewDetails", enterpriseId }),
  };
}

/**
 * For a viewer who does not see hazardous details: the rows whose supplier it may see (products
 * that are not hazardous, and its own enterprises'). Null for a viewer who sees every supplier.
 */
export function visibleSuppliersFilter(viewer: { seesDetails: boolean; ownEnterprises: number[] }): string | null {
  if (viewer.seesDetails) return null;
  return viewer.ownEnterprises.length ? `(tier = "none" OR enterpriseId IN [${viewer.ownEnterprises.join(", ")}])` : `tier = "none"`;
}

/**
 * The filters and orders that ask where the supplier is, or who it is, or what a hazardous product's
 * members-only details are (price, quantity): a viewer who does not see every supplier gets them
 * over the rows it sees only, or they would tell about the hidden ones.
 */
export const asksAboutSupplier = (query: SearchProductsQuery) =>
  query.park !== undefined || query.chain !== undefined || query.inPark !== undefined || query.mine === true ||
  query.minPrice !== undefined || query.maxPrice !== undefined || query.minAvailable !== undefined ||
  query.sort === "price" || query.sort === "available" || query.sort === "distance";

/**
 * The Meilisearch `sort` of a pass (the index ranks by "sort" first, relevance breaking its ties).
 * By relevance a pass is sorted only when all its hits are equally relevant as substances (the
 * products of one substance named exactly or by CAS number, or a browse without words): then, for
 * a viewer who sees every supplier, nearest first. An asked-for order keeps the nearest first among
 * equal prices or quantities.
 */
export function sortOf(sort: SearchSort, near: Place | null, sameSubstance: boolean, seesEverySupplier: boolean): { sort: string[]; nearest: boolean; applied: SearchSort } {
  const nearest = near ? [`_geoPoint(${near.lat}, ${near.lng}):asc`] : [];
  if (sort === "price") return { sort: ["priceCnyPerT:asc", ...nearest], nearest: false, applied: sort };
  if (sort === "available") return { sort: ["availableT:desc", ...nearest], nearest: false, applied: sort };
  if (sort === "distance" && near) return { sort: nearest, nearest: true, applied: sort };
  return sameSubstance && seesEverySupplier && near ? { sort: nearest, nearest: true, applied: "relevance" } : { sort: [], nearest: false, applied: "relevance" };
}

/** A substance whose products matched some of the words, listed apart from the hits. */
export interface RelatedSubstance {
  cas: string | null;
  nameZh: string | null;
  nameEn: string | null;
  /** what to search to find it: its CAS number, or the product's name when it has none */
  q: string;
}
const RELATED_LIMIT = 8;

function relatedOf(hits: ProductDoc[]): RelatedSubstance[] {
  const seen = new Set<string>();
  const related: RelatedSubstance[] = [];
  for (const hit of hits) {
    const q = hit.cas ?? hit.name;
    if (seen.has(nameKey(q))) continue;
    seen.add(nameKey(q));
    related.push(hit.cas ? { cas: hit.cas, nameZh: hit.substanceZh, nameEn: hit.substanceEn, q } : { cas: null, nameZh: hit.name, nameEn: null, q });
    if (related.length === RELATED_LIMIT) break;
  }
  return related;
}

/** Facets of the listing itself, and facets that say where (or who) the suppliers are. */
const LISTING_FACETS = ["grade", "form", "hazards"];
const SUPPLIER_FACETS = ["parkCode", "inPark", "chains", "parkId"];
const RETRIEVE: (keyof ProductDoc)[] = [
  "id", "enterpriseId", "name", "cas", "grade", "form", "purityPct", "packaging", "capacityTpy", "availableT", "priceCnyPerT",
  "nameShown", "formula", "substanceZh", "substanceEn", "aliases", "hazardous", "highlyToxic", "explosivePrecursor", "precursorCategory", "tier",
  "supplierState", "licenceExpiresOn", "enterpriseName", "enterpriseNameEn", "enterpriseUscc", "enterpriseVerified", "parkId", "parkCode", "parkName", "sku",
  // with it Meilisearch returns `_geoDistance` when it sorts by distance
  "_geo",
];

/**
 * Turns a failure to reach Meilisearch (down, timing out, not configured) into what the user is
 * told: search is unavailable. A request Meilisearch refuses as malformed is a bug and stays one.
 */
export function unavailable(e: unknown): never {
  const failure = meiliFailure(e);
  const refused = failure?.api && (failure.status ?? 500) < 500;
  if (!refused && (failure || (e instanceof Error && e.message.includes("MEILI_URL")))) {
    throw new AppError("UNAVAILABLE", SEARCH_UNAVAILABLE, { reason: (e as Error).message.slice(0, 200) });
  }
  throw e;
}

const notIndexedYet = (e: unknown) => meiliFailure(e)?.code === "index_not_found";

/**
 * Whether a search Meilisearch refused had nothing to search: true when the index holds no document
 * yet (Meilisearch then knows no field, and refuses to search any by name), so the answer is no hits.
 * When the index exists but its settings are not applied yet (the first seconds of a first start:
 * the index is created, then configured), search is unavailable for a moment (503), not broken.
 * Any other refusal is ours, and goes on as it came.
 */
async function nothingToSearch(e: unknown, name: IndexName): Promise<true> {
  const failure = meiliFailure(e);
  if (failure?.api && (failure.status ?? 500) < 500) {
    const index = getMeili().index(indexUid(name));
    const [settings, stats] = await Promise.all([index.getSettings(), index.getStats()]).catch(() => [null, null]);
    if (settings && !settingsApplied(INDEX_SETTINGS[name], settings)) {
      throw new AppError("UNAVAILABLE", SEARCH_UNAVAILABLE, { reason: "index not configured yet" });
    }
    if (stats?.numberOfDocuments === 0) return true;
  }
  return unavailable(e);
}

const facetList = (distribution: Record<string, number> | undefined) =>
  Object.entries(distribution ?? {})
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));

export function toHit(hit: Hit<ProductDoc>, viewer: { sees: (enterpriseId: number) => boolean; parks: number[] }, today = todayInChina()) {
  const metres = (hit as { _geoDistance?: number })._geoDistance;
  const f = hit._formatted ?? {};
  const restricted = hit.tier !== "none" && !viewer.sees(hit.enterpriseId);
  const aliases = (f.aliases as string[] | undefined) ?? [];
  return {
    id: hit.id,
    /** highlighted text carries HIGHLIGHT_PRE / HIGHLIGHT_POST around the matched words */
    name: hit.nameShown ? highlightOnto(hit.nameShown, (f.name as string | undefined) ?? hit.name, HIGHLIGHT_PRE, HIGHLIGHT_POST) : (f.name as string | undefined) ?? hit.name,
    cas: hit.cas,
    /** the substance's molecular formula, Hill order */
    formula: hit.formula ?? null,
    grade: hit.grade,
    form: hit.form,
    purityPct: hit.purityPct,
    substance: hit.cas
      ? {
          nameZh: (f.substanceZh as string | undefined) ?? hit.substanceZh,
          nameEn: (f.substanceEn as string | undefined) ?? hit.substanceEn,
          /** the aliases the query matched, highlighted */
          matchedAliases: aliases.filter((a) => a.includes(HIGHLIGHT_PRE)).slice(0, 4),
        }
      : null,
    hazards: { hazardous: hit.hazardous, highlyToxic: hit.highlyToxic, explosivePrecursor: hit.explosivePrecursor, precursorCategory: hit.precursorCategory },
    tier: hit.tier,
    /** a controlled product whose supplier has no licence on file yet: shown, with a warning */
    licenceMissing: hit.supplierState === "licence_missing",
    /** hidden from buyers: the supplier's licence for this controlled product has lapsed (only park staff see it) */
    blocked: hit.supplierState === "blocked" || (hit.licenceExpiresOn !== null && hit.licenceExpiresOn < Number(today.replace(/-/g, ""))),
    restricted,
    enterprise: restricted ? null : { id: hit.enterpriseId, name: hit.enterpriseName, nameEn: hit.enterpriseNameEn ?? null, uscc: hit.enterpriseUscc, verified: hit.enterpriseVerified },
    park: restricted || !hit.parkCode ? null : { code: hit.parkCode, name: hit.parkName },
    packaging: restricted ? null : hit.packaging,
    capacityTpy: restricted ? null : hit.capacityTpy,
    availableT: restricted ? null : hit.availableT,
    priceCnyPerT: restricted ? null : hit.priceCnyPerT,
    /** how far the supplier is from the viewer's enterprise, when both are located */
    distanceKm: restricted || metres === undefined ? null : Math.round(metres / 100) / 10,
    /** the supplier is in one of the viewer's parks */
    samePark: !restricted && hit.parkId !== null && viewer.parks.includes(hit.parkId),
  };
}
export type ProductHit = ReturnType<typeof toHit>;

/**
 * The multi-search a product search sends, in two passes: the exact pass takes the products one of
 * whose names *is* the query (`nameKeys`), the text pass every other product that has all the
 * words; for a viewer who does not see every supplier (`visible`), each pass also counts the
 * supplier facets over the rows it sees. Exported so that the benchmark's raw path sends the very
 * same request (bench/search.ts).
 */
export function productSearchPasses(query: SearchProductsQuery, text: string, filter: string[], visible: string | null, near: Place | null) {
  const key = text ? nameKey(text) : "";
  const attributesToSearchOn = visible ? PUBLIC_SEARCH_ATTRIBUTES : MEMBER_SEARCH_ATTRIBUTES;
  /** one pass: its hits with their facets, and for a viewer who does not see every supplier the supplier facets of the rows it sees */
  const pass = (passFilter: string[], sameSubstance: boolean) => {
    const order = sortOf(query.sort, near, sameSubstance, !visible);
    const base = { indexUid: indexUid("products"), q: text, filter: passFilter, attributesToSearchOn };
    const main = {
      ...base,
      // an exact pass's filter already says which products are hits; a text pass asks for every word
      matchingStrategy: sameSubstance ? "last" : "all",
      ...(order.sort.length ? { sort: order.sort } : {}),
      facets: visible ? LISTING_FACETS : [...LISTING_FACETS, ...SUPPLIER_FACETS],
      page: query.page,
      hitsPerPage: query.pageSize,
      attributesToRetrieve: RETRIEVE,
      attributesToHighlight: ["name", "substanceZh", "substanceEn", "aliases"],
      highlightPreTag: HIGHLIGHT_PRE,
      highlightPostTag: HIGHLIGHT_POST,
    } as const;
    // the supplier facets of a viewer who does not see every supplier count only the suppliers it sees
    const counted = visible ? { ...base, matchingStrategy: main.matchingStrategy, filter: [...passFilter, visible], facets: SUPPLIER_FACETS, limit: 0 } : null;
    return { queries: counted ? [main, counted] : [main], order };
  };
  // a CAS number, or filters without words, is one pass over products all equally relevant
  const exact = key ? pass([...filter, `nameKeys = ${quote(key)}`], true) : null;
  const words = pass(key ? [...filter, `NOT nameKeys = ${quote(key)}`] : filter, !text);
  return { exact, words };
}

/**
 * `near` ranks equally relevant hits from that place outwards; it defaults to where the viewer's
 * enterprise is (the CLI passes the enterprise of `--in-park-of`).
 *
 * Words are searched in two passes of one multi-search: the exact pass takes the products one of
 * whose names *is* the query (`nameKeys`), the text pass every other product that has all the
 * words (typos forgiven). When the exact pass finds something, its products are the hits and the
 * text pass's substances are listed apart as related; otherwise the text pass gives the hits.
 */
export async function searchProducts(db: Db, actor: Actor, input: SearchProductsInput, options: { near?: Place | null; onlyIds?: number[] } = {}) {
  const query = searchProductsInput.parse(input);
  const { text, cas, casInvalid, understood } = interpretQuery(query.q);
  const viewer = await viewerOf(db, actor);
  const near = options.near === undefined ? viewer.near : options.near;
  const filter = buildFilter(query, viewer.parks, todayInChina(), viewer.overseer);
  const visible = visibleSuppliersFilter(viewer);
  // filtering or ordering by where a supplier is, or by a price or quantity, would tell about the hidden ones: they drop out
  if (visible && asksAboutSupplier(query)) filter.push(visible);
  // a saved search's alert looks only at the products that just changed (server/saved-searches/alerts.ts)
  if (options.onlyIds) filter.push(`id IN [${options.onlyIds.map(Number).join(", ")}]`);
  const empty = { hits: [], totalHits: 0, facetDistribution: {}, processingTimeMs: 0 };
  const { exact, words } = productSearchPasses(query, text, filter, visible, near);
  const run = async () => {
    const queries = [...(exact?.queries ?? []), ...words.queries];
    const { results } = await getMeili().multiSearch<MultiSearchParams, ProductDoc>({ queries: queries as MultiSearchParams["queries"] });
    const merge = (found: (typeof results)[number], counted: (typeof results)[number] | undefined) => ({
      ...found,
      facetDistribution: { ...found.facetDistribution, ...counted?.facetDistribution },
    });
    const [exactFound, exactCounted] = exact ? results.splice(0, exact.queries.length) : [];
    const [wordsFound, wordsCounted] = results;
    const processingTimeMs = Math.max(0, ...[exactFound, exactCounted, wordsFound, wordsCounted].map((r) => r?.processingTimeMs ?? 0));
    if (exactFound && (exactFound.totalHits ?? 0) > 0) {
      return {
        ...merge(exactFound, exactCounted), processingTimeMs, order: exact!.order, exact: true,
        related: query.page === 1 ? relatedOf(wordsFound!.hits as ProductDoc[]) : [],
      };
    }
    return { ...merge(wordsFound!, wordsCounted), processingTimeMs, order: words.order, exact: false, related: [] as RelatedSubstance[] };
  };
  let result: Awaited<ReturnType<typeof run>> | (typeof empty & { order: ReturnType<typeof sortOf>; exact: boolean; related: RelatedSubstance[] }) = {
    ...empty, order: words.order, exact: false, related: [],
  };
  if (!casInvalid) {
    try {
      result = await run();
    } catch (e) {
      if (!notIndexedYet(e)) await nothingToSearch(e, "products");
    }
  }
  const facets: Record<string, Record<string, number>> = result.facetDistribution ?? {};
  const byPark = facets.parkId ?? {};
  const hits = result.hits.map((h) => toHit(h as Hit<ProductDoc>, viewer));
  // the trust signals of the page's suppliers (those the viewer may see): they change with every answer and delivery, so they are not
  // indexed; read at query time, each at most a minute old (LIST_TRUST_MAX_AGE_MS)
  const trust = await listTrustSignals(db, hits.flatMap((h) => (h.enterprise ? [h.enterprise.id] : [])));
  return {
    q: query.q,
    /** the CAS number the query was read as, when it is one (an exact lookup) */
    cas,
    /** the query is written like a CAS number but its check digit is wrong */
    casInvalid,
    /** what the query was read as: the conditions taken out of the words (the page shows each as a removable chip) */
    understood: {
      text,
      cas: understood.cas,
      formula: understood.formulaHill,
      minPurity: understood.minPurity,
      grades: understood.grades,
      traditional: understood.traditional,
      conditions: understood.conditions,
    },
    /** the query is a name of the hits' substance: the hits are its products only */
    exactName: result.exact,
    hits: hits.map((h) => (h.enterprise ? { ...h, enterprise: { ...h.enterprise, trust: trust.get(h.enterprise.id) ?? null } } : { ...h, enterprise: null })),
    total: result.totalHits ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    /** substances whose products share words with an exact name's (first page only), never among the hits */
    related: result.related,
    facets: {
      park: facetList(facets.parkCode),
      inPark: facetList(facets.inPark),
      chain: facetList(facets.chains),
      grade: facetList(facets.grade),
      form: facetList(facets.form),
      hazard: facetList(facets.hazards),
    },
    /** "in my park": whether the viewer has a park, and how many hits are there */
    myPark: { available: viewer.parks.length > 0, count: viewer.parks.reduce((n, p) => n + (byPark[String(p)] ?? 0), 0) },
    /** the order the hits are in (distance falls back to relevance for a viewer whose enterprise has no location) */
    sort: result.order.applied,
    /** whether the viewer may order by distance: its enterprise is located */
    distanceSortAvailable: near !== null,
    /** the hits are listed nearest the viewer's enterprise first (equally relevant ones, or all of them by distance) */
    nearestFirst: result.order.nearest,
    /** whether the viewer sees suppliers, quantities and prices of hazardous products */
    seesRegulatedDetails: viewer.seesDetails,
    processingTimeMs: result.processingTimeMs,
  };
}
export type ProductSearchResult = Awaited<ReturnType<typeof searchProducts>>;

/** Enterprises by name, English name, credit code or industry chain (the public directory's fields). */
export async function searchEnterprises(input: { q?: string; limit?: number }) {
  const query = searchEnterprisesInput.parse(input);
  if (!query.q) return { hits: [] };
  try {
    const result = await getMeili()
      .index<EnterpriseDoc>(indexUid("enterprises"))
      .search(query.q, {
        limit: query.limit,
        attributesToRetrieve: ["id", "name", "nameEn", "uscc", "parkCode", "parkName", "chains", "verified", "products"],
        attributesToHighlight: ["name"],
        highlightPreTag: HIGHLIGHT_PRE,
        highlightPostTag: HIGHLIGHT_POST,
      });
    return {
      hits: result.hits.map((h) => ({
        id: h.id, name: (h._formatted?.name as string | undefined) ?? h.name, nameEn: h.nameEn, uscc: h.uscc,
        park: h.parkCode ? { code: h.parkCode, name: h.parkName } : null, chains: h.chains, verified: h.verified, products: h.products,
      })),
    };
  } catch (e) {
    if (notIndexedYet(e)) return { hits: [] };
    return unavailable(e);
  }
}
