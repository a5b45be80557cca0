import { pipeline, Readable } from "node:stream";
import { parse } from "csv-parse";
import { AppError } from "@/server/errors";
import { eventLoopPacer, fileTooLarge, importLimits, tooManyRows, type ImportLimits } from "./limits";
import { xlsxRows, type SheetRow } from "./xlsx";

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

const isXlsx = (name: string) => name.toLowerCase().endsWith(".xlsx");

/**
 * The data rows of a CSV (UTF-8, with or without BOM) or XLSX file (its first worksheet), keyed by
 * column key, as they are read: linear in the file's size, letting the event loop run as it goes.
 * The header is the first row that is not blank; blank rows are skipped, and each row keeps the
 * number a spreadsheet shows for it. Refuses the file as a whole (INVALID) when it is over a limit
 * (`limits.ts`: size, unpacked size, rows — checked before and while reading, never after),
 * unreadable, empty or missing a required column.
 */
export async function* readRows(file: { name: string; bytes: Uint8Array }, columns: ImportColumn[], limits: ImportLimits = importLimits()): AsyncGenerator<TableRow> {
  if (file.bytes.length > limits.maxFileBytes) throw fileTooLarge(limits.maxFileBytes);
  const pace = eventLoopPacer();
  const source = isXlsx(file.name) ? xlsxRows(file.bytes, { maxUnzippedBytes: limits.maxUnzippedBytes, pace }) : csvRows(file.bytes, pace);
  let keyed: Array<[number, string]> | null = null;
  let count = 0;
  for await (const { number, cells } of source) {
    if (!cells.some((c) => c.trim() !== "")) continue;
    if (!keyed) {
      keyed = headerColumns(cells, columns);
      continue;
    }
    if (++count > limits.maxRows) throw tooManyRows(limits.maxRows);
    const values: Record<string, string> = {};
    for (const [col, key] of keyed) values[key] = (cells[col] ?? "").trim();
    yield { rowNumber: number, values };
  }
  if (!keyed) throw unusable("文件为空", "The file is empty");
}

/** Reads a whole CSV or XLSX file into rows keyed by column key (see `readRows`). */
export async function readTable(file: { name: string; bytes: Uint8Array }, columns: ImportColumn[], limits?: ImportLimits): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of readRows(file, columns, limits)) rows.push(row);
  return rows;
}

/** The column key of each heading that names one, by column; refuses a header without a required column. */
function headerColumns(header: string[], columns: ImportColumn[]): Array<[number, string]> {
  const byHeading = new Map<string, string>();
  for (const c of columns) {
    byHeading.set(c.key.toLowerCase(), c.key);
    byHeading.set(c.label.toLowerCase(), c.key);
  }
  const keyed: Array<[number, string]> = [];
  header.forEach((heading, col) => {
    const key = headingKey(heading, byHeading);
    if (key) keyed.push([col, key]);
  });
  const missing = columns.filter((c) => c.required && !keyed.some(([, key]) => key === c.key));
  if (missing.length) {
    const names = missing.map((c) => `${c.key} (${c.label})`).join(", ");
    throw unusable(`缺少必填列：${names}`, `Missing required column(s): ${names}`);
  }
  return keyed;
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

const notUtf8 = () => unusable("无法读取 CSV 文件：不是 UTF-8 编码（请另存为“CSV UTF-8”）", "Cannot read the CSV file: it is not UTF-8 (save it as \"CSV UTF-8\")");

/** The file's text, 64 KiB at a time; refuses what is not UTF-8. */
function* utf8Chunks(bytes: Uint8Array): Generator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  const CHUNK = 64 * 1024;
  for (let i = 0; i <= bytes.length; i += CHUNK) {
    let text: string;
    try {
      text = i + CHUNK >= bytes.length ? decoder.decode(bytes.subarray(i)) : decoder.decode(bytes.subarray(i, i + CHUNK), { stream: true });
    } catch {
      throw notUtf8();
    }
    if (text) yield text;
  }
}

/** The records of a CSV file as they are parsed, numbered as a spreadsheet numbers them (a blank line is a row too). */
async function* csvRows(bytes: Uint8Array, pace: () => Promise<void>): AsyncGenerator<SheetRow> {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: false });
  const source = Readable.from(utf8Chunks(bytes), { objectMode: false });
  pipeline(source, parser, () => {});
  let number = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      yield { number: ++number, cells };
      await pace();
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw unusable(`无法读取 CSV 文件：${(e as Error).message}`, `Cannot read the CSV file: ${(e as Error).message}`);
  } finally {
    source.destroy();
    parser.destroy();
  }
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
