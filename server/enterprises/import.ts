import { inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, parks } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { AppError } from "@/server/errors";
import { waitedImportLimits } from "@/server/imports/limits";
import { readTable, type ImportColumn, type RowError } from "@/server/imports/table";
import { normalizeUscc } from "./uscc";
import { insertEnterprise, updateEnterpriseRecord } from "./write-enterprise";

export const ENTERPRISE_COLUMNS: ImportColumn[] = [
  { key: "uscc", label: "统一社会信用代码", required: true },
  { key: "name", label: "企业名称", required: true },
  { key: "park", label: "园区代码" },
  { key: "chains", label: "产业链" },
  { key: "address", label: "地址" },
];

export interface ImportSummary {
  inserted: number;
  updated: number;
  rejected: RowError[];
}

/**
 * Imports the enterprise directory. Each row is validated and written on its own: a bad row is
 * reported (row, column, reason) and never stops the good ones. Re-importing a credit code updates
 * that enterprise. The file is read streaming, within the import limits and at most
 * WAITED_IMPORT_MAX_ROWS rows (the caller waits for the summary), before anything is written.
 */
export async function importEnterprises(db: Db, actor: Actor, file: { name: string; bytes: Uint8Array }): Promise<ImportSummary> {
  authorize(actor, { type: "enterprise.import" });
  const rows = await readTable(file, ENTERPRISE_COLUMNS, waitedImportLimits());
  const parkRows = await db.select({ id: parks.id, code: parks.code }).from(parks);
  const parkByCode = new Map(parkRows.map((p) => [p.code, p.id]));
  const codes = rows.map((r) => normalizeUscc(r.values.uscc ?? "")).filter((c): c is string => Boolean(c));
  const existing = codes.length
    ? await db.select({ id: enterprises.id, uscc: enterprises.uscc, parkId: enterprises.parkId }).from(enterprises).where(inArray(enterprises.uscc, codes))
    : [];
  const existingByUscc = new Map(existing.map((e) => [e.uscc, e]));

  const summary: ImportSummary = { inserted: 0, updated: 0, rejected: [] };
  const seen = new Set<string>();
  for (const { rowNumber, values } of rows) {
    const reject = (column: string | null, zh: string, en: string) => summary.rejected.push({ row: rowNumber, column, zh, en });
    const uscc = normalizeUscc(values.uscc ?? "");
    if (!uscc) {
      reject("uscc", `统一社会信用代码无效：“${values.uscc ?? ""}”（需 18 位且校验位正确）`, `Invalid credit code "${values.uscc ?? ""}" (18 characters with a valid check character)`);
      continue;
    }
    if (seen.has(uscc)) {
      reject("uscc", `文件中重复的统一社会信用代码 ${uscc}`, `Credit code ${uscc} appears twice in the file`);
      continue;
    }
    seen.add(uscc);
    const name = values.name ?? "";
    if (name.length < 2 || name.length > 120) {
      reject("name", "企业名称必填（2–120 字）", "Enterprise name is required (2–120 characters)");
      continue;
    }
    const code = (values.park ?? "").trim().toUpperCase();
    const parkId = code ? parkByCode.get(code) : null;
    if (parkId === undefined) {
      reject("park", `未知的园区代码 ${code}`, `Unknown park code ${code}`);
      continue;
    }
    const chains = (values.chains ?? "").split(/[;；]/).map((c) => c.trim()).filter(Boolean);
    if (chains.some((c) => c.length > 20)) {
      reject("chains", "产业链名称过长（每项最多 20 字）", "Industry chain name too long (20 characters each at most)");
      continue;
    }
    const address = values.address || null;
    const current = existingByUscc.get(uscc);
    const allowed = current
      ? can(actor, { type: "enterprise.update", enterpriseId: current.id, parkId: current.parkId }) && can(actor, { type: "enterprise.create", parkId })
      : can(actor, { type: "enterprise.create", parkId });
    if (!allowed) {
      reject("park", "您无权在该园区登记企业", "You may not register enterprises in this park");
      continue;
    }
    try {
      await db.transaction(async (tx) => {
        if (current) await updateEnterpriseRecord(tx, actor, current.id, { name, parkId, chains, address }, { action: "import-update" });
        else await insertEnterprise(tx, actor, { uscc, name, parkId, chains, address }, { action: "import-create" });
      });
      if (current) summary.updated++;
      else summary.inserted++;
    } catch (e) {
      // the writer's refusal (a field, the credit code taken meanwhile) says why in both languages
      if (e instanceof AppError) reject(fieldOf(e), e.messages.zh, e.messages.en);
      else reject(null, `写入失败：${(e as Error).message}`, `Could not save: ${(e as Error).message}`);
    }
  }
  return summary;
}

/** The import column of a writer's refusal, when it names a field. */
function fieldOf(e: AppError): string | null {
  const field = (e.details as { field?: string | null } | undefined)?.field ?? null;
  if (field === "parkId") return "park";
  return field && ENTERPRISE_COLUMNS.some((c) => c.key === field) ? field : null;
}
