import { describe, expect, it } from "vitest";
import {
  buyerLicenceTypes, buyerState, matchCompliance, requirementText, supplierState, tierOf,
  type LicenceFact, type SubstanceFlags,
} from "./compliance";

// 易制毒 (precursor chemicals): category 1 needs the buyer's 购买许可证, categories 2 and 3 its 购买备案证明
const plain: SubstanceFlags = { hazardous: false, highlyToxic: false, explosivePrecursor: false, precursorCategory: null };
const safrole: SubstanceFlags = { ...plain, precursorCategory: 1 }; // 黄樟素
const aceticAnhydride: SubstanceFlags = { ...plain, hazardous: true, precursorCategory: 2 }; // 醋酸酐
const toluene: SubstanceFlags = { ...plain, hazardous: true, precursorCategory: 3 }; // 甲苯
const permanganate: SubstanceFlags = { ...plain, hazardous: true, explosivePrecursor: true, precursorCategory: 3 }; // 高锰酸钾: 易制爆 and 易制毒
const today = "2026-11-23";
const lic = (type: LicenceFact["type"], validUntil: string | null = "2027-12-31", verified = true): LicenceFact => ({ type, validUntil, verified });

describe("precursor chemicals (易制毒)", () => {
  it.each([[safrole], [aceticAnhydride], [toluene]])("every category is controlled (%#)", (flags) => {
    expect(tierOf(flags)).toBe("controlled");
  });

  it.each<[string, SubstanceFlags, string]>([
    ["category 1 needs the purchase permit", safrole, "precursor_purchase_permit"],
    ["category 2 needs the purchase record", aceticAnhydride, "precursor_purchase_record"],
    ["category 3 needs the purchase record", toluene, "precursor_purchase_record"],
  ])("%s", (_, flags, type) => {
    expect(buyerLicenceTypes(flags)).toEqual([type]);
    expect(buyerState(flags, [], today)).toBe("needs_licence");
    expect(buyerState(flags, [lic(type as LicenceFact["type"])], today)).toBe("ok");
  });

  it.each<[string, SubstanceFlags, LicenceFact[]]>([
    ["a record does not stand in for the category 1 permit", safrole, [lic("precursor_purchase_record")]],
    ["a permit for category 1 does not stand in for the record of category 3", toluene, [lic("precursor_purchase_permit")]],
    ["a hazardous trading licence is no purchase record", toluene, [lic("hazardous_trade")]],
    ["a record not yet verified by park staff", toluene, [lic("precursor_purchase_record", "2027-12-31", false)]],
    ["an expired record", aceticAnhydride, [lic("precursor_purchase_record", "2026-11-22")]],
  ])("needs_licence: %s", (_, flags, licences) => {
    expect(buyerState(flags, licences, today)).toBe("needs_licence");
  });

  it("a substance on two lists needs the buyer's papers for both", () => {
    expect(buyerState(permanganate, [lic("explosive_precursor")], today)).toBe("needs_licence");
    expect(buyerState(permanganate, [lic("precursor_purchase_record")], today)).toBe("needs_licence");
    expect(buyerState(permanganate, [lic("explosive_precursor"), lic("precursor_purchase_record")], today)).toBe("ok");
    expect(matchCompliance(permanganate, [], [lic("explosive_precursor")], today).buyerMissing.map(requirementText)).toEqual([
      { zh: "缺少第三类易制毒化学品购买备案证明", en: "Missing the buyer's purchase record for category 3 drug precursors" },
    ]);
  });

  it("names what is missing, per category, in Chinese and English", () => {
    const missing = (flags: SubstanceFlags) => matchCompliance(flags, [lic("safety_production")], [], today).buyerMissing.map(requirementText);
    expect(missing(safrole)).toEqual([{ zh: "缺少第一类易制毒化学品购买许可证", en: "Missing the buyer's purchase permit for category 1 drug precursors" }]);
    expect(missing(aceticAnhydride)).toEqual([{ zh: "缺少第二类易制毒化学品购买备案证明", en: "Missing the buyer's purchase record for category 2 drug precursors" }]);
    expect(missing(toluene)).toEqual([{ zh: "缺少第三类易制毒化学品购买备案证明", en: "Missing the buyer's purchase record for category 3 drug precursors" }]);
  });

  it("the supplier sells under its trading or safety production licence, as for other controlled substances", () => {
    expect(supplierState(toluene, [], today)).toBe("licence_missing");
    expect(supplierState(toluene, [lic("safety_production")], today)).toBe("ok");
    expect(supplierState(safrole, [lic("hazardous_trade")], today)).toBe("ok");
    expect(supplierState(aceticAnhydride, [lic("hazardous_trade", "2026-01-01")], today)).toBe("blocked");
    expect(matchCompliance(toluene, [lic("hazardous_trade")], [lic("precursor_purchase_record")], today).state).toBe("ok");
    expect(matchCompliance(toluene, [lic("hazardous_trade")], [], today).state).toBe("needs_licence");
  });
});
