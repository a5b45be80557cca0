import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { AppError } from "@/server/errors";

/** One column of an import format: its English key and Chinese label (either may head the column). */
export interface ImportColumn {
  key: string;
  label: string;
  required?: boolean;
}

export interface TableRow {
  /** the row's number as a spreadsheet shows it (the header is row 1) */
  rowNumber: number;
  values: Record<string, string>;
}

/** A bad cell, reported with its row, column and reason in both languages. */
export interface RowError {
  row: number;
  column: string | null;
  zh: string;
  en: string;
}

const unusable = (zh: string, en: string) => new AppError("INVALID", { zh, en });

/** Reads a CSV (UTF-8, with or without BOM) or XLSX file into rows keyed by column key. */
export async function readTable(file: { name: string; bytes: Uint8Array }, columns: ImportColumn[]): Promise<TableRow[]> {
  const cells = file.name.toLowerCase().endsWith(".xlsx") ? await readXlsx(file.bytes) : readCsv(file.bytes);
  const [header, ...body] = cells;
  if (!header) throw unusable("文件为空", "The file is empty");

  const byHeading = new Map<string, string>();
  for (const c of columns) {
    byHeading.set(c.key.toLowerCase(), c.key);
    byHeading.set(c.label.toLowerCase(), c.key);
  }
  const keys = header.map((h) => headingKey(h, byHeading));
  const missing = columns.filter((c) => c.required && !keys.includes(c.key));
  if (missing.length) {
    const names = missing.map((c) => `${c.key} (${c.label})`).join(", ");
    throw unusable(`缺少必填列：${names}`, `Missing required column(s): ${names}`);
  }

  const rows: TableRow[] = [];
  body.forEach((cellsOfRow, i) => {
    if (cellsOfRow.every((c) => c.trim() === "")) return;
    const values: Record<string, string> = {};
    keys.forEach((key, col) => {
      if (key) values[key] = (cellsOfRow[col] ?? "").trim();
    });
    rows.push({ rowNumber: i + 2, values });
  });
  return rows;
}

/**
 * The column a heading names: its English key, its Chinese label, or both as the templates write
 * them, "产品编码 (sku)".
 */
function headingKey(heading: string, byHeading: Map<string, string>): string | null {
  const text = heading.trim().toLowerCase();
  const direct = byHeading.get(text);
  if (direct) return direct;
  const both = /^(.+?)\s*[(（]\s*([a-z_]+)\s*[)）]$/.exec(text);
  if (!both) return null;
  const byKey = byHeading.get(both[2]!);
  const byLabel = byHeading.get(both[1]!.trim());
  return byKey && (!byLabel || byLabel === byKey) ? byKey : null;
}

function readCsv(bytes: Uint8Array): string[][] {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw unusable("无法读取 CSV 文件：不是 UTF-8 编码（请另存为“CSV UTF-8”）", "Cannot read the CSV file: it is not UTF-8 (save it as \"CSV UTF-8\")");
  }
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true });
  } catch (e) {
    throw unusable(`无法读取 CSV 文件：${(e as Error).message}`, `Cannot read the CSV file: ${(e as Error).message}`);
  }
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unusable("无法读取 XLSX 文件", "Cannot read the XLSX file");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
  }
  return String(value);
}

/**
 * A CSV template headed by the Chinese labels (the English keys are accepted as headers too), or
 * by both, "产品编码 (sku)", with `bothHeadings`.
 */
export function templateCsv(columns: ImportColumn[], example: string[][] = [], options: { bothHeadings?: boolean } = {}): string {
  const line = (cells: string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
  const heading = (c: ImportColumn) => (options.bothHeadings ? `${c.label} (${c.key})` : c.label);
  return "\uFEFF" + [line(columns.map(heading)), ...example.map(line)].join("\r\n") + "\r\n";
}
