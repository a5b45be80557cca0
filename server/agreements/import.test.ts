import { eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { agreementLines, agreements, events } from "@/db/schema";
import { systemActor } from "@/server/auth/actor";
import { makeDealCast, makeEnterprise, makeLicence, pickSubstance, randomUscc } from "@/server/testing/factories";
import { importAgreements } from "./import-agreements";

const csv = (lines: string[]) => ({ name: "agreements.csv", bytes: Buffer.from("\uFEFF" + lines.join("\r\n")) });
const HEADER = "协议编号,协议类型,协议名称,采购方信用代码,供应方信用代码,CAS号,产品,约定量(吨),金额(元),签约日期,签约活动,开始日期,结束日期";

describe("agreement import", () => {
  it("lands good agreements (lines sharing ref) and rejects each bad one whole, with its ref and reason", async () => {
    const c = await makeDealCast();
    const [b, s] = [c.buyerEnterprise.uscc, c.sellerEnterprise.uscc];
    const tag = c.product.id;
    const event = `导入签约会${tag}`;
    const summary = await importAgreements(getDb(), systemActor, csv([
      HEADER,
      `GOOD-${tag},框架协议,丙烯酸框架协议,${b},${s},79-10-7,丙烯酸,6000,39000000,2026-05-18,${event},2026-06-01,2027-05-31`,
      `GOOD-${tag},框架协议,丙烯酸框架协议,${b},${s},141-32-2,丙烯酸丁酯,1000,"9,200,000",2026-05-18,${event},2026-06-01,2027-05-31`,
      `ORDER-${tag},order,甲醇订单,${s},${b},,甲醇,200,480000.5,2026/5/18,${event},,`,
      `UNKNOWN-${tag},contract,未知企业,${randomUscc()},${s},,x,1,100,2026-05-18,,,`,
      `SAME-${tag},contract,同一企业,${b},${b},,x,1,100,2026-05-18,,,`,
      `BADCAS-${tag},contract,坏CAS,${b},${s},79-10-7,丙烯酸,1,100,2026-05-18,,,`,
      `BADCAS-${tag},contract,坏CAS,${b},${s},79-10-8,丙烯酸,1,100,2026-05-18,,,`,
      `DATES-${tag},contract,倒置日期,${b},${s},,x,1,100,2026-05-18,,2026-06-01,2026-05-01`,
      `NEG-${tag},contract,负金额,${b},${s},,x,1,-100,2026-05-18,,,`,
      `TYPE-${tag},lease,错类型,${b},${s},,x,1,100,2026-05-18,,,`,
    ]));
    expect(summary).toMatchObject({ inserted: 2, updated: 0 });
    expect(summary.rejected.map((r) => [r.ref, r.row, r.column])).toEqual([
      [`UNKNOWN-${tag}`, 5, "buyer_uscc"],
      [`SAME-${tag}`, 6, "seller_uscc"],
      [`BADCAS-${tag}`, 8, "cas"],
      [`DATES-${tag}`, 9, "end_on"],
      [`NEG-${tag}`, 10, "amount_cny"],
      [`TYPE-${tag}`, 11, "type"],
    ]);
    expect(summary.rejected[0]!.zh).toContain(`协议 UNKNOWN-${tag}`);
    expect(summary.rejected[2]!.en).toContain("CAS");

    const rows = await getDb().select().from(agreements).where(inArray(agreements.ref, [`GOOD-${tag}`, `ORDER-${tag}`, `BADCAS-${tag}`]));
    expect(rows.map((r) => r.ref).sort()).toEqual([`GOOD-${tag}`, `ORDER-${tag}`]);
    const good = rows.find((r) => r.ref === `GOOD-${tag}`)!;
    expect(good).toMatchObject({ type: "framework", status: "signed", totalAmountCny: "48200000.00", signedOn: "2026-05-18", startOn: "2026-06-01", endOn: "2027-05-31" });
    const lines = await getDb().select().from(agreementLines).where(eq(agreementLines.agreementId, good.id));
    expect(lines.map((l) => [l.lineNo, l.cas, l.volumeT, l.unitPriceCny, l.amountCny])).toEqual([
      [1, "79-10-7", "6000.000", "6500.00", "39000000.00"],
      [2, "141-32-2", "1000.000", "9200.00", "9200000.00"],
    ]);
    const [created] = await getDb().select().from(events).where(eq(events.name, event));
    expect(good.eventId).toBe(created!.id);
    expect(rows.find((r) => r.ref === `ORDER-${tag}`)!.eventId).toBe(created!.id);
  });

  it("updates an agreement imported again, from XLSX with English keys", async () => {
    const c = await makeDealCast();
    const ref = `XL-${c.product.id}`;
    const file = async (amount: number) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("agreements");
      ws.addRow(["ref", "type", "title", "buyer_uscc", "seller_uscc", "amount_cny", "signed_on"]);
      ws.addRow([ref, "contract", "表格导入合同", c.buyerEnterprise.uscc, c.sellerEnterprise.uscc, amount, new Date("2026-04-01T00:00:00Z")]);
      return { name: "a.xlsx", bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
    };
    expect(await importAgreements(getDb(), systemActor, await file(1000))).toMatchObject({ inserted: 1, rejected: [] });
    expect(await importAgreements(getDb(), systemActor, await file(2500))).toMatchObject({ inserted: 0, updated: 1, rejected: [] });
    const [row] = await getDb().select().from(agreements).where(eq(agreements.ref, ref));
    expect(row).toMatchObject({ totalAmountCny: "2500.00", signedOn: "2026-04-01" });
  });

  it("refuses park staff agreements between enterprises of other parks", async () => {
    const c = await makeDealCast();
    const [x, y] = await Promise.all([makeEnterprise(), makeEnterprise()]);
    const summary = await importAgreements(getDb(), c.staff.actor, csv([
      HEADER,
      `MINE-${c.product.id},contract,本园合同,${c.buyerEnterprise.uscc},${c.sellerEnterprise.uscc},,,,100,2026-05-18,,,`,
      `THEIRS-${c.product.id},contract,外园合同,${x.uscc},${y.uscc},,,,100,2026-05-18,,,`,
    ]));
    expect(summary.inserted).toBe(1);
    expect(summary.rejected.map((r) => r.ref)).toEqual([`THEIRS-${c.product.id}`]);
  });

  it("rejects an agreement beyond the bounds, and a controlled line without the buyer's licence", async () => {
    const c = await makeDealCast();
    const toxic = await pickSubstance("highly_toxic");
    const [b, s, tag] = [c.buyerEnterprise.uscc, c.sellerEnterprise.uscc, c.product.id];
    const file = () => csv([
      HEADER,
      `HUGE-${tag},contract,十万亿合同,${b},${s},,甘油,10,10000000000000,2026-05-18,,,`,
      `TONS-${tag},contract,两亿吨合同,${b},${s},,甘油,200000000,1000,2026-05-18,,,`,
      `TOXIC-${tag},order,剧毒品订单,${b},${s},${toxic.cas},"${toxic.nameZh.replaceAll('"', '""')}",5,100000,2026-05-18,,,`,
    ]);
    const summary = await importAgreements(getDb(), c.staff.actor, file());
    expect(summary.inserted).toBe(0);
    expect(summary.rejected.map((r) => [r.ref, r.column])).toEqual([[`HUGE-${tag}`, "amount_cny"], [`TONS-${tag}`, "volume_t"], [`TOXIC-${tag}`, "cas"]]);
    expect(summary.rejected[0]!.zh).toContain("1,000 亿元");
    expect(summary.rejected[1]!.zh).toContain("1 亿吨");
    expect(summary.rejected[2]!.zh).toContain("许可证");
    await makeLicence(c.buyerEnterprise.id, { type: "highly_toxic" });
    expect((await importAgreements(getDb(), c.staff.actor, file())).inserted).toBe(1);
  });

  it("refuses a file without the required columns as a whole", async () => {
    await expect(importAgreements(getDb(), systemActor, csv(["ref,title", "A,B"]))).rejects.toMatchObject({ code: "INVALID" });
  });
});
