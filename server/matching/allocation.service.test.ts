import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { substances } from "@/db/schema";
import enVocab from "@/i18n/messages/en/vocab.json";
import { createCaller } from "@/server/api/root";
import { allocationCommand } from "@/server/cli/commands/allocation";
import {
  makeDemand, makeEnterprise, makeFulfilledAgreement, makeOffer, makePark, makeProduct, makeUser, pickSubstance,
} from "@/server/testing/factories";
import { allocationWorkbook, computeAllocation, parkAllocation } from "./allocation.service";

async function readBook(buffer: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}
const column = (sheet: ExcelJS.Worksheet, n: number) => sheet.getColumn(n).values.slice(2).map((v) => v?.toString());

describe("park-wide allocation", () => {
  it("compares today's in-park fulfilment of open demand with the optimised one on one base, with the gain in tonnes and yuan", async () => {
    const [x, y] = [await pickSubstance("plain"), await pickSubstance("plain")];
    const park = await makePark();
    const staff = await makeUser({ parkId: park.id });
    const [resin, chips, paint, s1, s2] = await Promise.all([
      makeEnterprise({ parkId: park.id, chains: ["有机新材料"] }),
      makeEnterprise({ parkId: park.id, chains: ["电子化学品"] }),
      makeEnterprise({ parkId: park.id, chains: ["精细化工"] }),
      makeEnterprise({ parkId: park.id }),
      makeEnterprise({ parkId: park.id }),
    ]);
    // S1 makes electronic grade (an open offer: 100 t at 21,000 元/吨; the catalogue says 20,000) and has served the
    // resin maker before; S2 makes industrial grade (catalogue 6,000 元/吨, no offer)
    const p1 = await makeProduct(s1.id, { cas: x.cas, grade: "electronic", purityPct: "99.99", availableT: "300", priceCnyPerT: "20000" });
    await makeOffer(s1.id, p1.id, { quantity: "100", priceCnyPerUnit: "21000" });
    await makeProduct(s2.id, { cas: x.cas, grade: "industrial", purityPct: "99.5", availableT: "100", priceCnyPerT: "6000" });
    await makeFulfilledAgreement(resin.id, s1.id, x.cas, 400);
    // oldest first: the resin maker's industrial demand, then the chip maker's electronic one
    const d1 = await makeDemand(resin.id, { cas: x.cas, substanceName: x.nameZh, quantity: "100", grade: "industrial", createdAt: new Date(Date.now() - 60_000) });
    const d2 = await makeDemand(chips.id, { cas: x.cas, substanceName: x.nameZh, quantity: "100", grade: "electronic" });
    await makeDemand(paint.id, { cas: y.cas, substanceName: y.nameZh, quantity: "30", recurrence: "monthly" });

    const plan = await parkAllocation(getDb(), staff.actor, park.id);
    // one base: 230 t of open demand. Today the resin maker takes its best-ranked S1 (100 t at 21,000), leaving the
    // chip maker nothing in the park; optimised, the resin maker takes S2 (100 t at 6,000) and the chip maker S1.
    expect(plan.base).toEqual({ demands: 3, demandT: 230 });
    expect(plan.today).toMatchObject({ inParkT: 100, inParkValueCny: 2_100_000, unpricedT: 0 });
    expect(plan.today.rate).toBeCloseTo(100 / 230);
    expect(plan.optimised).toMatchObject({ inParkT: 200, demandT: 230, inParkValueCny: 2_700_000 });
    expect(plan.optimised.rate).toBeCloseTo(200 / 230);
    expect(plan.gain).toMatchObject({ t: 100, cny: 600_000 });
    expect(plan).not.toHaveProperty("graph");
    const byId = new Map(plan.demands.map((d) => [d.id, d]));
    expect(byId.get(d1.id)).toMatchObject({ todayInParkT: 100, inParkT: 100, hasInParkSupplier: true });
    expect(byId.get(d2.id)).toMatchObject({ todayInParkT: 0, inParkT: 100 });
    expect(byId.get(d2.id)!.suppliers).toEqual([{ name: s1.name, inPark: true, quantityT: 100 }]);
    expect(plan.gaps).toEqual([
      expect.objectContaining({ cas: y.cas, chain: "精细化工", demandT: 30, uncoveredT: 30, annualT: 360, buyers: [paint.name] }),
    ]);
    expect(plan.gaps[0]!.reason).toMatchObject({ code: "no_supplier", zh: "园内无供应商", en: "No supplier in the park" });

    const book = await readBook(await allocationWorkbook(plan, "zh"));
    expect(book.worksheets.map((w) => w.name)).toEqual(["概览", "分配方案", "补链清单"]);
    const summary = Object.fromEntries(book.getWorksheet("概览")!.getSheetValues().slice(1).map((r) => [(r as ExcelJS.CellValue[])[1], (r as ExcelJS.CellValue[])[2]]));
    expect(summary).toMatchObject({ "未结需求量（吨）": 230, "增加的园内满足量（吨）": 100, "增加的园内采购额（元）": 600_000 });

    // the CLI's JSON has the same figures, and the size of the candidate graph the page no longer shows
    let printed: unknown;
    await allocationCommand.run(getDb(), [], ["--park", park.code], { result: (data) => { printed = data; } });
    expect(printed).toMatchObject({ gain: { t: 100, cny: 600_000 }, graph: { demands: 3, edges: 3 } });
  });

  it("ranks a park's demands a slice at a time, with the same plan as ranking them all at once", async () => {
    const [x, y] = [await pickSubstance("plain"), await pickSubstance("plain")];
    const park = await makePark();
    const buyers = await Promise.all([0, 1, 2].map(() => makeEnterprise({ parkId: park.id })));
    const sellers = await Promise.all([0, 1, 2, 3].map((i) => makeEnterprise({ parkId: i < 3 ? park.id : null })));
    for (const [i, seller] of sellers.entries()) {
      await makeProduct(seller.id, { cas: x.cas, availableT: String(40 + 30 * i), purityPct: i === 1 ? "98" : "99.9" });
      if (i % 2 === 0) await makeProduct(seller.id, { cas: y.cas, availableT: String(25 * (i + 1)) });
    }
    await makeProduct(sellers[1]!.id, { cas: null, name: `${x.nameZh} 99%` });
    for (const [i, buyer] of buyers.entries()) {
      await makeDemand(buyer.id, { cas: x.cas, substanceName: x.nameZh, quantity: String(50 + 20 * i), minPurityPct: "99" });
      await makeDemand(buyer.id, { cas: y.cas, substanceName: y.nameZh, quantity: String(30 + 10 * i) });
    }

    const whole = await computeAllocation(getDb(), park.id);
    const sliced = await computeAllocation(getDb(), park.id, { rankedAtOnce: 2 });
    expect(whole.chosen).toHaveLength(6);
    expect(whole.edges.length).toBeGreaterThan(6);
    expect(sliced.edges).toEqual(whole.edges);
    expect([...sliced.supplies]).toEqual([...whole.supplies]);
    expect([...sliced.inParkFacts]).toEqual([...whole.inParkFacts]);
    expect([...sliced.hasInPark]).toEqual([...whole.hasInPark]);
    expect(sliced.optimised).toEqual(whole.optimised);
    expect(sliced.greedy).toEqual(whole.greedy);
  });

  it("gives each chain gap its reason: no supplier, suppliers below the purity or grade asked (saying which), or short by N 吨", async () => {
    const [none, pure, graded, short] = await Promise.all([pickSubstance("plain"), pickSubstance("plain"), pickSubstance("plain"), pickSubstance("plain")]);
    const park = await makePark();
    const staff = await makeUser({ parkId: park.id });
    const [buyer, a, b, c, outside] = await Promise.all([
      makeEnterprise({ parkId: park.id, chains: ["精细化工"] }),
      makeEnterprise({ parkId: park.id }),
      makeEnterprise({ parkId: park.id }),
      makeEnterprise({ parkId: park.id }),
      makeEnterprise({ parkId: (await makePark()).id }),
    ]);
    // two in-park producers at 98 % for a 99.5 % demand (and one outside the park at 99.9 %)
    await makeProduct(a.id, { cas: pure.cas, grade: "industrial", purityPct: "98", availableT: "500" });
    await makeProduct(b.id, { cas: pure.cas, grade: "industrial", purityPct: "98", availableT: "500" });
    await makeProduct(outside.id, { cas: pure.cas, grade: "industrial", purityPct: "99.9", availableT: "500" });
    // one in-park producer of industrial grade for an electronic-grade demand
    await makeProduct(c.id, { cas: graded.cas, grade: "industrial", purityPct: "99.9", availableT: "500" });
    // one in-park producer with 40 t for a 100 t demand
    await makeProduct(a.id, { cas: short.cas, grade: "industrial", purityPct: "99.5", availableT: "40" });
    await makeDemand(buyer.id, { cas: none.cas, substanceName: none.nameZh, quantity: "10" });
    await makeDemand(buyer.id, { cas: pure.cas, substanceName: pure.nameZh, quantity: "200", grade: "industrial", minPurityPct: "99.5" });
    await makeDemand(buyer.id, { cas: graded.cas, substanceName: graded.nameZh, quantity: "20", grade: "electronic" });
    await makeDemand(buyer.id, { cas: short.cas, substanceName: short.nameZh, quantity: "100", grade: "industrial" });

    const plan = await parkAllocation(getDb(), staff.actor, park.id);
    const gap = (cas: string) => plan.gaps.find((g) => g.cas === cas)!;
    expect(gap(none.cas).reason).toMatchObject({ code: "no_supplier", zh: "园内无供应商", en: "No supplier in the park" });
    expect(gap(pure.cas)).toMatchObject({ uncoveredT: 200 });
    expect(gap(pure.cas).reason).toEqual({
      code: "below_spec", suppliers: 2, purity: { offeredPct: [98], askedPct: 99.5, suppliers: 2 }, grade: null, shortT: null,
      zh: "2 家园内供应商纯度 98 % 低于所需 99.5 %",
      en: "2 in-park suppliers offer purity 98 %, below the 99.5 % asked",
    });
    expect(gap(graded.cas).reason).toMatchObject({
      code: "below_spec", grade: { offered: ["industrial"], asked: "electronic", suppliers: 1 },
      zh: "1 家园内供应商规格为工业级，不满足所需电子级",
      en: "1 in-park supplier offers industrial grade, not the electronic grade asked",
    });
    expect(gap(short.cas)).toMatchObject({ uncoveredT: 60 });
    expect(gap(short.cas).reason).toMatchObject({ code: "shortfall", shortT: 60, zh: "园内可供量缺 60 吨", en: "In-park supply short by 60 t" });
    expect(plan.gaps.map((g) => g.reason.code)).toEqual(["no_supplier", "below_spec", "below_spec", "shortfall"]);

    // the same reasons in the export, in the reader's language
    const zh = (await readBook(await allocationWorkbook(plan, "zh"))).getWorksheet("补链清单")!;
    expect(zh.getRow(1).getCell(4).value).toBe("原因");
    const zhReasons = new Map(column(zh, 2).map((cas, i) => [cas, column(zh, 4)[i]]));
    expect(zhReasons.get(none.cas)).toBe("园内无供应商");
    expect(zhReasons.get(pure.cas)).toBe("2 家园内供应商纯度 98 % 低于所需 99.5 %");
    expect(zhReasons.get(graded.cas)).toBe("1 家园内供应商规格为工业级，不满足所需电子级");
    expect(zhReasons.get(short.cas)).toBe("园内可供量缺 60 吨");
    const en = (await readBook(await allocationWorkbook(plan, "en"))).getWorksheet("Chain gaps")!;
    const enReasons = new Map(column(en, 2).map((cas, i) => [cas, column(en, 4)[i]]));
    expect(enReasons.get(pure.cas)).toBe("2 in-park suppliers offer purity 98 %, below the 99.5 % asked");
    expect(enReasons.get(short.cas)).toBe("In-park supply short by 60 t");
  });

  it("names substances by the dictionary's English name and chains in English in the English export; the Chinese one as recorded", async () => {
    let x = await pickSubstance("plain");
    while (!x.nameEn) x = await pickSubstance("plain");
    const park = await makePark();
    const staff = await makeUser({ parkId: park.id });
    const buyer = await makeEnterprise({ parkId: park.id, chains: ["精细化工"] });
    await makeDemand(buyer.id, { cas: x.cas, substanceName: x.nameZh, quantity: "10" });
    // what the dictionary calls it in English (park staff's correction first)
    const [row] = await getDb().select({ en: sql<string | null>`coalesce(${substances.curatedNameEn}, ${substances.nameEn})` }).from(substances).where(eq(substances.cas, x.cas));
    const english = row!.en!;

    const plan = await parkAllocation(getDb(), staff.actor, park.id);
    expect(plan.demands).toEqual([expect.objectContaining({ cas: x.cas, substance: x.nameZh, substanceEn: english })]);
    expect(plan.gaps).toEqual([expect.objectContaining({ cas: x.cas, substance: x.nameZh, substanceEn: english, chain: "精细化工" })]);

    const en = await readBook(await allocationWorkbook(plan, "en"));
    expect(en.worksheets.map((w) => w.name)).toEqual(["Summary", "Allocation", "Chain gaps"]);
    const gaps = en.getWorksheet("Chain gaps")!;
    expect([column(gaps, 1), column(gaps, 2), column(gaps, 3)]).toEqual([[english], [x.cas], [enVocab.vocab.chain["精细化工"]]]);
    expect(column(gaps, 3)[0]).not.toMatch(/[\u3400-\u9fff]/);
    expect(column(en.getWorksheet("Allocation")!, 2)).toEqual([english]);
    // the figures are the same in both languages
    expect(column(gaps, 8)).toEqual(["10"]);
    const zh = await readBook(await allocationWorkbook(plan, "zh"));
    expect([column(zh.getWorksheet("补链清单")!, 1), column(zh.getWorksheet("补链清单")!, 3), column(zh.getWorksheet("补链清单")!, 8)]).toEqual([[x.nameZh], ["精细化工"], ["10"]]);
  });

  it("is for the park's staff only", async () => {
    const park = await makePark();
    const member = await makeUser({ enterpriseId: (await makeEnterprise({ parkId: park.id })).id, role: "admin" });
    const otherStaff = await makeUser({ parkId: (await makePark()).id });
    for (const actor of [member.actor, otherStaff.actor]) {
      await expect(createCaller({ db: getDb(), actor }).allocation.plan({ parkId: park.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
