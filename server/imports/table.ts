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
  const keys = header.map((h) => byHeading.get(h.trim().toLowerCase()) ?? null);
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

function readCsv(bytes: Uint8Array): string[][] {
  const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
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

/** A CSV template headed by the Chinese labels (the English keys are accepted as headers too). */
export function templateCsv(columns: ImportColumn[], example: string[][] = []): string {
  const line = (cells: string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
  return "\uFEFF" + [line(columns.map((c) => c.label)), ...example.map(line)].join("\r\n") + "\r\n";
}
