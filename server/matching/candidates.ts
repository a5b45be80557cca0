import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { matchCompliance, todayInChina, type SubstanceFlags } from "@/server/compliance/compliance";
import { licenceFacts } from "@/server/compliance/licences";
import { scoreCandidate, type ComplianceFacts, type Grade, type Identity, type Recurrence, type Scored } from "./score";
import { intArray, textArray } from "./sql-arrays";

/**
 * Candidate retrieval from PostgreSQL (no search engine): for each demand, the catalogue products
 * with its CAS number, products without a CAS whose name carries one of the substance's names or
 * aliases from the dictionary, products whose name contains the demanded name, open supply offers
 * (riding on their product) and, for a demand whose buyer accepts by-products, open by-product
 * listings (a by-product or waste stream is never a candidate for a product demand). Works on a batch of demands at once, so
 * one demand (the web page, the CLI) and thousands (the park-wide optimiser) share the same path.
 */

export interface DemandForMatching {
  /** null for a would-be demand (the CLI) */
  id: number | null;
  enterpriseId: number;
  parkId: number | null;
  lat: number | null;
  lng: number | null;
  cas: string | null;
  substanceName: string;
  quantityT: number;
  recurrence: Recurrence;
  grade: Grade | null;
  minPurityPct: number | null;
  /** the buyer takes by-products and waste streams too; without it they are never its candidates */
  acceptsByproducts?: boolean;
}

export interface Supplier {
  id: number;
  name: string;
  uscc: string;
  parkId: number | null;
  parkCode: string | null;
  parkName: string | null;
  verified: boolean;
}

export interface Candidate {
  /** "p:<productId>" or "b:<byproductId>" */
  key: string;
  kind: "product" | "byproduct";
  productId: number | null;
  byproductId: number | null;
  offer: { id: number; quantity: number; unit: string; priceCnyPerUnit: number | null; validUntil: string | null } | null;
  supplier: Supplier;
  name: string;
  cas: string | null;
  grade: Grade | null;
  purityPct: number | null;
  /** tonnes that can be delivered now (offer, stock, or a by-product's monthly volume) */
  availableT: number | null;
  capacityTpy: number | null;
  /** 元 per tonne: the offer's price, else the catalogue's reference price */
  priceCnyPerT: number | null;
  wasteCode: string | null;
  identity: Identity;
  flags: SubstanceFlags | null;
  compliance: ComplianceFacts;
  scored: Scored;
}

interface SubstanceRow extends SubstanceFlags {
  cas: string;
  names: string[];
}

type SupplyRow = {
  kind: "product" | "byproduct";
  id: number;
  enterpriseId: number;
  name: string;
  cas: string | null;
  grade: Grade | null;
  purityPct: string | null;
  availableT: string | null;
  capacityTpy: string | null;
  priceCnyPerT: string | null;
  wasteCode: string | null;
  updatedAt: Date | string;
  supplierName: string;
  uscc: string;
  parkId: number | null;
  parkCode: string | null;
  parkName: string | null;
  lat: string | null;
  lng: string | null;
  verified: boolean;
  offerId: number | null;
  offerQuantity: string | null;
  offerUnit: string | null;
  offerPrice: string | null;
  offerValidUntil: string | null;
  offerCreatedAt: Date | string | null;
};

/** Name tokens as SQL's `product_name_keys` (migration 0018) splits them: lower case, split on spaces and punctuation. */
export function nameTokens(name: string): string[] {
  return name.toLowerCase().split(/[\s,，;；/()（）、]+/).filter(Boolean);
}

/** A catalogue name without its trailing purity or concentration: "isopropyl alcohol 99.9%" → "isopropyl alcohol". */
export function bareName(lowerName: string): string {
  return lowerName.replace(/[\s\d.%％]+$/, "").trim();
}

/** The LIKE pattern of a name anywhere inside another. */
const likePattern = (needle: string) => `%${needle.replace(/[%_\\]/g, "\\$&")}%`;

/**
 * Every two-character piece of a lower-case name, as SQL's `name_grams` cuts it (by code point):
 * a name that contains the needle contains all its pieces.
 */
export function nameGrams(lower: string): string[] {
  const chars = Array.from(lower);
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}

/** Latin letters from the most to the least common in names (a space is the most common of all); anything else counts as rarest. */
const COMMON_FIRST = " etaoinsrhlcdumpfgybwvkxjqz";
const rarity = (gram: string) => Array.from(gram).reduce((n, c) => n + (COMMON_FIRST.includes(c) ? COMMON_FIRST.indexOf(c) : COMMON_FIRST.length), 0);
/** How many pieces of a needle the index looks up. */
export const LOOKUP_GRAMS = 6;

/**
 * The pieces of a needle the index narrows by: at most LOOKUP_GRAMS, the rarest-looking first.
 * Any of its pieces will do, since LIKE decides; every one looked up reads the index's whole list
 * of names that have it, and a long English name has over 30 ("ferrous ammonium sulfate
 * hexahydrate": 7.2 ms with all 33, 0.8 ms with 6, at 1M products).
 */
export function lookupGrams(lower: string): string[] {
  const grams = nameGrams(lower);
  if (grams.length <= LOOKUP_GRAMS) return grams;
  return grams.map((g, i) => ({ g, i, r: rarity(g) })).sort((a, b) => b.r - a.r || a.i - b.i).slice(0, LOOKUP_GRAMS).map((x) => x.g);
}

const isCjk = (s: string) => /[\u3400-\u9fff]/.test(s);
/** A name long enough to look for inside product names: two Chinese characters, or four letters. */
const searchable = (s: string) => Array.from(s).length >= (isCjk(s) ? 2 : 4);
const num = (v: string | null) => (v === null ? null : Number(v));
const dayMs = 86_400_000;

/** Loads dictionary names, aliases and flags of substances (park staff's corrections first). */
export async function loadSubstances(db: Db, casList: string[]): Promise<Map<string, SubstanceRow>> {
  const out = new Map<string, SubstanceRow>();
  if (casList.length === 0) return out;
  const rows = await db.execute<{ cas: string; names: string[]; hazardous: boolean; highly_toxic: boolean; explosive_precursor: boolean; precursor_category: number | null }>(sql`
    SELECT s.cas,
           array_remove(ARRAY[coalesce(s.curated_name_zh, s.name_zh), coalesce(s.curated_name_en, s.name_en)] || s.aliases || s.curated_aliases, NULL) AS names,
           s.hazardous, s.highly_toxic, s.explosive_precursor, s.precursor_category
    FROM substance s WHERE s.cas = ANY(${textArray([...new Set(casList)])})`);
  for (const r of rows) {
    out.set(r.cas, {
      cas: r.cas, names: r.names, hazardous: r.hazardous, highlyToxic: r.highly_toxic,
      explosivePrecursor: r.explosive_precursor, precursorCategory: r.precursor_category,
    });
  }
  return out;
}

/** The CAS number a typed name stands for, when exactly one dictionary substance carries that name or alias. */
export async function resolveNames(db: Db, names: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(names.map((n) => n.trim().toLowerCase()).filter(Boolean))];
  const out = new Map<string, string>();
  if (wanted.length === 0) return out;
  const rows = await db.execute<{ name: string; cas: string[] }>(sql`
    SELECT n.name, array_agg(DISTINCT s.cas) AS cas
    FROM unnest(${textArray(wanted)}) AS n(name)
    JOIN substance s ON n.name = ANY (
      SELECT lower(x) FROM unnest(ARRAY[coalesce(s.curated_name_zh, s.name_zh), coalesce(s.curated_name_en, s.name_en)] || s.aliases || s.curated_aliases) AS x
    )
    GROUP BY n.name`);
  for (const r of rows) if (r.cas.length === 1) out.set(r.name, r.cas[0]!);
  return out;
}

const SUPPLY_COLUMNS = sql`
  e.name AS "supplierName", e.uscc, e.park_id AS "parkId", pk.code AS "parkCode", pk.name AS "parkName",
  e.lat::text AS lat, e.lng::text AS lng, (e.verified_at IS NOT NULL) AS verified`;

async function loadProducts(db: Db, where: SQL, today: string): Promise<SupplyRow[]> {
  return db.execute<SupplyRow>(sql`
    SELECT 'product' AS kind, p.id, p.enterprise_id AS "enterpriseId", p.name, p.cas, p.grade,
           p.purity_pct::text AS "purityPct", p.available_t::text AS "availableT", p.capacity_tpy::text AS "capacityTpy",
           p.price_cny_per_t::text AS "priceCnyPerT", NULL AS "wasteCode", p.updated_at AS "updatedAt", ${SUPPLY_COLUMNS},
           o.id AS "offerId", o.quantity::text AS "offerQuantity", o.unit AS "offerUnit", o.price_cny_per_unit::text AS "offerPrice",
           o.valid_until::text AS "offerValidUntil", o.created_at AS "offerCreatedAt"
    FROM product p
    JOIN enterprise e ON e.id = p.enterprise_id
    LEFT JOIN park pk ON pk.id = e.park_id
    LEFT JOIN LATERAL (
      SELECT o.* FROM supply_offer o
      WHERE o.product_id = p.id AND o.status = 'open' AND (o.valid_until IS NULL OR o.valid_until >= ${today}::date)
      ORDER BY o.quantity DESC, o.id LIMIT 1
    ) o ON true
    WHERE p.retired_at IS NULL AND (${where})`);
}

async function loadByproducts(db: Db, casList: string[], likes: string[]): Promise<SupplyRow[]> {
  if (casList.length === 0 && likes.length === 0) return [];
  return db.execute<SupplyRow>(sql`
    SELECT 'byproduct' AS kind, b.id, b.enterprise_id AS "enterpriseId", b.name, b.cas, NULL AS grade, NULL AS "purityPct",
           b.monthly_volume_t::text AS "availableT", NULL AS "capacityTpy", NULL AS "priceCnyPerT", b.waste_code AS "wasteCode",
           b.updated_at AS "updatedAt", ${SUPPLY_COLUMNS},
           NULL AS "offerId", NULL AS "offerQuantity", NULL AS "offerUnit", NULL AS "offerPrice", NULL AS "offerValidUntil", NULL AS "offerCreatedAt"
    FROM byproduct b
    JOIN enterprise e ON e.id = b.enterprise_id
    LEFT JOIN park pk ON pk.id = e.park_id
    WHERE b.status = 'open' AND (b.cas = ANY(${textArray(casList)}) OR lower(b.name) LIKE ANY(${textArray(likes)}))`);
}

/** Fulfilled agreements (completed, or with a delivered call-off) per seller, and per seller and buyer. */
async function trackRecords(db: Db, sellerIds: number[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (sellerIds.length === 0) return out;
  const rows = await db.execute<{ seller: number; buyer: number; n: number }>(sql`
    SELECT a.seller_enterprise_id AS seller, a.buyer_enterprise_id AS buyer, count(*)::int AS n
    FROM agreement a
    WHERE a.seller_enterprise_id = ANY(${intArray(sellerIds)})
      AND (a.status = 'completed' OR EXISTS (SELECT 1 FROM call_off_order c WHERE c.agreement_id = a.id AND c.delivered_t > 0))
    GROUP BY 1, 2`);
  for (const r of rows) {
    out.set(`${r.seller}`, (out.get(`${r.seller}`) ?? 0) + r.n);
    out.set(`${r.seller}:${r.buyer}`, r.n);
  }
  return out;
}

/**
 * The products (table alias `p`) found by name rather than by CAS: those without a CAS whose name
 * carries one of `tokens` (a word of it, or the whole name without its purity) or contains one of
 * `needles`, through the GIN indexes of migration 0018 (`product_name_keys`, `name_grams`); and
 * any product with a CAS whose name contains one of `freeNeedles` (the names of demands with no
 * CAS that the dictionary does not know either), which reads the products with a CAS: indexing
 * them all by name slowed catalogue imports more than those rare demands gain. Null: nothing to
 * look for.
 *
 * A condition on the product's id, from one lookup per needle (LATERAL): as one OR of hundreds of
 * needles (a park's allocation has about 500), the planner read every product without a CAS and
 * computed each name's pieces once per needle, for minutes. `table` is for the plan's test.
 */
export function byNameCondition(tokens: string[], needles: string[], freeNeedles: string[], table: SQL = sql.raw("product")): SQL | null {
  const found: SQL[] = [];
  if (tokens.length) {
    found.push(sql`SELECT q.id FROM ${table} q WHERE q.cas IS NULL AND q.retired_at IS NULL AND product_name_keys(q.name) && ${textArray(tokens)}`);
  }
  if (needles.length) {
    const wanted = JSON.stringify(needles.map((n) => ({ grams: lookupGrams(n), pattern: likePattern(n) })));
    found.push(sql`SELECT hit.id FROM jsonb_to_recordset(${wanted}::jsonb) AS n(grams text[], pattern text)
      CROSS JOIN LATERAL (
        SELECT q.id FROM ${table} q
        WHERE q.cas IS NULL AND q.retired_at IS NULL AND name_grams(q.name) @> n.grams AND lower(q.name) LIKE n.pattern
      ) hit`);
  }
  if (freeNeedles.length) {
    found.push(sql`SELECT q.id FROM ${table} q WHERE q.cas IS NOT NULL AND q.retired_at IS NULL AND lower(q.name) LIKE ANY(${textArray(freeNeedles.map(likePattern))})`);
  }
  return found.length ? sql`p.id IN (${sql.join(found, sql` UNION `)})` : null;
}

interface SubstanceKey {
  key: string;
  /** the CAS number, and whether the buyer gave it (exact) or the dictionary resolved the name (alias) */
  cas: string | null;
  exact: boolean;
  tokens: Set<string>;
  needles: string[];
}

/**
 * Ranks the candidates of each demand, best first, each with its score, reasons and compliance
 * state. The buyer's own enterprise is never a candidate. `limit` caps each demand's list.
 */
export async function rankCandidates(
  db: Db,
  demands: DemandForMatching[],
  options: { today?: string; now?: Date; limit?: number } = {},
): Promise<Candidate[][]> {
  if (demands.length === 0) return [];
  const today = options.today ?? todayInChina();
  const now = options.now ?? new Date();

  // 1. what substance each demand is for
  const resolved = await resolveNames(db, demands.filter((d) => !d.cas).map((d) => d.substanceName));
  const casOf = (d: DemandForMatching) => d.cas ?? resolved.get(d.substanceName.trim().toLowerCase()) ?? null;
  const substances = await loadSubstances(db, demands.map(casOf).filter((c): c is string => c !== null));

  const keys = new Map<string, SubstanceKey>();
  const keyOf = demands.map((d) => {
    const cas = casOf(d);
    const typed = d.substanceName.trim().toLowerCase();
    const key = `${cas ?? ""}|${d.cas ? "exact" : "alias"}|${typed}`;
    if (!keys.has(key)) {
      const names = (cas ? substances.get(cas)?.names ?? [] : []).map((n) => n.toLowerCase());
      const tokens = new Set([typed, ...names].filter((n) => n.length >= 2));
      const needles = [...new Set([typed, ...names.slice(0, 2)])].filter(searchable);
      keys.set(key, { key, cas, exact: d.cas !== null, tokens, needles });
    }
    return keys.get(key)!;
  });

  // 2. the supply that may match
  const allCas = [...new Set([...keys.values()].map((k) => k.cas).filter((c): c is string => c !== null))];
  const allTokens = [...new Set([...keys.values()].flatMap((k) => [...k.tokens]))];
  const allNeedles = [...new Set([...keys.values()].flatMap((k) => k.needles))];
  const freeNeedles = [...new Set([...keys.values()].filter((k) => !k.cas).flatMap((k) => k.needles))];
  const allLikes = allNeedles.map(likePattern);
  const byName = byNameCondition(allTokens, allNeedles, freeNeedles);
  const [byCas, byNameRows, byproductRows] = await Promise.all([
    allCas.length ? loadProducts(db, sql`p.cas = ANY(${textArray(allCas)})`, today) : Promise.resolve([]),
    byName ? loadProducts(db, byName, today) : Promise.resolve([]),
    demands.some((d) => d.acceptsByproducts) ? loadByproducts(db, allCas, allLikes) : Promise.resolve([]),
  ]);
  const rowsByCas = new Map<string, SupplyRow[]>();
  for (const r of [...byCas, ...byproductRows.filter((b) => b.cas)]) rowsByCas.set(r.cas!, [...(rowsByCas.get(r.cas!) ?? []), r]);
  const loose = [...byNameRows, ...byproductRows];

  // 3. which supply rows each substance matches, and how (computed once per substance; the names
  // of the loose rows are split once)
  const looseNames = loose.map((row) => {
    const lower = row.name.toLowerCase();
    return { row, lower, bare: bareName(lower), tokens: nameTokens(lower) };
  });
  const matched = new Map<string, { row: SupplyRow; identity: Identity }[]>();
  for (const k of keys.values()) {
    const list: { row: SupplyRow; identity: Identity }[] = [];
    const seen = new Set<string>();
    const add = (row: SupplyRow, identity: Identity) => {
      const id = `${row.kind[0]}:${row.id}`;
      if (seen.has(id)) return;
      seen.add(id);
      list.push({ row, identity });
    };
    if (k.cas) for (const row of rowsByCas.get(k.cas) ?? []) add(row, k.exact ? "cas" : "alias");
    for (const { row, lower, bare, tokens } of looseNames) {
      if (row.cas !== null && k.cas !== null) continue; // a different CAS is a different substance
      if (row.cas === null && k.cas !== null && (k.tokens.has(bare) || tokens.some((t) => k.tokens.has(t)))) add(row, "alias");
      else if (k.needles.some((n) => lower.includes(n))) add(row, "text");
    }
    matched.set(k.key, list);
  }

  // 4. facts about suppliers and buyers
  const supplierIds = [...new Set([...matched.values()].flatMap((l) => l.map((m) => m.row.enterpriseId)))];
  const buyerIds = [...new Set(demands.map((d) => d.enterpriseId))];
  const rowCas = [...new Set([...matched.values()].flatMap((l) => l.map((m) => m.row.cas)).filter((c): c is string => c !== null && !substances.has(c)))];
  const [licences, track, more] = await Promise.all([
    licenceFacts(db, [...supplierIds, ...buyerIds]),
    trackRecords(db, supplierIds),
    loadSubstances(db, rowCas),
  ]);
  for (const [cas, s] of more) substances.set(cas, s);

  // what does not depend on the demand, once per supply row
  const perTonne = (unit: string | null) => (unit === "kg" ? 1000 : 1);
  const prepared = new Map<SupplyRow, ReturnType<typeof prepare>>();
  const prepare = (row: SupplyRow) => {
    const offer = row.offerId !== null
      ? { id: row.offerId, quantity: Number(row.offerQuantity), unit: row.offerUnit ?? "t", priceCnyPerUnit: num(row.offerPrice), validUntil: row.offerValidUntil }
      : null;
    const changed = new Date(offer ? row.offerCreatedAt! : row.updatedAt);
    return {
      key: `${row.kind === "product" ? "p" : "b"}:${row.id}`,
      offer,
      supplier: { id: row.enterpriseId, name: row.supplierName, uscc: row.uscc, parkId: row.parkId, parkCode: row.parkCode, parkName: row.parkName, verified: row.verified },
      purityPct: num(row.purityPct),
      availableT: offer ? offer.quantity / perTonne(offer.unit) : num(row.availableT),
      capacityTpy: num(row.capacityTpy),
      priceCnyPerT: offer?.priceCnyPerUnit != null ? offer.priceCnyPerUnit * perTonne(offer.unit) : num(row.priceCnyPerT),
      lat: num(row.lat),
      lng: num(row.lng),
      // whole days: the score of an unchanged listing changes once a day, not on every refresh
      ageDays: Math.max(0, Math.floor((now.getTime() - changed.getTime()) / dayMs)),
    };
  };
  const preparedOf = (row: SupplyRow) => {
    let p = prepared.get(row);
    if (!p) prepared.set(row, (p = prepare(row)));
    return p;
  };
  // the compliance state of a (substance, supplier, buyer), once
  const complianceCache = new Map<string, { flags: SubstanceFlags | null; compliance: ComplianceFacts }>();
  const complianceOf = (k: SubstanceKey, row: SupplyRow, buyerId: number) => {
    const id = `${k.key}|${row.cas ?? ""}|${row.enterpriseId}|${buyerId}`;
    let hit = complianceCache.get(id);
    if (!hit) {
      const flagsRow = (k.cas ? substances.get(k.cas) : undefined) ?? (row.cas ? substances.get(row.cas) : undefined);
      const flags: SubstanceFlags | null = flagsRow
        ? { hazardous: flagsRow.hazardous, highlyToxic: flagsRow.highlyToxic, explosivePrecursor: flagsRow.explosivePrecursor, precursorCategory: flagsRow.precursorCategory }
        : null;
      const c = matchCompliance(flags, licences.get(row.enterpriseId) ?? [], licences.get(buyerId) ?? [], today);
      hit = { flags, compliance: c };
      complianceCache.set(id, hit);
    }
    return hit;
  };

  // 5. score
  return demands.map((d, i) => {
    const k = keyOf[i]!;
    const terms = { quantityT: d.quantityT, recurrence: d.recurrence, grade: d.grade, minPurityPct: d.minPurityPct, parkId: d.parkId, lat: d.lat, lng: d.lng };
    const out: Candidate[] = [];
    for (const { row, identity } of matched.get(k.key) ?? []) {
      if (row.enterpriseId === d.enterpriseId) continue; // never matched with itself
      if (row.kind === "byproduct" && !d.acceptsByproducts) continue; // waste streams only for a buyer that asks for them
      const p = preparedOf(row);
      const { flags, compliance } = complianceOf(k, row, d.enterpriseId);
      const scored = scoreCandidate(
        terms,
        {
          kind: row.kind, identity, grade: row.grade, purityPct: p.purityPct, availableT: p.availableT, capacityTpy: p.capacityTpy,
          parkId: row.parkId, lat: p.lat, lng: p.lng,
          fulfilled: { total: track.get(`${row.enterpriseId}`) ?? 0, withBuyer: track.get(`${row.enterpriseId}:${d.enterpriseId}`) ?? 0 },
          ageDays: p.ageDays,
          offerValidUntil: p.offer?.validUntil ?? null,
        },
        compliance,
      );
      out.push({
        key: p.key,
        kind: row.kind,
        productId: row.kind === "product" ? row.id : null,
        byproductId: row.kind === "byproduct" ? row.id : null,
        offer: p.offer,
        supplier: p.supplier,
        name: row.name, cas: row.cas, grade: row.grade, purityPct: p.purityPct, availableT: p.availableT, capacityTpy: p.capacityTpy,
        priceCnyPerT: p.priceCnyPerT, wasteCode: row.wasteCode, identity, flags, compliance, scored,
      });
    }
    out.sort((a, b) => b.scored.value - a.scored.value || a.key.localeCompare(b.key));
    return options.limit ? out.slice(0, options.limit) : out;
  });
}
