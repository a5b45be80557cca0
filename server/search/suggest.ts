import { sql } from "drizzle-orm";
import { pinyin } from "pinyin-pro";
import type { Db } from "@/db";
import type { Actor } from "@/server/auth/actor";
import { searchProducts, type ProductSearchResult } from "./query";
import type { SearchProductsInput } from "./search.schemas";

/**
 * "Did you mean" (你是不是要找) when a search finds nothing: the substance dictionary's names and
 * aliases nearest what was typed. PostgreSQL picks the candidates, every name within a few edits of
 * the query (`levenshtein_less_equal`, fuzzystrmatch, over the names of about its length in
 * `substance_name`); they are then ranked by how the query
 * *sounds*: Chinese typing errors are mostly homophones picked from the input method (异丙纯 for
 * 异丙醇), so a candidate whose pinyin equals the query's wins over one that merely differs by a
 * character (异丙醚). Among equally near names, the one sharing more letter triples wins (a missing
 * letter, tolune → toluene, before a wrong one, tolane), then substances that have products listed,
 * then shorter names.
 */

export interface Suggestion {
  /** the name or alias to search for (what the link puts in the search box) */
  text: string;
  cas: string;
  /** the substance's Chinese and English names, to say what the suggestion is */
  nameZh: string | null;
  nameEn: string | null;
}

/** Names longer than this are not compared (levenshtein takes at most 255 characters, and nobody mistypes a paragraph). */
const MAX_NAME = 120;

/** How many edits a word of this length may be away: one in a short word, more in a long one. */
export const editBudget = (length: number) => (length <= 4 ? 1 : length <= 8 ? 2 : 3);

/** What a query is compared by: its pinyin syllables (Latin letters stay letters), lower case. */
export function soundUnits(text: string): string[] {
  return pinyin(text.toLowerCase(), { toneType: "none", type: "array", nonZh: "consecutive" })
    .flatMap((unit) => (/^[\p{Script=Han}]/u.test(unit) ? [unit] : unit.split("")))
    .filter((unit) => unit.trim() !== "");
}

/** Edit distance between two sequences (of characters or syllables). */
export function editDistance<T>(a: readonly T[], b: readonly T[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Share of letter triples two names have in common (as pg_trgm counts them): a missing letter keeps more of them than a wrong one. */
export function trigramSimilarity(a: string, b: string): number {
  const grams = (text: string) => {
    const set = new Set<string>();
    for (const word of text.toLowerCase().split(/\s+/).filter(Boolean)) {
      const padded = [" ", " ", ...word, " "];
      for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3).join(""));
    }
    return set;
  };
  const x = grams(a);
  const y = grams(b);
  const shared = [...x].filter((g) => y.has(g)).length;
  return shared === 0 ? 0 : shared / (x.size + y.size - shared);
}

/** The words worth correcting: the whole query, and each of its words that is not a number. */
function terms(q: string): string[] {
  const text = q.replace(/\s+/g, " ").trim().toLowerCase();
  if (!text || text.length > MAX_NAME) return [];
  const words = text.split(" ").filter((w) => w.length >= 2 && !/^[\d.,%≥<>=~-]+$/.test(w));
  return [...new Set([text, ...words])];
}

interface Candidate {
  cas: string;
  name: string;
  nameZh: string | null;
  nameEn: string | null;
  distance: number;
  products: number;
}

/**
 * The dictionary names within `budget` edits of `term`, with their substance and how many products
 * it has. Only names within `budget` characters of the term's length can be, and `substance_name`
 * has them by length.
 */
async function candidates(db: Db, term: string, budget: number): Promise<Candidate[]> {
  const length = [...term].length;
  const rows = await db.execute<{ cas: string; name: string; name_zh: string | null; name_en: string | null; distance: number; products: number }>(sql`
    WITH near AS (
      SELECT n.cas, n.name, levenshtein_less_equal(n.lower, ${term}, ${budget}) AS distance
      FROM substance_name n
      WHERE n.length BETWEEN ${Math.max(1, length - budget)} AND ${Math.min(MAX_NAME, length + budget)}
    )
    SELECT near.cas, near.name, coalesce(s.curated_name_zh, s.name_zh) AS name_zh, coalesce(s.curated_name_en, s.name_en) AS name_en,
           near.distance,
           (SELECT count(*)::int FROM product p WHERE p.cas = near.cas AND p.retired_at IS NULL) AS products
    FROM near JOIN substance s ON s.cas = near.cas
    WHERE near.distance <= ${budget} AND near.distance > 0
    ORDER BY near.distance, length(near.name)
    LIMIT 200`);
  return rows.map((r) => ({ cas: r.cas, name: r.name, nameZh: r.name_zh, nameEn: r.name_en, distance: r.distance, products: r.products }));
}

/**
 * Up to `limit` substances whose name or alias is nearest the query, best first, one per substance
 * (named as it matched: the alias 异丙醇 rather than the official 2-丙醇). Empty when nothing is near.
 */
export async function didYouMean(db: Db, q: string, limit = 5): Promise<Suggestion[]> {
  const ranked: (Candidate & { sound: number; alike: number; order: number })[] = [];
  let order = 0;
  for (const term of terms(q)) {
    const units = soundUnits(term);
    for (const c of await candidates(db, term, editBudget([...term].length))) {
      ranked.push({ ...c, sound: editDistance(units, soundUnits(c.name)), alike: trigramSimilarity(term, c.name), order: order++ });
    }
  }
  ranked.sort((a, b) => a.sound - b.sound || a.distance - b.distance || b.alike - a.alike || b.products - a.products || a.name.length - b.name.length || a.order - b.order);
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const c of ranked) {
    if (seen.has(c.cas)) continue;
    seen.add(c.cas);
    out.push({ text: c.name, cas: c.cas, nameZh: c.nameZh, nameEn: c.nameEn });
    if (out.length === limit) break;
  }
  return out;
}

/**
 * A search as the page and the search API answer it: the ranked hits (server/search/query.ts) and,
 * when nothing is found, what to do instead: no facets to narrow an empty list (they would all
 * be empty), and the dictionary's nearest names to try (`didYouMean`).
 */
export async function searchWithHelp(db: Db, actor: Actor, input: SearchProductsInput) {
  const result: ProductSearchResult = await searchProducts(db, actor, input);
  if (result.total > 0) return { ...result, didYouMean: [] as Suggestion[] };
  const facets = Object.fromEntries(Object.keys(result.facets).map((k) => [k, []])) as unknown as ProductSearchResult["facets"];
  return { ...result, facets, didYouMean: result.q && !result.cas ? await didYouMean(db, result.q) : [] };
}
export type SearchAnswerBody = Awaited<ReturnType<typeof searchWithHelp>>;
