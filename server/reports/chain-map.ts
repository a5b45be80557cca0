import { eq, sql, type SQL } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Db } from "@/db";
import { parks } from "@/db/schema";
import { signedSql } from "@/server/agreements/signed";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { todayInChina } from "@/server/compliance/compliance";
import { INDUSTRY_CHAINS } from "@/server/enterprises/enterprise.schemas";
import { chainNames } from "@/i18n/vocabulary";
import { notFound } from "@/server/errors";
import { demandIsOpen } from "@/server/listings/expiry";
import { computeAllocation, gapReason, type GapReason, type InParkFacts } from "@/server/matching/allocation.service";
import type { Grade } from "@/server/matching/score";
import { intArray, textArray } from "@/server/matching/sql-arrays";
import type { ChainMapFilters, SubstanceViewInput } from "./chain-map.schemas";

/**
 * 产业链图谱: a park's chains as they really are, from the deals and the open demand.
 *
 * - Flows: the lines of the agreements that count as signed (the one rule, server/agreements/signed.ts:
 *   a signing date and signed, active, completed or terminated after signing; never a draft) with at
 *   least one party in the park, signed in the period, and — with a chain — with a party in that
 *   chain. One directed edge seller → buyer per (seller, buyer, substance): the substance is the
 *   line's CAS number, or its product name when it has none. `tonnes` and `amountCny` are the lines'
 *   contracted volume and amount; `deliveredTonnes` the effective shipments of those agreements
 *   (those no correction replaced), to date.
 * - Nodes: every enterprise of the park (in the chain, with a chain), plus the park's enterprises and
 *   the counterparties the edges and gaps name. A counterparty outside the park (in another park, or
 *   in none) is `external`. `signedAmountCny` is the sum of the node's edges (bought and sold).
 * - Gaps: the open demands of the park's enterprises (in the chain) that no in-park supplier can meet
 *   — none at all, none at the grade or purity asked, or only suppliers whose licence lapsed — by
 *   substance, with the reason the park-wide allocation gives (server/matching/allocation.service.ts).
 *   A demand an in-park supplier could meet but not in full is a shortfall, not a gap: it is not
 *   here. Open demand has no period: gaps are as of today.
 */

export interface ChainMapParty {
  id: string;
  kind: "enterprise" | "external";
  enterpriseId: number;
  uscc: string;
  name: string;
  nameEn: string | null;
  /** the chain the node is coloured by: the filtered chain when it has it, else its first, else null */
  chain: string | null;
  chains: string[];
  /** its park (`nameEn`: the park's English name, null when it has none) */
  park: { id: number; code: string; name: string; nameEn: string | null } | null;
  signedAmountCny: number;
  purchaseAmountCny: number;
  salesAmountCny: number;
}

export interface ChainMapGap {
  id: string;
  kind: "gap";
  /** null for a demand typed by name only */
  cas: string | null;
  name: string;
  nameEn: string | null;
  demands: number;
  buyers: number;
  demandT: number;
  reason: GapReason;
}

export interface ChainMapSubstance {
  id: string;
  kind: "substance";
  cas: string;
  name: string;
  nameEn: string | null;
}

export type ChainMapNode = ChainMapParty | ChainMapGap | ChainMapSubstance;

export interface ChainMapEdge {
  /** node ids */
  source: string;
  target: string;
  sellerId: number;
  sellerUscc: string;
  seller: string;
  buyerId: number;
  buyerUscc: string;
  buyer: string;
  cas: string | null;
  substance: string;
  substanceEn: string | null;
  agreements: number;
  /** contracted */
  tonnes: number;
  deliveredTonnes: number;
  amountCny: number;
  /** both parties in the park */
  inPark: boolean;
}

/** A gap node joined to a buyer of the park that needs it. */
export interface ChainMapGapLink {
  gapId: string;
  buyerId: number;
  buyerUscc: string;
  demands: number;
  demandT: number;
}

export interface ChainMap {
  park: { id: number; code: string; name: string; nameEn: string | null };
  filters: { from: string | null; to: string | null; chain: string | null };
  nodes: ChainMapNode[];
  edges: ChainMapEdge[];
  gapLinks: ChainMapGapLink[];
  totals: { enterprises: number; externals: number; edges: number; tonnes: number; deliveredTonnes: number; amountCny: number; inParkAmountCny: number; gaps: number };
  chains: string[];
}

const cents = (v: unknown) => Math.round(Number(v ?? 0) * 100) / 100;
const kg = (v: unknown) => Math.round(Number(v ?? 0) * 1000) / 1000;
const sumKg = (values: number[]) => values.reduce((s, v) => s + Math.round(v * 1000), 0) / 1000;
const sumFen = (values: number[]) => values.reduce((s, v) => s + Math.round(v * 100), 0) / 100;

const partyId = (enterpriseId: number) => `e:${enterpriseId}`;
const substanceKey = (cas: string | null, name: string) => cas ?? `name:${name}`;
export const gapId = (cas: string | null, name: string) => `gap:${substanceKey(cas, name)}`;

async function findPark(db: Db, parkId: number) {
  const [park] = await db.select({ id: parks.id, code: parks.code, name: parks.name, nameEn: parks.nameEn }).from(parks).where(eq(parks.id, parkId));
  if (!park) throw notFound({ zh: "园区", en: "Park" });
  return park;
}

type EdgeRow = {
  seller: number; buyer: number; cas: string | null; product_name: string | null; agreements: number;
  tonnes: string; amount: string; delivered: string; name_zh: string | null; name_en: string | null;
};

/** The signed flows (per seller, buyer and substance) of the agreements with a party in the park, in the period and chain. */
async function flowRows(db: Db, f: { parkId: number; from?: string; to?: string; chain?: string; cas?: string }) {
  const conditions: SQL[] = [signedSql("a"), sql`(b.park_id = ${f.parkId} OR s.park_id = ${f.parkId})`];
  if (f.from) conditions.push(sql`a.signed_on >= ${f.from}::date`);
  if (f.to) conditions.push(sql`a.signed_on <= ${f.to}::date`);
  if (f.chain) conditions.push(sql`(${f.chain} = ANY(b.chains) OR ${f.chain} = ANY(s.chains))`);
  const lineKey = sql.raw(`coalesce(l.cas, 'name:' || coalesce(l.product_name, ''))`);
  return db.execute<EdgeRow>(sql`
    WITH scope AS (
      SELECT a.id, a.seller_enterprise_id AS seller, a.buyer_enterprise_id AS buyer
      FROM agreement a
      JOIN enterprise b ON b.id = a.buyer_enterprise_id
      JOIN enterprise s ON s.id = a.seller_enterprise_id
      WHERE ${sql.join(conditions, sql` AND `)}
    ), lines AS (
      SELECT sc.seller, sc.buyer, sc.id AS agreement_id, l.cas, l.product_name, l.volume_t, l.amount_cny, ${lineKey} AS key
      FROM scope sc JOIN agreement_line l ON l.agreement_id = sc.id
    ), delivered AS (
      SELECT sc.seller, sc.buyer,
             CASE WHEN l.id IS NOT NULL THEN ${lineKey} ELSE coalesce(sh.cas, 'name:' || coalesce(sh.substance_name, '')) END AS key,
             sum(sh.quantity_t) AS t
      FROM scope sc
      JOIN shipment sh ON sh.agreement_id = sc.id
      LEFT JOIN agreement_line l ON l.id = sh.line_id
      WHERE NOT EXISTS (SELECT 1 FROM shipment c WHERE c.corrects_id = sh.id)
      GROUP BY 1, 2, 3
    ), edges AS (
      SELECT seller, buyer, key, min(cas) AS cas, min(product_name) AS product_name, count(DISTINCT agreement_id)::int AS agreements,
             coalesce(sum(volume_t), 0) AS tonnes, coalesce(sum(amount_cny), 0) AS amount
      FROM lines GROUP BY seller, buyer, key
    )
    SELECT e.seller, e.buyer, e.cas, e.product_name, e.agreements, e.tonnes::text AS tonnes, e.amount::text AS amount,
           coalesce(d.t, 0)::text AS delivered,
           coalesce(sub.curated_name_zh, sub.name_zh) AS name_zh, coalesce(sub.curated_name_en, sub.name_en) AS name_en
    FROM edges e
    LEFT JOIN delivered d ON d.seller = e.seller AND d.buyer = e.buyer AND d.key = e.key
    LEFT JOIN substance sub ON sub.cas = e.cas
    ${f.cas ? sql`WHERE e.cas = ${f.cas}` : sql``}`);
}

type PartyRow = {
  id: number; uscc: string; name: string; name_en: string | null; chains: string[];
  park_id: number | null; park_code: string | null; park_name: string | null; park_name_en: string | null;
};

/** The park's enterprises (in the chain) and the enterprises named by id. */
async function partyRows(db: Db, parkId: number, chain: string | undefined, ids: number[]) {
  return db.execute<PartyRow>(sql`
    SELECT e.id, e.uscc, e.name, e.name_en, e.chains, e.park_id, p.code AS park_code, p.name AS park_name, p.name_en AS park_name_en
    FROM enterprise e LEFT JOIN park p ON p.id = e.park_id
    WHERE (e.park_id = ${parkId} ${chain ? sql`AND ${chain} = ANY(e.chains)` : sql``}) OR e.id = ANY(${intArray(ids)})
    ORDER BY e.name, e.id`);
}

/** Dictionary names of these CAS numbers (park staff's corrections first). */
async function substanceNames(db: Db, cas: string[]) {
  if (!cas.length) return new Map<string, { zh: string | null; en: string | null }>();
  const rows = await db.execute<{ cas: string; zh: string | null; en: string | null }>(sql`
    SELECT cas, coalesce(curated_name_zh, name_zh) AS zh, coalesce(curated_name_en, name_en) AS en FROM substance WHERE cas = ANY(${textArray(cas)})`);
  return new Map(rows.map((r) => [r.cas, { zh: r.zh, en: r.en }]));
}

/**
 * The open demands of the park's enterprises (in the chain; for one substance) that no in-park
 * supplier can meet, grouped by substance with the allocation's reason, and the buyers that need each.
 */
async function gapsOf(db: Db, parkId: number, options: { chain?: string; cas?: string }) {
  const { chosen, inParkFacts } = await computeAllocation(db, parkId);
  const buyerIds = [...new Set(chosen.map((d) => d.enterpriseId))];
  const chains = new Map<number, string[]>();
  if (buyerIds.length) {
    const rows = await db.execute<{ id: number; chains: string[] }>(sql`SELECT id, chains FROM enterprise WHERE id = ANY(${intArray(buyerIds)})`);
    for (const r of rows) chains.set(r.id, r.chains);
  }
  type Member = { facts: InParkFacts; grade: Grade | null; minPurityPct: number | null };
  type Group = { cas: string | null; name: string; members: Member[]; demandT: number; buyers: Map<number, { demands: number; demandT: number }> };
  const groups = new Map<string, Group>();
  for (const d of chosen) {
    const facts = inParkFacts.get(d.id)!;
    if (facts.feasible > 0) continue;
    if (options.chain && !(chains.get(d.enterpriseId) ?? []).includes(options.chain)) continue;
    if (options.cas && d.cas !== options.cas) continue;
    const key = gapId(d.cas, d.substanceName);
    const group: Group = groups.get(key) ?? { cas: d.cas, name: d.substanceName, members: [], demandT: 0, buyers: new Map() };
    group.members.push({ facts, grade: d.forMatching.grade, minPurityPct: d.forMatching.minPurityPct });
    group.demandT = sumKg([group.demandT, d.forMatching.quantityT]);
    const buyer = group.buyers.get(d.enterpriseId) ?? { demands: 0, demandT: 0 };
    buyer.demands++;
    buyer.demandT = sumKg([buyer.demandT, d.forMatching.quantityT]);
    group.buyers.set(d.enterpriseId, buyer);
    groups.set(key, group);
  }
  return groups;
}

/** The chain map, without authorization (callers authorize). */
export async function chainMapData(db: Db, f: ChainMapFilters): Promise<ChainMap> {
  const park = await findPark(db, f.parkId);
  const [flows, gaps] = await Promise.all([flowRows(db, f), gapsOf(db, f.parkId, { chain: f.chain })]);
  const named = new Set<number>();
  for (const r of flows) named.add(r.seller).add(r.buyer);
  for (const g of gaps.values()) for (const id of g.buyers.keys()) named.add(id);
  const parties = await partyRows(db, f.parkId, f.chain, [...named]);
  const byId = new Map(parties.map((p) => [p.id, p]));
  const names = await substanceNames(db, [...new Set([...gaps.values()].map((g) => g.cas).filter((c): c is string => c !== null))]);

  const edges: ChainMapEdge[] = flows.map((r) => {
    const seller = byId.get(r.seller)!, buyer = byId.get(r.buyer)!;
    return {
      source: partyId(r.seller), target: partyId(r.buyer),
      sellerId: r.seller, sellerUscc: seller.uscc, seller: seller.name, buyerId: r.buyer, buyerUscc: buyer.uscc, buyer: buyer.name,
      cas: r.cas, substance: r.name_zh ?? r.product_name ?? r.cas ?? "", substanceEn: r.name_en,
      agreements: r.agreements, tonnes: kg(r.tonnes), deliveredTonnes: kg(r.delivered), amountCny: cents(r.amount),
      inPark: seller.park_id === f.parkId && buyer.park_id === f.parkId,
    };
  });
  edges.sort((a, b) => b.amountCny - a.amountCny || a.seller.localeCompare(b.seller, "zh") || a.buyer.localeCompare(b.buyer, "zh")
    || (a.cas ?? a.substance).localeCompare(b.cas ?? b.substance) || a.sellerId - b.sellerId || a.buyerId - b.buyerId);

  const purchases = new Map<number, number[]>(), sales = new Map<number, number[]>();
  for (const e of edges) {
    purchases.set(e.buyerId, [...(purchases.get(e.buyerId) ?? []), e.amountCny]);
    sales.set(e.sellerId, [...(sales.get(e.sellerId) ?? []), e.amountCny]);
  }
  const partyNodes: ChainMapParty[] = parties.map((p) => {
    const bought = sumFen(purchases.get(p.id) ?? []), sold = sumFen(sales.get(p.id) ?? []);
    return {
      id: partyId(p.id), kind: p.park_id === f.parkId ? "enterprise" : "external", enterpriseId: p.id, uscc: p.uscc, name: p.name, nameEn: p.name_en,
      chain: f.chain && p.chains.includes(f.chain) ? f.chain : p.chains[0] ?? null, chains: p.chains,
      park: p.park_id === null ? null : { id: p.park_id, code: p.park_code!, name: p.park_name!, nameEn: p.park_name_en },
      signedAmountCny: sumFen([bought, sold]), purchaseAmountCny: bought, salesAmountCny: sold,
    };
  });
  // the park's enterprises first, then the outsiders; each by signed amount, largest first
  partyNodes.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "enterprise" ? -1 : 1) || b.signedAmountCny - a.signedAmountCny || a.name.localeCompare(b.name, "zh") || a.enterpriseId - b.enterpriseId);

  const gapNodes: ChainMapGap[] = [];
  const gapLinks: ChainMapGapLink[] = [];
  for (const [id, g] of gaps) {
    const dictionary = g.cas ? names.get(g.cas) : undefined;
    const uncovered = g.demandT;
    gapNodes.push({
      id, kind: "gap", cas: g.cas, name: dictionary?.zh ?? g.name, nameEn: dictionary?.en ?? null,
      demands: g.members.length, buyers: g.buyers.size, demandT: uncovered, reason: gapReason(g.members, uncovered),
    });
    for (const [buyerId, b] of g.buyers) gapLinks.push({ gapId: id, buyerId, buyerUscc: byId.get(buyerId)!.uscc, demands: b.demands, demandT: b.demandT });
  }
  gapNodes.sort((a, b) => b.demandT - a.demandT || a.name.localeCompare(b.name, "zh"));
  gapLinks.sort((a, b) => a.gapId.localeCompare(b.gapId) || a.buyerId - b.buyerId);

  return {
    park,
    filters: { from: f.from ?? null, to: f.to ?? null, chain: f.chain ?? null },
    nodes: [...partyNodes, ...gapNodes],
    edges,
    gapLinks,
    totals: {
      enterprises: partyNodes.filter((n) => n.kind === "enterprise").length,
      externals: partyNodes.filter((n) => n.kind === "external").length,
      edges: edges.length,
      tonnes: sumKg(edges.map((e) => e.tonnes)),
      deliveredTonnes: sumKg(edges.map((e) => e.deliveredTonnes)),
      amountCny: sumFen(edges.map((e) => e.amountCny)),
      inParkAmountCny: sumFen(edges.filter((e) => e.inPark).map((e) => e.amountCny)),
      gaps: gapNodes.length,
    },
    chains: [...INDUSTRY_CHAINS],
  };
}

/** The chain map of a park, for its staff and platform admins (the CLI `insights` asks here with its system actor). */
export async function chainMap(db: Db, actor: Actor, filters: ChainMapFilters): Promise<ChainMap> {
  authorize(actor, { type: "chainMap.view", parkId: filters.parkId });
  return chainMapData(db, filters);
}

/**
 * One substance in one park: its in-park producers (active products), its consumers in the park
 * (buyers in the signed flows of the period, and enterprises with an open demand for it), the
 * sources outside the park it was bought from, the signed flows, and its gap when the park has one.
 */
export async function substanceView(db: Db, actor: Actor, input: SubstanceViewInput) {
  authorize(actor, { type: "chainMap.view", parkId: input.parkId });
  const park = await findPark(db, input.parkId);
  const today = todayInChina();
  const [flows, gaps, dictionary, productRows, demandRows] = await Promise.all([
    flowRows(db, { parkId: input.parkId, from: input.from, to: input.to, cas: input.cas }),
    gapsOf(db, input.parkId, { cas: input.cas }),
    db.execute<{ zh: string | null; en: string | null; hazardous: boolean; highly_toxic: boolean; explosive_precursor: boolean; precursor_category: number | null }>(sql`
      SELECT coalesce(curated_name_zh, name_zh) AS zh, coalesce(curated_name_en, name_en) AS en, hazardous, highly_toxic, explosive_precursor, precursor_category
      FROM substance WHERE cas = ${input.cas}`),
    db.execute<{ enterprise_id: number; product_id: number; product: string; grade: string | null; purity: string | null; capacity: string | null; available: string | null }>(sql`
      SELECT p.enterprise_id, p.id AS product_id, p.name AS product, p.grade::text AS grade, p.purity_pct::text AS purity,
             p.capacity_tpy::text AS capacity, p.available_t::text AS available
      FROM product p JOIN enterprise e ON e.id = p.enterprise_id
      WHERE e.park_id = ${input.parkId} AND p.cas = ${input.cas} AND p.retired_at IS NULL
      ORDER BY e.name, p.name, p.id`),
    db.execute<{ enterprise_id: number; demands: number; quantity_t: string }>(sql`
      SELECT demand.enterprise_id, count(*)::int AS demands,
             sum(CASE WHEN demand.unit = 'kg' THEN demand.quantity / 1000 ELSE demand.quantity END)::text AS quantity_t
      FROM demand JOIN enterprise e ON e.id = demand.enterprise_id
      WHERE e.park_id = ${input.parkId} AND demand.cas = ${input.cas} AND ${demandIsOpen(today)}
      GROUP BY demand.enterprise_id`),
  ]);
  const ids = new Set<number>([...productRows.map((r) => r.enterprise_id), ...demandRows.map((r) => r.enterprise_id)]);
  for (const r of flows) ids.add(r.seller).add(r.buyer);
  const parties = ids.size ? await partyRows(db, input.parkId, undefined, [...ids]) : [];
  const byId = new Map(parties.map((p) => [p.id, p]));
  const party = (id: number) => {
    const p = byId.get(id)!;
    return {
      enterpriseId: p.id, uscc: p.uscc, name: p.name, nameEn: p.name_en, chains: p.chains,
      park: p.park_id === null ? null : { id: p.park_id, code: p.park_code!, name: p.park_name!, nameEn: p.park_name_en },
    };
  };
  const inPark = (id: number) => byId.get(id)?.park_id === input.parkId;
  const d = dictionary[0];
  const name = d?.zh ?? flows[0]?.product_name ?? [...gaps.values()][0]?.name ?? input.cas;

  const producers = [...new Set(productRows.map((r) => r.enterprise_id))].map((id) => ({
    ...party(id),
    products: productRows.filter((r) => r.enterprise_id === id).map((r) => ({
      id: r.product_id, name: r.product, grade: r.grade, purityPct: r.purity === null ? null : Number(r.purity),
      capacityTpy: r.capacity === null ? null : Number(r.capacity), availableT: r.available === null ? null : Number(r.available),
    })),
  }));
  const byEnterprise = (rows: EdgeRow[], key: "seller" | "buyer") => {
    const out = new Map<number, { tonnes: number; deliveredTonnes: number; amountCny: number; agreements: number }>();
    for (const r of rows) {
      const cur = out.get(r[key]) ?? { tonnes: 0, deliveredTonnes: 0, amountCny: 0, agreements: 0 };
      out.set(r[key], {
        tonnes: sumKg([cur.tonnes, kg(r.tonnes)]), deliveredTonnes: sumKg([cur.deliveredTonnes, kg(r.delivered)]),
        amountCny: sumFen([cur.amountCny, cents(r.amount)]), agreements: cur.agreements + r.agreements,
      });
    }
    return out;
  };
  const bought = byEnterprise(flows.filter((r) => inPark(r.buyer)), "buyer");
  const demanded = new Map(demandRows.map((r) => [r.enterprise_id, { demands: r.demands, demandT: kg(r.quantity_t) }]));
  const consumers = [...new Set([...bought.keys(), ...demanded.keys()])].map((id) => ({
    ...party(id),
    bought: bought.get(id) ?? null,
    openDemand: demanded.get(id) ?? null,
  })).sort((a, b) => (b.bought?.amountCny ?? 0) - (a.bought?.amountCny ?? 0) || a.name.localeCompare(b.name, "zh"));
  const sourced = byEnterprise(flows.filter((r) => !inPark(r.seller) && inPark(r.buyer)), "seller");
  const externalSources = [...sourced.entries()].map(([id, figures]) => ({ ...party(id), ...figures }))
    .sort((a, b) => b.amountCny - a.amountCny || a.name.localeCompare(b.name, "zh"));
  const inParkSuppliers = byEnterprise(flows.filter((r) => inPark(r.seller)), "seller");
  const gap = [...gaps.values()][0];

  return {
    park,
    filters: { from: input.from ?? null, to: input.to ?? null },
    substance: {
      cas: input.cas, name, nameEn: d?.en ?? null, inDictionary: Boolean(d),
      hazardous: d?.hazardous ?? false, highlyToxic: d?.highly_toxic ?? false, explosivePrecursor: d?.explosive_precursor ?? false, precursorCategory: d?.precursor_category ?? null,
    },
    producers,
    /** in-park sellers in the signed flows (they may sell it without listing it) */
    inParkSellers: [...inParkSuppliers.entries()].map(([id, figures]) => ({ ...party(id), ...figures })).sort((a, b) => b.amountCny - a.amountCny),
    consumers,
    externalSources,
    flows: flows.map((r) => ({
      sellerId: r.seller, seller: byId.get(r.seller)!.name, sellerUscc: byId.get(r.seller)!.uscc, sellerInPark: inPark(r.seller),
      buyerId: r.buyer, buyer: byId.get(r.buyer)!.name, buyerUscc: byId.get(r.buyer)!.uscc, buyerInPark: inPark(r.buyer),
      agreements: r.agreements, tonnes: kg(r.tonnes), deliveredTonnes: kg(r.delivered), amountCny: cents(r.amount),
    })).sort((a, b) => b.amountCny - a.amountCny || a.seller.localeCompare(b.seller, "zh") || a.buyer.localeCompare(b.buyer, "zh")),
    gap: gap ? {
      demands: gap.members.length, demandT: gap.demandT, reason: gapReason(gap.members, gap.demandT),
      buyers: [...gap.buyers.entries()].map(([id, b]) => ({ ...party(id), ...b })),
    } : null,
  };
}

export type SubstanceView = Awaited<ReturnType<typeof substanceView>>;

const KIND_LABEL = { enterprise: { zh: "园内企业", en: "In the park" }, external: { zh: "园外企业", en: "Outside the park" } } as const;

/**
 * The chain map as an XLSX workbook: the flows (one row per edge, as the service gives them), the
 * enterprises (nodes) and the gaps. In English (asked for from the English UI): English headers,
 * chains and substances (the dictionary's English name) in English, parks and enterprises by their
 * English names where they have one; the figures the same.
 */
export async function chainMapWorkbook(map: ChainMap, locale: "zh" | "en"): Promise<Buffer> {
  const zh = locale === "zh";
  // in English: enterprises and parks by their English names where they have one, chains in English
  const party = (name: string, nameEn: string | null) => (zh ? name : nameEn ?? name);
  const enterpriseNames = new Map(map.nodes.filter((n): n is ChainMapParty => n.kind === "enterprise" || n.kind === "external").map((n) => [n.enterpriseId, party(n.name, n.nameEn)]));
  const book = new ExcelJS.Workbook();
  book.creator = "ParkLink";
  const flows = book.addWorksheet(zh ? "物料流向" : "Flows");
  flows.columns = [
    { header: zh ? "供应方" : "Seller", width: 30 }, { header: zh ? "供应方信用代码" : "Seller credit code", width: 22 },
    { header: zh ? "采购方" : "Buyer", width: 30 }, { header: zh ? "采购方信用代码" : "Buyer credit code", width: 22 },
    { header: zh ? "物质" : "Substance", width: 22 }, { header: "CAS", width: 14 },
    { header: zh ? "园内" : "In park", width: 8 }, { header: zh ? "协议数" : "Agreements", width: 10 },
    { header: zh ? "合同量（吨）" : "Contracted (t)", width: 14 }, { header: zh ? "已交付（吨）" : "Delivered (t)", width: 14 },
    { header: zh ? "金额（元）" : "Amount (CNY)", width: 16 },
  ];
  for (const e of map.edges) {
    const row = flows.addRow([enterpriseNames.get(e.sellerId) ?? e.seller, e.sellerUscc, enterpriseNames.get(e.buyerId) ?? e.buyer, e.buyerUscc, zh ? e.substance : e.substanceEn ?? e.substance, e.cas ?? "",
      e.inPark ? (zh ? "是" : "yes") : (zh ? "否" : "no"), e.agreements, e.tonnes, e.deliveredTonnes, e.amountCny]);
    row.getCell(11).numFmt = "#,##0.00";
  }
  flows.getRow(1).font = { bold: true };
  flows.views = [{ state: "frozen", ySplit: 1 }];

  const nodes = book.addWorksheet(zh ? "企业" : "Enterprises");
  nodes.columns = [
    { header: zh ? "企业" : "Enterprise", width: 30 }, { header: zh ? "统一社会信用代码" : "Credit code", width: 22 },
    { header: zh ? "位置" : "Where", width: 12 }, { header: zh ? "所在园区" : "Park", width: 22 }, { header: zh ? "产业链" : "Industry chains", width: 22 },
    { header: zh ? "采购额（元）" : "Purchases (CNY)", width: 16 }, { header: zh ? "销售额（元）" : "Sales (CNY)", width: 16 },
    { header: zh ? "签约额合计（元）" : "Signed total (CNY)", width: 16 },
  ];
  for (const n of map.nodes) {
    if (n.kind !== "enterprise" && n.kind !== "external") continue;
    const row = nodes.addRow([party(n.name, n.nameEn), n.uscc, KIND_LABEL[n.kind][locale], n.park ? party(n.park.name, n.park.nameEn) : (zh ? "无园区" : "No park"), chainNames(n.chains, locale),
      n.purchaseAmountCny, n.salesAmountCny, n.signedAmountCny]);
    for (const c of [6, 7, 8]) row.getCell(c).numFmt = "#,##0.00";
  }
  nodes.getRow(1).font = { bold: true };

  const gaps = book.addWorksheet(zh ? "补链缺口" : "Chain gaps");
  gaps.columns = [
    { header: zh ? "物质" : "Substance", width: 22 }, { header: "CAS", width: 14 }, { header: zh ? "原因" : "Reason", width: 48 },
    { header: zh ? "需求条数" : "Demands", width: 10 }, { header: zh ? "采购方" : "Buyers", width: 40 }, { header: zh ? "需求量（吨）" : "Demand (t)", width: 14 },
  ];
  for (const n of map.nodes) {
    if (n.kind !== "gap") continue;
    const buyers = map.gapLinks.filter((l) => l.gapId === n.id).map((l) => enterpriseNames.get(l.buyerId) ?? l.buyerUscc);
    gaps.addRow([zh ? n.name : n.nameEn ?? n.name, n.cas ?? "", n.reason[locale], n.demands, buyers.join(zh ? "、" : ", "), n.demandT]);
  }
  gaps.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
