import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import type { CliOutput } from "@/server/cli/command";
import { insightsCommand } from "@/server/cli/commands/insights";
import { DEFAULT_HAUL_KM, DEFAULT_KG_CO2E_PER_TKM, green, greenFigures, type GreenFigure } from "./green";
import { insightsWorkbook } from "./insights-export";
import { KM_PER_DEGREE as K, insightsFixture } from "./insights.fixture";
import { linkageFigures } from "./linkage";

let f: Awaited<ReturnType<typeof insightsFixture>>;
beforeAll(async () => {
  f = await insightsFixture();
}, 120_000);

const r3 = (n: number) => Math.round(n * 1000) / 1000;
const FACTOR = DEFAULT_KG_CO2E_PER_TKM;
const HAUL = DEFAULT_HAUL_KM;

/*
 * By hand (insights.fixture.ts; every enterprise on 120° E, so a distance is K × the latitudes apart):
 * - S1 from B to A: 40 t (March) + 15 t (April, the 10 t corrected); the nearest external supplier of
 *   S1 is X (0.5° from A; Q1 is 1°), B is 0.1° from A: 0.4 K per tonne. The 5 t of July are after the period.
 * - S2 from B to A: 20 t (April); nobody outside lists S2: the default HAUL km less 0.1 K; B's by-product.
 * - S3 from C to A: 30 t (May); X's S3 is retired: HAUL less 0.05 K.
 * - S4 from C to X: 10 t (May), C's by-product, taken up outside the park.
 * - S1 from Q1 to A: 20 t, from another park: not in-park.
 */
const march = { inParkTonnes: 40, tonneKm: 40 * 0.4 * K, byproduct: 0 };
const april = { inParkTonnes: 35, tonneKm: 15 * 0.4 * K + 20 * (HAUL - 0.1 * K), byproduct: 20 };
const may = { inParkTonnes: 30, tonneKm: 30 * (HAUL - 0.05 * K), byproduct: 10 };
const figure = (x: { inParkTonnes: number; tonneKm: number; byproduct: number }): GreenFigure => ({
  inParkTonnes: x.inParkTonnes, tonneKmAvoided: r3(x.tonneKm), co2eTonnesAvoided: r3((x.tonneKm * FACTOR) / 1000), byproductTonnesReused: x.byproduct,
});
const zero = { inParkTonnes: 0, tonneKm: 0, byproduct: 0 };
const all = { inParkTonnes: 105, tonneKm: march.tonneKm + april.tonneKm + may.tonneKm, byproduct: 30 };

describe("green outcomes of sourcing in the park", () => {
  it("counts the delivered in-park tonnes, the tonne-km and CO₂e they avoid and the by-products taken up, by hand", async () => {
    const g = await green(getDb(), f.staff.actor, { parkId: f.P.id, ...f.period });
    expect(g.basis).toBe("delivered");
    expect(g.settings).toMatchObject({ kgCo2ePerTkm: FACTOR, defaultHaulKm: HAUL });
    expect(g).toMatchObject(figure(all));
    expect(g).toMatchObject({ tonnesAtDefaultDistance: 50, tonnesWithoutCoordinates: 0, byproductTonnesReusedInPark: 20 });
  });

  it("gives the contracted tonnes beside them: the signed lines' volumes, drafts and lines before the period left out", async () => {
    const g = await greenFigures(getDb(), { parkId: f.P.id, ...f.period });
    // S1 100 t (0.4 K), S2 50 t (HAUL − 0.1 K, by-product), S3 30 t (HAUL − 0.05 K); C's by-product S4 12 t to X
    const tonneKm = 100 * 0.4 * K + 50 * (HAUL - 0.1 * K) + 30 * (HAUL - 0.05 * K);
    expect(g.contracted).toEqual({
      ...figure({ inParkTonnes: 180, tonneKm, byproduct: 62 }), tonnesAtDefaultDistance: 80, tonnesWithoutCoordinates: 0,
    });
  });

  it("runs month by month through the period, and under every chain of buyer and seller", async () => {
    const g = await greenFigures(getDb(), { parkId: f.P.id, ...f.period });
    expect(g.byMonth).toEqual([
      { month: "2026-01", ...figure(zero) }, { month: "2026-02", ...figure(zero) },
      { month: "2026-03", ...figure(march) }, { month: "2026-04", ...figure(april) },
      { month: "2026-05", ...figure(may) }, { month: "2026-06", ...figure(zero) },
    ]);
    // A and C are 精细化工, B 基础化工 (X none): B's two lines count under both chains
    const basic = { inParkTonnes: 75, tonneKm: 55 * 0.4 * K + 20 * (HAUL - 0.1 * K), byproduct: 20 };
    expect(g.byChain).toEqual([{ chain: "精细化工", ...figure(all) }, { chain: "基础化工", ...figure(basic) }]);
  });

  it("keeps the tonnes of the chain asked for (buyer's or seller's)", async () => {
    const g = await greenFigures(getDb(), { parkId: f.P.id, ...f.period, chain: "基础化工" });
    expect(g).toMatchObject(figure({ inParkTonnes: 75, tonneKm: 55 * 0.4 * K + 20 * (HAUL - 0.1 * K), byproduct: 20 }));
  });

  it("takes the configured factor and default distance, and says so in how each figure is computed", async () => {
    const g = await greenFigures(getDb(), { parkId: f.P.id, ...f.period }, { kgCo2ePerTkm: 0.1, defaultHaulKm: 300 });
    const tonneKm = 55 * 0.4 * K + 20 * (300 - 0.1 * K) + 30 * (300 - 0.05 * K);
    expect(g.tonneKmAvoided).toBe(r3(tonneKm));
    expect(g.co2eTonnesAvoided).toBe(r3((tonneKm * 0.1) / 1000));
    expect(g.settings.factorSource.en).toContain("PARKLINK_FREIGHT_EMISSION_FACTOR");
    expect(g.how.co2eTonnesAvoided.zh).toContain("0.1 kg CO₂e");
    expect(g.how.tonneKmAvoided.en).toContain("300 km");
    const standard = await greenFigures(getDb(), { parkId: f.P.id, ...f.period });
    expect(standard.how.co2eTonnesAvoided.en).toContain("DEFRA/DECC 2012");
    expect(standard.how.tonneKmAvoided.zh).toContain("183 公里");
    for (const line of Object.values(standard.how)) {
      expect(line.zh).not.toMatch(/\{\w+\}|insights\./);
      expect(line.en).not.toMatch(/\{\w+\}|insights\./);
    }
  });

  it("prints the green figures with the CLI's --json", async () => {
    const printed: unknown[] = [];
    const out: CliOutput = { result: (data) => printed.push(data) };
    await insightsCommand.run(getDb(), [], ["insights", "--park", f.P.code, "--from", f.period.from, "--to", f.period.to, "--json"], out);
    const { green: g } = printed[0] as { green: Record<string, unknown> };
    expect(g).toMatchObject({
      ...figure(all), basis: "delivered", byproductTonnesReusedInPark: 20, tonnesAtDefaultDistance: 50,
      kgCo2ePerTkm: FACTOR, defaultHaulKm: HAUL, byMonth: expect.arrayContaining([{ month: "2026-04", ...figure(april) }]),
    });
    expect(g.how).toMatchObject({ tonneKmAvoided: { zh: expect.any(String), en: expect.any(String) } });
  });

  it("writes the green figures, each with how it is computed, into the XLSX", async () => {
    const input = { parkId: f.P.id, ...f.period };
    const [l, g] = await Promise.all([linkageFigures(getDb(), input), greenFigures(getDb(), input)]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await insightsWorkbook(l, g)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("绿色成效 Green")!;
    const byLabel = new Map<string, unknown[]>();
    sheet.eachRow((row) => byLabel.set(String(row.getCell(1).value), (row.values as unknown[]).slice(1)));
    const want = figure(all);
    expect(byLabel.get("园内采购交付量 Delivered in-park purchases")).toEqual(["园内采购交付量 Delivered in-park purchases", 105, "吨 t", g.how.inParkTonnes.zh, g.how.inParkTonnes.en]);
    expect(byLabel.get("减少的运输周转量 Tonne-km avoided")?.slice(1, 2)).toEqual([want.tonneKmAvoided]);
    expect(byLabel.get("减少的二氧化碳当量 CO₂e avoided")?.slice(1, 5)).toEqual([want.co2eTonnesAvoided, "吨 CO₂e t CO₂e", g.how.co2eTonnesAvoided.zh, g.how.co2eTonnesAvoided.en]);
    expect(byLabel.get("副产品再利用量 By-products reused")?.[1]).toBe(30);
    expect(byLabel.get("排放因子 Emission factor")?.slice(1, 2)).toEqual([FACTOR]);
    expect(byLabel.get("口径 Basis")?.[3]).toContain("交付");
    const months = book.getWorksheet("绿色-按月 Green by month")!;
    expect((months.getRow(5).values as unknown[]).slice(1)).toEqual(["2026-04", 35, figure(april).tonneKmAvoided, figure(april).co2eTonnesAvoided, 20]);
    const chains = book.getWorksheet("绿色-按产业链 Green by chain")!;
    expect((chains.getRow(3).values as unknown[]).slice(1, 3)).toEqual(["基础化工", 75]);
  });
});
