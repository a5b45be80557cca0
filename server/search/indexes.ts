import { MeilisearchTaskTimeOutError, type Meilisearch, type Settings } from "meilisearch";
import { env } from "@/server/env";
import { meiliFailure } from "./client";

/**
 * The Meilisearch indexes, their uids and settings. Every uid carries MEILI_INDEX_PREFIX, so
 * several installations (or test files) can share one Meilisearch without touching each other.
 */
export type IndexName = "products" | "enterprises";

export function indexUid(name: IndexName): string {
  return `${env.MEILI_INDEX_PREFIX}${name}`;
}

/**
 * Who may search what of a product (DESIGN.md, "Compliance"; the policy's `hazardous.viewDetails`).
 * The product and its substance are public. A supplier's own text, its SKU and description (demo
 * SKUs carry the supplier's credit code), is searchable by everyone only where the product is not
 * hazardous: each document carries it twice, in `sku` / `description` always and in `publicSku` /
 * `publicDescription` only for non-hazardous products, and each search names the attributes its
 * viewer may search (`attributesToSearchOn`). What a viewer may not see, it cannot find either.
 */
export const PUBLIC_SEARCH_ATTRIBUTES = ["name", "substanceZh", "substanceEn", "aliases", "cas", "casDigits", "publicSku", "publicDescription"];
export const MEMBER_SEARCH_ATTRIBUTES = ["name", "substanceZh", "substanceEn", "aliases", "cas", "casDigits", "sku", "description"];

/** Chinese fields are declared Chinese, so short queries such as 甲苯 segment as Chinese, not Japanese. */
const PRODUCT_SETTINGS: Settings = {
  // the order is the "attribute" ranking: the catalogue's own name first, then the dictionary's
  // names, its own two (Chinese, English) before the aliases, so that a typo reading of a name
  // outranks the same reading inside another substance's alias (acetonne: acetone before MEK, whose
  // alias is "methyl acetone"); each public copy ranks where its original does. Changing any
  // setting here rebuilds existing indexes (`ensureIndex` answers "configured", and sync asks for
  // `search-index`), so every document gets the fields the settings name.
  searchableAttributes: ["name", "substanceZh", "substanceEn", "aliases", "cas", "casDigits", "sku", "publicSku", "description", "publicDescription"],
  filterableAttributes: [
    "cas", "enterpriseId", "parkId", "parkCode", "inPark", "chains", "grade", "form", "hazards", "tier",
    "supplierState", "licenceExpiresOn", "id",
    // conditions read from the query (server/search/understand.ts), the exact-substance pass
    // (server/search/query.ts) and the range filters
    "formula", "nameKeys", "purityPct", "priceCnyPerT", "availableT",
  ],
  sortableAttributes: ["_geo", "priceCnyPerT", "availableT"],
  // "sort" first: a sort the viewer asks for (price low → high, most available, nearest) orders
  // every hit, relevance only breaks its ties; a search by relevance sends no sort, except when
  // every hit is the same substance (an exact name or CAS number), and those come nearest first.
  // Exactness before proximity and attribute: a product whose name or alias *is* the query
  // outranks one that merely contains it (甲苯 before 二甲苯, 丙烯酸 before 丙烯酸丁酯).
  rankingRules: ["sort", "words", "typo", "exactness", "proximity", "attribute"],
  localizedAttributes: [
    { attributePatterns: ["name", "substanceZh", "aliases", "description", "publicDescription"], locales: ["cmn"] },
    { attributePatterns: ["substanceEn"], locales: ["eng"] },
  ],
  // typos are forgiven in names (tolune → toluene), never in numbers, CAS numbers or codes
  typoTolerance: { enabled: true, disableOnNumbers: true, disableOnAttributes: ["cas", "casDigits", "sku", "publicSku"] },
  faceting: { maxValuesPerFacet: 100 },
  // facets are counted, never searched: no facet-search structures to build at every indexing
  facetSearch: false,
  pagination: { maxTotalHits: 1000 },
};

const ENTERPRISE_SETTINGS: Settings = {
  searchableAttributes: ["name", "nameEn", "uscc", "chains", "address", "description"],
  filterableAttributes: ["parkId", "parkCode", "inPark", "chains", "verified"],
  sortableAttributes: [],
  rankingRules: ["words", "typo", "exactness", "proximity", "attribute", "sort"],
  localizedAttributes: [
    { attributePatterns: ["name", "chains", "address", "description"], locales: ["cmn"] },
    { attributePatterns: ["nameEn"], locales: ["eng"] },
  ],
  typoTolerance: { enabled: true, disableOnNumbers: true, disableOnAttributes: ["uscc"] },
  faceting: { maxValuesPerFacet: 100 },
  // facets are counted, never searched: no facet-search structures to build at every indexing
  facetSearch: false,
  pagination: { maxTotalHits: 1000 },
};

export const INDEX_SETTINGS: Record<IndexName, Settings> = { products: PRODUCT_SETTINGS, enterprises: ENTERPRISE_SETTINGS };

/** Attributes whose order means nothing: compared as sets. */
const UNORDERED = new Set(["filterableAttributes", "sortableAttributes", "disableOnAttributes"]);

/** Whether every setting we ask for is already in force (Meilisearch fills in the ones we leave out). */
export function settingsApplied(wanted: unknown, actual: unknown, key = ""): boolean {
  if (Array.isArray(wanted)) {
    if (!Array.isArray(actual) || actual.length !== wanted.length) return false;
    if (UNORDERED.has(key)) {
      const have = new Set(actual.map((a) => JSON.stringify(a)));
      return wanted.every((w) => have.has(JSON.stringify(w)));
    }
    return wanted.every((w, i) => settingsApplied(w, actual[i]));
  }
  if (wanted && typeof wanted === "object") {
    if (!actual || typeof actual !== "object") return false;
    return Object.entries(wanted).every(([k, v]) => settingsApplied(v, (actual as Record<string, unknown>)[k], k));
  }
  return wanted === actual;
}

/** How `finished` polls: every 50 ms for the first 2 s, where small tasks end; then every half second, with no end. */
const QUICK_WAIT = { timeout: 2_000, interval: 50 };
const PATIENT_WAIT = { timeout: 0, interval: 500 };

type Waitable<T> = { waitTask(options?: { timeout?: number; interval?: number }): Promise<T> };

/**
 * Waits for a Meilisearch task to end, however long its queue takes. A task Meilisearch has
 * accepted is kept by it (its queue survives a restart), so giving up on one after a set time and
 * sending its documents again only lengthens that queue: at a million products a large import's
 * tasks wait minutes behind one another, and a time limit here turned that wait into a spiral of
 * re-sent batches. A request that fails (Meilisearch down, or not answering within the client's
 * own request timeout, or a task it no longer knows) still throws, so the outbox retries.
 */
export async function finished<T>(task: Waitable<T>): Promise<T> {
  try {
    return await task.waitTask(QUICK_WAIT);
  } catch (e) {
    if (!(e instanceof MeilisearchTaskTimeOutError)) throw e;
    return task.waitTask(PATIENT_WAIT);
  }
}

/**
 * Makes sure an index exists with our settings before documents reach it. Idempotent and safe
 * when several instances do it at once: creating an index that exists is ignored, and settings
 * are only sent when they differ, so an unchanged index is never re-indexed. `configured` means an
 * existing index had other settings: it was built by an earlier release, and its documents may
 * lack what this release's settings rely on (see `search-index` in server/jobs/topics.ts).
 */
export async function ensureIndex(client: Meilisearch, name: IndexName, uid = indexUid(name)): Promise<"created" | "configured" | "unchanged"> {
  const index = client.index(uid);
  let current: Settings | null = null;
  try {
    current = await index.getSettings();
  } catch (e) {
    if (meiliFailure(e)?.code !== "index_not_found") throw e;
  }
  if (current === null) {
    const created = await finished(client.createIndex(uid, { primaryKey: "id" }));
    if (created.status === "failed" && created.error?.code !== "index_already_exists") {
      throw new Error(`could not create index ${uid}: ${created.error?.message}`);
    }
  }
  if (current && settingsApplied(INDEX_SETTINGS[name], current)) return "unchanged";
  const task = await finished(index.updateSettings(INDEX_SETTINGS[name]));
  if (task.status === "failed") throw new Error(`could not configure index ${uid}: ${task.error?.message}`);
  // an index still on Meilisearch's defaults was just created by another instance, not a release
  const fresh = !current || (current.searchableAttributes?.length === 1 && current.searchableAttributes[0] === "*");
  return fresh ? "created" : "configured";
}

/** Waits for a Meilisearch task and turns its failure into an error (so the outbox retries). */
export async function settled(task: Waitable<{ status: string; error?: { message: string } | null }>, what: string) {
  const done = await finished(task);
  if (done.status !== "succeeded") throw new Error(`${what}: ${done.error?.message ?? done.status}`);
}
