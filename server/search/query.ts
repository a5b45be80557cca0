import { inArray } from "drizzle-orm";
import type { Hit, MultiSearchParams } from "meilisearch";
import type { Db } from "@/db";
import { enterprises } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { todayInChina } from "@/server/compliance/compliance";
import { AppError } from "@/server/errors";
import { getMeili, meiliFailure } from "./client";
import type { EnterpriseDoc } from "./enterprises.index";
import { indexUid, MEMBER_SEARCH_ATTRIBUTES, PUBLIC_SEARCH_ATTRIBUTES } from "./indexes";
import { HIGHLIGHT_POST, HIGHLIGHT_PRE, type ProductDoc } from "./products.index";
import { referenceTerms } from "./reference-terms";
import { highlightOnto } from "./simplified";
import { understandQuery, type Understood } from "./understand";
import { searchEnterprisesInput, searchProductsInput, type SearchProductsInput, type SearchProductsQuery } from "./search.schemas";

/**
 * Product search: a query that is a CAS number (with or without hyphens, check digit valid) is an
 * exact lookup; anything else is a ranked text search over the product's own name and every name
 * and alias of its substance. Listings whose supplier licence has lapsed are filtered out, and the
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
  return filters;
}

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

/** The filters that ask where the supplier is, or who it is. */
const asksAboutSupplier = (query: SearchProductsQuery) =>
  query.park !== undefined || query.chain !== undefined || query.inPark !== undefined || query.mine === true;

/** Facets of the listing itself, and facets that say where (or who) the suppliers are. */
const LISTING_FACETS = ["grade", "form", "hazards"];
const SUPPLIER_FACETS = ["parkCode", "inPark", "chains", "parkId"];
const RETRIEVE: (keyof ProductDoc)[] = [
  "id", "enterpriseId", "name", "cas", "grade", "form", "purityPct", "packaging", "capacityTpy", "availableT", "priceCnyPerT",
  "nameShown", "formula", "substanceZh", "substanceEn", "aliases", "hazardous", "highlyToxic", "explosivePrecursor", "precursorCategory", "tier",
  "supplierState", "licenceExpiresOn", "enterpriseName", "enterpriseUscc", "enterpriseVerified", "parkId", "parkCode", "parkName", "sku",
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
    enterprise: restricted ? null : { id: hit.enterpriseId, name: hit.enterpriseName, uscc: hit.enterpriseUscc, verified: hit.enterpriseVerified },
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
 * `near` ranks equally relevant hits from that place outwards; it defaults to where the viewer's
 * enterprise is (the CLI passes the enterprise of `--in-park-of`).
 */
export async function searchProducts(db: Db, actor: Actor, input: SearchProductsInput, options: { near?: Place | null; onlyIds?: number[] } = {}) {
  const query = searchProductsInput.parse(input);
  const { text, cas, casInvalid, understood } = interpretQuery(query.q);
  const viewer = await viewerOf(db, actor);
  const near = options.near === undefined ? viewer.near : options.near;
  const filter = buildFilter(query, viewer.parks, todayInChina(), viewer.overseer);
  const visible = visibleSuppliersFilter(viewer);
  // filtering by where a supplier is would tell where the hidden ones are: they drop out
  if (visible && asksAboutSupplier(query)) filter.push(visible);
  // a saved search's alert looks only at the products that just changed (server/saved-searches/alerts.ts)
  if (options.onlyIds) filter.push(`id IN [${options.onlyIds.map(Number).join(", ")}]`);
  const empty = { hits: [], totalHits: 0, facetDistribution: {}, processingTimeMs: 0 };
  const base = {
    indexUid: indexUid("products"),
    q: text,
    filter,
    attributesToSearchOn: visible ? PUBLIC_SEARCH_ATTRIBUTES : MEMBER_SEARCH_ATTRIBUTES,
  };
  const main = {
    ...base,
    // nearest first only for a viewer who sees every supplier: the order would tell how near a hidden one is
    ...(near && !visible ? { sort: [`_geoPoint(${near.lat}, ${near.lng}):asc`] } : {}),
    facets: visible ? LISTING_FACETS : [...LISTING_FACETS, ...SUPPLIER_FACETS],
    page: query.page,
    hitsPerPage: query.pageSize,
    attributesToRetrieve: RETRIEVE,
    attributesToHighlight: ["name", "substanceZh", "substanceEn", "aliases"],
    highlightPreTag: HIGHLIGHT_PRE,
    highlightPostTag: HIGHLIGHT_POST,
  };
  // the supplier facets of a viewer who does not see every supplier count only the suppliers it sees
  const supplierFacets = visible ? { ...base, filter: [...filter, visible], facets: SUPPLIER_FACETS, limit: 0 } : null;
  const run = async () => {
    const { results } = await getMeili().multiSearch<MultiSearchParams, ProductDoc>({
      queries: supplierFacets ? [main, supplierFacets] : [main],
    });
    const [found, counted] = results;
    return {
      ...found!,
      facetDistribution: { ...found!.facetDistribution, ...counted?.facetDistribution },
      processingTimeMs: Math.max(found!.processingTimeMs, counted?.processingTimeMs ?? 0),
    };
  };
  let result: Awaited<ReturnType<typeof run>> | typeof empty = empty;
  if (!casInvalid) {
    try {
      result = await run();
    } catch (e) {
      if (!notIndexedYet(e)) unavailable(e);
    }
  }
  const facets: Record<string, Record<string, number>> = result.facetDistribution ?? {};
  const byPark = facets.parkId ?? {};
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
    hits: result.hits.map((h) => toHit(h as Hit<ProductDoc>, viewer)),
    total: result.totalHits ?? 0,
    page: query.page,
    pageSize: query.pageSize,
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
    /** equally relevant hits are listed nearest the viewer's enterprise first */
    nearestFirst: near !== null && !visible,
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
