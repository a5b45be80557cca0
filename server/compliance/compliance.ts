import type { licenceTypeEnum } from "@/db/schema";

/**
 * The compliance rules for hazardous and controlled chemicals (DESIGN.md, "Compliance"), as pure
 * functions so that search, matching and deals apply the same rules.
 *
 * - hazardous: listed in the 2015 hazardous-chemicals catalogue;
 * - controlled: highly toxic (剧毒) or explosive precursor (易制爆); precursor chemicals (易制毒)
 *   join this tier when their list is loaded.
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

/** The licence (or record) a buyer needs on file, verified by park staff, to buy a controlled substance. */
export function buyerLicenceTypes(flags: SubstanceFlags): LicenceType[] {
  const types: LicenceType[] = [];
  if (flags.highlyToxic) types.push("highly_toxic");
  if (flags.explosivePrecursor) types.push("explosive_precursor");
  if (flags.precursorCategory !== null) types.push("hazardous_trade");
  return types;
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

export function buyerState(flags: SubstanceFlags | null | undefined, licences: LicenceFact[], today: string): BuyerState {
  if (!flags || tierOf(flags) !== "controlled") return "ok";
  const needed = buyerLicenceTypes(flags);
  return licences.some((l) => needed.includes(l.type) && l.verified && !isExpired(l, today)) ? "ok" : "needs_licence";
}

/** The compliance state of a match between a buyer and a supplier for one substance. */
export type ComplianceState = "ok" | "needs_licence" | "blocked";

export function matchCompliance(
  flags: SubstanceFlags | null | undefined,
  supplier: LicenceFact[],
  buyer: LicenceFact[],
  today: string,
): { state: ComplianceState; supplier: SupplierState; buyer: BuyerState } {
  const s = supplierState(flags, supplier, today);
  const b = buyerState(flags, buyer, today);
  return { state: s === "blocked" ? "blocked" : b === "needs_licence" ? "needs_licence" : "ok", supplier: s, buyer: b };
}

/** Today as YYYY-MM-DD in China Standard Time, the calendar licences are written in. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
