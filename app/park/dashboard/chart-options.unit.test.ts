import { describe, expect, it } from "vitest";
import { translator } from "@/i18n";
import type { ReportFigures } from "@/server/reports/report.service";
import { dashboardChartOptions } from "./chart-options";

const HAN = /[\u3400-\u9fff]/;

const figures: ReportFigures = {
  filters: { parkId: 1, parkCode: "BJHG", from: null, to: null, chain: null },
  agreements: 3, amountCny: 2_050_000, inParkAmountCny: 2_050_000, inParkShare: 1, enterprises: 2, enterprisesActive: 2,
  listings: { products: 0, demands: 0, offers: 0, byproducts: 0, total: 0 }, matches: 0, inquiries: 0,
  byType: { framework: { count: 1, amountCny: 500_000 }, contract: { count: 1, amountCny: 1_200_000 }, order: { count: 1, amountCny: 350_000 } },
  byChain: [{ chain: "精细化工", count: 3, amountCny: 2_050_000 }, { chain: "电子化学品", count: 3, amountCny: 2_050_000 }],
  chainTotals: { count: 3, amountCny: 2_050_000, attributedAmountCny: 4_100_000, unattributed: { count: 0, amountCny: 0 } },
  byMonth: [{ month: "2019-03", count: 1, amountCny: 1_200_000 }, { month: "2019-04", count: 0, amountCny: 0 }, { month: "2019-05", count: 2, amountCny: 850_000 }],
  fulfilment: { frameworks: 1, agreedT: 50, calledOffT: 0, deliveredT: 0, calledOffRate: 0, deliveredRate: 0 },
  flows: [
    { sellerId: 7, seller: "滨江精细化工有限公司", sellerEn: "Binjiang Fine Chemicals Co., Ltd.", buyerId: 8, buyer: "中润树脂有限公司", buyerEn: null, amountCny: 2_000_000, count: 2 },
    { sellerId: 9, seller: "中润树脂有限公司", sellerEn: null, buyerId: 7, buyer: "滨江精细化工有限公司", buyerEn: "Binjiang Fine Chemicals Co., Ltd.", amountCny: 50_000, count: 1 },
  ],
  recent: [],
};

/** Every string an option holds (category names, legends, titles, the aria description), functions left out. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

describe("the dashboard's chart options", () => {
  it("name the chains in English on the axis and in the aria description of the English UI", () => {
    const { byChain } = dashboardChartOptions(figures, translator("en"), "en");
    expect((byChain.yAxis as { data: string[] }).data).toEqual(["Electronic chemicals", "Fine chemicals"]);
    const aria = byChain.aria as { enabled: boolean; label: { description: string } };
    expect(aria.enabled).toBe(true);
    expect(aria.label.description).toMatch(/^By industry chain: Fine chemicals 3 · CNY 2\.05 M; Electronic chemicals/);
    expect(strings(byChain).filter((s) => HAN.test(s))).toEqual([]);
  });

  it("hold no Chinese in English but the names of enterprises without an English one, and describe every chart", () => {
    const options = dashboardChartOptions(figures, translator("en"), "en");
    for (const key of ["byMonth", "byType", "byChain", "fulfilment"] as const) {
      expect(strings(options[key]).filter((s) => HAN.test(s)), key).toEqual([]);
      expect((options[key].aria as { label: { description: string } }).label.description.length, key).toBeGreaterThan(10);
    }
    expect((options.byType.yAxis as { data: string[] }[])[0]!.data).toEqual(["Framework agreement", "Supply contract", "Purchase order"]);
    // the Sankey: enterprises by their English names where they have one; its box is marked translate="no"
    expect(options.topFlows.map((x) => [x.sellerName, x.buyerName])).toEqual([
      ["Binjiang Fine Chemicals Co., Ltd.", "中润树脂有限公司"], ["中润树脂有限公司", "Binjiang Fine Chemicals Co., Ltd."],
    ]);
    expect((options.flows.aria as { label: { description: string } }).label.description).toContain("Binjiang Fine Chemicals Co., Ltd. → 中润树脂有限公司");
  });

  it("keeps the chains as they are in Chinese", () => {
    const { byChain } = dashboardChartOptions(figures, translator("zh"), "zh");
    expect((byChain.yAxis as { data: string[] }).data).toEqual(["电子化学品", "精细化工"]);
    expect((byChain.aria as { label: { description: string } }).label.description).toMatch(/^按产业链：精细化工/);
  });
});
