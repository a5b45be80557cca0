import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { translator } from "@/i18n";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { signedSql } from "@/server/agreements/signed";
import { env } from "@/server/env";
import { distanceKm } from "@/server/matching/score";
import { textArray } from "@/server/matching/sql-arrays";
import type { InsightsInput } from "./insights.schemas";
import { parkOf } from "./linkage";
import { continuousMonths } from "./months";

/**
 * The green outcomes of sourcing in the park (DESIGN.md, "Park insights").
 *
 * Which tonnes: DELIVERED tonnes — the effective shipments (流向台账 rows no correction replaces) of
 * agreements that count as signed (server/agreements/signed.ts), by delivery date. Emissions are
 * avoided only when goods move, and a framework agreement's volume is a ceiling that is often not
 * called off in full, so the headline figures never count a tonne that was not delivered. The
 * contracted tonnes (the volume of the agreement lines, by signing date) are given beside them
 * under `contracted`, as the upper bound the signed agreements commit to.
 *
 * - `inParkTonnes`: tonnes a park enterprise bought from another enterprise of the same park.
 * - `tonneKmAvoided`: for each such tonne, the distance from the buyer to the nearest listed
 *   external supplier of the same substance (an enterprise outside the park with an active,
 *   unretired product of that CAS, with coordinates) — or `defaultHaulKm` when none is listed or the
 *   line has no CAS — minus the distance from the in-park seller to the buyer; great-circle
 *   distances from the enterprises' coordinates (`distanceKm`, server/matching/score.ts), as the
 *   matching reads them. Net: a tonne whose in-park seller is farther than the nearest external
 *   supplier counts negative. Tonnes whose buyer or seller has no coordinates cannot be placed and
 *   are left out (`tonnesWithoutCoordinates`).
 * - `co2eTonnesAvoided`: tonne-km avoided × `kgCo2ePerTkm` ÷ 1000.
 * - `byproductTonnesReused`: tonnes a park enterprise that lists a by-product (副产品) sold to another
 *   enterprise (in the park or not) through the platform: the agreement came from an inquiry on a
 *   match of that by-product, or the tonne is of the by-product's CAS and its agreement line names
 *   no catalogue product.
 * - `byMonth` (delivery month, months without deliveries as 0) and `byChain`: a tonne counts under
 *   every industry chain of its buyer and seller (as on the dashboard), so chains overlap.
 * - The chain filter keeps the tonnes whose buyer or seller is of that chain.
 */
export interface GreenFigure {
  inParkTonnes: number;
  tonneKmAvoided: number;
  co2eTonnesAvoided: number;
  byproductTonnesReused: number;
}

export interface GreenFigures extends GreenFigure {
  park: { id: number; code: string; name: string; nameEn: string | null };
  filters: { from: string | null; to: string | null; chain: string | null };
  basis: "delivered";
  settings: GreenSettings;
  /** in-park tonnes that took the default distance (no external supplier of the substance listed) */
  tonnesAtDefaultDistance: number;
  /** in-park tonnes left out of the tonne-km: buyer or seller without coordinates */
  tonnesWithoutCoordinates: number;
  /** of the by-product tonnes, those taken up in the park */
  byproductTonnesReusedInPark: number;
  /** the same figures on contracted tonnes (agreement lines' volume, by signing date) */
  contracted: GreenFigure & { tonnesAtDefaultDistance: number; tonnesWithoutCoordinates: number };
  byMonth: (GreenFigure & { month: string })[];
  byChain: (GreenFigure & { chain: string })[];
  /** one line per figure: how it is computed */
  how: Record<GreenExplained, { zh: string; en: string }>;
}

export type GreenExplained = "basis" | "inParkTonnes" | "tonneKmAvoided" | "co2eTonnesAvoided" | "byproductTonnesReused" | "contracted" | "byMonth" | "byChain";
export const GREEN_EXPLAINED: GreenExplained[] = ["basis", "inParkTonnes", "tonneKmAvoided", "co2eTonnesAvoided", "byproductTonnesReused", "contracted", "byMonth", "byChain"];

export interface GreenSettings {
  kgCo2ePerTkm: number;
  defaultHaulKm: number;
  factorSource: { zh: string; en: string };
  haulSource: { zh: string; en: string };
}

export const DEFAULT_KG_CO2E_PER_TKM = 0.12366;
export const DEFAULT_HAUL_KM = 183;
const FACTOR_SOURCE = {
  zh: "英国 DEFRA/DECC《2012 年温室气体排放换算系数》附件 7 表 7e：柴油重型货车（全部车型，英国平均装载）直接排放 0.12366 kg CO₂e/吨公里",
  en: "DEFRA/DECC 2012 GHG Conversion Factors for Company Reporting, Annex 7 table 7e: diesel HGVs, all HGVs, UK average load, direct 0.12366 kg CO₂e per tonne-km",
};
const HAUL_SOURCE = {
  zh: "全国公路货运平均运距：交通运输部 2024 年统计公报，公路货物周转量 76,848 亿吨公里 ÷ 营业性货运量 418.8 亿吨 ≈ 183 公里",
  en: "China's average road-freight haul: Ministry of Transport statistics for 2024, 7,684.8 bn tonne-km ÷ 41.88 bn tonnes ≈ 183 km",
};
const CONFIGURED = (name: string) => ({ zh: `按配置 ${name}`, en: `as configured (${name})` });

/** The factor and default distance in force: the environment's (server/env.ts), with their sources. */
export function greenSettings(overrides: { kgCo2ePerTkm?: number; defaultHaulKm?: number } = {}): GreenSettings {
  const kgCo2ePerTkm = overrides.kgCo2ePerTkm ?? env.PARKLINK_FREIGHT_EMISSION_FACTOR;
  const defaultHaulKm = overrides.defaultHaulKm ?? env.PARKLINK_DEFAULT_HAUL_KM;
  return {
    kgCo2ePerTkm, defaultHaulKm,
    factorSource: kgCo2ePerTkm === DEFAULT_KG_CO2E_PER_TKM ? FACTOR_SOURCE : CONFIGURED("PARKLINK_FREIGHT_EMISSION_FACTOR"),
    haulSource: defaultHaulKm === DEFAULT_HAUL_KM ? HAUL_SOURCE : CONFIGURED("PARKLINK_DEFAULT_HAUL_KM"),
  };
}

/** One tonnage moved: a shipment (delivered) or an agreement line (contracted). */
interface Movement {
  tonnes: number;
  month: string;
  cas: string | null;
  chains: string[];
  inPark: boolean;
  byproduct: boolean;
  buyer: { lat: number | null; lng: number | null };
  seller: { lat: number | null; lng: number | null };
}

type Row = { t: string; month: string; cas: string | null; chains: string[]; in_park: boolean; byproduct: boolean; b_lat: string | null; b_lng: string | null; s_lat: string | null; s_lng: string | null };

const coord = (v: string | null) => (v === null ? null : Number(v));
const toMovement = (r: Row): Movement => ({
  tonnes: Number(r.t), month: r.month, cas: r.cas, chains: r.chains, inPark: r.in_park, byproduct: r.byproduct,
  buyer: { lat: coord(r.b_lat), lng: coord(r.b_lng) }, seller: { lat: coord(r.s_lat), lng: coord(r.s_lng) },
});

const r3 = (n: number) => Math.round(n * 1000) / 1000;

/** Whether the tonne's substance came from a by-product listing of its seller (see the header). */
const isByproduct = (substance: SQL, line: string) => sql`EXISTS (
  SELECT 1 FROM byproduct bp WHERE bp.enterprise_id = a.seller_enterprise_id AND (
    EXISTS (SELECT 1 FROM quote q JOIN inquiry i ON i.id = q.inquiry_id JOIN match m ON m.id = i.match_id
            WHERE q.id = a.quote_id AND m.byproduct_id = bp.id)
    OR (bp.cas IS NOT NULL AND ${substance} = bp.cas AND ${sql.raw(line)}.product_id IS NULL)))`;

async function movements(db: Db, input: InsightsInput) {
  const p = input.parkId;
  const chain = input.chain ? sql`(${input.chain} = ANY(b.chains) OR ${input.chain} = ANY(s.chains))` : sql`true`;
  const within = (column: string) => {
    const parts: SQL[] = [sql`true`];
    if (input.from) parts.push(sql`${sql.raw(column)} >= ${input.from}::date`);
    if (input.to) parts.push(sql`${sql.raw(column)} <= ${input.to}::date`);
    return sql.join(parts, sql` AND `);
  };
  const parties = sql`(b.park_id IS NOT DISTINCT FROM ${p}) AS in_park, b.chains || s.chains AS chains,
    b.lat::text AS b_lat, b.lng::text AS b_lng, s.lat::text AS s_lat, s.lng::text AS s_lng`;
  const delivered = await db.execute<Row>(sql`
    SELECT sh.quantity_t::text AS t, to_char(sh.delivered_on, 'YYYY-MM') AS month, coalesce(sh.cas, l.cas) AS cas, ${parties},
           ${isByproduct(sql`coalesce(sh.cas, l.cas)`, "l")} AS byproduct
    FROM shipment sh
    JOIN agreement a ON a.id = sh.agreement_id
    JOIN enterprise b ON b.id = a.buyer_enterprise_id
    JOIN enterprise s ON s.id = a.seller_enterprise_id
    LEFT JOIN agreement_line l ON l.id = sh.line_id
    WHERE ${signedSql("a")} AND NOT EXISTS (SELECT 1 FROM shipment c WHERE c.corrects_id = sh.id)
      AND s.park_id = ${p} AND ${within("sh.delivered_on")} AND ${chain}
    ORDER BY sh.id`);
  const contracted = await db.execute<Row>(sql`
    SELECT l.volume_t::text AS t, to_char(a.signed_on, 'YYYY-MM') AS month, l.cas, ${parties},
           ${isByproduct(sql`l.cas`, "l")} AS byproduct
    FROM agreement_line l
    JOIN agreement a ON a.id = l.agreement_id
    JOIN enterprise b ON b.id = a.buyer_enterprise_id
    JOIN enterprise s ON s.id = a.seller_enterprise_id
    WHERE ${signedSql("a")} AND l.volume_t IS NOT NULL AND s.park_id = ${p} AND ${within("a.signed_on")} AND ${chain}
    ORDER BY l.id`);
  return { delivered: delivered.map(toMovement), contracted: contracted.map(toMovement) };
}

/** Per CAS, the listed suppliers outside the park (an active product of that CAS, coordinates known). */
async function externalSuppliers(db: Db, parkId: number, cas: string[]) {
  const bySubstance = new Map<string, { lat: number; lng: number }[]>();
  if (!cas.length) return bySubstance;
  const rows = await db.execute<{ cas: string; lat: string; lng: string }>(sql`
    SELECT DISTINCT p.cas, e.id, e.lat::text AS lat, e.lng::text AS lng
    FROM product p JOIN enterprise e ON e.id = p.enterprise_id
    WHERE p.retired_at IS NULL AND p.cas = ANY(${textArray(cas)}) AND e.park_id IS DISTINCT FROM ${parkId}
      AND e.lat IS NOT NULL AND e.lng IS NOT NULL`);
  for (const r of rows) bySubstance.set(r.cas, [...(bySubstance.get(r.cas) ?? []), { lat: Number(r.lat), lng: Number(r.lng) }]);
  return bySubstance;
}

/** What one movement avoids: km per tonne (null: cannot be placed), and whether the default distance stood in. */
function avoidedKm(m: Movement, external: Map<string, { lat: number; lng: number }[]>, settings: GreenSettings) {
  if (m.buyer.lat === null || m.buyer.lng === null || m.seller.lat === null || m.seller.lng === null) return null;
  const buyer = { lat: m.buyer.lat, lng: m.buyer.lng };
  const inPark = distanceKm({ lat: m.seller.lat, lng: m.seller.lng }, buyer);
  const listed = m.cas ? external.get(m.cas) ?? [] : [];
  const nearest = listed.length ? Math.min(...listed.map((e) => distanceKm(e, buyer))) : null;
  return { km: (nearest ?? settings.defaultHaulKm) - inPark, atDefault: nearest === null };
}

function total(items: Movement[], external: Map<string, { lat: number; lng: number }[]>, settings: GreenSettings) {
  let inParkTonnes = 0, tonneKm = 0, atDefault = 0, unplaced = 0, byproduct = 0, byproductInPark = 0;
  for (const m of items) {
    if (m.byproduct) {
      byproduct += m.tonnes;
      if (m.inPark) byproductInPark += m.tonnes;
    }
    if (!m.inPark) continue;
    inParkTonnes += m.tonnes;
    const a = avoidedKm(m, external, settings);
    if (a === null) {
      unplaced += m.tonnes;
      continue;
    }
    tonneKm += m.tonnes * a.km;
    if (a.atDefault) atDefault += m.tonnes;
  }
  return {
    inParkTonnes: r3(inParkTonnes),
    tonneKmAvoided: r3(tonneKm),
    co2eTonnesAvoided: r3((tonneKm * settings.kgCo2ePerTkm) / 1000),
    byproductTonnesReused: r3(byproduct),
    byproductTonnesReusedInPark: r3(byproductInPark),
    tonnesAtDefaultDistance: r3(atDefault),
    tonnesWithoutCoordinates: r3(unplaced),
  };
}

const figure = (t: ReturnType<typeof total>): GreenFigure => ({
  inParkTonnes: t.inParkTonnes, tonneKmAvoided: t.tonneKmAvoided, co2eTonnesAvoided: t.co2eTonnesAvoided, byproductTonnesReused: t.byproductTonnesReused,
});

/** How each figure is computed, in both languages, with the factor and distance in force. */
export function greenExplanations(settings: GreenSettings): Record<GreenExplained, { zh: string; en: string }> {
  const zh = translator("zh"), en = translator("en");
  const vars = (locale: "zh" | "en") => ({
    factor: settings.kgCo2ePerTkm, km: settings.defaultHaulKm,
    factorSource: settings.factorSource[locale], haulSource: settings.haulSource[locale],
  });
  return Object.fromEntries(GREEN_EXPLAINED.map((k) => [k, { zh: zh(`insights.how.${k}`, vars("zh")), en: en(`insights.how.${k}`, vars("en")) }])) as Record<GreenExplained, { zh: string; en: string }>;
}

/** The green figures, without authorization (callers authorize). */
export async function greenFigures(db: Db, input: InsightsInput, overrides: { kgCo2ePerTkm?: number; defaultHaulKm?: number } = {}): Promise<GreenFigures> {
  const park = await parkOf(db, input.parkId);
  const settings = greenSettings(overrides);
  const { delivered, contracted } = await movements(db, input);
  const cas = [...new Set([...delivered, ...contracted].filter((m) => m.inPark && m.cas).map((m) => m.cas!))];
  const external = await externalSuppliers(db, input.parkId, cas);

  const headline = total(delivered, external, settings);
  const promised = total(contracted, external, settings);
  const months = continuousMonths(
    [...new Set(delivered.map((m) => m.month))].map((month) => ({ month, count: 0, amountCny: 0 })),
    { from: input.from, to: input.to },
  );
  const byMonth = months.map(({ month }) => ({ month, ...figure(total(delivered.filter((m) => m.month === month), external, settings)) }));
  const chains = [...new Set(delivered.flatMap((m) => m.chains))].sort();
  const byChain = chains
    .map((chain) => ({ chain, ...figure(total(delivered.filter((m) => m.chains.includes(chain)), external, settings)) }))
    .sort((a, b) => b.tonneKmAvoided - a.tonneKmAvoided || b.byproductTonnesReused - a.byproductTonnesReused || a.chain.localeCompare(b.chain, "zh"));
  return {
    park,
    filters: { from: input.from ?? null, to: input.to ?? null, chain: input.chain ?? null },
    basis: "delivered",
    settings,
    ...figure(headline),
    tonnesAtDefaultDistance: headline.tonnesAtDefaultDistance,
    tonnesWithoutCoordinates: headline.tonnesWithoutCoordinates,
    byproductTonnesReusedInPark: headline.byproductTonnesReusedInPark,
    contracted: { ...figure(promised), tonnesAtDefaultDistance: promised.tonnesAtDefaultDistance, tonnesWithoutCoordinates: promised.tonnesWithoutCoordinates },
    byMonth,
    byChain,
    how: greenExplanations(settings),
  };
}

/** The green outcomes for the park's staff (and platform admins; the CLI with its system actor). */
export async function green(db: Db, actor: Actor, input: InsightsInput) {
  authorize(actor, { type: "report.view", parkId: input.parkId });
  return greenFigures(db, input);
}
