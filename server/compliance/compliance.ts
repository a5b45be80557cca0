import type { licenceTypeEnum } from "@/db/schema";

/**
 * The compliance rules for hazardous and controlled chemicals (DESIGN.md, "Compliance"), as pure
 * functions so that search, matching and deals apply the same rules.
 *
 * - hazardous: listed in the 2015 hazardous-chemicals catalogue;
 * - controlled: highly toxic (剧毒), explosive precursor (易制爆) or precursor chemical (易制毒,
 *   category 1, 2 or 3 of 《易制毒化学品管理条例》).
 *
 * Buyer's side, one requirement per list the substance is on (all must hold): 剧毒 needs the 剧毒化学品
 * 购买许可证, 易制爆 the 从业单位备案, 易制毒 category 1 the 第一类购买许可证 and categories 2 and 3 the
 * 购买备案证明. Supplier's side: a 危险化学品经营许可证 or 安全生产许可证 (a producer sells under its
 * safety production licence, a trader under its trading licence) for every controlled substance, or
 * for an explosive precursor its record as well.
 */

export type LicenceType = (typeof licenceTypeEnum.enumValues)[number];

export interface SubstanceFlags {
  hazardous: boolean;
  highlyToxic: boolean;
  explosivePrecursor: boolean;
  precursorCategory: number | null;
}

export type Tier = "none" | "hazardous" | "controlled";

export function tierOf(flags: SubstanceFlags | null | undefined): Tier {
  if (!flags) return "none";
  if (flags.highlyToxic || flags.explosivePrecursor || flags.precursorCategory !== null) return "controlled";
  return flags.hazardous ? "hazardous" : "none";
}

export interface LicenceFact {
  type: LicenceType;
  /** YYYY-MM-DD, or null when no expiry was recorded */
  validUntil: string | null;
  verified: boolean;
}

/** The licences a supplier needs on file to sell a controlled substance (any one of them). */
export function supplierLicenceTypes(flags: SubstanceFlags): LicenceType[] {
  const types: LicenceType[] = [];
  if (flags.highlyToxic || flags.precursorCategory !== null) types.push("hazardous_trade", "safety_production");
  if (flags.explosivePrecursor) types.push("explosive_precursor", "hazardous_trade", "safety_production");
  return [...new Set(types)];
}

/** One licence (or record) a buyer must hold, verified by park staff and valid, for one list a substance is on. */
export interface BuyerRequirement {
  list: "highly_toxic" | "explosive_precursor" | "precursor";
  /** the 易制毒 category, for the precursor list */
  category: number | null;
  type: LicenceType;
}

/** What a buyer needs on file to buy a controlled substance: one requirement per list, all of them. */
export function buyerRequirements(flags: SubstanceFlags): BuyerRequirement[] {
  const out: BuyerRequirement[] = [];
  if (flags.highlyToxic) out.push({ list: "highly_toxic", category: null, type: "highly_toxic" });
  if (flags.explosivePrecursor) out.push({ list: "explosive_precursor", category: null, type: "explosive_precursor" });
  if (flags.precursorCategory !== null) {
    out.push({
      list: "precursor", category: flags.precursorCategory,
      type: flags.precursorCategory === 1 ? "precursor_purchase_permit" : "precursor_purchase_record",
    });
  }
  return out;
}

/** The licence types a buyer needs on file, verified by park staff, to buy a controlled substance (all of them). */
export function buyerLicenceTypes(flags: SubstanceFlags): LicenceType[] {
  return buyerRequirements(flags).map((r) => r.type);
}

const CATEGORY_ZH = ["", "一", "二", "三"];

/** What is missing, as people read it: "缺少第三类易制毒化学品购买备案证明" / "Missing the buyer's … (category 3)". */
export function requirementText(r: BuyerRequirement): { zh: string; en: string } {
  switch (r.list) {
    case "highly_toxic":
      return { zh: "缺少剧毒化学品购买许可证", en: "Missing the buyer's highly toxic chemicals purchase permit" };
    case "explosive_precursor":
      return { zh: "缺少易制爆危险化学品从业单位备案", en: "Missing the buyer's explosive-precursor registration" };
    case "precursor":
      return r.category === 1
        ? { zh: "缺少第一类易制毒化学品购买许可证", en: "Missing the buyer's purchase permit for category 1 drug precursors" }
        : {
            zh: `缺少第${CATEGORY_ZH[r.category ?? 3]}类易制毒化学品购买备案证明`,
            en: `Missing the buyer's purchase record for category ${r.category} drug precursors`,
          };
  }
}

const isExpired = (l: LicenceFact, today: string) => l.validUntil !== null && l.validUntil < today;

/**
 * The supplier's side for one substance:
 * - `ok`: not controlled, or a matching licence on file and valid;
 * - `licence_missing`: controlled and no matching licence on file yet (shown, with a warning;
 *   park staff are prompted to collect it);
 * - `blocked`: every matching licence on file has expired (hidden from buyers; the owner is told why).
 */
export type SupplierState = "ok" | "licence_missing" | "blocked";

export function supplierState(flags: SubstanceFlags | null | undefined, licences: LicenceFact[], today: string): SupplierState {
  if (!flags || tierOf(flags) !== "controlled") return "ok";
  const needed = supplierLicenceTypes(flags);
  const matching = licences.filter((l) => needed.includes(l.type));
  if (matching.length === 0) return "licence_missing";
  return matching.some((l) => !isExpired(l, today)) ? "ok" : "blocked";
}

/**
 * The last day (YYYY-MM-DD) on which the supplier's state for this substance stays as it is today
 * because of a licence on file, or null when no date can change it: not controlled, no matching
 * licence on file (`licence_missing` until one is recorded), or a matching licence without expiry.
 * From the day after, `supplierState` turns `blocked`. Search stores this date with a listing, so
 * a licence that lapses hides the listing on time without the listing being written again.
 */
export function supplierLicenceValidUntil(flags: SubstanceFlags | null | undefined, licences: LicenceFact[]): string | null {
  if (!flags || tierOf(flags) !== "controlled") return null;
  const needed = supplierLicenceTypes(flags);
  const matching = licences.filter((l) => needed.includes(l.type));
  if (matching.length === 0 || matching.some((l) => l.validUntil === null)) return null;
  return matching.map((l) => l.validUntil!).sort().at(-1)!;
}

/** The buyer's side: `needs_licence` until a matching, valid licence verified by park staff is on file. */
export type BuyerState = "ok" | "needs_licence";

/** The buyer's requirements for this substance that no verified, valid licence on file meets. */
export function missingBuyerRequirements(flags: SubstanceFlags | null | undefined, licences: LicenceFact[], today: string): BuyerRequirement[] {
  if (!flags || tierOf(flags) !== "controlled") return [];
  return buyerRequirements(flags).filter((r) => !licences.some((l) => l.type === r.type && l.verified && !isExpired(l, today)));
}

export function buyerState(flags: SubstanceFlags | null | undefined, licences: LicenceFact[], today: string): BuyerState {
  return missingBuyerRequirements(flags, licences, today).length > 0 ? "needs_licence" : "ok";
}

/** The compliance state of a match between a buyer and a supplier for one substance. */
export type ComplianceState = "ok" | "needs_licence" | "blocked";

export function matchCompliance(
  flags: SubstanceFlags | null | undefined,
  supplier: LicenceFact[],
  buyer: LicenceFact[],
  today: string,
): { state: ComplianceState; supplier: SupplierState; buyer: BuyerState; buyerMissing: BuyerRequirement[] } {
  const s = supplierState(flags, supplier, today);
  const buyerMissing = missingBuyerRequirements(flags, buyer, today);
  const b: BuyerState = buyerMissing.length > 0 ? "needs_licence" : "ok";
  return { state: s === "blocked" ? "blocked" : b === "needs_licence" ? "needs_licence" : "ok", supplier: s, buyer: b, buyerMissing };
}

/** Today as YYYY-MM-DD in China Standard Time, the calendar licences are written in. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
