import { asc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { parks } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { notFound } from "@/server/errors";
import { INDUSTRY_CHAINS } from "@/server/enterprises/enterprise.schemas";
import { signedSql } from "@/server/agreements/signed";
import { continuousMonths } from "./months";
import type { ReportFilters } from "./report.schemas";

/**
 * The park dashboard's figures (DESIGN.md, park staff; the `report` command prints the same).
 *
 * - An agreement counts when it was signed, by the one rule of server/agreements/signed.ts (a
 *   signing date, and signed, active, completed or terminated after signing; never a draft), in
 *   the period when its signing date falls in it.
 * - With a park, the agreements with at least one party in that park; "in-park" means both parties
 *   in that park. Without a park, every agreement; "in-park" means both parties in the same park.
 * - An agreement belongs to every industry chain of either party; `byChain` therefore overlaps
 *   (its sum can exceed the total), and `chainTotals` gives the distinct figures beside it.
 * - `byMonth` runs without gaps from the period's first month (else the first signing's) to its
 *   last (else the last signing's), empty months as 0.
 * - `flows`: seller → buyer pairs by amount, largest first (ties by names), all of them.
 * - `enterprises`: distinct parties of those agreements (with a park: those of the park).
 * - Listings, matches and inquiries count those created in the period (China's calendar) by or
 *   between enterprises of the park (and chain).
 */
export interface ReportFigures {
  filters: { parkId: number | null; parkCode: string | null; from: string | null; to: string | null; chain: string | null };
  agreements: number;
  amountCny: number;
  inParkAmountCny: number;
  /** share of the amount between two enterprises of the same park, 0–1 */
  inParkShare: number;
  enterprises: number;
  enterprisesActive: number;
  listings: { products: number; demands: number; offers: number; byproducts: number; total: number };
  matches: number;
  inquiries: number;
  byType: Record<"framework" | "contract" | "order", { count: number; amountCny: number }>;
  byChain: { chain: string; count: number; amountCny: number }[];
  /**
   * `byChain` counts an agreement under every chain of its two parties: `attributedAmountCny` is the
   * sum of its bars (with repeats); `count`/`amountCny` the distinct agreements with at least one
   * chain; `unattributed` those whose parties have none.
   */
  chainTotals: { count: number; amountCny: number; attributedAmountCny: number; unattributed: { count: number; amountCny: number } };
  byMonth: { month: string; count: number; amountCny: number }[];
  fulfilment: { frameworks: number; agreedT: number; calledOffT: number; deliveredT: number; calledOffRate: number; deliveredRate: number };
  /** `sellerEn`/`buyerEn`: the enterprise's English name, null when it has none (the English UI shows it) */
  flows: { sellerId: number; seller: string; sellerEn: string | null; buyerId: number; buyer: string; buyerEn: string | null; amountCny: number; count: number }[];
  recent: { id: number; ref: string; title: string; type: string; status: string; signedOn: string | null; amountCny: number; buyer: string; buyerEn: string | null; seller: string; sellerEn: string | null }[];
}

const num = (v: unknown) => Number(v ?? 0);
const cents = (v: unknown) => Math.round(num(v) * 100) / 100;

/** Conditions on an enterprise aliased `alias` for the park and chain filters. */
function enterpriseScope(alias: string, f: { parkId?: number; chain?: string }): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.parkId) parts.push(sql`${sql.raw(alias)}.park_id = ${f.parkId}`);
  if (f.chain) parts.push(sql`${f.chain} = ANY(${sql.raw(alias)}.chains)`);
  return sql.join(parts, sql` AND `);
}

function createdInPeriod(column: string, f: { from?: string; to?: string }): SQL {
  const parts: SQL[] = [sql`true`];
  const day = sql.raw(`(${column} AT TIME ZONE 'Asia/Shanghai')::date`);
  if (f.from) parts.push(sql`${day} >= ${f.from}::date`);
  if (f.to) parts.push(sql`${day} <= ${f.to}::date`);
  return sql.join(parts, sql` AND `);
}

/** The figures for the given filters, without authorization (callers authorize). */
export async function reportFigures(db: Db, f: ReportFilters): Promise<ReportFigures> {
  let parkCode: string | null = null;
  if (f.parkId) {
    const [park] = await db.select({ code: parks.code }).from(parks).where(eq(parks.id, f.parkId));
    if (!park) throw notFound({ zh: "园区", en: "Park" });
    parkCode = park.code;
  }
  const conditions: SQL[] = [signedSql("a")];
  if (f.from) conditions.push(sql`a.signed_on >= ${f.from}::date`);
  if (f.to) conditions.push(sql`a.signed_on <= ${f.to}::date`);
  if (f.parkId) conditions.push(sql`(b.park_id = ${f.parkId} OR s.park_id = ${f.parkId})`);
  if (f.chain) conditions.push(sql`(${f.chain} = ANY(b.chains) OR ${f.chain} = ANY(s.chains))`);
  const scope = sql`scope AS (
    SELECT a.id, a.ref, a.title, a.type, a.status, a.signed_on, a.total_amount_cny AS amount,
           a.buyer_enterprise_id AS buyer, a.seller_enterprise_id AS seller, b.name AS buyer_name, s.name AS seller_name,
           b.name_en AS buyer_name_en, s.name_en AS seller_name_en,
           b.park_id AS buyer_park, s.park_id AS seller_park, b.chains AS buyer_chains, s.chains AS seller_chains
    FROM agreement a
    JOIN enterprise b ON b.id = a.buyer_enterprise_id
    JOIN enterprise s ON s.id = a.seller_enterprise_id
    WHERE ${sql.join(conditions, sql` AND `)})`;
  const inPark = f.parkId
    ? sql`buyer_park = ${f.parkId} AND seller_park = ${f.parkId}`
    : sql`buyer_park IS NOT NULL AND buyer_park = seller_park`;
  const parties = f.parkId
    ? sql`SELECT buyer AS id FROM scope WHERE buyer_park = ${f.parkId} UNION SELECT seller FROM scope WHERE seller_park = ${f.parkId}`
    : sql`SELECT buyer AS id FROM scope UNION SELECT seller FROM scope`;
  const inScope = enterpriseScope("e", f);

  const [totals] = await db.execute<Record<string, string | number>>(sql`WITH ${scope}
    SELECT count(*)::int AS agreements,
           coalesce(sum(amount), 0)::text AS amount,
           coalesce(sum(amount) FILTER (WHERE ${inPark}), 0)::text AS in_park,
           (SELECT count(*)::int FROM (${parties}) p) AS enterprises
    FROM scope`);
  const byTypeRows = await db.execute<{ type: string; n: number; amount: string }>(sql`WITH ${scope}
    SELECT type, count(*)::int AS n, coalesce(sum(amount), 0)::text AS amount FROM scope GROUP BY type`);
  const byChainRows = await db.execute<{ chain: string; n: number; amount: string }>(sql`WITH ${scope}
    SELECT c AS chain, count(*)::int AS n, coalesce(sum(amount), 0)::text AS amount
    FROM scope, LATERAL (SELECT DISTINCT x FROM unnest(buyer_chains || seller_chains) AS x) AS chains(c)
    GROUP BY c ORDER BY sum(amount) DESC, c`);
  const byMonthRows = await db.execute<{ month: string; n: number; amount: string }>(sql`WITH ${scope}
    SELECT to_char(signed_on, 'YYYY-MM') AS month, count(*)::int AS n, coalesce(sum(amount), 0)::text AS amount
    FROM scope WHERE signed_on IS NOT NULL GROUP BY 1 ORDER BY 1`);
  const [fulfil] = await db.execute<{ frameworks: number; agreed: string; called: string; delivered: string }>(sql`WITH ${scope}
    SELECT count(*)::int AS frameworks,
           coalesce(sum((SELECT sum(l.volume_t) FROM agreement_line l WHERE l.agreement_id = scope.id)), 0)::text AS agreed,
           coalesce(sum((SELECT sum(c.ordered_t) FROM call_off_order c WHERE c.agreement_id = scope.id)), 0)::text AS called,
           coalesce(sum((SELECT sum(c.delivered_t) FROM call_off_order c WHERE c.agreement_id = scope.id)), 0)::text AS delivered
    FROM scope WHERE type = 'framework'`);
  const flowRows = await db.execute<{ seller: number; seller_name: string; seller_name_en: string | null; buyer: number; buyer_name: string; buyer_name_en: string | null; amount: string; n: number }>(sql`WITH ${scope}
    SELECT seller, seller_name, seller_name_en, buyer, buyer_name, buyer_name_en, sum(amount)::text AS amount, count(*)::int AS n
    FROM scope GROUP BY seller, seller_name, seller_name_en, buyer, buyer_name, buyer_name_en ORDER BY sum(amount) DESC, seller_name, buyer_name, seller, buyer`);
  const [chainTotals] = await db.execute<{ n: number; amount: string; none: number; none_amount: string }>(sql`WITH ${scope}
    SELECT count(*) FILTER (WHERE cardinality(buyer_chains || seller_chains) > 0)::int AS n,
           coalesce(sum(amount) FILTER (WHERE cardinality(buyer_chains || seller_chains) > 0), 0)::text AS amount,
           count(*) FILTER (WHERE cardinality(buyer_chains || seller_chains) = 0)::int AS none,
           coalesce(sum(amount) FILTER (WHERE cardinality(buyer_chains || seller_chains) = 0), 0)::text AS none_amount
    FROM scope`);
  const recentRows = await db.execute<{ id: number; ref: string; title: string; type: string; status: string; signed_on: string | null; amount: string; buyer_name: string; buyer_name_en: string | null; seller_name: string; seller_name_en: string | null }>(sql`WITH ${scope}
    SELECT id, ref, title, type, status, signed_on::text AS signed_on, amount::text AS amount, buyer_name, buyer_name_en, seller_name, seller_name_en
    FROM scope ORDER BY signed_on DESC NULLS LAST, id DESC LIMIT 10`);
  const [activity] = await db.execute<Record<string, number>>(sql`
    SELECT
      (SELECT count(*)::int FROM product x JOIN enterprise e ON e.id = x.enterprise_id
        WHERE x.retired_at IS NULL AND ${inScope} AND ${createdInPeriod("x.created_at", f)}) AS products,
      (SELECT count(*)::int FROM demand x JOIN enterprise e ON e.id = x.enterprise_id
        WHERE x.status = 'open' AND ${inScope} AND ${createdInPeriod("x.created_at", f)}) AS demands,
      (SELECT count(*)::int FROM supply_offer x JOIN enterprise e ON e.id = x.enterprise_id
        WHERE x.status = 'open' AND ${inScope} AND ${createdInPeriod("x.created_at", f)}) AS offers,
      (SELECT count(*)::int FROM byproduct x JOIN enterprise e ON e.id = x.enterprise_id
        WHERE x.status = 'open' AND ${inScope} AND ${createdInPeriod("x.created_at", f)}) AS byproducts,
      (SELECT count(*)::int FROM match x JOIN demand d ON d.id = x.demand_id
        WHERE ${createdInPeriod("x.created_at", f)} AND EXISTS (SELECT 1 FROM enterprise e WHERE e.id IN (d.enterprise_id, x.supplier_enterprise_id) AND ${inScope})) AS matches,
      (SELECT count(*)::int FROM inquiry x
        WHERE ${createdInPeriod("x.created_at", f)} AND EXISTS (SELECT 1 FROM enterprise e WHERE e.id IN (x.buyer_enterprise_id, x.supplier_enterprise_id) AND ${inScope})) AS inquiries,
      (SELECT count(*)::int FROM enterprise e WHERE ${inScope} AND (
          EXISTS (SELECT 1 FROM product x WHERE x.enterprise_id = e.id AND x.retired_at IS NULL AND ${createdInPeriod("x.created_at", f)})
       OR EXISTS (SELECT 1 FROM demand x WHERE x.enterprise_id = e.id AND ${createdInPeriod("x.created_at", f)})
       OR EXISTS (SELECT 1 FROM supply_offer x WHERE x.enterprise_id = e.id AND ${createdInPeriod("x.created_at", f)})
       OR EXISTS (SELECT 1 FROM inquiry x WHERE e.id IN (x.buyer_enterprise_id, x.supplier_enterprise_id) AND ${createdInPeriod("x.created_at", f)})
       OR EXISTS (SELECT 1 FROM agreement x WHERE ${signedSql("x")} AND e.id IN (x.buyer_enterprise_id, x.seller_enterprise_id)
            ${f.from ? sql`AND x.signed_on >= ${f.from}::date` : sql``} ${f.to ? sql`AND x.signed_on <= ${f.to}::date` : sql``}))) AS active`);

  const amount = cents(totals!.amount);
  const byChain = byChainRows.map((r) => ({ chain: r.chain, count: r.n, amountCny: cents(r.amount) }));
  const inParkAmount = cents(totals!.in_park);
  const byType = { framework: { count: 0, amountCny: 0 }, contract: { count: 0, amountCny: 0 }, order: { count: 0, amountCny: 0 } };
  for (const r of byTypeRows) byType[r.type as keyof typeof byType] = { count: r.n, amountCny: cents(r.amount) };
  const agreedT = num(fulfil!.agreed), calledOffT = num(fulfil!.called), deliveredT = num(fulfil!.delivered);
  const listings = { products: activity!.products!, demands: activity!.demands!, offers: activity!.offers!, byproducts: activity!.byproducts! };
  return {
    filters: { parkId: f.parkId ?? null, parkCode, from: f.from ?? null, to: f.to ?? null, chain: f.chain ?? null },
    agreements: num(totals!.agreements),
    amountCny: amount,
    inParkAmountCny: inParkAmount,
    inParkShare: amount > 0 ? Math.round((inParkAmount / amount) * 10000) / 10000 : 0,
    enterprises: num(totals!.enterprises),
    enterprisesActive: activity!.active!,
    listings: { ...listings, total: listings.products + listings.demands + listings.offers + listings.byproducts },
    matches: activity!.matches!,
    inquiries: activity!.inquiries!,
    byType,
    byChain,
    chainTotals: {
      count: chainTotals!.n, amountCny: cents(chainTotals!.amount),
      attributedAmountCny: cents(byChain.reduce((sum, c) => sum + c.amountCny, 0)),
      unattributed: { count: chainTotals!.none, amountCny: cents(chainTotals!.none_amount) },
    },
    byMonth: continuousMonths(byMonthRows.map((r) => ({ month: r.month, count: r.n, amountCny: cents(r.amount) })), f),
    fulfilment: {
      frameworks: fulfil!.frameworks, agreedT, calledOffT, deliveredT,
      calledOffRate: agreedT > 0 ? Math.round((calledOffT / agreedT) * 10000) / 10000 : 0,
      deliveredRate: agreedT > 0 ? Math.round((deliveredT / agreedT) * 10000) / 10000 : 0,
    },
    flows: flowRows.map((r) => ({ sellerId: r.seller, seller: r.seller_name, sellerEn: r.seller_name_en, buyerId: r.buyer, buyer: r.buyer_name, buyerEn: r.buyer_name_en, amountCny: cents(r.amount), count: r.n })),
    recent: recentRows.map((r) => ({ id: r.id, ref: r.ref, title: r.title, type: r.type, status: r.status, signedOn: r.signed_on, amountCny: cents(r.amount), buyer: r.buyer_name, buyerEn: r.buyer_name_en, seller: r.seller_name, sellerEn: r.seller_name_en })),
  };
}

/** The figures for those who may see them (the CLI `report` asks here with its system actor). */
export async function reportFiguresFor(db: Db, actor: Actor, filters: ReportFilters) {
  authorize(actor, { type: "report.view", parkId: filters.parkId ?? null });
  return reportFigures(db, filters);
}

/** The dashboard for park staff (their park) and platform admins (any park, or all at once). */
export async function dashboard(db: Db, actor: Actor, filters: ReportFilters) {
  authorize(actor, { type: "report.view", parkId: filters.parkId ?? null });
  const [figures, parkRows] = await Promise.all([
    reportFigures(db, filters),
    db.select({ id: parks.id, code: parks.code, name: parks.name, nameEn: parks.nameEn }).from(parks).orderBy(asc(parks.code)),
  ]);
  return {
    figures,
    /** the parks this actor may choose between */
    parks: parkRows.filter((p) => can(actor, { type: "report.view", parkId: p.id })),
    chains: [...INDUSTRY_CHAINS],
    allowed: { allParks: can(actor, { type: "report.view", parkId: null }) },
  };
}
