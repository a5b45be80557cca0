import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { callOffOrders, enterprises, inquiries, products } from "@/db/schema";
import {
  makeAgreement, makeDemand, makeEnterprise, makeMatch, makePark, makeProduct, makeUser,
} from "@/server/testing/factories";
import { handbook } from "./handbook.service";
import { dashboard, reportFigures } from "./report.service";
import { exportDashboard } from "./export";
import ExcelJS from "exceljs";

/**
 * A park of our own with agreements whose sums are computed by hand below.
 *
 *   #  buyer ← seller  type       status      signed      amount        in park P?
 *   1  A ← B           framework  active      2026-01-10  1,000,000.00  both
 *   2  B ← C           contract   active      2026-02-05    250,000.50  both
 *   3  A ← X           order      completed   2026-02-20     40,000.00  A only (X external)
 *   4  Q ← A           contract   terminated  2026-03-01    300,000.00  A only (Q in P2)
 *   5  A ← B           contract   draft       2026-03-02    999,999.00  (draft: never counts)
 *   6  X ← Q           order      signed      2026-03-03        777.00  (no party in P)
 *   7  A ← B           order      signed      2025-12-31      5,000.00  both (before the period)
 *   8  A ← B           contract   terminated  —               444,444.00  (a draft terminated unsigned: never counts)
 *   9  B ← C           order      draft       —                 8,888.00  (draft: never counts)
 *
 * In P, 2026: agreements 1–4 count: 4 agreements, 1,590,000.50 元.
 */
async function buildPark() {
  const [P, P2] = await Promise.all([makePark(), makePark()]);
  const [A, B, C, X, Q] = await Promise.all([
    makeEnterprise({ parkId: P.id, chains: ["有机新材料"] }),
    makeEnterprise({ parkId: P.id, chains: ["精细化工"] }),
    makeEnterprise({ parkId: P.id, chains: ["精细化工", "医药大健康"] }),
    makeEnterprise({ parkId: null, chains: ["基础化工"] }),
    makeEnterprise({ parkId: P2.id, chains: ["电子化学品"] }),
  ]);
  const a1 = await makeAgreement(A.id, B.id, { type: "framework", status: "active", signedOn: "2026-01-10", lines: [{ amountCny: "1000000.00", volumeT: "100.000" }] });
  await getDb().insert(callOffOrders).values([
    { agreementId: a1.id, lineId: a1.lines[0]!.id, orderedT: "30.000", deliveredT: "20.000", orderedOn: "2026-02-01", deliveredOn: "2026-02-08" },
    { agreementId: a1.id, lineId: a1.lines[0]!.id, orderedT: "10.000", orderedOn: "2026-03-01" },
  ]);
  await makeAgreement(B.id, C.id, { type: "contract", status: "active", signedOn: "2026-02-05", lines: [{ amountCny: "250000.50" }] });
  await makeAgreement(A.id, X.id, { type: "order", status: "completed", signedOn: "2026-02-20", lines: [{ amountCny: "40000.00" }] });
  await makeAgreement(Q.id, A.id, { type: "contract", status: "terminated", signedOn: "2026-03-01", lines: [{ amountCny: "100000.00" }, { amountCny: "200000.00" }] });
  await makeAgreement(A.id, B.id, { type: "contract", status: "draft", signedOn: "2026-03-02", lines: [{ amountCny: "999999.00" }] });
  await makeAgreement(X.id, Q.id, { type: "order", status: "signed", signedOn: "2026-03-03", lines: [{ amountCny: "777.00" }] });
  await makeAgreement(A.id, B.id, { type: "order", status: "signed", signedOn: "2025-12-31", lines: [{ amountCny: "5000.00" }] });
  await makeAgreement(A.id, B.id, { type: "contract", status: "terminated", signedOn: null, lines: [{ amountCny: "444444.00" }] });
  await makeAgreement(B.id, C.id, { type: "order", status: "draft", signedOn: null, lines: [{ amountCny: "8888.00" }] });
  return { P, P2, A, B, C, X, Q };
}

describe("dashboard figures", () => {
  it("agree with the sums computed by hand for a park and a period", async () => {
    const { P, A, B, C, X, Q } = await buildPark();
    const r = await reportFigures(getDb(), { parkId: P.id, from: "2026-01-01", to: "2026-12-31" });
    expect(r.agreements).toBe(4);
    expect(r.amountCny).toBe(1590000.5);
    expect(r.inParkAmountCny).toBe(1250000.5);
    expect(r.inParkShare).toBe(0.7862); // 1,250,000.50 / 1,590,000.50 = 0.78616…, to four places
    expect(r.enterprises).toBe(3); // A, B, C: the parties of the park
    expect(r.byType).toEqual({
      framework: { count: 1, amountCny: 1000000 },
      contract: { count: 2, amountCny: 550000.5 },
      order: { count: 1, amountCny: 40000 },
    });
    expect(r.byChain).toEqual([
      { chain: "有机新材料", count: 3, amountCny: 1340000 },
      { chain: "精细化工", count: 2, amountCny: 1250000.5 },
      { chain: "电子化学品", count: 1, amountCny: 300000 },
      { chain: "医药大健康", count: 1, amountCny: 250000.5 },
      { chain: "基础化工", count: 1, amountCny: 40000 },
    ]);
    // by chain, an agreement counts under every chain of both parties: 1,340,000 + 1,250,000.50 +
    // 300,000 + 250,000.50 + 40,000 = 3,180,001 元 of bars for 1,590,000.50 元 of distinct agreements
    expect(r.chainTotals).toEqual({ count: 4, amountCny: 1590000.5, attributedAmountCny: 3180001, unattributed: { count: 0, amountCny: 0 } });
    // every month of the period, empty ones as 0
    expect(r.byMonth).toEqual([
      { month: "2026-01", count: 1, amountCny: 1000000 },
      { month: "2026-02", count: 2, amountCny: 290000.5 },
      { month: "2026-03", count: 1, amountCny: 300000 },
      ...["04", "05", "06", "07", "08", "09", "10", "11", "12"].map((m) => ({ month: `2026-${m}`, count: 0, amountCny: 0 })),
    ]);
    expect(r.fulfilment).toEqual({ frameworks: 1, agreedT: 100, calledOffT: 40, deliveredT: 20, calledOffRate: 0.4, deliveredRate: 0.2 });
    expect(r.flows.map((f) => [f.sellerId, f.buyerId, f.amountCny])).toEqual([
      [B.id, A.id, 1000000], [A.id, Q.id, 300000], [C.id, B.id, 250000.5], [X.id, A.id, 40000],
    ]);
    expect(r.recent.map((a) => a.signedOn)).toEqual(["2026-03-01", "2026-02-20", "2026-02-05", "2026-01-10"]);

    const fine = await reportFigures(getDb(), { parkId: P.id, from: "2026-01-01", to: "2026-12-31", chain: "精细化工" });
    expect([fine.agreements, fine.amountCny, fine.inParkShare]).toEqual([2, 1250000.5, 1]);
    const all = await reportFigures(getDb(), { parkId: P.id });
    expect([all.agreements, all.amountCny, all.enterprises]).toEqual([5, 1595000.5, 3]);
    // without a period: from the first signing's month to the last one's, the gap filled
    expect(all.byMonth.map((m) => [m.month, m.count])).toEqual([["2025-12", 1], ["2026-01", 1], ["2026-02", 2], ["2026-03", 1]]);
  });

  it("counts listings, matches, inquiries and active enterprises of the park", async () => {
    const { P, A, B, C } = await buildPark();
    await makeProduct(A.id);
    await makeProduct(A.id);
    const retired = await makeProduct(B.id);
    const { eq } = await import("drizzle-orm");
    await getDb().update(products).set({ retiredAt: new Date() }).where(eq(products.id, retired.id));
    const demand = await makeDemand(B.id);
    await makeMatch(demand.id, A.id, (await makeProduct(C.id)).id);
    await getDb().insert(inquiries).values({ buyerEnterpriseId: B.id, supplierEnterpriseId: A.id, subject: "看板询价" });
    const r = await reportFigures(getDb(), { parkId: P.id });
    expect(r.listings).toEqual({ products: 3, demands: 1, offers: 0, byproducts: 0, total: 4 });
    expect(r.matches).toBe(1);
    expect(r.inquiries).toBe(1);
    expect(r.enterprisesActive).toBe(3);
  });

  it("without a park, in-park means both parties in the same park", async () => {
    const chain = `测试链${Date.now() % 100000}${Math.floor(Math.random() * 1000)}`.slice(0, 20);
    const [P, P2] = await Promise.all([makePark(), makePark()]);
    const [A, B, Q, Q2] = await Promise.all([
      makeEnterprise({ parkId: P.id, chains: [chain] }), makeEnterprise({ parkId: P.id, chains: [chain] }),
      makeEnterprise({ parkId: P2.id, chains: [chain] }), makeEnterprise({ parkId: P2.id, chains: [chain] }),
    ]);
    await makeAgreement(A.id, B.id, { lines: [{ amountCny: "100.00" }] });
    await makeAgreement(Q.id, Q2.id, { lines: [{ amountCny: "200.00" }] });
    await makeAgreement(A.id, Q.id, { lines: [{ amountCny: "300.00" }] });
    const r = await reportFigures(getDb(), { chain });
    expect([r.agreements, r.amountCny, r.inParkAmountCny, r.inParkShare, r.enterprises]).toEqual([3, 600, 300, 0.5, 4]);
  });

  it("is for the park's staff and admins; the export holds the same figures", async () => {
    const { P, P2 } = await buildPark();
    const staff = await makeUser({ parkId: P.id });
    const other = await makeUser({ parkId: P2.id });
    const admin = await makeUser({ admin: true });
    await expect(dashboard(getDb(), other.actor, { parkId: P.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(dashboard(getDb(), staff.actor, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    const view = await dashboard(getDb(), staff.actor, { parkId: P.id, from: "2026-01-01" });
    expect(view.figures.amountCny).toBe(1590000.5);
    expect(view.parks.map((p) => p.id)).toEqual([P.id]);
    expect((await dashboard(getDb(), admin.actor, {})).allowed.allParks).toBe(true);

    const file = await exportDashboard(getDb(), staff.actor, { parkId: P.id, from: "2026-01-01", to: "2026-12-31" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.content, "base64") as unknown as ArrayBuffer);
    const summary = wb.worksheets[0]!;
    const value = (label: string) => summary.getRows(1, summary.rowCount)!.find((row) => String(row.getCell(1).value).startsWith(label))?.getCell(2).value;
    expect(value("协议数")).toBe(4);
    expect(value("协议金额（元）")).toBe(1590000.5);
    expect(wb.getWorksheet("按产业链 By chain")!.getRow(2).values).toEqual([undefined, "有机新材料", 3, 1340000]);
    const chainSheet = wb.getWorksheet("按产业链 By chain")!;
    const chainRow = (label: string) => chainSheet.getRows(1, chainSheet.rowCount)!.find((row) => String(row.getCell(1).value).startsWith(label))!;
    expect([chainRow("去重合计").getCell(2).value, chainRow("去重合计").getCell(3).value]).toEqual([4, 1590000.5]);
    expect(chainRow("各链相加").getCell(3).value).toBe(3180001);
  });

  it("exports in English from the English UI: English headers, chains and types, English enterprise names, the same figures", async () => {
    const { P, B } = await buildPark();
    const { eq } = await import("drizzle-orm");
    await getDb().update(enterprises).set({ nameEn: "Binjiang Fine Chemicals Co., Ltd." }).where(eq(enterprises.id, B.id));
    const staff = await makeUser({ parkId: P.id });
    const filters = { parkId: P.id, from: "2026-01-01", to: "2026-12-31", chain: "精细化工" };
    const r = await reportFigures(getDb(), filters);
    expect(r.flows.find((f) => f.sellerId === B.id)).toMatchObject({ seller: B.name, sellerEn: "Binjiang Fine Chemicals Co., Ltd." });
    expect(r.recent.find((a) => a.buyer === B.name)?.buyerEn).toBe("Binjiang Fine Chemicals Co., Ltd.");

    const load = async (locale: "zh" | "en") => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from((await exportDashboard(getDb(), staff.actor, filters, locale)).content, "base64") as unknown as ArrayBuffer);
      return wb;
    };
    const [zh, en] = [await load("zh"), await load("en")];
    expect(en.worksheets.map((w) => w.name)).toEqual(["Summary", "By type", "By chain", "By month", "Flows"]);
    const chains = en.getWorksheet("By chain")!;
    expect(chains.getRow(1).values).toEqual([undefined, "Chain", "Count", "Amount (CNY)"]);
    const rowOf = (sheet: ExcelJS.Worksheet, first: string) => sheet.getRows(1, sheet.rowCount)!.find((row) => row.getCell(1).value === first);
    // the 精细化工 row, in English, with the Chinese export's figures (agreements 1 and 2: 1,250,000.50 元)
    expect(rowOf(chains, "Fine chemicals")!.values).toEqual([undefined, "Fine chemicals", 2, 1250000.5]);
    expect(rowOf(zh.getWorksheet("按产业链 By chain")!, "精细化工")!.values).toEqual([undefined, "精细化工", 2, 1250000.5]);
    expect(rowOf(en.getWorksheet("Summary")!, "Chain")!.getCell(2).value).toBe("Fine chemicals");
    expect(rowOf(en.getWorksheet("Summary")!, "Amount (CNY)")!.getCell(2).value).toBe(1250000.5);
    expect(rowOf(en.getWorksheet("By type")!, "Framework agreement")!.getCell(3).value).toBe(1000000);
    expect(rowOf(en.getWorksheet("Flows")!, "Binjiang Fine Chemicals Co., Ltd.")!.getCell(4).value).toBe(1000000);
    // no Chinese left but the names of enterprises that have no English one
    const names = new Set([r.flows.flatMap((f) => [f.seller, f.buyer])].flat());
    for (const sheet of en.worksheets) {
      sheet.eachRow((row) => row.eachCell((cell) => {
        const text = String(cell.value);
        if (/[\u3400-\u9fff]/.test(text)) expect(names, `${sheet.name}: ${text}`).toContain(text);
      }));
    }
  });
});

describe("product handbook", () => {
  it("lists the park's catalogue by chain and enterprise, hiding hazardous products from unverified members", async () => {
    const P = await makePark();
    const [E1, E2, unverified] = await Promise.all([
      makeEnterprise({ parkId: P.id, chains: ["精细化工"], verifiedAt: new Date() }),
      makeEnterprise({ parkId: P.id, chains: ["电子化学品", "精细化工"], verifiedAt: new Date() }),
      makeEnterprise({ parkId: P.id }),
    ]);
    await makeProduct(E1.id, { name: "甘油", cas: "56-81-5" });
    await makeProduct(E1.id, { name: "异丙醇", cas: "67-63-0" });
    await makeProduct(E2.id, { name: "电子级双氧水", cas: null });
    const staff = await makeUser({ parkId: P.id });
    const full = await handbook(getDb(), staff.actor, { parkId: P.id });
    expect(full.sections.map((s) => [s.chain, s.enterprises.map((e) => [e.id, e.products.map((p) => p.name)])])).toEqual([
      ["电子化学品", [[E2.id, ["电子级双氧水"]]]],
      ["精细化工", [[E1.id, ["甘油", "异丙醇"]]]],
    ]);
    expect(full.hazardousHidden).toBe(false);
    expect(full.allowed.inquire).toBe(false); // park staff do not inquire
    const outsider = await makeUser({ enterpriseId: unverified.id });
    const partial = await handbook(getDb(), outsider.actor, { parkId: P.id, chain: "精细化工" });
    expect(partial.sections.map((s) => s.enterprises.map((e) => e.products.map((p) => p.name)))).toEqual([[["甘油"]]]);
    // left out, and not counted: a count per park and chain would say where the hidden suppliers are
    expect(partial).toMatchObject({ hazardousHidden: true, products: 1 });
    expect(JSON.stringify(partial)).not.toContain("异丙醇");
    expect(partial.allowed).toEqual({ inquire: true, ownEnterpriseIds: [unverified.id] });
    await expect(handbook(getDb(), { userId: null, name: null, platformAdmin: false, enterprises: [], parkIds: [] }, { parkId: P.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
