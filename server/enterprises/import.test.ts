import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { getDb } from "@/db";
import { enterprises } from "@/db/schema";
import { systemActor } from "@/server/auth/actor";
import { makePark, randomUscc } from "@/server/testing/factories";
import { importEnterprises } from "./import";

const csvFile = (text: string, bom = false) => ({ name: "directory.csv", bytes: Buffer.from((bom ? "\uFEFF" : "") + text) });

describe("enterprise directory import", () => {
  it("lands the good rows and reports each bad one with row, column and reason", async () => {
    const park = await makePark();
    const [good1, good2, dup] = [randomUscc(), randomUscc(), randomUscc()];
    const bad = good1.slice(0, 17) + (good1[17] === "0" ? "1" : "0");
    const file = csvFile(
      [
        "统一社会信用代码,企业名称,园区代码,产业链,地址",
        `${good1},甲化工有限公司,${park.code},有机新材料；精细化工,南通市一号路`,
        `${bad},校验位错误有限公司,${park.code},,`,
        `${good2},乙化工有限公司,,电子化学品,`,
        `${dup},丙化工有限公司,NOPE,,`,
        `${good2},重复行有限公司,,,`,
        `${randomUscc()},,${park.code},,`,
      ].join("\n"),
      true,
    );
    const summary = await importEnterprises(getDb(), systemActor, file);
    expect(summary.inserted).toBe(2);
    expect(summary.rejected.map((r) => [r.row, r.column])).toEqual([
      [3, "uscc"], [5, "park"], [6, "uscc"], [7, "name"],
    ]);
    expect(summary.rejected[0]!.zh).toContain("统一社会信用代码");
    expect(summary.rejected[0]!.en).toContain("credit code");

    const rows = await getDb().select().from(enterprises).where(inArray(enterprises.uscc, [good1, good2]));
    const first = rows.find((r) => r.uscc === good1)!;
    expect(first.chains).toEqual(["有机新材料", "精细化工"]);
    expect(first.parkId).toBe(park.id);
    expect(rows.find((r) => r.uscc === good2)!.parkId).toBeNull();
  });

  it("updates an enterprise when its credit code is imported again, by English keys", async () => {
    const code = randomUscc();
    await importEnterprises(getDb(), systemActor, csvFile(`uscc,name\n${code},旧名称有限公司\n`));
    const summary = await importEnterprises(getDb(), systemActor, csvFile(`uscc,name,address\n${code},新名称有限公司,盐城市\n`));
    expect(summary).toMatchObject({ inserted: 0, updated: 1, rejected: [] });
    const [row] = await getDb().select().from(enterprises).where(inArray(enterprises.uscc, [code]));
    expect(row).toMatchObject({ name: "新名称有限公司", address: "盐城市" });
  });

  it("reads XLSX with Chinese headers", async () => {
    const code = randomUscc();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("企业名录");
    sheet.addRow(["统一社会信用代码", "企业名称"]);
    sheet.addRow([code, "表格导入有限公司"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const summary = await importEnterprises(getDb(), systemActor, { name: "d.xlsx", bytes });
    expect(summary).toMatchObject({ inserted: 1, rejected: [] });
  });

  it("refuses a directory of more than 5,000 rows before writing any", async () => {
    const codes = Array.from({ length: 5001 }, () => randomUscc());
    const file = csvFile(["uscc,name", ...codes.map((code, i) => `${code},名录企业${i}有限公司`)].join("\n"));
    await expect(importEnterprises(getDb(), systemActor, file)).rejects.toMatchObject({
      code: "INVALID",
      messages: { zh: expect.stringContaining("行数超过上限 5,000"), en: expect.stringContaining("more than 5,000") },
    });
    expect(await getDb().select({ id: enterprises.id }).from(enterprises).where(inArray(enterprises.uscc, codes.slice(0, 100)))).toEqual([]);
  });

  it("refuses a file without the required columns as a whole", async () => {
    await expect(importEnterprises(getDb(), systemActor, csvFile("name,address\nx,y\n"))).rejects.toMatchObject({
      code: "INVALID",
      messages: { en: expect.stringContaining("uscc") },
    });
  });
});
