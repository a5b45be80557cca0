/**
 * `npx tsx bench/import-parse.ts`: is reading an import file linear in its rows, and does the web
 * server's event loop keep running meanwhile? No database needed.
 *
 * Writes catalogue files of N, 2N and 4N rows (XLSX with exceljs's streaming writer, and CSV) to a
 * temporary folder, reads and validates each with `readCatalogue` (what an import does before it
 * writes), and prints the time per file, the ratio of each time to the previous one (linear: about
 * 2; the old reader's O(rows²): about 4) and the longest the event loop waited meanwhile.
 *
 * Options: --rows N (10000), --samples N (3, the best of which counts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";
import { CATALOGUE_COLUMNS, readCatalogue } from "@/server/catalogue/import";

const { values } = parseArgs({ options: { rows: { type: "string", default: "10000" }, samples: { type: "string", default: "3" } } });
const ROWS = Number(values.rows);
const SAMPLES = Number(values.samples);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parklink-bench-import-"));

const row = (i: number) => [`SKU-${i}`, `产品 ${i}`, "67-63-0", "电子级", "99.9", "液体", "200L桶", "5000", String(i % 500), "13500", `说明 ${i}`];

async function writeXlsx(rows: number): Promise<string> {
  const file = path.join(dir, `catalogue-${rows}.xlsx`);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = workbook.addWorksheet("产品目录");
  sheet.addRow(CATALOGUE_COLUMNS.map((c) => c.label)).commit();
  for (let i = 0; i < rows; i++) sheet.addRow(row(i)).commit();
  sheet.commit();
  await workbook.commit();
  return file;
}

function writeCsv(rows: number): string {
  const file = path.join(dir, `catalogue-${rows}.csv`);
  const lines = [CATALOGUE_COLUMNS.map((c) => c.label).join(",")];
  for (let i = 0; i < rows; i++) lines.push(row(i).join(","));
  fs.writeFileSync(file, "\uFEFF" + lines.join("\r\n") + "\r\n");
  return file;
}

/** The best of SAMPLES reads, and the longest event-loop wait seen by a 10 ms timer meanwhile. */
async function measure(file: string, rows: number) {
  const bytes = fs.readFileSync(file);
  let best = Infinity;
  let longestWait = 0;
  for (let s = 0; s < SAMPLES; s++) {
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestWait = Math.max(longestWait, now - last);
      last = now;
    }, 10);
    const start = performance.now();
    const parsed = await readCatalogue({ name: path.basename(file), bytes });
    best = Math.min(best, performance.now() - start);
    clearInterval(timer);
    if (parsed.total !== rows || parsed.rows.length !== rows) throw new Error(`${file}: ${parsed.total} rows read, ${rows} written`);
  }
  return { ms: best, longestWait };
}

const figures: Record<string, number> = {};
try {
  for (const kind of ["xlsx", "csv"] as const) {
    let previous: number | null = null;
    let first: number | null = null;
    let worstWait = 0;
    console.log(`\n${kind.toUpperCase()}`);
    console.log("rows      bytes        read (ms)  ratio to previous  longest event-loop wait (ms)");
    for (const rows of [ROWS, ROWS * 2, ROWS * 4]) {
      const file = kind === "xlsx" ? await writeXlsx(rows) : writeCsv(rows);
      const { ms, longestWait } = await measure(file, rows);
      const ratio: string = previous === null ? "—" : (ms / previous).toFixed(2);
      console.log(`${String(rows).padEnd(9)} ${String(fs.statSync(file).size).padEnd(12)} ${ms.toFixed(0).padEnd(10)} ${ratio.padEnd(18)} ${longestWait.toFixed(0)}`);
      previous = ms;
      first ??= ms;
      worstWait = Math.max(worstWait, longestWait);
    }
    // 4× the rows: about 4 when reading is linear, about 16 when quadratic
    figures[`${kind}Parse4xRowsRatio`] = Number((previous! / first!).toFixed(2));
    figures[`${kind}LongestEventLoopWaitMs`] = Math.round(worstWait);
  }
  console.log(JSON.stringify({ rows: ROWS, ...figures }));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
