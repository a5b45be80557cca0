import zlib from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readCatalogue } from "@/server/catalogue/import";
import { importLimits } from "./limits";
import { readTable, type ImportColumn } from "./table";

const COLUMNS: ImportColumn[] = [
  { key: "sku", label: "产品编码", required: true },
  { key: "name", label: "产品名称" },
];

/**
 * A zip written by hand, so that a test can say what it likes in it: entries deflated chunk by
 * chunk (a sheet of hundreds of megabytes of spaces is a few hundred kilobytes, and never held
 * whole), each declaring in the central directory the uncompressed size `declare` says, true or not.
 */
function zip(entries: Array<{ name: string; chunks: () => Iterable<Buffer>; declare?: (real: number) => number }>): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    // sync-flushed raw deflate pieces concatenate into one stream; the same chunk deflates the same
    const deflated = new Map<Buffer, Buffer>();
    const data: Buffer[] = [];
    let crc = 0;
    let size = 0;
    for (const chunk of entry.chunks()) {
      crc = zlib.crc32(chunk, crc);
      size += chunk.length;
      if (!deflated.has(chunk)) deflated.set(chunk, zlib.deflateRawSync(chunk, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
      data.push(deflated.get(chunk)!);
    }
    data.push(zlib.deflateRawSync(Buffer.alloc(0)));
    const body = Buffer.concat(data);
    const declared = entry.declare ? entry.declare(size) : size;
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, body);
    directory.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

const text = (s: string) => () => [Buffer.from(s)];
const MB = 1024 * 1024;

/** A minimal workbook whose first sheet is `sheet` (its XML in chunks), with any further entries. */
function workbook(sheet: () => Iterable<Buffer>, extra: Parameters<typeof zip>[0] = [], declareSheet?: (real: number) => number) {
  return zip([
    { name: "[Content_Types].xml", chunks: text('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: "_rels/.rels", chunks: text('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
    { name: "xl/workbook.xml", chunks: text('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="产品" sheetId="1" r:id="rId1"/></sheets></workbook>') },
    { name: "xl/_rels/workbook.xml.rels", chunks: text('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
    { name: "xl/worksheets/sheet1.xml", chunks: sheet, declare: declareSheet },
    ...extra,
  ]);
}

const sheetXml = (rows: string) => `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
const inlineRow = (r: number, cells: string[]) =>
  `<row r="${r}">${cells.map((c, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${c}</t></is></c>`).join("")}</row>`;

/** A sheet whose XML unpacks to `megabytes` of spaces between two real rows. */
function* bomb(megabytes: number): Generator<Buffer> {
  yield Buffer.from(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${inlineRow(1, ["sku"])}`);
  const spaces = Buffer.alloc(MB, " ");
  for (let i = 0; i < megabytes; i++) yield spaces;
  yield Buffer.from(`${inlineRow(2, ["A-1"])}</sheetData></worksheet>`);
}

const refusal = (zh: string, en: string) => ({ code: "INVALID", messages: { zh: expect.stringContaining(zh), en: expect.stringContaining(en) } });

describe("import limits", () => {
  it("refuses a zip bomb by the sizes its directory declares, before inflating anything (default limit 200 MB)", async () => {
    expect(importLimits().maxUnzippedBytes).toBe(200 * MB);
    const file = workbook(() => bomb(201));
    expect(file.length).toBeLessThan(2 * MB);
    await expect(readTable({ name: "bomb.xlsx", bytes: file }, COLUMNS)).rejects.toMatchObject(refusal("文件过大：解压后超过 200 MB", "File too large: over 200 MB uncompressed"));
  });

  it("counts every entry of the zip, even one the reader would never open", async () => {
    const file = workbook(text(sheetXml(inlineRow(1, ["sku"]) + inlineRow(2, ["A-1"]))), [{ name: "xl/media/image1.png", chunks: () => bomb(3) }]);
    await expect(readTable({ name: "c.xlsx", bytes: file }, COLUMNS, importLimits({ maxUnzippedBytes: 2 * MB }))).rejects.toMatchObject(refusal("解压后超过 2 MB", "over 2 MB uncompressed"));
    // the same file within the limit reads normally
    expect(await readTable({ name: "c.xlsx", bytes: file }, COLUMNS, importLimits({ maxUnzippedBytes: 4 * MB }))).toEqual([{ rowNumber: 2, values: { sku: "A-1" } }]);
  });

  it("stops inflating an entry that unpacks to more than its directory declares", async () => {
    const file = workbook(() => bomb(5), [], () => 1000);
    await expect(readTable({ name: "liar.xlsx", bytes: file }, COLUMNS, importLimits({ maxUnzippedBytes: 2 * MB }))).rejects.toMatchObject(
      refusal("解压后超过其声明的大小", "unpacks to more than its declared size"),
    );
  });

  it("refuses a file over the size limit, and a file over the row limit once the row past it is read", async () => {
    const csv = (rows: number) => ({ name: "c.csv", bytes: Buffer.from(["sku,name", ...Array.from({ length: rows }, (_, i) => `S-${i},产品${i}`)].join("\n")) });
    await expect(readTable(csv(3), COLUMNS, importLimits({ maxFileBytes: 10 }))).rejects.toMatchObject(refusal("文件过大：超过", "File too large: over"));

    const limits = importLimits({ maxRows: 100 });
    expect(await readTable(csv(100), COLUMNS, limits)).toHaveLength(100);
    await expect(readTable(csv(101), COLUMNS, limits)).rejects.toMatchObject(refusal("行数超过上限 100", "Too many rows: more than 100"));

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("产品");
    sheet.addRow(["产品编码", "产品名称"]);
    for (let i = 0; i < 101; i++) sheet.addRow([`X-${i}`, `产品${i}`]);
    const xlsx = { name: "c.xlsx", bytes: new Uint8Array(await book.xlsx.writeBuffer()) };
    await expect(readTable(xlsx, COLUMNS, limits)).rejects.toMatchObject(refusal("行数超过上限 100", "more than 100"));
    // the default, as the message writes it
    await expect(readTable(csv(3), COLUMNS, importLimits({ maxRows: 2 }))).rejects.toMatchObject(refusal("行数超过上限 2", "more than 2"));
    expect(importLimits().maxRows).toBe(200_000);
  });
});

describe("rows", () => {
  it("keep the row number the spreadsheet shows, across blank rows and lines, in CSV and XLSX", async () => {
    const parsed = await readCatalogue({
      name: "c.csv",
      bytes: Buffer.from("\uFEFF\n产品编码,产品名称,CAS号\nA-1,甲醇,67-56-1\n\n,,\nA-2,乙醇,64-17-6\n\"A-3\",\"多行\n说明\",\nA-4,丙酮,67-64-1\n"),
    });
    expect(parsed.total).toBe(4);
    expect(parsed.rows.map((r) => [r.row, r.sku])).toEqual([[3, "A-1"], [7, "A-3"], [8, "A-4"]]);
    expect(parsed.rejected.map((r) => [r.row, r.column])).toEqual([[6, "cas"]]);

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("产品");
    sheet.getRow(2).values = ["产品编码", "产品名称", "CAS号", "说明"];
    sheet.getRow(3).values = ["B-1", "甲醇", "67-56-1", new Date("2026-05-18T00:00:00Z")];
    sheet.getRow(6).values = ["B-2", { richText: [{ text: "乙" }, { text: "醇" }] }, "64-17-6"];
    sheet.getRow(9).values = ["B-3", "丙酮", { formula: "\"67-64-\"&\"1\"", result: "67-64-1" }, true];
    const xlsx = await readCatalogue({ name: "c.xlsx", bytes: new Uint8Array(await book.xlsx.writeBuffer()) });
    expect(xlsx.rows.map((r) => [r.row, r.sku, r.name, r.cas, r.description])).toEqual([
      [3, "B-1", "甲醇", "67-56-1", "2026-05-18"],
      [9, "B-3", "丙酮", "67-64-1", "true"],
    ]);
    expect(xlsx.rejected.map((r) => [r.row, r.column])).toEqual([[6, "cas"]]);
  });

  it("come from the workbook's first sheet, by its relationships, with inline strings and cells without references", async () => {
    const sheet = sheetXml(`${inlineRow(1, ["sku", "name"])}<row><c t="inlineStr"><is><r><t>C-</t></r><r><t>1</t></r><rPh><t>ふりがな</t></rPh></is></c><c t="str"><v>名称</v></c></row>`);
    const file = zip([
      { name: "_rels/.rels", chunks: text('<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/book/main.xml"/></Relationships>') },
      { name: "book/main.xml", chunks: text('<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="B" sheetId="2" rel:id="second"/><x:sheet name="A" sheetId="1" rel:id="first"/></x:sheets></x:workbook>') },
      { name: "book/_rels/main.xml.rels", chunks: text('<Relationships><Relationship Id="first" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="sheets/a.xml"/><Relationship Id="second" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="sheets/b.xml"/></Relationships>') },
      { name: "book/sheets/a.xml", chunks: text(sheetXml(inlineRow(1, ["sku"]) + inlineRow(2, ["WRONG"]))) },
      { name: "book/sheets/b.xml", chunks: text(sheet) },
    ]);
    expect(await readTable({ name: "c.xlsx", bytes: file }, COLUMNS)).toEqual([{ rowNumber: 2, values: { sku: "C-1", name: "名称" } }]);
  });
});
