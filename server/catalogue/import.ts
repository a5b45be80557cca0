import type { Db } from "@/db";
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { eventLoopPacer, type ImportLimits } from "@/server/imports/limits";
import { readRows, type ImportColumn, type RowError } from "@/server/imports/table";
import { looksLikeCas, normalizeCas } from "@/server/substances/cas";
import { MAX_PRICE, MAX_TONNES, type ProductFields } from "./catalogue.schemas";
import { formFromWord, gradeFromWord, type Form, type Grade } from "./vocabulary";
import { insertProducts, type ProductRecord } from "./write-product";

/** The catalogue import format (DESIGN.md, "Catalogue import"): English keys or Chinese labels. */
export const CATALOGUE_COLUMNS: ImportColumn[] = [
  { key: "sku", label: "产品编码", required: true },
  { key: "name", label: "产品名称", required: true },
  { key: "cas", label: "CAS号" },
  { key: "grade", label: "规格等级" },
  { key: "purity", label: "纯度(%)" },
  { key: "form", label: "形态" },
  { key: "packaging", label: "包装" },
  { key: "capacity_tpy", label: "年产能(吨)" },
  { key: "available_t", label: "可供量(吨)" },
  { key: "price_cny_per_t", label: "参考价(元/吨)" },
  { key: "description", label: "说明" },
];

/** A row that passed validation, ready to be written. */
export interface CatalogueRow {
  row: number;
  sku: string;
  name: string;
  cas: string | null;
  grade: Grade | null;
  purityPct: string | null;
  form: Form | null;
  packaging: string | null;
  capacityTpy: string | null;
  availableT: string | null;
  priceCnyPerT: string | null;
  description: string | null;
}

export interface ParsedCatalogue {
  /** data rows in the file (blank lines aside) */
  total: number;
  /** the columns the file has: a re-imported product keeps what the file says nothing about */
  columns: string[];
  rows: CatalogueRow[];
  rejected: RowError[];
}

class Rejection {
  constructor(readonly column: string, readonly zh: string, readonly en: string) {}
}
const reject = (column: string, zh: string, en: string): never => {
  throw new Rejection(column, zh, en);
};

const LABEL = Object.fromEntries(CATALOGUE_COLUMNS.map((c) => [c.key, c.label]));

function text(values: Record<string, string>, key: string, max: number): string | null {
  const value = (values[key] ?? "").trim();
  if (value.length > max) reject(key, `${LABEL[key]}过长（最多 ${max} 字）`, `${key} is too long (${max} characters at most)`);
  return value || null;
}

/** A non-negative decimal with at most `scale` decimals, as the database stores it; null when empty. */
function decimal(values: Record<string, string>, key: string, options: { max: number; scale: number; unit: { zh: string; en: string } }): string | null {
  const raw = (values[key] ?? "").trim().replace(/[,，\s]/g, "");
  if (!raw) return null;
  const unitless = key === "purity" ? raw.replace(/[%％]$/, "") : raw;
  if (/^[-−]/.test(unitless) && Number.isFinite(Number(unitless.replace("−", "-")))) {
    reject(key, `${LABEL[key]}不能为负数：“${values[key]}”`, `${key} cannot be negative: "${values[key]}"`);
  }
  if (!/^\d+(\.\d+)?$/.test(unitless)) {
    reject(key, `${LABEL[key]}不是有效的数字：“${values[key]}”`, `${key} is not a number: "${values[key]}"`);
  }
  const value = Number(unitless);
  if (value > options.max) {
    reject(key, `${LABEL[key]}不能超过 ${options.max}${options.unit.zh}：“${values[key]}”`, `${key} cannot exceed ${options.max}${options.unit.en}: "${values[key]}"`);
  }
  return value.toFixed(options.scale);
}

/** Validates one row: the row ready to write, or the first problem found (column and reason in both languages). */
export function validateCatalogueRow(rowNumber: number, values: Record<string, string>): CatalogueRow | RowError {
  try {
    const sku = text(values, "sku", 64);
    if (!sku) reject("sku", "产品编码必填", "sku is required");
    if (/[\t\r\n]/.test(sku!)) reject("sku", "产品编码不能包含换行或制表符", "sku cannot contain line breaks or tabs");
    const name = text(values, "name", 200);
    if (!name) reject("name", "产品名称必填", "name is required");

    const rawCas = (values.cas ?? "").trim();
    const cas = rawCas ? normalizeCas(rawCas) : null;
    if (rawCas && !cas) {
      if (looksLikeCas(rawCas)) reject("cas", `CAS号校验位错误：“${rawCas}”`, `CAS number check digit is wrong: "${rawCas}"`);
      reject("cas", `不是有效的 CAS号：“${rawCas}”（格式如 67-63-0）`, `Not a CAS number: "${rawCas}" (written like 67-63-0)`);
    }

    const rawGrade = (values.grade ?? "").trim();
    const grade = rawGrade ? gradeFromWord(rawGrade) : null;
    if (rawGrade && !grade) {
      reject("grade", `未知的规格等级：“${rawGrade}”（可用：工业级、试剂级、电子级、医药级、食品级）`,
        `Unknown grade "${rawGrade}" (use industrial, reagent, electronic, pharma or food)`);
    }
    const purityPct = decimal(values, "purity", { max: 100, scale: 3, unit: { zh: "%", en: "%" } });

    const rawForm = (values.form ?? "").trim();
    const form = rawForm ? formFromWord(rawForm) : null;
    if (rawForm && !form) reject("form", `未知的形态：“${rawForm}”（可用：液体、固体、气体）`, `Unknown form "${rawForm}" (use liquid, solid or gas)`);

    const tonnes = { max: MAX_TONNES, scale: 3, unit: { zh: " 吨", en: " t" } };
    return {
      row: rowNumber,
      sku: sku!,
      name: name!,
      cas,
      grade,
      purityPct,
      form,
      packaging: text(values, "packaging", 100),
      capacityTpy: decimal(values, "capacity_tpy", tonnes),
      availableT: decimal(values, "available_t", tonnes),
      priceCnyPerT: decimal(values, "price_cny_per_t", { max: MAX_PRICE, scale: 2, unit: { zh: " 元", en: " CNY" } }),
      description: text(values, "description", 2000),
    };
  } catch (e) {
    if (e instanceof Rejection) return { row: rowNumber, column: e.column, zh: e.zh, en: e.en };
    throw e;
  }
}

/**
 * Reads and validates a whole catalogue file. Throws INVALID when the file as a whole is unusable
 * (unreadable, empty, a required column missing); otherwise returns the good rows and a reason for
 * each bad one. A sku that appears again further down the file is a bad row: the first one counts.
 * Rows are validated as they are read, the event loop running in between (a big file takes seconds).
 */
export async function readCatalogue(file: { name: string; bytes: Uint8Array }, limits?: ImportLimits): Promise<ParsedCatalogue> {
  const rows: CatalogueRow[] = [];
  const rejected: RowError[] = [];
  const firstRowOfSku = new Map<string, number>();
  let total = 0;
  let columns: string[] = [];
  const pace = eventLoopPacer();
  for await (const { rowNumber, values } of readRows(file, CATALOGUE_COLUMNS, limits)) {
    if (total++ === 0) columns = Object.keys(values);
    await pace();
    const result = validateCatalogueRow(rowNumber, values);
    if ("zh" in result) {
      rejected.push(result);
      continue;
    }
    const first = firstRowOfSku.get(result.sku);
    if (first !== undefined) {
      rejected.push({
        row: rowNumber, column: "sku",
        zh: `产品编码 ${result.sku} 在文件中重复（第 ${first} 行已出现）`,
        en: `sku ${result.sku} appears twice in the file (first on row ${first})`,
      });
      continue;
    }
    firstRowOfSku.set(result.sku, rowNumber);
    rows.push(result);
  }
  return { total, columns, rows, rejected };
}

/**
 * Reads a catalogue file only as far as its header and first row: throws INVALID at once when the
 * file as a whole is unusable (over a limit, unreadable, empty, a required column missing), so that
 * the page can say so before a background job takes the file; the rows are read by the worker.
 */
export async function checkCatalogueHeader(file: { name: string; bytes: Uint8Array }, limits?: ImportLimits): Promise<void> {
  for await (const _row of readRows(file, CATALOGUE_COLUMNS, limits)) break;
}

export interface WriteResult {
  inserted: number;
  updated: number;
  ids: number[];
  failed: RowError[];
}

/** A validated row as the product writer takes it. */
const recordOf = (r: CatalogueRow): ProductRecord => ({
  sku: r.sku, name: r.name, cas: r.cas, grade: r.grade, purityPct: number(r.purityPct), form: r.form, packaging: r.packaging,
  capacityTpy: number(r.capacityTpy), availableT: number(r.availableT), priceCnyPerT: number(r.priceCnyPerT), description: r.description,
});
const number = (v: string | null) => (v === null ? null : Number(v));

/** The product field each file column fills. */
const FIELD_OF: Record<string, keyof ProductFields> = {
  name: "name", cas: "cas", grade: "grade", purity: "purityPct", form: "form", packaging: "packaging",
  capacity_tpy: "capacityTpy", available_t: "availableT", price_cny_per_t: "priceCnyPerT", description: "description",
};

/**
 * Inserts new skus and updates known ones through the product writer, in the fields the file has
 * (a column the file lacks keeps its value; an empty cell clears it); a retired product stays retired.
 */
function upsert(db: Db, actor: Actor, enterpriseId: number, rows: CatalogueRow[], fileColumns: string[]) {
  const fields = fileColumns.map((c) => FIELD_OF[c]).filter((f): f is keyof ProductFields => f !== undefined);
  return insertProducts(db, actor, enterpriseId, rows.map(recordOf), { action: "import-create", upsert: { fields, updateAction: "import-update" } });
}

const STATEMENT_ROWS = 2000;

/**
 * Writes validated rows of one enterprise inside the caller's transaction, through the product
 * writer (audited as the actor's, announced to the `products` listeners). Rows go in by the
 * thousand; should a batch fail, its rows are written one by one so that only the row at fault is
 * reported — never half a row, never a good row lost.
 */
export async function writeCatalogueRows(db: Db, actor: Actor, enterpriseId: number, rows: CatalogueRow[], fileColumns: string[]): Promise<WriteResult> {
  const result: WriteResult = { inserted: 0, updated: 0, ids: [], failed: [] };
  const take = (written: { id: number; inserted: boolean }[]) => {
    for (const w of written) {
      result.ids.push(w.id);
      if (w.inserted) result.inserted++;
      else result.updated++;
    }
  };
  for (let i = 0; i < rows.length; i += STATEMENT_ROWS) {
    const batch = rows.slice(i, i + STATEMENT_ROWS);
    try {
      take(await db.transaction((sp) => upsert(sp, actor, enterpriseId, batch, fileColumns)));
    } catch {
      for (const row of batch) {
        try {
          take(await db.transaction((sp) => upsert(sp, actor, enterpriseId, [row], fileColumns)));
        } catch (e) {
          if (e instanceof AppError) {
            result.failed.push({ row: row.row, column: columnOf(e), zh: e.messages.zh, en: e.messages.en });
            continue;
          }
          const reason = (e as Error).message.slice(0, 200);
          result.failed.push({ row: row.row, column: null, zh: `无法保存：${reason}`, en: `Could not save: ${reason}` });
        }
      }
    }
  }
  return result;
}

/** The file column of a field the product writer refused. */
function columnOf(e: AppError): string | null {
  const field = (e.details as { field?: string | null } | undefined)?.field;
  return Object.entries(FIELD_OF).find(([, f]) => f === field)?.[0] ?? (field === "sku" ? "sku" : null);
}
