import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { agreements, callOffOrders, enterprises, events } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { AppError } from "@/server/errors";
import { normalizeUscc } from "@/server/enterprises/uscc";
import { waitedImportLimits } from "@/server/imports/limits";
import { readTable, type ImportColumn, type RowError } from "@/server/imports/table";
import { money, sumMoney, tonnes } from "@/server/numeric";
import { normalizeCas } from "@/server/substances/cas";
import { boundsRefusal, type AgreementType } from "./agreement.schemas";
import { loadParties } from "./parties";
import { complianceRefusal } from "./signing";
import { insertAgreement, updateAgreementRecord } from "./write-agreement";

export const AGREEMENT_COLUMNS: ImportColumn[] = [
  { key: "ref", label: "协议编号", required: true },
  { key: "type", label: "协议类型", required: true },
  { key: "title", label: "协议名称", required: true },
  { key: "buyer_uscc", label: "采购方信用代码", required: true },
  { key: "seller_uscc", label: "供应方信用代码", required: true },
  { key: "cas", label: "CAS号" },
  { key: "product", label: "产品" },
  { key: "volume_t", label: "约定量(吨)" },
  { key: "amount_cny", label: "金额(元)", required: true },
  { key: "signed_on", label: "签约日期", required: true },
  { key: "event", label: "签约活动" },
  { key: "start_on", label: "开始日期" },
  { key: "end_on", label: "结束日期" },
];

const TYPES: Record<string, AgreementType> = {
  framework: "framework", 框架协议: "framework", 框架: "framework", 战略合作框架协议: "framework",
  contract: "contract", 供货合同: "contract", 合同: "contract",
  order: "order", 采购订单: "order", 订单: "order",
};

/** A rejected agreement: its ref and the first row and column at fault. */
export interface AgreementRejection extends RowError {
  ref: string;
}

export interface AgreementImportSummary {
  inserted: number;
  updated: number;
  rejected: AgreementRejection[];
}

class Reject extends Error {
  constructor(readonly row: number, readonly column: string | null, readonly zh: string, readonly en: string) {
    super(en);
  }
}

const DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
function parseDate(value: string | undefined, row: number, column: string, label: string): string | null {
  if (!value) return null;
  const m = DATE.exec(value.trim());
  const iso = m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : "";
  if (!m || Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) || new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) !== iso) {
    throw new Reject(row, column, `${label}“${value}”不是有效日期（YYYY-MM-DD）`, `${column} "${value}" is not a date (YYYY-MM-DD)`);
  }
  return iso;
}

function parseNumber(value: string | undefined, row: number, column: string, label: string): number | null {
  if (!value) return null;
  const n = Number(value.replace(/[,，\s]/g, ""));
  if (!Number.isFinite(n)) throw new Reject(row, column, `${label}“${value}”不是数字`, `${column} "${value}" is not a number`);
  if (n < 0) throw new Reject(row, column, `${label}不能为负数：${value}`, `${column} cannot be negative: ${value}`);
  return n;
}

/**
 * Imports agreements signed at an event (DESIGN.md's format): rows sharing `ref` are the lines of
 * one agreement. Each agreement is checked whole and written in its own transaction: a bad one
 * (unknown enterprise, buyer = seller, bad CAS, end before start, negative amount …) is rejected
 * with its ref and reason, and the others land. A ref already on file is updated, unless call-offs
 * were recorded against it. Events named in the file are created when new. The file is read
 * streaming, within the import limits and at most WAITED_IMPORT_MAX_ROWS rows, before anything is written.
 * Park staff import (`agreement.import`); each agreement also needs `agreement.recordSigned` for its parties.
 */
export async function importAgreements(db: Db, actor: Actor, file: { name: string; bytes: Uint8Array }): Promise<AgreementImportSummary> {
  authorize(actor, { type: "agreement.import" });
  const rows = await readTable(file, AGREEMENT_COLUMNS, waitedImportLimits());
  const groups = new Map<string, typeof rows>();
  const summary: AgreementImportSummary = { inserted: 0, updated: 0, rejected: [] };
  for (const row of rows) {
    const ref = (row.values.ref ?? "").trim();
    if (!ref) {
      summary.rejected.push({ ref: "", row: row.rowNumber, column: "ref", zh: "协议编号必填", en: "ref is required" });
      continue;
    }
    const group = groups.get(ref);
    if (group) group.push(row);
    else groups.set(ref, [row]);
  }

  const codes = rows.flatMap((r) => [normalizeUscc(r.values.buyer_uscc ?? ""), normalizeUscc(r.values.seller_uscc ?? "")]).filter((c): c is string => Boolean(c));
  const known = codes.length
    ? await db.select({ id: enterprises.id, uscc: enterprises.uscc, parkId: enterprises.parkId }).from(enterprises).where(inArray(enterprises.uscc, [...new Set(codes)]))
    : [];
  const byUscc = new Map(known.map((e) => [e.uscc, e]));

  for (const [ref, group] of groups) {
    try {
      const first = group[0]!;
      const v = first.values;
      const n = first.rowNumber;
      if (ref.length > 40) throw new Reject(n, "ref", "协议编号最多 40 个字符", "ref is at most 40 characters");
      const type = TYPES[(v.type ?? "").trim().toLowerCase()] ?? TYPES[(v.type ?? "").trim()];
      if (!type) throw new Reject(n, "type", `未知的协议类型“${v.type ?? ""}”（框架协议/供货合同/采购订单）`, `Unknown type "${v.type ?? ""}" (framework/contract/order)`);
      const title = (v.title ?? "").trim();
      if (title.length < 2 || title.length > 120) throw new Reject(n, "title", "协议名称必填（2–120 字）", "title is required (2–120 characters)");
      const party = (column: "buyer_uscc" | "seller_uscc", label: string) => {
        const code = normalizeUscc(v[column] ?? "");
        if (!code) throw new Reject(n, column, `${label}“${v[column] ?? ""}”无效`, `${column} "${v[column] ?? ""}" is not a valid credit code`);
        const e = byUscc.get(code);
        if (!e) throw new Reject(n, column, `${label} ${code} 对应的企业未登记`, `No enterprise with credit code ${code} (${column})`);
        return e;
      };
      const buyer = party("buyer_uscc", "采购方信用代码");
      const seller = party("seller_uscc", "供应方信用代码");
      if (buyer.id === seller.id) throw new Reject(n, "seller_uscc", "采购方与供应方不能是同一家企业", "The buyer and the seller are the same enterprise");
      const signedOn = parseDate(v.signed_on, n, "signed_on", "签约日期");
      if (!signedOn) throw new Reject(n, "signed_on", "签约日期必填", "signed_on is required");
      const startOn = parseDate(v.start_on, n, "start_on", "开始日期");
      const endOn = parseDate(v.end_on, n, "end_on", "结束日期");
      if (startOn && endOn && endOn < startOn) throw new Reject(n, "end_on", `结束日期 ${endOn} 早于开始日期 ${startOn}`, `end_on ${endOn} is before start_on ${startOn}`);
      const eventName = (v.event ?? "").trim();
      if (eventName.length > 120) throw new Reject(n, "event", "签约活动名称过长", "event name is too long");

      const lines = group.map((r) => {
        const x = r.values;
        // the header columns must agree on every line of one agreement
        for (const column of ["type", "title", "buyer_uscc", "seller_uscc", "signed_on", "event", "start_on", "end_on"] as const) {
          if ((x[column] ?? "").trim() !== (v[column] ?? "").trim()) {
            throw new Reject(r.rowNumber, column, `同一协议的各行“${column}”不一致`, `The rows of agreement ${ref} disagree on ${column}`);
          }
        }
        let cas: string | null = null;
        if (x.cas) {
          cas = normalizeCas(x.cas);
          if (!cas) throw new Reject(r.rowNumber, "cas", `CAS 号“${x.cas}”无效（校验位不符）`, `Invalid CAS number "${x.cas}" (check digit)`);
        }
        const product = (x.product ?? "").trim() || null;
        if (product && product.length > 120) throw new Reject(r.rowNumber, "product", "产品名称过长", "product name is too long");
        const volume = parseNumber(x.volume_t, r.rowNumber, "volume_t", "约定量");
        const amount = parseNumber(x.amount_cny, r.rowNumber, "amount_cny", "金额");
        if (amount === null) throw new Reject(r.rowNumber, "amount_cny", "金额必填", "amount_cny is required");
        return {
          cas, productName: product, volumeT: volume === null ? null : tonnes(volume),
          unitPriceCny: volume ? money(amount / volume) : null, amountCny: money(amount),
        };
      });

      const scope = { buyer: { enterpriseId: buyer.id, parkId: buyer.parkId }, seller: { enterpriseId: seller.id, parkId: seller.parkId } };
      if (!can(actor, { type: "agreement.recordSigned", ...scope })) {
        throw new Reject(n, null, "您无权登记这两家企业之间的协议", "You may not record agreements between these two enterprises");
      }
      // the same bounds and compliance rules as every other way to a signed agreement
      const outOfBounds = boundsRefusal(lines);
      if (outOfBounds) throw new Reject(n, outOfBounds.field === "volumeT" ? "volume_t" : "amount_cny", outOfBounds.zh, outOfBounds.en);
      const refusal = await complianceRefusal(db, await loadParties(db, buyer.id, seller.id), lines);
      if (refusal) throw new Reject(n, "cas", refusal.zh, refusal.en);

      const outcome = await db.transaction(async (tx) => {
        let eventId: number | null = null;
        if (eventName) {
          const [event] = await tx
            .insert(events)
            .values({ name: eventName, parkId: actor.parkIds[0] ?? buyer.parkId ?? seller.parkId, heldOn: signedOn })
            .onConflictDoUpdate({ target: events.name, set: { name: eventName } })
            .returning({ id: events.id });
          eventId = event!.id;
        }
        const [existing] = await tx.select().from(agreements).where(eq(agreements.ref, ref)).for("update");
        if (!existing) {
          await insertAgreement(tx, actor, {
            ref, type, title, buyerEnterpriseId: buyer.id, sellerEnterpriseId: seller.id, status: "signed", signedOn, startOn, endOn, eventId, lines,
          });
          return "inserted" as const;
        }
        const [callOff] = await tx.select({ id: callOffOrders.id }).from(callOffOrders).where(eq(callOffOrders.agreementId, existing.id)).limit(1);
        if (callOff) throw new Reject(n, "ref", `协议 ${ref} 已有分批订单记录，不能通过导入覆盖`, `Agreement ${ref} already has call-offs and cannot be replaced by an import`);
        const otherParties = await tx.select({ id: enterprises.id, parkId: enterprises.parkId }).from(enterprises).where(inArray(enterprises.id, [existing.buyerEnterpriseId, existing.sellerEnterpriseId]));
        const oldScope = {
          buyer: { enterpriseId: existing.buyerEnterpriseId, parkId: otherParties.find((e) => e.id === existing.buyerEnterpriseId)?.parkId ?? null },
          seller: { enterpriseId: existing.sellerEnterpriseId, parkId: otherParties.find((e) => e.id === existing.sellerEnterpriseId)?.parkId ?? null },
        };
        if (!can(actor, { type: "agreement.recordSigned", ...oldScope })) {
          throw new Reject(n, "ref", `协议编号 ${ref} 已被其他协议使用`, `The ref ${ref} belongs to another agreement`);
        }
        const total = sumMoney(lines.map((l) => l.amountCny));
        await updateAgreementRecord(tx, actor, existing.id, {
          type, title, buyerEnterpriseId: buyer.id, sellerEnterpriseId: seller.id, signedOn, startOn, endOn, eventId, lines,
          status: existing.status === "draft" ? "signed" : existing.status,
          // a pending proposal is overtaken by the record; a proposer no longer a party is forgotten
          ...(existing.status === "draft" || existing.buyerEnterpriseId !== buyer.id || existing.sellerEnterpriseId !== seller.id
            ? { proposedBy: null, proposedByEnterpriseId: null, proposedAt: null }
            : {}),
        }, {
          action: "import-update",
          audit: { before: { totalAmountCny: existing.totalAmountCny, status: existing.status }, after: { totalAmountCny: total, lines: lines.length } },
        });
        return "updated" as const;
      });
      summary[outcome]++;
    } catch (e) {
      if (e instanceof Reject) {
        summary.rejected.push({ ref, row: e.row, column: e.column, zh: `协议 ${ref}：${e.zh}`, en: `Agreement ${ref}: ${e.en}` });
      } else if (e instanceof AppError) {
        // the agreement writer's refusal
        summary.rejected.push({ ref, row: group[0]!.rowNumber, column: null, zh: `协议 ${ref}：${e.messages.zh}`, en: `Agreement ${ref}: ${e.messages.en}` });
      } else {
        const message = (e as Error).message;
        summary.rejected.push({ ref, row: group[0]!.rowNumber, column: null, zh: `协议 ${ref}：写入失败（${message}）`, en: `Agreement ${ref}: could not save (${message})` });
      }
    }
  }
  summary.rejected.sort((a, b) => a.row - b.row);
  return summary;
}
