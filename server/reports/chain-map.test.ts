import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { enterprises, parks } from "@/db/schema";
import { insertShipment } from "@/server/agreements/write-shipment";
import { systemActor } from "@/server/auth/actor";
import {
  makeAgreement, makeDemand, makeEnterprise, makePark, makeProduct, makeUser, pickSubstance,
} from "@/server/testing/factories";
import { substanceViewInput } from "./chain-map.schemas";
import { chainMap, chainMapWorkbook, substanceView, type ChainMap, type ChainMapParty } from "./chain-map";

/** Distinct dictionary substances no product or demand uses yet. */
async function substances(n: number) {
  const out: Awaited<ReturnType<typeof pickSubstance>>[] = [];
  while (out.length < n) {
    const s = await pickSubstance("plain");
    if (!out.some((o) => o.cas === s.cas)) out.push(s);
  }
  return out;
}

/**
 * The fixture, by hand:
 *
 * park P: A (精细化工, makes s1; its s4 is below the purity C asks), B (有机新材料), C (医药大健康), D (电子化学品)
 * park Q: X (基础化工) · no park: Y
 *
 *  #1 A→B contract, signed 2026-03-10: s1 100 t 500,000 + s2 20 t 80,000; s1 delivered 12 t, corrected to 10 t
 *  #2 A→B order, active, signed 2026-04-05: s1 50 t 260,000; delivered 30 t
 *  #3 X→A contract, terminated after signing 2026-03-20: s3 10 t 30,000 (counts)
 *  #4 B→Y contract, completed, signed 2026-02-01: "废溶剂回收料" (no CAS) 5 t 2,000
 *  #5 C→B contract, signed 2025-12-01: s2 7 t 21,000
 *  not counted: a draft A→C (s1 999 t), a draft terminated without signing A→C, and X→Y (no party in P)
 *  open demands: B 50 t of s1 (A can supply it: no gap), D 40 t of g (no supplier in P), C 25 t of s4 at ≥ 99.5 % (A offers 95 %)
 */
async function fixture() {
  const [s1, s2, s3, g, s4] = await substances(5);
  const [park, otherPark] = await Promise.all([makePark(), makePark()]);
  const [A, B, C, D, X, Y] = await Promise.all([
    makeEnterprise({ parkId: park.id, chains: ["精细化工"] }),
    makeEnterprise({ parkId: park.id, chains: ["有机新材料"] }),
    makeEnterprise({ parkId: park.id, chains: ["医药大健康"] }),
    makeEnterprise({ parkId: park.id, chains: ["电子化学品"] }),
    makeEnterprise({ parkId: otherPark.id, chains: ["基础化工"] }),
    makeEnterprise({ parkId: null, chains: [] }),
  ]);
  const [staff, otherStaff, admin] = await Promise.all([makeUser({ parkId: park.id }), makeUser({ parkId: otherPark.id }), makeUser({ admin: true })]);

  const a1 = await makeAgreement(B.id, A.id, {
    signedOn: "2026-03-10", status: "signed",
    lines: [{ cas: s1!.cas, volumeT: "100.000", amountCny: "500000.00" }, { cas: s2!.cas, volumeT: "20.000", amountCny: "80000.00" }],
  });
  const a2 = await makeAgreement(B.id, A.id, { type: "order", signedOn: "2026-04-05", status: "active", lines: [{ cas: s1!.cas, volumeT: "50.000", amountCny: "260000.00" }] });
  await makeAgreement(A.id, X.id, { signedOn: "2026-03-20", status: "terminated", lines: [{ cas: s3!.cas, volumeT: "10.000", amountCny: "30000.00" }] });
  await makeAgreement(Y.id, B.id, { signedOn: "2026-02-01", status: "completed", lines: [{ cas: null, productName: "废溶剂回收料", volumeT: "5.000", amountCny: "2000.00" }] });
  await makeAgreement(B.id, C.id, { signedOn: "2025-12-01", status: "signed", lines: [{ cas: s2!.cas, volumeT: "7.000", amountCny: "21000.00" }] });
  await makeAgreement(C.id, A.id, { signedOn: null, status: "draft", lines: [{ cas: s1!.cas, volumeT: "999.000", amountCny: "9990000.00" }] });
  await makeAgreement(C.id, A.id, { signedOn: null, status: "terminated", lines: [{ cas: s1!.cas, volumeT: "888.000", amountCny: "8880000.00" }] });
  await makeAgreement(Y.id, X.id, { signedOn: "2026-03-01", status: "signed", lines: [{ cas: s1!.cas, volumeT: "77.000", amountCny: "770000.00" }] });

  const db = getDb();
  const wrong = await insertShipment(db, systemActor, { agreementId: a1.id, lineId: a1.lines[0]!.id, callOffId: null, deliveredOn: "2026-03-20", quantityT: 12 });
  await insertShipment(db, systemActor, { agreementId: a1.id, lineId: a1.lines[0]!.id, callOffId: null, deliveredOn: "2026-03-20", quantityT: 10, correctsId: wrong.id, reason: "磅单更正" });
  await insertShipment(db, systemActor, { agreementId: a2.id, lineId: a2.lines[0]!.id, callOffId: null, deliveredOn: "2026-04-10", quantityT: 30 });

  await makeProduct(A.id, { cas: s1!.cas, name: s1!.nameZh, availableT: "500" });
  await makeProduct(A.id, { cas: s4!.cas, name: s4!.nameZh, purityPct: "95", availableT: "500" });
  await makeProduct(B.id, { cas: s1!.cas, name: `${s1!.nameZh}（停产）`, retiredAt: new Date() });
  await makeDemand(B.id, { cas: s1!.cas, substanceName: s1!.nameZh, quantity: "50" });
  await makeDemand(D.id, { cas: g!.cas, substanceName: g!.nameZh, quantity: "40" });
  await makeDemand(C.id, { cas: s4!.cas, substanceName: s4!.nameZh, quantity: "25", minPurityPct: "99.5" });
  return { s1: s1!, s2: s2!, s3: s3!, g: g!, s4: s4!, park, otherPark, A, B, C, D, X, Y, staff, otherStaff, admin };
}
type Fixture = Awaited<ReturnType<typeof fixture>>;

const edgeKeys = (map: ChainMap) => map.edges.map((e) => ({
  seller: e.sellerId, buyer: e.buyerId, cas: e.cas, agreements: e.agreements, tonnes: e.tonnes, delivered: e.deliveredTonnes, amount: e.amountCny, inPark: e.inPark,
}));
const party = (map: ChainMap, id: number) => map.nodes.find((n) => (n.kind === "enterprise" || n.kind === "external") && n.enterpriseId === id) as ChainMapParty | undefined;

describe("the chain map (产业链图谱)", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await fixture();
  }, 60_000);

  it("draws every signed flow with a party in the park as seller → buyer per substance, the park's enterprises, the outsiders apart, and the gaps", async () => {
    const map = await chainMap(getDb(), f.staff.actor, { parkId: f.park.id });
    expect(edgeKeys(map)).toEqual([
      // #1 and #2 together: 100 + 50 t, 500,000 + 260,000; delivered 10 (the correction, not the 12 it replaced) + 30
      { seller: f.A.id, buyer: f.B.id, cas: f.s1.cas, agreements: 2, tonnes: 150, delivered: 40, amount: 760_000, inPark: true },
      { seller: f.A.id, buyer: f.B.id, cas: f.s2.cas, agreements: 1, tonnes: 20, delivered: 0, amount: 80_000, inPark: true },
      // terminated after signing: counts
      { seller: f.X.id, buyer: f.A.id, cas: f.s3.cas, agreements: 1, tonnes: 10, delivered: 0, amount: 30_000, inPark: false },
      { seller: f.C.id, buyer: f.B.id, cas: f.s2.cas, agreements: 1, tonnes: 7, delivered: 0, amount: 21_000, inPark: true },
      { seller: f.B.id, buyer: f.Y.id, cas: null, agreements: 1, tonnes: 5, delivered: 0, amount: 2_000, inPark: false },
    ]);
    expect(map.edges[0]).toMatchObject({ sellerUscc: f.A.uscc, buyerUscc: f.B.uscc, substance: f.s1.nameZh, source: `e:${f.A.id}`, target: `e:${f.B.id}` });
    expect(map.edges[4]!.substance).toBe("废溶剂回收料");

    expect(party(map, f.A.id)).toMatchObject({ kind: "enterprise", chain: "精细化工", salesAmountCny: 840_000, purchaseAmountCny: 30_000, signedAmountCny: 870_000 });
    expect(party(map, f.B.id)).toMatchObject({ kind: "enterprise", purchaseAmountCny: 861_000, salesAmountCny: 2_000, signedAmountCny: 863_000 });
    expect(party(map, f.C.id)).toMatchObject({ kind: "enterprise", signedAmountCny: 21_000 });
    // an enterprise of the park without flows is on the map all the same (it needs g)
    expect(party(map, f.D.id)).toMatchObject({ kind: "enterprise", signedAmountCny: 0 });
    expect(party(map, f.X.id)).toMatchObject({ kind: "external", park: { id: f.otherPark.id }, salesAmountCny: 30_000 });
    expect(party(map, f.Y.id)).toMatchObject({ kind: "external", park: null, purchaseAmountCny: 2_000 });
    expect(map.nodes.filter((n) => n.kind === "enterprise" || n.kind === "external")).toHaveLength(6);

    // the gaps: D's g (no supplier in the park), C's s4 (A's 95 % is below the 99.5 % asked); B's s1 is no gap (A makes it)
    const gaps = map.nodes.filter((n) => n.kind === "gap");
    expect(gaps.map((n) => ({ id: n.id, cas: n.cas, demandT: n.demandT, demands: n.demands, code: n.reason.code }))).toEqual([
      { id: `gap:${f.g.cas}`, cas: f.g.cas, demandT: 40, demands: 1, code: "no_supplier" },
      { id: `gap:${f.s4.cas}`, cas: f.s4.cas, demandT: 25, demands: 1, code: "below_spec" },
    ]);
    expect(map.gapLinks).toEqual(expect.arrayContaining([
      { gapId: `gap:${f.g.cas}`, buyerId: f.D.id, buyerUscc: f.D.uscc, demands: 1, demandT: 40 },
      { gapId: `gap:${f.s4.cas}`, buyerId: f.C.id, buyerUscc: f.C.uscc, demands: 1, demandT: 25 },
    ]));
    expect(map.gapLinks).toHaveLength(2);
    expect(map.totals).toEqual({ enterprises: 4, externals: 2, edges: 5, tonnes: 192, deliveredTonnes: 40, amountCny: 893_000, inParkAmountCny: 861_000, gaps: 2 });
  });

  it("keeps to the period (signing dates; deliveries of those agreements only) and to a chain", async () => {
    const q1 = await chainMap(getDb(), f.staff.actor, { parkId: f.park.id, from: "2026-01-01", to: "2026-03-31" });
    expect(edgeKeys(q1)).toEqual([
      { seller: f.A.id, buyer: f.B.id, cas: f.s1.cas, agreements: 1, tonnes: 100, delivered: 10, amount: 500_000, inPark: true },
      { seller: f.A.id, buyer: f.B.id, cas: f.s2.cas, agreements: 1, tonnes: 20, delivered: 0, amount: 80_000, inPark: true },
      { seller: f.X.id, buyer: f.A.id, cas: f.s3.cas, agreements: 1, tonnes: 10, delivered: 0, amount: 30_000, inPark: false },
      { seller: f.B.id, buyer: f.Y.id, cas: null, agreements: 1, tonnes: 5, delivered: 0, amount: 2_000, inPark: false },
    ]);

    const pharma = await chainMap(getDb(), f.staff.actor, { parkId: f.park.id, chain: "医药大健康" });
    expect(edgeKeys(pharma)).toEqual([{ seller: f.C.id, buyer: f.B.id, cas: f.s2.cas, agreements: 1, tonnes: 7, delivered: 0, amount: 21_000, inPark: true }]);
    // C is in the chain; B is there as C's counterparty (coloured by its own chain); D, A and the outsiders are not
    expect(pharma.nodes.filter((n) => n.kind !== "gap").map((n) => [n.id, (n as ChainMapParty).chain])).toEqual(
      expect.arrayContaining([[`e:${f.C.id}`, "医药大健康"], [`e:${f.B.id}`, "有机新材料"]]));
    expect(pharma.nodes.filter((n) => n.kind !== "gap")).toHaveLength(2);
    expect(pharma.nodes.filter((n) => n.kind === "gap").map((n) => n.cas)).toEqual([f.s4.cas]);
  });

  it("gives the XLSX the very rows of the service", async () => {
    const map = await chainMap(getDb(), f.admin.actor, { parkId: f.park.id });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await chainMapWorkbook(map, "zh")) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["物料流向", "企业", "补链缺口"]);
    const rows = (name: string) => (book.getWorksheet(name)!.getSheetValues().slice(2) as ExcelJS.CellValue[][]).map((r) => r.slice(1));
    expect(rows("物料流向")).toEqual(map.edges.map((e) => [
      e.seller, e.sellerUscc, e.buyer, e.buyerUscc, e.substance, e.cas ?? "", e.inPark ? "是" : "否", e.agreements, e.tonnes, e.deliveredTonnes, e.amountCny,
    ]));
    expect(rows("企业").map((r) => [r[1], r[7]])).toEqual(
      map.nodes.filter((n) => n.kind !== "gap").map((n) => [(n as ChainMapParty).uscc, (n as ChainMapParty).signedAmountCny]));
    expect(rows("补链缺口").map((r) => [r[1], r[2], r[4], r[5]])).toEqual([
      [f.g.cas, "园内无供应商", f.D.name, 40],
      [f.s4.cas, expect.stringContaining("低于所需 99.5 %"), f.C.name, 25],
    ]);
  });

  it("writes the English XLSX in English: headers, chains, substances, and parks and enterprises by their English names", async () => {
    const db = getDb();
    await db.update(parks).set({ nameEn: "Other Test Park" }).where(eq(parks.id, f.otherPark.id));
    await db.update(enterprises).set({ nameEn: "Xinghai Basic Chemicals" }).where(eq(enterprises.id, f.X.id));
    try {
      const map = await chainMap(db, f.admin.actor, { parkId: f.park.id });
      expect(party(map, f.X.id)).toMatchObject({ nameEn: "Xinghai Basic Chemicals", park: { id: f.otherPark.id, nameEn: "Other Test Park" } });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await chainMapWorkbook(map, "en")) as unknown as ArrayBuffer);
      expect(book.worksheets.map((w) => w.name)).toEqual(["Flows", "Enterprises", "Chain gaps"]);
      const rows = (name: string) => (book.getWorksheet(name)!.getSheetValues().slice(2) as ExcelJS.CellValue[][]).map((r) => r.slice(1));
      const enterpriseRow = (uscc: string) => rows("Enterprises").find((r) => r[1] === uscc)!;
      expect(enterpriseRow(f.A.uscc)[4]).toBe("Fine chemicals");
      expect(enterpriseRow(f.X.uscc).slice(0, 5)).toEqual(["Xinghai Basic Chemicals", f.X.uscc, "Outside the park", "Other Test Park", "Basic chemicals"]);
      const flow = rows("Flows").find((r) => r[5] === f.s3.cas)!;
      expect([flow[0], flow[4]]).toEqual(["Xinghai Basic Chemicals", f.s3.nameEn ?? f.s3.nameZh]);
      // the figures are the Chinese workbook's
      expect(rows("Flows").map((r) => r.slice(7))).toEqual(map.edges.map((e) => [e.agreements, e.tonnes, e.deliveredTonnes, e.amountCny]));
    } finally {
      await db.update(parks).set({ nameEn: null }).where(eq(parks.id, f.otherPark.id));
      await db.update(enterprises).set({ nameEn: null }).where(eq(enterprises.id, f.X.id));
    }
  });

  it("shows one substance: its in-park producers, consumers, external sources and gap", async () => {
    const s1 = await substanceView(getDb(), f.staff.actor, { parkId: f.park.id, cas: f.s1.cas });
    expect(s1.substance).toMatchObject({ cas: f.s1.cas, name: f.s1.nameZh, inDictionary: true });
    // B's retired product is not a producer
    expect(s1.producers.map((p) => p.enterpriseId)).toEqual([f.A.id]);
    expect(s1.consumers).toEqual([expect.objectContaining({
      enterpriseId: f.B.id, bought: { tonnes: 150, deliveredTonnes: 40, amountCny: 760_000, agreements: 2 }, openDemand: { demands: 1, demandT: 50 },
    })]);
    expect(s1.externalSources).toEqual([]);
    expect(s1.gap).toBeNull();

    // the CAS number as typed without hyphens reads as the substance
    const s3 = await substanceView(getDb(), f.staff.actor, substanceViewInput.parse({ parkId: f.park.id, cas: f.s3.cas.replace(/-/g, "") }));
    expect(s3.producers).toEqual([]);
    expect(s3.externalSources).toEqual([expect.objectContaining({ enterpriseId: f.X.id, park: expect.objectContaining({ id: f.otherPark.id }), tonnes: 10, amountCny: 30_000 })]);
    expect(s3.consumers.map((c) => c.enterpriseId)).toEqual([f.A.id]);

    const g = await substanceView(getDb(), f.staff.actor, { parkId: f.park.id, cas: f.g.cas });
    expect(g.gap).toMatchObject({ demands: 1, demandT: 40, reason: { code: "no_supplier" }, buyers: [expect.objectContaining({ enterpriseId: f.D.id })] });
    expect(g.consumers).toEqual([expect.objectContaining({ enterpriseId: f.D.id, bought: null, openDemand: { demands: 1, demandT: 40 } })]);
  });

  it("is for the park's staff and platform admins only", async () => {
    await expect(chainMap(getDb(), f.otherStaff.actor, { parkId: f.park.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(substanceView(getDb(), f.otherStaff.actor, { parkId: f.park.id, cas: f.s1.cas })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const buyer = await makeUser({ enterpriseId: f.B.id, role: "admin" });
    await expect(chainMap(getDb(), buyer.actor, { parkId: f.park.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(chainMap(getDb(), f.admin.actor, { parkId: f.park.id })).resolves.toMatchObject({ totals: { edges: 5 } });
  });
});
