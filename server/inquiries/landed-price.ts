/**
 * 含税到厂价: what a tonne costs the buyer with VAT included and delivered to its plant, so quotes
 * on different terms compare. Pure: no database, no clock.
 *
 *   unit price per tonne (a price per kg × 1,000)
 *   × (1 + VAT rate)                        when the price is 不含税 (VAT excluded)
 *   + distance (km) × freight rate (元/吨·公里)  when the quote is 出厂自提 (ex works)
 *
 * The freight estimate is counted as VAT included (road freight invoices are quoted that way). The
 * distance is the caller's: the straight-line distance between the seller's and the buyer's
 * enterprise coordinates (`distanceKm` of server/matching/score.ts); null when either is unknown,
 * then no freight is added and `complete` is false. The rate is the caller's too: the configured
 * `env.PARKLINK_FREIGHT_CNY_PER_TONNE_KM` (server/env.ts, default 0.6 元/吨·公里).
 *
 * Every step applied is listed in `assumptions` (zh/en), for the page to state beside the figure.
 */

export interface LandedQuote {
  /** price per `unit`, as stored ("6800.00") or as a number */
  priceCnyPerUnit: string | number;
  /** "t" or "kg" */
  unit: string;
  taxBasis: "incl_vat" | "excl_vat";
  /** VAT rate in percent (13 for most chemicals) */
  vatRatePct: string | number;
  deliveryMode: "ex_works" | "delivered";
}

export interface LandedOptions {
  /** seller → buyer distance in km, null when unknown */
  distanceKm: number | null;
  /** freight estimate in 元 per tonne-kilometre */
  freightCnyPerTonneKm: number;
}

export interface Assumption {
  code: "per_tonne" | "vat_added" | "freight_added" | "freight_unknown";
  zh: string;
  en: string;
}

export interface LandedPrice {
  /** 含税到厂价, 元 per tonne, rounded to the fen */
  cnyPerTonne: number;
  /** the VAT added, 元 per tonne (0 for 含税 quotes) */
  vatCnyPerTonne: number;
  /** the freight estimate added, 元 per tonne (0 for 送货到厂 quotes or an unknown distance) */
  freightCnyPerTonne: number;
  /** false when an 出厂 quote's distance was unknown and its freight could not be estimated */
  complete: boolean;
  assumptions: Assumption[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const yuan = (n: number) => n.toLocaleString("en", { maximumFractionDigits: 2 });

/** Tonnes per unit of a quote's price: a price per kg is 1,000 times dearer per tonne. */
const TONNE_FACTOR: Record<string, number> = { t: 1, kg: 1000 };

export function landedPricePerTonne(quote: LandedQuote, options: LandedOptions): LandedPrice {
  const factor = TONNE_FACTOR[quote.unit];
  if (factor === undefined) throw new RangeError(`landedPricePerTonne: unknown unit ${quote.unit}`);
  const assumptions: Assumption[] = [];
  const base = Number(quote.priceCnyPerUnit) * factor;
  if (factor !== 1) assumptions.push({ code: "per_tonne", zh: `按每吨折算（×${factor}）`, en: `Converted to a price per tonne (×${factor})` });
  const rate = Number(quote.vatRatePct);
  const vat = quote.taxBasis === "excl_vat" ? round2((base * rate) / 100) : 0;
  if (quote.taxBasis === "excl_vat") {
    assumptions.push({ code: "vat_added", zh: `不含税价加增值税 ${rate}%（+${yuan(vat)} 元/吨）`, en: `VAT of ${rate}% added to an ex-VAT price (+CNY ${yuan(vat)}/t)` });
  }
  let freight = 0;
  let complete = true;
  if (quote.deliveryMode === "ex_works") {
    if (options.distanceKm === null) {
      complete = false;
      assumptions.push({ code: "freight_unknown", zh: "出厂自提，双方位置未知，未计运费", en: "Ex works, but a party's location is unknown: no freight added" });
    } else {
      const km = Math.round(options.distanceKm * 10) / 10;
      freight = round2(km * options.freightCnyPerTonneKm);
      assumptions.push({
        code: "freight_added",
        zh: `出厂自提，运费估算 ${km} 公里 × ${options.freightCnyPerTonneKm} 元/吨·公里 = ${yuan(freight)} 元/吨`,
        en: `Ex works: freight estimated at ${km} km × CNY ${options.freightCnyPerTonneKm}/t·km = CNY ${yuan(freight)}/t`,
      });
    }
  }
  return { cnyPerTonne: round2(base + vat + freight), vatCnyPerTonne: vat, freightCnyPerTonne: freight, complete, assumptions };
}
