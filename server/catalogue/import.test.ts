import { and, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { outbox, products } from "@/db/schema";
import { systemActor } from "@/server/auth/actor";
import { makeEnterprise, makeUser } from "@/server/testing/factories";
import { templateFile } from "@/server/imports/templates";
import { CATALOGUE_COLUMNS, readCatalogue } from "./import";
import { getImportJob, importCatalogueNow, runImportSlice, startCatalogueImport } from "./import-job";

const db = getDb();
const csv = (text: string, bom = false) => ({ name: "catalogue.csv", bytes: Buffer.from((bom ? "\uFEFF" : "") + text) });
const HEADER_ZH = "产品编码,产品名称,CAS号,规格等级,纯度(%),形态,包装,年产能(吨),可供量(吨),参考价(元/吨),说明";

async function catalogueOf(enterpriseId: number) {
  return db.select().from(products).where(eq(products.enterpriseId, enterpriseId)).orderBy(products.sku);
}

describe("catalogue file", () => {
  it("reports each bad row with row number, column and reason in both languages, and keeps the good ones", async () => {
    const parsed = await readCatalogue(csv([
      HEADER_ZH,
      "A-001,异丙醇,67-63-0,电子级,99.99%,液体,200L桶,1000,120,13500,电子级异丙醇",
      "A-002,甲苯,108-88-4,,,,,,,,",
      "A-003,硫酸,7664-93-9,工业级,100.5,,,,,,",
      "A-004,盐酸,7647-01-0,工业级,31,液体,,,-5,,",
      "A-005,,7647-01-0,,,,,,,,",
      "A-001,异丙醇（重复）,67-63-0,,,,,,,,",
      "A-006,乙醇,64-17-5,超纯级,,,,,,,",
      "A-007,片碱,1310-73-2,industrial,99,solid,25kg袋,\"20,000\",500,950,",
      "A-008,氯化钠,7647-14-5,Reagent,,晶体,,,,,",
      "A-009,纯碱,497-19-8,,,,,,abc,,",
      "A-010,氢氧化钾,not-a-cas,,,,,,,,",
    ].join("\n"), true));
    expect(parsed.total).toBe(11);
    expect(parsed.rows.map((r) => r.sku)).toEqual(["A-001", "A-007"]);
    expect(parsed.rejected.map((r) => [r.row, r.column])).toEqual([
      [3, "cas"], [4, "purity"], [5, "available_t"], [6, "name"], [7, "sku"], [8, "grade"], [10, "form"], [11, "available_t"], [12, "cas"],
    ]);
    const reason = (row: number) => parsed.rejected.find((r) => r.row === row)!;
    expect(reason(3)).toMatchObject({ zh: expect.stringContaining("校验位"), en: expect.stringContaining("check digit") });
    expect(reason(4)).toMatchObject({ zh: expect.stringContaining("不能超过 100"), en: expect.stringContaining("cannot exceed 100") });
    expect(reason(5)).toMatchObject({ zh: expect.stringContaining("不能为负数"), en: expect.stringContaining("negative") });
    expect(reason(6)).toMatchObject({ zh: expect.stringContaining("产品名称必填"), en: expect.stringContaining("name is required") });
    expect(reason(7)).toMatchObject({ zh: expect.stringContaining("重复（第 2 行"), en: expect.stringContaining("first on row 2") });
    expect(reason(8)).toMatchObject({ zh: expect.stringContaining("未知的规格等级"), en: expect.stringContaining("Unknown grade") });
    expect(reason(12)).toMatchObject({ zh: expect.stringContaining("不是有效的 CAS号"), en: expect.stringContaining("Not a CAS number") });
    expect(parsed.rows[0]).toMatchObject({ cas: "67-63-0", grade: "electronic", purityPct: "99.990", form: "liquid", availableT: "120.000", priceCnyPerT: "13500.00" });
    expect(parsed.rows[1]).toMatchObject({ grade: "industrial", form: "solid", capacityTpy: "20000.000" });
  });

  it("reads English keys without a BOM, headings written both ways, and XLSX", async () => {
    const english = await readCatalogue(csv("sku,name,cas,grade\nB-1,IPA,67630,reagent\n"));
    expect(english.rows[0]).toMatchObject({ sku: "B-1", cas: "67-63-0", grade: "reagent" });
    const both = await readCatalogue(csv("\uFEFF产品编码 (sku),产品名称 (name),纯度(%) (purity)\nB-2,甲醇,99.9\n"));
    expect(both.rows[0]).toMatchObject({ sku: "B-2", name: "甲醇", purityPct: "99.900" });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("产品目录");
    sheet.addRow(["产品编码", "产品名称", "CAS号", "可供量(吨)"]);
    sheet.addRow(["X-1", "丙酮", "67-64-1", 35.5]);
    sheet.addRow(["X-2", "丁酮", "78-93-3", -1]);
    const xlsx = await readCatalogue({ name: "c.xlsx", bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) });
    expect(xlsx.rows).toMatchObject([{ sku: "X-1", availableT: "35.500" }]);
    expect(xlsx.rejected).toMatchObject([{ row: 3, column: "available_t" }]);
  });

  it("reads back its own downloadable template, headed by both label and key", async () => {
    const template = templateFile("catalogue")!;
    expect(template.body.split("\r\n")[0]).toContain("产品编码 (sku),产品名称 (name),CAS号 (cas)");
    const parsed = await readCatalogue({ name: template.filename, bytes: Buffer.from(template.body) });
    expect(parsed.rejected).toEqual([]);
    expect(parsed.rows.map((r) => r.cas)).toEqual(["67-63-0", "7664-93-9"]);
    expect(parsed.columns).toHaveLength(CATALOGUE_COLUMNS.length);
  });

  it.each([
    ["no required header", csv("名称,CAS\n甲醇,67-56-1\n"), "sku"],
    ["an empty file", csv(""), "empty"],
    ["not UTF-8", { name: "c.csv", bytes: Buffer.from([0x73, 0x6b, 0x75, 0x2c, 0xb2, 0xfa, 0xc6, 0xb7, 0x0a]) }, "UTF-8"],
    ["a broken XLSX", { name: "c.xlsx", bytes: Buffer.from("PK not really a workbook") }, "XLSX"],
  ])("refuses %s as a whole", async (_, file, word) => {
    await expect(readCatalogue(file)).rejects.toMatchObject({ code: "INVALID", messages: { en: expect.stringContaining(word) } });
  });
});

describe("catalogue import", () => {
  it("lands every good row, updates a re-imported sku and announces each product to search", async () => {
    const enterprise = await makeEnterprise();
    const first = await importCatalogueNow(db, systemActor, {
      enterpriseId: enterprise.id,
      file: csv(`${HEADER_ZH}\nC-1,异丙醇,67-63-0,工业级,99.9,液体,160kg桶,1000,100,7000,\nC-2,甲苯,108-88-3,,,,,,,,\nC-3,坏行,67-63-1,,,,,,,,\n`),
    });
    expect(first).toMatchObject({ status: "done", inserted: 2, updated: 0, rejectedCount: 1, progress: 1 });
    expect(first.rejected[0]).toMatchObject({ row: 4, column: "cas" });

    const second = await importCatalogueNow(db, systemActor, {
      enterpriseId: enterprise.id,
      file: csv("sku,name,available_t,price_cny_per_t\nC-1,异丙醇 IPA 99.9%,80,7200\nC-4,丙酮,10,5600\n"),
    });
    expect(second).toMatchObject({ status: "done", inserted: 1, updated: 1, rejectedCount: 0 });
    const rows = await catalogueOf(enterprise.id);
    expect(rows.map((r) => r.sku)).toEqual(["C-1", "C-2", "C-4"]);
    // the columns of the new file are updated; what it says nothing about is kept
    expect(rows[0]).toMatchObject({ name: "异丙醇 IPA 99.9%", availableT: "80.000", priceCnyPerT: "7200.00", cas: "67-63-0", grade: "industrial", packaging: "160kg桶" });

    const announced = await db
      .select({ entityId: outbox.entityId })
      .from(outbox)
      .where(and(eq(outbox.topic, "products:search"), inArray(outbox.entityId, rows.map((r) => String(r.id)))));
    expect(new Set(announced.map((a) => Number(a.entityId)))).toEqual(new Set(rows.map((r) => r.id)));
  });

  it("imports a large file slice by slice, with progress, resuming where it stopped and never twice", async () => {
    const enterprise = await makeEnterprise();
    const { actor } = await makeUser({ enterpriseId: enterprise.id, role: "staff" });
    const lines = Array.from({ length: 12 }, (_, i) => `D-${String(i).padStart(3, "0")},产品${i},,,,,,,${i},,`);
    const job = await startCatalogueImport(db, actor, { enterpriseId: enterprise.id, file: csv(`${HEADER_ZH}\n${lines.join("\n")}\nD-000,重复,,,,,,,,,\n`) });
    // the request only stores the file: its rows are read by the worker, in the first slice
    expect(job).toMatchObject({ status: "queued", totalRows: 0, validRows: 0, processedRows: 0, rejectedCount: 0 });

    expect(await db.transaction((tx) => runImportSlice(tx, job.id, 5))).toEqual({ more: true });
    expect(await getImportJob(db, actor, job.id)).toMatchObject({
      status: "running", totalRows: 13, validRows: 12, processedRows: 5, inserted: 5, rejectedCount: 1, progress: 5 / 12,
    });
    // a slice that fails leaves nothing behind: its rows and its progress roll back together
    await db.transaction(async (tx) => {
      await runImportSlice(tx, job.id, 5);
      tx.rollback();
    }).catch(() => {});
    expect(await getImportJob(db, actor, job.id)).toMatchObject({ processedRows: 5, inserted: 5 });
    expect((await catalogueOf(enterprise.id)).length).toBe(5);

    await db.transaction((tx) => runImportSlice(tx, job.id, 5));
    expect(await db.transaction((tx) => runImportSlice(tx, job.id, 5))).toEqual({ more: false });
    expect(await db.transaction((tx) => runImportSlice(tx, job.id, 5))).toEqual({ more: false });
    const done = await getImportJob(db, actor, job.id);
    expect(done).toMatchObject({ status: "done", processedRows: 12, inserted: 12, updated: 0, rejectedCount: 1, progress: 1 });
    expect((await catalogueOf(enterprise.id)).length).toBe(12);
  });

  it("refuses an unusable file before storing anything", async () => {
    const enterprise = await makeEnterprise();
    await expect(startCatalogueImport(db, systemActor, { enterpriseId: enterprise.id, file: csv("name\nx\n") })).rejects.toMatchObject({ code: "INVALID" });
    await expect(startCatalogueImport(db, systemActor, { enterpriseId: enterprise.id, file: { name: "c.pdf", bytes: Buffer.from("%PDF-") } })).rejects.toMatchObject({ code: "INVALID" });
    await expect(startCatalogueImport(db, systemActor, { enterpriseId: 2_000_000_000, file: csv("sku,name\na,b\n") })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
