import fs from "node:fs";
import ExcelJS from "exceljs";
import { readRows } from "@/server/imports/table";
import { CATALOGUE_COLUMNS, readCatalogue } from "@/server/catalogue/import";
const file = "/tmp/imp/p100k.xlsx";
if (!fs.existsSync(file)) {
  const w = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const s = w.addWorksheet("x");
  s.addRow(CATALOGUE_COLUMNS.map((c) => c.label)).commit();
  for (let i = 0; i < 100000; i++) s.addRow([`L-${i}`, `产品 ${i}`, "67-63-0", "工业级", 99, "液体", "200L桶", 1000, i % 500, 7000, ""]).commit();
  s.commit(); await w.commit();
}
const bytes = fs.readFileSync(file);
for (let k = 0; k < 2; k++) {
  let t = performance.now(); let n = 0;
  for await (const _ of readRows({ name: "a.xlsx", bytes }, CATALOGUE_COLUMNS)) n++;
  const a = performance.now() - t; t = performance.now();
  const c = await readCatalogue({ name: "a.xlsx", bytes });
  console.log("rows", Math.round(a), "catalogue", Math.round(performance.now() - t), n, c.rows.length);
}
