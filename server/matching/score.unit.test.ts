import { describe, expect, it } from "vitest";
import { fitOf, quantityOf, reasonLine, scoreCandidate, type CandidateFacts, type ComplianceFacts, type DemandTerms, type Grade } from "./score";

const demand: DemandTerms = { quantityT: 100, recurrence: "once", grade: "industrial", minPurityPct: 99, parkId: 1, lat: 32.02, lng: 121.05 };
const base: CandidateFacts = {
  kind: "product", identity: "cas", grade: "industrial", purityPct: 99.5, availableT: 120, capacityTpy: 2000,
  parkId: 2, lat: 32.5, lng: 121.5, fulfilled: { total: 0, withBuyer: 0 }, ageDays: 10, offerValidUntil: null,
};
const ok: ComplianceFacts = { state: "ok", supplier: "ok", buyer: "ok", buyerMissing: [] };
const score = (c: Partial<CandidateFacts>, d: Partial<DemandTerms> = {}, comp: ComplianceFacts = ok) => scoreCandidate({ ...demand, ...d }, { ...base, ...c }, comp);
const codes = (c: Partial<CandidateFacts>, d: Partial<DemandTerms> = {}, comp: ComplianceFacts = ok) => score(c, d, comp).reasons.map((r) => r.code);

describe("grade and purity fit", () => {
  it.each<[string, Grade | null, number | null, Grade | null, number | null, string]>([
    ["same grade, purity above the minimum", "industrial", 99, "industrial", 99.5, "fits"],
    ["a higher grade on the ladder fits", "reagent", null, "electronic", null, "fits"],
    ["electronic fits an industrial demand", "industrial", null, "electronic", null, "fits"],
    ["a lower grade does not fit", "electronic", null, "reagent", null, "below"],
    ["industrial does not fit a pharma demand", "pharma", null, "industrial", null, "below"],
    ["pharma fits a food demand", "food", null, "pharma", null, "fits"],
    ["food does not fit a pharma demand", "pharma", null, "food", null, "below"],
    ["purity exactly at the minimum fits", null, 99.5, "industrial", 99.5, "fits"],
    ["purity under the minimum does not fit", null, 99.9, "electronic", 99.5, "below"],
    ["no grade stated is unknown", "reagent", null, null, 99.9, "unknown"],
    ["no purity stated is unknown", null, 99, "industrial", null, "unknown"],
    ["a demand without terms takes anything", null, null, null, null, "fits"],
    ["below wins over unknown", "electronic", 99.9, "industrial", null, "below"],
  ])("%s", (_, grade, minPurityPct, supplied, purityPct, fit) => {
    expect(fitOf({ grade, minPurityPct }, { grade: supplied, purityPct }).fit).toBe(fit);
  });
});

describe("ranking", () => {
  it("ranks exact CAS over alias over text, all else equal", () => {
    const [cas, alias, text] = (["cas", "alias", "text"] as const).map((identity) => score({ identity }).value);
    expect(cas).toBeGreaterThan(alias!);
    expect(alias).toBeGreaterThan(text!);
  });

  it.each<[string, Partial<CandidateFacts>, Partial<CandidateFacts>]>([
    ["a lower grade never ranks above a fitting one, even in-park with a perfect record",
      { grade: "industrial" as Grade, parkId: 1, lat: 32.02, lng: 121.05, fulfilled: { total: 9, withBuyer: 3 }, availableT: 1e6 },
      { grade: "electronic" as Grade, identity: "text", parkId: null, lat: null, lng: null, availableT: 1, ageDays: 900 }],
    ["purity under the minimum never ranks above a fitting one",
      { purityPct: 98, parkId: 1, fulfilled: { total: 9, withBuyer: 3 } },
      { purityPct: 99, identity: "text", parkId: null, availableT: 0 }],
  ])("%s", (_, worse, better) => {
    const d: Partial<DemandTerms> = { grade: "electronic", minPurityPct: 99 };
    const w = score({ ...worse, grade: worse.grade ?? "electronic" }, d);
    const b = score({ ...better, grade: better.grade ?? "electronic" }, d);
    expect(w.fit).toBe("below");
    expect(b.fit).toBe("fits");
    expect(b.value).toBeGreaterThan(w.value);
  });

  it("puts an in-park supplier before any supplier outside the park, when both fit", () => {
    const inPark = score({ parkId: 1, identity: "text", availableT: 5, ageDays: 400, lat: null, lng: null });
    const outside = score({ parkId: 2, identity: "cas", availableT: 1e5, fulfilled: { total: 9, withBuyer: 2 }, lat: 32.02, lng: 121.05 });
    expect(inPark.samePark).toBe(true);
    expect(inPark.value).toBeGreaterThan(outside.value);
  });

  it("a buyer outside every park has no same-park candidates", () => {
    expect(score({ parkId: null }, { parkId: null }).samePark).toBe(false);
  });

  it.each<[string, Partial<CandidateFacts>, Partial<CandidateFacts>]>([
    ["more of the quantity covered", { availableT: 100 }, { availableT: 20 }],
    ["closer", { lat: 32.03, lng: 121.06 }, { lat: 34.7, lng: 119.4 }],
    ["fulfilled agreements with this buyer", { fulfilled: { total: 1, withBuyer: 1 } }, { fulfilled: { total: 1, withBuyer: 0 } }],
    ["more fulfilled agreements", { fulfilled: { total: 4, withBuyer: 0 } }, { fulfilled: { total: 0, withBuyer: 0 } }],
    ["fresher", { ageDays: 5 }, { ageDays: 300 }],
  ])("all else equal, ranks higher when %s", (_, better, worse) => {
    expect(score(better).value).toBeGreaterThan(score(worse).value);
  });

  it("ranks a supplier with its licence on file above one without, and an expired one last", () => {
    const filed = score({}, {}, ok).value;
    const missing = score({}, {}, { ...ok, supplier: "licence_missing" }).value;
    const expired = score({}, {}, { ...ok, state: "blocked", supplier: "blocked" }).value;
    expect(filed).toBeGreaterThan(missing);
    expect(missing).toBeGreaterThan(expired);
  });

  it("keeps every value within [0, 1) and the score as 0–100", () => {
    const best = score({ parkId: 1, lat: 32.02, lng: 121.05, fulfilled: { total: 9, withBuyer: 9 }, availableT: 1e9, capacityTpy: 1e9 });
    const worst = score({ identity: "text", grade: null, purityPct: null, availableT: null, capacityTpy: null, lat: null, lng: null, ageDays: 9999 }, {}, { ...ok, supplier: "blocked", state: "blocked" });
    expect(best.value).toBeLessThan(1);
    expect(worst.value).toBeGreaterThanOrEqual(0);
    expect(best.score).toBeCloseTo(best.value * 100, 1);
  });
});

describe("reasons", () => {
  it("explains an in-park CAS match with its coverage, in both languages", () => {
    const s = score({ parkId: 1, availableT: 120 });
    expect(reasonLine(s.reasons, "zh")).toMatch(/^同园区 · CAS一致 · 可供量覆盖 120%/);
    expect(reasonLine(s.reasons, "en")).toMatch(/^Same park · CAS match · Available quantity covers 120%/);
  });

  it.each<[string, Partial<CandidateFacts>, Partial<DemandTerms>, ComplianceFacts, string]>([
    ["a higher grade", { grade: "electronic" }, {}, ok, "grade_higher"],
    ["a grade below", { grade: "industrial" }, { grade: "electronic" }, ok, "grade_below"],
    ["purity below", { purityPct: 98 }, {}, ok, "purity_below"],
    ["capacity only", { availableT: null, capacityTpy: 500 }, {}, ok, "capacity_cover"],
    ["a by-product's monthly volume", { kind: "byproduct", availableT: 50 }, {}, ok, "monthly_cover"],
    ["the track record with this buyer", { fulfilled: { total: 3, withBuyer: 2 } }, {}, ok, "track_with_buyer"],
    ["an open offer", { offerValidUntil: "2026-12-31" }, {}, ok, "offer"],
    ["a stale listing", { ageDays: 400 }, {}, ok, "stale"],
    ["a supplier licence not on file", {}, {}, { ...ok, supplier: "licence_missing" }, "supplier_licence_missing"],
    ["an expired supplier licence", {}, {}, { ...ok, state: "blocked", supplier: "blocked" }, "supplier_licence_expired"],
    ["a buyer without the licence", {}, {}, { state: "needs_licence", supplier: "ok", buyer: "needs_licence", buyerMissing: [{ list: "highly_toxic", category: null, type: "highly_toxic" }] }, "buyer_licence_needed"],
  ])("names %s", (_, c, d, comp, code) => {
    expect(codes(c, d, comp)).toContain(code);
  });

  it("says which licence the buyer needs", () => {
    const s = score({}, {}, { state: "needs_licence", supplier: "ok", buyer: "needs_licence", buyerMissing: [{ list: "highly_toxic", category: null, type: "highly_toxic" }] });
    expect(reasonLine(s.reasons, "zh")).toContain("剧毒化学品购买许可证");
  });

  it("says which category's 易制毒 record the buyer lacks", () => {
    const s = score({}, {}, { state: "needs_licence", supplier: "ok", buyer: "needs_licence", buyerMissing: [{ list: "precursor", category: 3, type: "precursor_purchase_record" }] });
    const reason = s.reasons.find((r) => r.code === "buyer_licence_needed")!;
    expect(reason.zh).toBe("缺少第三类易制毒化学品购买备案证明");
    expect(reason.en).toBe("Missing the buyer's purchase record for category 3 drug precursors");
  });

  it("measures coverage against a year of a recurring demand's capacity", () => {
    expect(quantityOf({ quantityT: 100, recurrence: "monthly" }, { kind: "product", availableT: null, capacityTpy: 600 }).reason.zh).toBe("产能覆盖 50%");
  });
});
