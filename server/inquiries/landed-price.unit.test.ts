import { describe, expect, it } from "vitest";
import { landedPricePerTonne } from "./landed-price";

const rate = { distanceKm: 120, freightCnyPerTonneKm: 0.6 };

describe("含税到厂价 per tonne", () => {
  it("a 含税 送货到厂 price is already what the buyer pays", () => {
    const r = landedPricePerTonne({ priceCnyPerUnit: "6800.00", unit: "t", taxBasis: "incl_vat", vatRatePct: "13", deliveryMode: "delivered" }, rate);
    expect(r).toEqual({ cnyPerTonne: 6800, vatCnyPerTonne: 0, freightCnyPerTonne: 0, complete: true, assumptions: [] });
  });

  it("adds 13 % VAT to a 不含税 price: 6,000 × 1.13 = 6,780", () => {
    const r = landedPricePerTonne({ priceCnyPerUnit: 6000, unit: "t", taxBasis: "excl_vat", vatRatePct: 13, deliveryMode: "delivered" }, rate);
    expect(r.cnyPerTonne).toBe(6780);
    expect(r.vatCnyPerTonne).toBe(780);
    expect(r.assumptions.map((a) => a.code)).toEqual(["vat_added"]);
    expect(r.assumptions[0]!.zh).toBe("不含税价加增值税 13%（+780 元/吨）");
  });

  it("adds freight to an 出厂自提 price: 120 km × 0.6 = 72 元/吨", () => {
    const r = landedPricePerTonne({ priceCnyPerUnit: "6700.00", unit: "t", taxBasis: "incl_vat", vatRatePct: "13", deliveryMode: "ex_works" }, rate);
    expect(r.cnyPerTonne).toBe(6772);
    expect(r.freightCnyPerTonne).toBe(72);
    expect(r.assumptions[0]!.en).toBe("Ex works: freight estimated at 120 km × CNY 0.6/t·km = CNY 72/t");
  });

  it("both: 5,900 不含税 at 9 % ex works 50 km at 0.8 → 5,900 + 531 + 40 = 6,471", () => {
    const r = landedPricePerTonne(
      { priceCnyPerUnit: "5900.00", unit: "t", taxBasis: "excl_vat", vatRatePct: "9", deliveryMode: "ex_works" },
      { distanceKm: 50, freightCnyPerTonneKm: 0.8 },
    );
    expect(r).toMatchObject({ cnyPerTonne: 6471, vatCnyPerTonne: 531, freightCnyPerTonne: 40, complete: true });
    expect(r.assumptions.map((a) => a.code)).toEqual(["vat_added", "freight_added"]);
  });

  it("a price per kg counts per tonne: 7.5 元/kg 不含税 → 7,500 × 1.13 = 8,475", () => {
    const r = landedPricePerTonne({ priceCnyPerUnit: "7.50", unit: "kg", taxBasis: "excl_vat", vatRatePct: "13", deliveryMode: "delivered" }, rate);
    expect(r.cnyPerTonne).toBe(8475);
    expect(r.assumptions.map((a) => a.code)).toEqual(["per_tonne", "vat_added"]);
  });

  it("an unknown distance adds no freight and says so", () => {
    const r = landedPricePerTonne({ priceCnyPerUnit: "6700.00", unit: "t", taxBasis: "incl_vat", vatRatePct: "13", deliveryMode: "ex_works" }, { distanceKm: null, freightCnyPerTonneKm: 0.6 });
    expect(r).toMatchObject({ cnyPerTonne: 6700, freightCnyPerTonne: 0, complete: false });
    expect(r.assumptions.map((a) => a.code)).toEqual(["freight_unknown"]);
  });

  it("rounds the distance to 0.1 km and the freight to the fen: 33.33 km × 0.6 → 33.3 × 0.6 = 19.98", () => {
    const r = landedPricePerTonne({ priceCnyPerUnit: "1000.00", unit: "t", taxBasis: "incl_vat", vatRatePct: "13", deliveryMode: "ex_works" }, { distanceKm: 33.33, freightCnyPerTonneKm: 0.6 });
    expect(r.freightCnyPerTonne).toBe(19.98);
    expect(r.cnyPerTonne).toBe(1019.98);
  });
});
