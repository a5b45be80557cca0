import { eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { callOffOrders, shipments, substances } from "@/db/schema";
import { addCallOff } from "@/server/agreements/add-call-off";
import { getAgreement } from "@/server/agreements/get-agreement";
import { recordDelivery } from "@/server/agreements/record-delivery";
import type { CliOutput } from "@/server/cli/command";
import { ledgerCommand } from "@/server/cli/commands/ledger";
import { makeAgreement, makeEnterprise, makePark, makeUser, pickSubstance } from "@/server/testing/factories";
import { exportLedger, LEDGER_COLUMNS } from "./export";
import { flowLedger } from "./ledger.service";

const db = () => getDb();
const AGENT = { purpose: "树脂合成原料", agentName: "王建国", agentIdNumber: "11010519491231002X" };
const NITRIC = "7697-37-2"; // 易制爆
const CYANIDE = "143-33-9"; // 剧毒
const IPA = "67-63-0"; // hazardous only

/** A park of our own, seller and buyer in it (with addresses), its staff, a member of the seller. */
async function cast() {
  const P = await makePark();
  const [S, B] = await Promise.all([
    makeEnterprise({ parkId: P.id, address: "滨江路 1 号" }),
    makeEnterprise({ parkId: P.id, address: "江海大道 88 号" }),
  ]);
  const [staff, seller] = await Promise.all([makeUser({ parkId: P.id }), makeUser({ enterpriseId: S.id, role: "staff" })]);
  return { P, S, B, staff, seller };
}

const shipmentsOf = async (agreementId: number) => db().select().from(shipments).where(eq(shipments.agreementId, agreementId));
const page = (actor: Parameters<typeof flowLedger>[1], input: Partial<Parameters<typeof flowLedger>[2]>) =>
  flowLedger(db(), actor, { page: 1, pageSize: 200, ...input });

/** A substance of the hazardous catalogue that no one else uses, put on the 易制毒 list (category 3) for this test. */
async function precursorSubstance() {
  const s = await pickSubstance("hazardous");
  await db().update(substances).set({ precursorCategory: 3 }).where(eq(substances.cas, s.cas));
  return s;
}

describe("flow ledger per shipment", () => {
  it("has one row per shipment, and a completed agreement's rows add up to what it shows delivered", async () => {
    const c = await cast();
    const a = await makeAgreement(c.B.id, c.S.id, {
      type: "contract", status: "completed", signedOn: "2026-03-01",
      lines: [
        { cas: NITRIC, productName: "硝酸", volumeT: "100.000", amountCny: "230000.00" },
        { cas: IPA, productName: "异丙醇", volumeT: "10.000", amountCny: "70000.00" },
      ],
    });
    await recordDelivery(db(), c.seller.actor, { agreementId: a.id, lineId: a.lines[0]!.id, deliveredT: 40, deliveredOn: "2026-03-10", ...AGENT });
    await recordDelivery(db(), c.seller.actor, { agreementId: a.id, lineId: a.lines[0]!.id, deliveredT: 35.5, deliveredOn: "2026-03-20", ...AGENT });
    await recordDelivery(db(), c.staff.actor, { agreementId: a.id, lineId: a.lines[0]!.id, deliveredT: 24.5, deliveredOn: "2026-04-01", ...AGENT });
    await recordDelivery(db(), c.seller.actor, { agreementId: a.id, lineId: a.lines[1]!.id, deliveredT: 10, deliveredOn: "2026-03-12" });

    const view = await getAgreement(db(), c.staff.actor, a.id);
    expect(view.fulfilment.deliveredT).toBe(110);
    expect(view.lines.map((l) => l.deliveredT)).toEqual([100, 10]);
    expect(view.shipments).toHaveLength(4);

    const controlled = await page(c.staff.actor, { parkId: c.P.id });
    expect(controlled.items.map((r) => [r.date, r.quantityT, r.cas, r.lists])).toEqual([
      ["2026-03-10", 40, NITRIC, ["explosive"]], ["2026-03-20", 35.5, NITRIC, ["explosive"]], ["2026-04-01", 24.5, NITRIC, ["explosive"]],
    ]);
    expect(controlled.totalQuantityT).toBe(view.lines[0]!.deliveredT);
    expect(controlled.items[0]).toMatchObject({
      seller: { name: c.S.name, uscc: c.S.uscc, address: "滨江路 1 号" }, buyer: { name: c.B.name, uscc: c.B.uscc, address: "江海大道 88 号" },
      substance: expect.any(String), purpose: "树脂合成原料", agentName: "王建国", ref: a.ref,
    });
    // every hazardous-catalogue shipment: the isopropanol one too, so the whole agreement's deliveries
    const hazardous = await page(c.staff.actor, { parkId: c.P.id, list: "hazardous" });
    expect(hazardous.total).toBe(4);
    expect(hazardous.totalQuantityT).toBe(view.fulfilment.deliveredT);
  });

  it("keeps a call-off's delivered total equal to the sum of its shipments", async () => {
    const c = await cast();
    const a = await makeAgreement(c.B.id, c.S.id, { type: "framework", status: "active", signedOn: "2026-01-05", lines: [{ cas: CYANIDE, volumeT: "50.000", amountCny: "500000.00" }] });
    const buyerUser = await makeUser({ enterpriseId: c.B.id, role: "procurement" });
    const callOff = await addCallOff(db(), buyerUser.actor, { agreementId: a.id, orderedT: 20, orderedOn: "2026-02-01", allowExcess: false });
    await recordDelivery(db(), c.seller.actor, { callOffId: callOff.id, deliveredT: 12, deliveredOn: "2026-02-05", ...AGENT });
    await recordDelivery(db(), c.seller.actor, { callOffId: callOff.id, deliveredT: 8, deliveredOn: "2026-02-09", ...AGENT });
    const [row] = await db().select().from(callOffOrders).where(eq(callOffOrders.id, callOff.id));
    expect(row).toMatchObject({ deliveredT: "20.000", deliveredOn: "2026-02-09" });
    // beyond the 10 % loading tolerance of the call-off, counted over all its shipments
    await expect(recordDelivery(db(), c.seller.actor, { callOffId: callOff.id, deliveredT: 2.5, deliveredOn: "2026-02-10", ...AGENT })).rejects.toMatchObject({ code: "INVALID" });
    const ledger = await page(c.staff.actor, { parkId: c.P.id, list: "toxic" });
    expect(ledger.items.map((r) => [r.callOffId, r.quantityT])).toEqual([[callOff.id, 12], [callOff.id, 8]]);
  });

  it("refuses a controlled delivery without purpose or agent, or with a bad ID number, and writes nothing", async () => {
    const c = await cast();
    const a = await makeAgreement(c.B.id, c.S.id, { type: "order", status: "active", signedOn: "2026-03-01", lines: [{ cas: NITRIC, volumeT: "10.000", amountCny: "23000.00" }] });
    const base = { agreementId: a.id, deliveredT: 5, deliveredOn: "2026-03-05" };
    await expect(recordDelivery(db(), c.seller.actor, base)).rejects.toMatchObject({
      code: "INVALID", messages: { zh: expect.stringContaining("用途、经办人姓名、经办人身份证号码"), en: expect.stringContaining("purpose") },
    });
    await expect(recordDelivery(db(), c.seller.actor, { ...base, ...AGENT, purpose: "  " })).rejects.toMatchObject({ code: "INVALID", messages: { zh: expect.stringContaining("用途") } });
    await expect(recordDelivery(db(), c.seller.actor, { ...base, ...AGENT, agentIdNumber: "110105194912310021" }))
      .rejects.toMatchObject({ code: "INVALID", messages: { zh: expect.stringContaining("校验位"), en: expect.stringContaining("check digit") } });
    await expect(recordDelivery(db(), c.seller.actor, { ...base, ...AGENT, agentIdNumber: "1101051949123100" }))
      .rejects.toMatchObject({ code: "INVALID", messages: { zh: expect.stringContaining("18 位"), en: expect.stringContaining("18 characters") } });
    await expect(recordDelivery(db(), c.seller.actor, { ...base, ...AGENT, agentIdNumber: "110105194902301234" }))
      .rejects.toMatchObject({ code: "INVALID", messages: { zh: expect.stringContaining("出生日期") } });
    expect(await shipmentsOf(a.id)).toHaveLength(0);
    expect((await getAgreement(db(), c.staff.actor, a.id)).fulfilment.deliveredT).toBe(0);

    // a plain substance needs none of it; a lower-case x is stored upper-case
    const plain = await makeAgreement(c.B.id, c.S.id, { type: "order", status: "active", signedOn: "2026-03-01", lines: [{ cas: "56-81-5", volumeT: "10.000", amountCny: "1000.00" }] });
    await recordDelivery(db(), c.seller.actor, { agreementId: plain.id, deliveredT: 5, deliveredOn: "2026-03-05" });
    await recordDelivery(db(), c.seller.actor, { ...base, ...AGENT, agentIdNumber: "11010519491231002x" });
    expect((await shipmentsOf(a.id))[0]!.agentIdNumber).toBe("11010519491231002X");
  });

  it("corrects by a new row that names the old one, which stays in the ledger and no longer counts", async () => {
    const c = await cast();
    const a = await makeAgreement(c.B.id, c.S.id, { type: "contract", status: "active", signedOn: "2026-03-01", lines: [{ cas: NITRIC, volumeT: "100.000", amountCny: "230000.00" }] });
    const first = await recordDelivery(db(), c.seller.actor, { agreementId: a.id, deliveredT: 40, deliveredOn: "2026-03-10", ...AGENT });
    const fix = await recordDelivery(db(), c.staff.actor, { correctsId: first.id, deliveredT: 30, deliveredOn: "2026-03-10", ...AGENT, reason: "磅单复核" });
    expect(fix).toMatchObject({ correctsId: first.id, deliveredT: 30 });
    expect(fix.id).not.toBe(first.id);
    // a row is corrected once; the correction itself may be corrected
    await expect(recordDelivery(db(), c.staff.actor, { correctsId: first.id, deliveredT: 31, deliveredOn: "2026-03-10", ...AGENT, reason: "again" })).rejects.toMatchObject({ code: "CONFLICT" });

    const ledger = await page(c.staff.actor, { parkId: c.P.id });
    expect(ledger.items.map((r) => [r.id, r.quantityT, r.correctsId, r.correctedBy])).toEqual([[first.id, 40, null, fix.id], [fix.id, 30, first.id, null]]);
    expect(ledger.totalQuantityT).toBe(30);
    const view = await getAgreement(db(), c.seller.actor, a.id);
    expect(view.fulfilment.deliveredT).toBe(30);
    expect(view.shipments.map((s) => [s.id, s.correctedBy, s.correctsId, s.reason])).toEqual([[first.id, fix.id, null, null], [fix.id, null, first.id, "磅单复核"]]);
    expect(view.history.map((h) => h.action).slice(-2)).toEqual(["delivery", "delivery_correction"]);
  });

  it("never deletes or changes a ledger row, nor the agreement or enterprise it belongs to", async () => {
    const c = await cast();
    const a = await makeAgreement(c.B.id, c.S.id, { type: "order", status: "completed", signedOn: "2026-03-01", lines: [{ cas: NITRIC, volumeT: "10.000", amountCny: "23000.00" }] });
    const s = await recordDelivery(db(), c.seller.actor, { agreementId: a.id, deliveredT: 10, deliveredOn: "2026-03-05", ...AGENT });
    const refused = async (statement: ReturnType<typeof sql>) => {
      let error: unknown = null;
      try { await db().execute(statement); } catch (e) { error = e; }
      return error;
    };
    const messageOf = (e: unknown) => String((e as { cause?: { message?: string } })?.cause?.message ?? (e as Error)?.message);
    expect(messageOf(await refused(sql`DELETE FROM shipment WHERE id = ${s.id}`))).toContain("never changed or deleted");
    expect(messageOf(await refused(sql`UPDATE shipment SET quantity_t = 1 WHERE id = ${s.id}`))).toContain("never changed or deleted");
    expect(await refused(sql`DELETE FROM agreement WHERE id = ${a.id}`)).not.toBeNull();
    expect(await refused(sql`DELETE FROM enterprise WHERE id = ${c.B.id}`)).not.toBeNull();
    const [kept] = await shipmentsOf(a.id);
    expect(kept).toMatchObject({ id: s.id, quantityT: "10.000" });
  });

  it("masks the agent's ID on every screen; the export gives it in full to the park staff", async () => {
    const c = await cast();
    const a = await makeAgreement(c.B.id, c.S.id, { type: "order", status: "active", signedOn: "2026-03-01", lines: [{ cas: CYANIDE, volumeT: "10.000", amountCny: "23000.00" }] });
    const recorded = await recordDelivery(db(), c.seller.actor, { agreementId: a.id, deliveredT: 2, deliveredOn: "2026-03-05", ...AGENT });
    expect(recorded.agentIdNumber).toBe("1101**********002X");
    expect((await page(c.staff.actor, { parkId: c.P.id })).items[0]!.agentIdNumber).toBe("1101**********002X");
    expect((await getAgreement(db(), c.seller.actor, a.id)).shipments[0]!.agentIdNumber).toBe("1101**********002X");
    expect((await getAgreement(db(), c.staff.actor, a.id)).shipments[0]!.agentIdNumber).toBe("1101**********002X");

    const idCell = async (actor: Parameters<typeof exportLedger>[1], parkId?: number) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from((await exportLedger(db(), actor, { parkId })).content, "base64") as unknown as ArrayBuffer);
      const ws = wb.getWorksheet("剧毒")!;
      const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
      const row = rows.find((r) => r[15] === recorded.id)!;
      return row[14];
    };
    expect(await idCell(c.staff.actor, c.P.id)).toBe("11010519491231002X");
    // the export is the park staff's; anyone else is refused it
    await expect(exportLedger(db(), c.seller.actor, { parkId: c.P.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const otherStaff = await makeUser({ parkId: (await makePark()).id });
    await expect(exportLedger(db(), otherStaff.actor, { parkId: c.P.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("exports one sheet per list with the regulation's columns in order", async () => {
    const c = await cast();
    const precursor = await precursorSubstance();
    const a = await makeAgreement(c.B.id, c.S.id, {
      type: "contract", status: "active", signedOn: "2026-03-01",
      lines: [
        { cas: NITRIC, volumeT: "10.000", amountCny: "1.00" }, { cas: CYANIDE, volumeT: "10.000", amountCny: "1.00" },
        { cas: precursor.cas, volumeT: "10.000", amountCny: "1.00" }, { cas: IPA, volumeT: "10.000", amountCny: "1.00" },
      ],
    });
    for (const [i, line] of a.lines.entries()) {
      await recordDelivery(db(), c.seller.actor, { agreementId: a.id, lineId: line.id, deliveredT: i + 1, deliveredOn: "2026-03-05", ...AGENT });
    }
    const file = await exportLedger(db(), c.staff.actor, { parkId: c.P.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.content, "base64") as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["剧毒", "易制爆", "易制毒"]);
    const header = (wb.getWorksheet("易制爆")!.getRow(1).values as unknown[]).slice(1, 15);
    expect(header).toEqual([
      "日期 Date", "供货单位 Seller", "供货单位统一社会信用代码 Seller USCC", "供货单位地址 Seller address",
      "购买单位 Buyer", "购买单位统一社会信用代码 Buyer USCC", "购买单位地址 Buyer address",
      "品名 Substance", "CAS号 CAS", "类别 List", "数量（吨）Quantity (t)", "用途 Purpose", "经办人 Agent", "经办人身份证号码 Agent ID number",
    ]);
    expect(LEDGER_COLUMNS.slice(0, 14)).toEqual(header);
    const body = (name: string) => (wb.getWorksheet(name)!.getSheetValues().slice(2).filter(Boolean) as unknown[][]).map((r) => r.slice(1, 15));
    expect(body("易制爆")).toEqual([["2026-03-05", c.S.name, c.S.uscc, "滨江路 1 号", c.B.name, c.B.uscc, "江海大道 88 号", expect.any(String), NITRIC, "易制爆", 1, "树脂合成原料", "王建国", "11010519491231002X"]]);
    expect(body("剧毒").map((r) => [r[8], r[9], r[10]])).toEqual([[CYANIDE, "剧毒", 2]]);
    expect(body("易制毒").map((r) => [r[8], r[9], r[10]])).toEqual([[precursor.cas, "易制毒第三类", 3]]);
    // every hazardous-catalogue substance: the others on a sheet of their own
    const all = new ExcelJS.Workbook();
    await all.xlsx.load(Buffer.from((await exportLedger(db(), c.staff.actor, { parkId: c.P.id, list: "hazardous" })).content, "base64") as unknown as ArrayBuffer);
    expect(all.worksheets.map((w) => w.name)).toEqual(["剧毒", "易制爆", "易制毒", "其他危险化学品"]);
    expect(all.getWorksheet("其他危险化学品")!.getRow(2).getCell(9).value).toBe(IPA);
  });

  it("exports in English from the English UI: English headers, sheets and lists, substances by the dictionary's English name, figures unchanged", async () => {
    const c = await cast();
    const a = await makeAgreement(c.B.id, c.S.id, {
      type: "contract", status: "active", signedOn: "2026-03-01",
      lines: [{ cas: NITRIC, productName: "硝酸", volumeT: "10.000", amountCny: "1.00" }, { cas: CYANIDE, volumeT: "10.000", amountCny: "1.00" }],
    });
    for (const [i, line] of a.lines.entries()) {
      await recordDelivery(db(), c.seller.actor, { agreementId: a.id, lineId: line.id, deliveredT: i + 1.5, deliveredOn: "2026-03-05", ...AGENT });
    }
    // what the dictionary calls them in English (park staff's correction first)
    const english = async (cas: string) =>
      (await db().select({ en: sql<string | null>`coalesce(${substances.curatedNameEn}, ${substances.nameEn})` }).from(substances).where(eq(substances.cas, cas)))[0]!.en;
    const [nitricEn, cyanideEn] = [await english(NITRIC), await english(CYANIDE)];
    expect(nitricEn).toMatch(/^[^\u3400-\u9fff]+$/);
    expect(cyanideEn).toMatch(/^[^\u3400-\u9fff]+$/);
    // the page's rows carry it too
    expect((await page(c.staff.actor, { parkId: c.P.id, list: "explosive" })).items[0]).toMatchObject({ cas: NITRIC, substanceEn: nitricEn });

    const load = async (locale?: "zh" | "en") => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from((await exportLedger(db(), c.staff.actor, { parkId: c.P.id, locale })).content, "base64") as unknown as ArrayBuffer);
      return wb;
    };
    const en = await load("en");
    expect(en.worksheets.map((w) => w.name)).toEqual(["Highly toxic", "Explosive precursors", "Drug precursors"]);
    const header = (en.getWorksheet("Explosive precursors")!.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 14)).toEqual([
      "Date", "Seller", "Seller USCC", "Seller address", "Buyer", "Buyer USCC", "Buyer address",
      "Substance", "CAS", "List", "Quantity (t)", "Purpose", "Agent", "Agent ID number",
    ]);
    for (const cell of header) expect(String(cell)).not.toMatch(/[\u3400-\u9fff]/);
    const body = (wb: ExcelJS.Workbook, name: string) => (wb.getWorksheet(name)!.getSheetValues().slice(2).filter(Boolean) as unknown[][]).map((r) => r.slice(1, 15));
    expect(body(en, "Explosive precursors").map((r) => [r[7], r[8], r[9], r[10]])).toEqual([[nitricEn, NITRIC, "Explosive precursor", 1.5]]);
    expect(body(en, "Highly toxic").map((r) => [r[7], r[8], r[9], r[10]])).toEqual([[cyanideEn, CYANIDE, "Highly toxic", 2.5]]);
    // the Chinese export (the default) keeps the recorded name and the regulation's words; the same figures
    const zh = await load();
    const [nitricZh] = await db().select({ zh: sql<string>`coalesce(${substances.curatedNameZh}, ${substances.nameZh})` }).from(substances).where(eq(substances.cas, NITRIC));
    expect(body(zh, "易制爆").map((r) => [r[7], r[8], r[9], r[10]])).toEqual([[nitricZh!.zh, NITRIC, "易制爆", 1.5]]);
  });

  it("refuses outsiders every way of recording, correcting, listing and exporting shipments", async () => {
    const c = await cast();
    const a = await makeAgreement(c.B.id, c.S.id, { type: "order", status: "active", signedOn: "2026-03-01", lines: [{ cas: NITRIC, volumeT: "10.000", amountCny: "23000.00" }] });
    const s = await recordDelivery(db(), c.seller.actor, { agreementId: a.id, deliveredT: 2, deliveredOn: "2026-03-05", ...AGENT });
    const elsewhere = await makePark();
    const stranger = await makeEnterprise({ parkId: elsewhere.id });
    const outsiders = [await makeUser({ enterpriseId: stranger.id, role: "admin" }), await makeUser({ parkId: elsewhere.id })];
    // the buyer's own members do not record deliveries either
    const buyerAdmin = await makeUser({ enterpriseId: c.B.id, role: "admin" });
    for (const o of [...outsiders, buyerAdmin]) {
      await expect(recordDelivery(db(), o.actor, { agreementId: a.id, deliveredT: 1, deliveredOn: "2026-03-06", ...AGENT })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(recordDelivery(db(), o.actor, { correctsId: s.id, deliveredT: 1, deliveredOn: "2026-03-06", ...AGENT, reason: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(page(o.actor, { parkId: c.P.id, list: "toxic" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(exportLedger(db(), o.actor, { parkId: c.P.id, list: "precursor" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await shipmentsOf(a.id)).toHaveLength(1);
  });

  it("CLI ledger --json prints the rows for each filter", async () => {
    const c = await cast();
    const precursor = await precursorSubstance();
    const a = await makeAgreement(c.B.id, c.S.id, {
      type: "contract", status: "active", signedOn: "2026-01-01",
      lines: [
        { cas: NITRIC, volumeT: "10.000", amountCny: "1.00" }, { cas: CYANIDE, volumeT: "10.000", amountCny: "1.00" },
        { cas: precursor.cas, volumeT: "10.000", amountCny: "1.00" }, { cas: IPA, volumeT: "10.000", amountCny: "1.00" },
      ],
    });
    const dates = ["2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01"];
    for (const [i, line] of a.lines.entries()) {
      await recordDelivery(db(), c.staff.actor, { agreementId: a.id, lineId: line.id, deliveredT: i + 1, deliveredOn: dates[i]!, ...AGENT });
    }
    const run = async (...args: string[]) => {
      const printed: unknown[] = [];
      const out: CliOutput = { result: (data) => printed.push(data) };
      await ledgerCommand.run(db(), [], ["ledger", "--park", c.P.code, ...args, "--json"], out);
      return (printed[0] as { rows: { cas: string; quantityT: number; agentIdNumber: string }[] }).rows.map((r) => r.cas);
    };
    expect(await run()).toEqual([NITRIC, CYANIDE, precursor.cas]);
    expect(await run("--list", "hazardous")).toEqual([NITRIC, CYANIDE, precursor.cas, IPA]);
    expect(await run("--list", "toxic")).toEqual([CYANIDE]);
    expect(await run("--list", "explosive")).toEqual([NITRIC]);
    expect(await run("--list", "precursor")).toEqual([precursor.cas]);
    expect(await run("--from", "2026-02-15", "--to", "2026-04-15")).toEqual([CYANIDE, precursor.cas]);
    expect(await run("--list", "hazardous", "--from", "2026-04-02")).toEqual([IPA]);
    const otherPark = await makePark();
    const printed: unknown[] = [];
    await ledgerCommand.run(db(), [], ["ledger", "--park", otherPark.code, "--json"], { result: (d) => printed.push(d) });
    expect(printed[0]).toEqual({ rows: [] });
    const out: CliOutput = { result: () => undefined };
    await expect(ledgerCommand.run(db(), [], ["ledger", "--list", "poison"], out)).rejects.toMatchObject({ code: "INVALID", messages: { en: expect.stringContaining("--list") } });
    await expect(ledgerCommand.run(db(), [], ["ledger", "--park", "NOPE-PARK"], out)).rejects.toMatchObject({ code: "INVALID" });
    await expect(ledgerCommand.run(db(), [], ["ledger", "--from", "2026-05-01", "--to", "2026-04-01"], out)).rejects.toMatchObject({ code: "INVALID", messages: { en: expect.stringContaining("--to") } });
    // the CLI acts as the system (park staff of every park): the agent's full ID, as in the park staff's export
    const full: unknown[] = [];
    await ledgerCommand.run(db(), [], ["ledger", "--park", c.P.code, "--list", "toxic", "--json"], { result: (d) => full.push(d) });
    expect(full[0]).toMatchObject({ rows: [{ agentIdNumber: "11010519491231002X", agentName: "王建国", purpose: "树脂合成原料" }] });
  });
});
