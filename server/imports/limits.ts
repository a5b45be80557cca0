import { MAX_IMPORT_BYTES } from "@/db/schema";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";

/**
 * What one import file may hold, checked before and while it is read: its size as uploaded, what
 * an XLSX (a zip) unpacks to, and its data rows. Rows and unpacked bytes are configurable
 * (`PARKLINK_IMPORT_MAX_ROWS`, `PARKLINK_IMPORT_MAX_UNZIPPED_BYTES`); the file size is the one the
 * database accepts for a catalogue import.
 */
export interface ImportLimits {
  maxFileBytes: number;
  maxUnzippedBytes: number;
  maxRows: number;
}

export const DEFAULT_IMPORT_MAX_ROWS = 200_000;
export const DEFAULT_IMPORT_MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

export function importLimits(overrides: Partial<ImportLimits> = {}): ImportLimits {
  return {
    maxFileBytes: MAX_IMPORT_BYTES,
    maxUnzippedBytes: Number(env.PARKLINK_IMPORT_MAX_UNZIPPED_BYTES) || DEFAULT_IMPORT_MAX_UNZIPPED_BYTES,
    maxRows: Number(env.PARKLINK_IMPORT_MAX_ROWS) || DEFAULT_IMPORT_MAX_ROWS,
    ...overrides,
  };
}

/**
 * The enterprise directory and agreement imports write row by row while the page (or the CLI)
 * waits for the summary, so they take at most this many rows (or PARKLINK_IMPORT_MAX_ROWS if
 * lower): a directory or a signing event is hundreds of rows; a bigger file is split.
 */
export const WAITED_IMPORT_MAX_ROWS = 5_000;

export function waitedImportLimits(): ImportLimits {
  const limits = importLimits();
  return { ...limits, maxRows: Math.min(limits.maxRows, WAITED_IMPORT_MAX_ROWS) };
}

const megabytes = (bytes: number) => `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
const count = (n: number) => n.toLocaleString("en-US");

export const fileTooLarge = (limit: number) =>
  new AppError("INVALID", { zh: `文件过大：超过 ${megabytes(limit)}，请拆分后再导入`, en: `File too large: over ${megabytes(limit)}; split it and import the parts` });

export const unzipsTooLarge = (limit: number) =>
  new AppError("INVALID", { zh: `文件过大：解压后超过 ${megabytes(limit)}`, en: `File too large: over ${megabytes(limit)} uncompressed` });

export const tooManyRows = (limit: number) =>
  new AppError("INVALID", { zh: `行数超过上限 ${count(limit)}，请拆分后再导入`, en: `Too many rows: more than ${count(limit)}; split the file and import the parts` });

/**
 * Lets the event loop run (timers, sockets: a health check, other requests) whenever the caller
 * has held it for `sliceMs`: call the returned function in every turn of a long loop.
 */
export function eventLoopPacer(sliceMs = 20): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}
