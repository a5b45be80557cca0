import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { makeDealCast, makeEnterprise, makePark, makeProduct, makeUser, pickSubstance } from "@/server/testing/factories";
import { getDb } from "@/db";
import { substances } from "@/db/schema";
import enVocab from "@/i18n/messages/en/vocab.json";
import { handbook } from "./handbook.service";
import { handbookWorkbook } from "./handbook-export";

async function rowsOf(buffer: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row) => rows.push(row));
  return rows;
}

describe("the handbook export", () => {
  it("gives unit prices exact in 元/吨 and the compiling time in China time", async () => {
    const c = await makeDealCast({ cas: null });
    const exact = await makeProduct(c.sellerEnterprise.id, { name: `精制丙酮 ${c.sellerEnterprise.id}`, cas: null, priceCnyPerT: "15130.00" });
    const withFen = await makeProduct(c.sellerEnterprise.id, { name: `试剂乙醇 ${c.sellerEnterprise.id}`, cas: null, priceCnyPerT: "6500.50" });
    const h = await handbook(getDb(), c.staff.actor, { parkId: c.park.id });
    // 17:30 UTC on the 4th is 01:30 on the 5th in Beijing
    const rows = await rowsOf(await handbookWorkbook(h, "zh", new Date("2026-01-04T17:30:00Z")));

    const compiled = rows.find((r) => r.getCell(1).value === "编制时间（北京时间）");
    expect(compiled?.getCell(2).value).toBe("2026/01/05 01:30");
    expect(rows.find((r) => r.getCell(9).value === "单价（元/吨）")).toBeDefined();
    const priceOf = (name: string) => rows.find((r) => r.getCell(4).value === name)?.getCell(9);
    expect(priceOf(exact.name)?.value).toBe(15130);
    expect(priceOf(exact.name)?.numFmt).toBe('#,##0 "元/吨"');
    expect(priceOf(withFen.name)?.value).toBe(6500.5);
    expect(priceOf(withFen.name)?.numFmt).toBe('#,##0.00 "元/吨"');

    const en = await rowsOf(await handbookWorkbook(h, "en", new Date("2026-01-04T17:30:00Z")));
    expect(en.find((r) => r.getCell(1).value === "Compiled (China time)")?.getCell(2).value).toBe("5 Jan 2026, 01:30");
    expect(en.find((r) => r.getCell(4).value === exact.name)?.getCell(9).numFmt).toBe('#,##0 "CNY/t"');
  });

  it("names chains in English and products by their substance's English name in the English export, the name listed beside it", async () => {
    let x = await pickSubstance("plain");
    while (!x.nameEn) x = await pickSubstance("plain");
    const park = await makePark();
    const staff = await makeUser({ parkId: park.id });
    const maker = await makeEnterprise({ parkId: park.id, chains: ["精细化工"] });
    const product = await makeProduct(maker.id, { name: `精制${x.nameZh}`, cas: x.cas, priceCnyPerT: "8800.00" });
    const [row] = await getDb().select({ en: sql<string | null>`coalesce(${substances.curatedNameEn}, ${substances.nameEn})` }).from(substances).where(eq(substances.cas, x.cas));
    const english = row!.en!;
    const h = await handbook(getDb(), staff.actor, { parkId: park.id, chain: "精细化工" });
    expect(h.sections[0]!.enterprises[0]!.products[0]).toMatchObject({ id: product.id, substanceEn: english });

    const en = await rowsOf(await handbookWorkbook(h, "en"));
    expect(en.find((r) => r.getCell(1).value === "Industry chain")?.getCell(2).value).toBe(enVocab.vocab.chain["精细化工"]);
    const line = en.find((r) => r.getCell(5).value === x.cas)!;
    expect([line.getCell(1).value, line.getCell(4).value, line.getCell(9).value, line.getCell(10).value]).toEqual([enVocab.vocab.chain["精细化工"], english, 8800, product.name]);
    expect(en.find((r) => r.getCell(4).value === "Product")?.getCell(10).value).toBe("Listed as");
    const zh = await rowsOf(await handbookWorkbook(h, "zh"));
    const zhLine = zh.find((r) => r.getCell(5).value === x.cas)!;
    expect([zhLine.getCell(1).value, zhLine.getCell(4).value, zhLine.getCell(9).value]).toEqual(["精细化工", product.name, 8800]);
  });
});
