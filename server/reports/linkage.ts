import { eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { parks } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { signedSql } from "@/server/agreements/signed";
import { notFound } from "@/server/errors";
import { computeAllocation } from "@/server/matching/allocation.service";
import type { InsightsInput } from "./insights.schemas";

/**
 * 产业关联度 (industrial linkage) of each enterprise of a park, for the park's enterprise evaluation.
 *
 * - Amounts come from the lines of the agreements that count as signed (server/agreements/signed.ts,
 *   `signedSql`: never a draft), signed in the period, line by line (a multi-line agreement adds each
 *   of its lines; the agreement's stated total is not read).
 * - `inParkPurchaseShare`: the enterprise's purchase amount bought from enterprises of the same park,
 *   over all of its purchase amount; `null` (not 0) when it bought nothing in the period.
 *   `inParkSalesShare` the same for its sales. Shares are 0–1, four decimals.
 * - `inParkPartners`: distinct enterprises of the same park it bought from or sold to.
 * - Open demands: its demands open today (as the matching reads them); `openDemandInParkT` is how
 *   many tonnes of them the park's suppliers can meet in the park-wide allocation
 *   (server/matching/allocation.service.ts: feasible candidates only — not blocked, not below the
 *   grade or purity asked — with the supply shared between the park's demands). The period does
 *   not apply to open demands: they are what is open today.
 * - The chain filter keeps the enterprises of that industry chain (their counterparties may be of
 *   any chain).
 */
export interface LinkageRow {
  id: number;
  uscc: string;
  name: string;
  nameEn: string | null;
  chains: string[];
  purchaseCny: number;
  inParkPurchaseCny: number;
  inParkPurchaseShare: number | null;
  salesCny: number;
  inParkSalesCny: number;
  inParkSalesShare: number | null;
  inParkPartners: number;
  openDemands: number;
  openDemandT: number;
  openDemandInParkT: number;
}

export interface Linkage {
  park: { id: number; code: string; name: string; nameEn: string | null };
  filters: { from: string | null; to: string | null; chain: string | null };
  enterprises: LinkageRow[];
}

const cents = (v: unknown) => Math.round(Number(v ?? 0) * 100) / 100;
const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null);
const kg = (t: number) => Math.round(t * 1000);

/** The park or NOT_FOUND. */
export async function parkOf(db: Db, parkId: number) {
  const [park] = await db.select({ id: parks.id, code: parks.code, name: parks.name, nameEn: parks.nameEn }).from(parks).where(eq(parks.id, parkId));
  if (!park) throw notFound({ zh: "园区", en: "Park" });
  return park;
}

/** The linkage figures, without authorization (callers authorize). */
export async function linkageFigures(db: Db, input: InsightsInput, options: { today?: string } = {}): Promise<Linkage> {
  const park = await parkOf(db, input.parkId);
  const p = input.parkId;
  const period: SQL[] = [signedSql("a")];
  if (input.from) period.push(sql`a.signed_on >= ${input.from}::date`);
  if (input.to) period.push(sql`a.signed_on <= ${input.to}::date`);
  const chain = input.chain ? sql`${input.chain} = ANY(e.chains)` : sql`true`;
  const rows = await db.execute<{
    id: number; uscc: string; name: string; name_en: string | null; chains: string[];
    purchase: string; in_park_purchase: string; sales: string; in_park_sales: string; partners: number;
  }>(sql`
    WITH lines AS (
      SELECT a.buyer_enterprise_id AS buyer, a.seller_enterprise_id AS seller, b.park_id AS buyer_park, s.park_id AS seller_park, l.amount_cny AS amount
      FROM agreement_line l
      JOIN agreement a ON a.id = l.agreement_id
      JOIN enterprise b ON b.id = a.buyer_enterprise_id
      JOIN enterprise s ON s.id = a.seller_enterprise_id
      WHERE ${sql.join(period, sql` AND `)} AND (b.park_id = ${p} OR s.park_id = ${p})
    ),
    bought AS (
      SELECT buyer AS id, sum(amount) AS total, coalesce(sum(amount) FILTER (WHERE seller_park = ${p}), 0) AS in_park
      FROM lines GROUP BY buyer
    ),
    sold AS (
      SELECT seller AS id, sum(amount) AS total, coalesce(sum(amount) FILTER (WHERE buyer_park = ${p}), 0) AS in_park
      FROM lines GROUP BY seller
    ),
    partners AS (
      SELECT id, count(DISTINCT partner)::int AS n FROM (
        SELECT buyer AS id, seller AS partner FROM lines WHERE seller_park = ${p}
        UNION SELECT seller, buyer FROM lines WHERE buyer_park = ${p}
      ) x GROUP BY id
    )
    SELECT e.id, e.uscc, e.name, e.name_en, e.chains,
           coalesce(bought.total, 0)::text AS purchase, coalesce(bought.in_park, 0)::text AS in_park_purchase,
           coalesce(sold.total, 0)::text AS sales, coalesce(sold.in_park, 0)::text AS in_park_sales,
           coalesce(partners.n, 0) AS partners
    FROM enterprise e
    LEFT JOIN bought ON bought.id = e.id
    LEFT JOIN sold ON sold.id = e.id
    LEFT JOIN partners ON partners.id = e.id
    WHERE e.park_id = ${p} AND ${chain}
    ORDER BY e.name, e.id`);

  // open demands and what the park's suppliers can meet of them (the park-wide allocation)
  const demands = new Map<number, { n: number; kg: number; inParkKg: number }>();
  if (rows.length) {
    const { chosen, optimised } = await computeAllocation(db, p, options);
    const inParkByDemand = new Map<number, number>();
    for (const f of optimised.flows) if (f.inPark) inParkByDemand.set(f.demandId, (inParkByDemand.get(f.demandId) ?? 0) + kg(f.quantityT));
    for (const d of chosen) {
      const entry = demands.get(d.enterpriseId) ?? { n: 0, kg: 0, inParkKg: 0 };
      entry.n++;
      entry.kg += kg(d.forMatching.quantityT);
      entry.inParkKg += inParkByDemand.get(d.id) ?? 0;
      demands.set(d.enterpriseId, entry);
    }
  }

  const enterprises = rows.map((r): LinkageRow => {
    const purchaseCny = cents(r.purchase), inParkPurchaseCny = cents(r.in_park_purchase);
    const salesCny = cents(r.sales), inParkSalesCny = cents(r.in_park_sales);
    const d = demands.get(r.id) ?? { n: 0, kg: 0, inParkKg: 0 };
    return {
      id: r.id, uscc: r.uscc, name: r.name, nameEn: r.name_en, chains: r.chains,
      purchaseCny, inParkPurchaseCny, inParkPurchaseShare: share(inParkPurchaseCny, purchaseCny),
      salesCny, inParkSalesCny, inParkSalesShare: share(inParkSalesCny, salesCny),
      inParkPartners: Number(r.partners),
      openDemands: d.n, openDemandT: d.kg / 1000, openDemandInParkT: d.inParkKg / 1000,
    };
  });
  return {
    park,
    filters: { from: input.from ?? null, to: input.to ?? null, chain: input.chain ?? null },
    enterprises,
  };
}

/** The linkage table for the park's staff (and platform admins; the CLI with its system actor). */
export async function linkage(db: Db, actor: Actor, input: InsightsInput, options: { today?: string } = {}) {
  authorize(actor, { type: "report.view", parkId: input.parkId });
  return linkageFigures(db, input, options);
}
