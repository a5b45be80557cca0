import { requirementText, type BuyerRequirement, type BuyerState, type ComplianceState, type SupplierState } from "@/server/compliance/compliance";

/**
 * The explainable score of one supply candidate for one demand (DESIGN.md, "Matching"). Pure:
 * everything it needs is passed in, so the ranking is table-tested and the web app, the CLI, the
 * background refresh and the park-wide optimiser rank alike.
 *
 * Ranking is in tiers, best first:
 *   1. fit — grade and purity fit the demand; a candidate that does not state them comes next;
 *      one below the demanded grade or purity comes last, whatever else it has going for it;
 *   2. same park — within a fit tier an in-park supplier comes before any other ("same park
 *      beats distance");
 *   3. the weighted rest: identity (exact CAS over alias over text), quantity coverage, distance,
 *      licence state, track record (fulfilled agreements) and freshness.
 * The value is in [0, 1), tiers never overlap; `score` is the value as 0–100 for people.
 */

export type Grade = "industrial" | "reagent" | "electronic" | "pharma" | "food";
export type Identity = "cas" | "alias" | "text";
export type Fit = "fits" | "unknown" | "below";
export type Recurrence = "once" | "monthly" | "quarterly" | "yearly";

export interface Reason {
  code: string;
  zh: string;
  en: string;
}

export interface DemandTerms {
  quantityT: number;
  recurrence: Recurrence;
  grade: Grade | null;
  minPurityPct: number | null;
  parkId: number | null;
  lat: number | null;
  lng: number | null;
}

export interface CandidateFacts {
  kind: "product" | "byproduct";
  identity: Identity;
  grade: Grade | null;
  purityPct: number | null;
  /** what can be delivered now: an open offer's quantity, else the product's available stock; a by-product's monthly volume */
  availableT: number | null;
  capacityTpy: number | null;
  parkId: number | null;
  lat: number | null;
  lng: number | null;
  /** agreements the supplier fulfilled: with anyone, and with this buyer */
  fulfilled: { total: number; withBuyer: number };
  /** days since the listing last changed */
  ageDays: number;
  /** an open supply offer's last day, when the candidate comes with one */
  offerValidUntil: string | null;
}

export interface ComplianceFacts {
  state: ComplianceState;
  supplier: SupplierState;
  buyer: BuyerState;
  /** what the buyer lacks on file (for the reason text: "缺少第三类易制毒化学品购买备案证明") */
  buyerMissing: BuyerRequirement[];
}

export interface Scored {
  value: number;
  /** 0–100, two decimals */
  score: number;
  fit: Fit;
  samePark: boolean;
  reasons: Reason[];
  parts: { identity: number; quantity: number; distance: number; licence: number; track: number; freshness: number };
}

export const WEIGHTS = { identity: 0.3, quantity: 0.2, distance: 0.15, licence: 0.1, track: 0.15, freshness: 0.1 } as const;

export const GRADE_NAMES: Record<Grade, { zh: string; en: string }> = {
  industrial: { zh: "工业级", en: "industrial" },
  reagent: { zh: "试剂级", en: "reagent" },
  electronic: { zh: "电子级", en: "electronic" },
  pharma: { zh: "医药级", en: "pharma" },
  food: { zh: "食品级", en: "food" },
};

/**
 * Which supplied grades fit a demanded grade. Industrial, reagent and electronic form a ladder
 * (a higher grade fits a lower demand); pharmaceutical and food grades are certifications, so a
 * pharma demand takes pharma grade only and a food demand takes food or pharma grade.
 */
export const GRADE_FITS: Record<Grade, Grade[]> = {
  industrial: ["industrial", "reagent", "electronic", "pharma", "food"],
  reagent: ["reagent", "electronic"],
  electronic: ["electronic"],
  pharma: ["pharma"],
  food: ["food", "pharma"],
};

const PERIODS_PER_YEAR: Record<Recurrence, number> = { once: 1, monthly: 12, quarterly: 4, yearly: 1 };

const pct = (ratio: number) => Math.round(ratio * 100);
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : String(Number(n.toFixed(3))));

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Grade and purity against the demand: fits, unknown (not stated) or below. */
export function fitLevel(demand: Pick<DemandTerms, "grade" | "minPurityPct">, candidate: Pick<CandidateFacts, "grade" | "purityPct">): Fit {
  let below = false;
  let unknown = false;
  if (demand.grade) {
    if (!candidate.grade) unknown = true;
    else if (!GRADE_FITS[demand.grade].includes(candidate.grade)) below = true;
  }
  if (demand.minPurityPct !== null) {
    if (candidate.purityPct === null) unknown = true;
    else if (candidate.purityPct < demand.minPurityPct) below = true;
  }
  return below ? "below" : unknown ? "unknown" : "fits";
}

/** Grade and purity against the demand, with the reasons that explain it. */
export function fitOf(demand: Pick<DemandTerms, "grade" | "minPurityPct">, candidate: Pick<CandidateFacts, "grade" | "purityPct">): { fit: Fit; reasons: Reason[] } {
  const reasons: Reason[] = [];
  if (demand.grade) {
    const want = GRADE_NAMES[demand.grade];
    if (!candidate.grade) {
      reasons.push({ code: "grade_unknown", zh: "规格等级未标明", en: "Grade not stated" });
    } else if (!GRADE_FITS[demand.grade].includes(candidate.grade)) {
      reasons.push({ code: "grade_below", zh: `规格不符（需${want.zh}，供${GRADE_NAMES[candidate.grade].zh}）`, en: `Grade does not fit (${want.en} wanted, ${GRADE_NAMES[candidate.grade].en} offered)` });
    } else if (candidate.grade !== demand.grade) {
      reasons.push({ code: "grade_higher", zh: `规格更高（${GRADE_NAMES[candidate.grade].zh}）`, en: `Higher grade (${GRADE_NAMES[candidate.grade].en})` });
    } else {
      reasons.push({ code: "grade_fits", zh: `规格一致（${want.zh}）`, en: `Grade fits (${want.en})` });
    }
  }
  if (demand.minPurityPct !== null) {
    if (candidate.purityPct === null) {
      reasons.push({ code: "purity_unknown", zh: "纯度未标明", en: "Purity not stated" });
    } else if (candidate.purityPct < demand.minPurityPct) {
      reasons.push({ code: "purity_below", zh: `纯度 ${fmt(candidate.purityPct)}% 低于 ${fmt(demand.minPurityPct)}%`, en: `Purity ${fmt(candidate.purityPct)}% below ${fmt(demand.minPurityPct)}%` });
    } else {
      reasons.push({ code: "purity_fits", zh: `纯度 ${fmt(candidate.purityPct)}% ≥ ${fmt(demand.minPurityPct)}%`, en: `Purity ${fmt(candidate.purityPct)}% ≥ ${fmt(demand.minPurityPct)}%` });
    }
  }
  return { fit: fitLevel(demand, candidate), reasons };
}

const IDENTITY: Record<Identity, { part: number; reason: Reason }> = {
  cas: { part: 1, reason: { code: "identity_cas", zh: "CAS一致", en: "CAS match" } },
  alias: { part: 0.6, reason: { code: "identity_alias", zh: "别名一致", en: "Alias match" } },
  text: { part: 0.3, reason: { code: "identity_text", zh: "名称相近", en: "Name match" } },
};

/** Quantity coverage: what can be delivered now against one delivery, capacity against a year's need. */
export function quantityOf(demand: Pick<DemandTerms, "quantityT" | "recurrence">, candidate: Pick<CandidateFacts, "kind" | "availableT" | "capacityTpy">): { part: number; reason: Reason } {
  const need = demand.quantityT;
  const yearly = need * PERIODS_PER_YEAR[demand.recurrence];
  const capacity = candidate.capacityTpy !== null && yearly > 0 ? candidate.capacityTpy / yearly : null;
  if (candidate.availableT !== null && need > 0) {
    const cover = candidate.availableT / need;
    const part = Math.min(1, cover) * 0.7 + (capacity === null ? 0.15 : Math.min(1, capacity) * 0.3);
    return {
      part,
      get reason(): Reason {
        return candidate.kind === "byproduct"
          ? { code: "monthly_cover", zh: `月产量覆盖 ${pct(cover)}%`, en: `Monthly volume covers ${pct(cover)}%` }
          : { code: "available_cover", zh: `可供量覆盖 ${pct(cover)}%`, en: `Available quantity covers ${pct(cover)}%` };
      },
    };
  }
  if (capacity !== null) {
    return {
      part: Math.min(1, capacity) * 0.6,
      get reason(): Reason {
        return { code: "capacity_cover", zh: `产能覆盖 ${pct(capacity)}%`, en: `Capacity covers ${pct(capacity)}%` };
      },
    };
  }
  return { part: 0.2, reason: { code: "quantity_unknown", zh: "可供量未知", en: "Available quantity unknown" } };
}

/** The reasons behind a candidate's score, in both languages, in the order people read them. */
export function explainScore(demand: DemandTerms, candidate: CandidateFacts, compliance: ComplianceFacts): Reason[] {
  const reasons: Reason[] = [];
  if (demand.parkId !== null && demand.parkId === candidate.parkId) reasons.push({ code: "same_park", zh: "同园区", en: "Same park" });
  reasons.push(IDENTITY[candidate.identity].reason);
  reasons.push(quantityOf(demand, candidate).reason);
  reasons.push(...fitOf(demand, candidate).reasons);
  if (demand.lat !== null && demand.lng !== null && candidate.lat !== null && candidate.lng !== null) {
    const km = distanceKm({ lat: demand.lat, lng: demand.lng }, { lat: candidate.lat, lng: candidate.lng });
    const shown = km < 10 ? Number(km.toFixed(1)) : Math.round(km);
    reasons.push({ code: "distance", zh: `距离 ${shown} km`, en: `${shown} km away` });
  }
  const { total, withBuyer } = candidate.fulfilled;
  if (withBuyer > 0) reasons.push({ code: "track_with_buyer", zh: `与贵方已履约 ${withBuyer} 笔`, en: `${withBuyer} fulfilled with you` });
  else if (total > 0) reasons.push({ code: "track_record", zh: `已履约 ${total} 笔协议`, en: `${total} fulfilled agreement${total === 1 ? "" : "s"}` });
  if (candidate.offerValidUntil) {
    reasons.push({ code: "offer", zh: `有效报价至 ${candidate.offerValidUntil}`, en: `Offer valid until ${candidate.offerValidUntil}` });
  } else if (candidate.ageDays > 180) {
    const days = Math.round(candidate.ageDays);
    reasons.push({ code: "stale", zh: `信息 ${days} 天未更新`, en: `Not updated for ${days} days` });
  }
  if (compliance.supplier === "licence_missing") {
    reasons.push({ code: "supplier_licence_missing", zh: "供应商资质未备案", en: "Supplier licence not on file" });
  } else if (compliance.supplier === "blocked") {
    reasons.push({ code: "supplier_licence_expired", zh: "供应商许可证已过期", en: "Supplier licence expired" });
  }
  if (compliance.buyer === "needs_licence") {
    const missing = compliance.buyerMissing.map(requirementText);
    reasons.push({
      code: "buyer_licence_needed",
      zh: missing.map((m) => m.zh).join("，") || "缺少买方相应许可证",
      en: missing.map((m) => m.en).join("; ") || "Missing the buyer's licence",
    });
  }
  return reasons;
}

/**
 * Scores one candidate for one demand: the value that ranks it, and the reasons in both languages.
 * The reasons are worded only when read (the park-wide optimiser scores a million pairs and reads
 * none of them).
 */
export function scoreCandidate(demand: DemandTerms, candidate: CandidateFacts, compliance: ComplianceFacts): Scored {
  const samePark = demand.parkId !== null && demand.parkId === candidate.parkId;
  const distance = demand.lat !== null && demand.lng !== null && candidate.lat !== null && candidate.lng !== null
    ? 1 / (1 + distanceKm({ lat: demand.lat, lng: demand.lng }, { lat: candidate.lat, lng: candidate.lng }) / 30)
    : 0.3;
  const { total, withBuyer } = candidate.fulfilled;
  const track = withBuyer > 0 ? 1 : total > 0 ? Math.min(1, total / 5) * 0.7 : 0;
  const freshness = candidate.ageDays <= 30 ? 1 : Math.max(0, 1 - (candidate.ageDays - 30) / 335);
  const licence = compliance.supplier === "ok" ? 1 : compliance.supplier === "licence_missing" ? 0.4 : 0;
  const parts = { identity: IDENTITY[candidate.identity].part, quantity: quantityOf(demand, candidate).part, distance, licence, track, freshness };
  const rest =
    WEIGHTS.identity * parts.identity + WEIGHTS.quantity * parts.quantity + WEIGHTS.distance * parts.distance +
    WEIGHTS.licence * parts.licence + WEIGHTS.track * parts.track + WEIGHTS.freshness * parts.freshness;
  const fit = fitLevel(demand, candidate);
  const tier = (fit === "fits" ? 2 : fit === "unknown" ? 1 : 0) * 2 + (samePark ? 1 : 0);
  const value = (tier + Math.min(1, Math.max(0, rest)) * 0.999) / 6;
  let reasons: Reason[] | null = null;
  return {
    value, score: Math.round(value * 10000) / 100, fit, samePark, parts,
    get reasons() {
      return (reasons ??= explainScore(demand, candidate, compliance));
    },
  };
}

/** The reasons as one line: "同园区 · CAS一致 · 可供量覆盖 120%". */
export function reasonLine(reasons: Reason[], locale: "zh" | "en"): string {
  return reasons.map((r) => r[locale]).join(" · ");
}

/**
 * The reasons that speak of the listing alone (what it is, its grade and purity, the licences the
 * compliance rules ask for). A viewer the policy keeps from seeing who trades a hazardous
 * substance reads only these: same park, quantities, distance, track record and offers would tell
 * it where the hidden counterpart is, how much it has and whom it has dealt with.
 */
const ABOUT_THE_LISTING = new Set([
  "identity_cas", "identity_alias", "identity_text", "grade_fits", "grade_higher", "grade_below", "grade_unknown",
  "purity_fits", "purity_below", "purity_unknown", "supplier_licence_missing", "supplier_licence_expired", "buyer_licence_needed",
]);

export function reasonsOfHiddenCounterpart(reasons: Reason[]): Reason[] {
  return reasons.filter((r) => ABOUT_THE_LISTING.has(r.code));
}
