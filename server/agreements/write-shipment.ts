import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { agreementLines, agreements, callOffOrders, enterprises, shipments, substances } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { tierOf } from "@/server/compliance/compliance";
import { AppError, notFound } from "@/server/errors";
import { enqueue } from "@/server/jobs/outbox";
import { tonnes } from "@/server/numeric";
import { normalizeResidentId, residentIdProblem } from "./resident-id";

/**
 * The one writer of shipments (流向台账 rows). Every path that records a delivery — the agreement
 * service (a new delivery or a correction) and the demo seed — goes through here. In the caller's
 * transaction it copies the parties (name, credit code, address) and the substance (name, CAS, the
 * lists it is on) as they are today, refuses a controlled-substance shipment without its purpose
 * and the buyer's agent (name, valid resident ID number), inserts the row, brings the call-off's
 * delivered total to the sum of its effective shipments, and records the audit entry. A refused
 * shipment writes nothing. Who may record, and the business rules of quantities and dates, are the
 * caller's (server/agreements/record-delivery.ts).
 */

export interface ShipmentRecord {
  agreementId: number;
  lineId: number | null;
  callOffId: number | null;
  /** the shipment this one replaces (a correction), if any */
  correctsId?: number | null;
  /** YYYY-MM-DD */
  deliveredOn: string;
  quantityT: number;
  purpose?: string | null;
  agentName?: string | null;
  agentIdNumber?: string | null;
  reason?: string | null;
}

export type ShipmentRow = typeof shipments.$inferSelect;

const text = (v: string | null | undefined) => (v ?? "").trim() || null;

/** Why the controlled-substance fields are refused, in both languages; null when they are complete and valid. */
export function controlledFieldsRefusal(r: { purpose?: string | null; agentName?: string | null; agentIdNumber?: string | null }, controlled: boolean) {
  const missing: { zh: string; en: string }[] = [];
  if (controlled && !text(r.purpose)) missing.push({ zh: "用途", en: "purpose" });
  if (controlled && !text(r.agentName)) missing.push({ zh: "经办人姓名", en: "agent's name" });
  if (controlled && !text(r.agentIdNumber)) missing.push({ zh: "经办人身份证号码", en: "agent's ID number" });
  if (missing.length) {
    return {
      zh: `管控化学品（剧毒、易制爆、易制毒）的交付须登记${missing.map((m) => m.zh).join("、")}`,
      en: `A delivery of a controlled substance (highly toxic, explosive precursor, drug precursor) needs the ${missing.map((m) => m.en).join(", ")}`,
    };
  }
  const id = text(r.agentIdNumber);
  const problem = id === null ? null : residentIdProblem(id);
  if (problem === "shape") return { zh: "经办人身份证号码应为 18 位（17 位数字加 1 位数字或 X）", en: "The agent's ID number must have 18 characters (17 digits and a digit or X)" };
  if (problem === "birth_date") return { zh: "经办人身份证号码中的出生日期无效", en: "The birth date in the agent's ID number is not a valid date" };
  if (problem === "check_digit") return { zh: "经办人身份证号码校验位不正确，请核对", en: "The agent's ID number has a wrong check digit; please check it" };
  return null;
}

export async function insertShipment(tx: Db, actor: Actor, record: ShipmentRecord): Promise<ShipmentRow> {
  const [agreement] = await tx.select().from(agreements).where(eq(agreements.id, record.agreementId));
  if (!agreement) throw notFound({ zh: "协议", en: "Agreement" });
  const [line] = record.lineId === null ? [] : await tx.select().from(agreementLines).where(and(eq(agreementLines.id, record.lineId), eq(agreementLines.agreementId, agreement.id)));
  if (record.lineId !== null && !line) throw notFound({ zh: "协议明细行", en: "Agreement line" });
  const [substance] = line?.cas ? await tx.select().from(substances).where(eq(substances.cas, line.cas)) : [];
  const parties = await tx
    .select({ id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc, address: enterprises.address })
    .from(enterprises)
    .where(inArray(enterprises.id, [agreement.buyerEnterpriseId, agreement.sellerEnterpriseId]));
  const buyer = parties.find((p) => p.id === agreement.buyerEnterpriseId)!;
  const seller = parties.find((p) => p.id === agreement.sellerEnterpriseId)!;
  const refusal = controlledFieldsRefusal(record, tierOf(substance ?? null) === "controlled");
  if (refusal) throw new AppError("INVALID", refusal);
  if (!(record.quantityT >= 0)) throw new AppError("INVALID", { zh: "交付量不能为负数", en: "The delivered quantity cannot be negative" });
  const idNumber = text(record.agentIdNumber);

  const [row] = await tx
    .insert(shipments)
    .values({
      agreementId: agreement.id, lineId: line?.id ?? null, callOffId: record.callOffId, correctsId: record.correctsId ?? null,
      deliveredOn: record.deliveredOn, quantityT: tonnes(record.quantityT),
      sellerEnterpriseId: seller.id, sellerName: seller.name, sellerUscc: seller.uscc, sellerAddress: seller.address,
      buyerEnterpriseId: buyer.id, buyerName: buyer.name, buyerUscc: buyer.uscc, buyerAddress: buyer.address,
      cas: line?.cas ?? null,
      substanceName: substance?.curatedNameZh ?? substance?.nameZh ?? line?.productName ?? null,
      hazardous: substance?.hazardous ?? false, highlyToxic: substance?.highlyToxic ?? false,
      explosivePrecursor: substance?.explosivePrecursor ?? false, precursorCategory: substance?.precursorCategory ?? null,
      purpose: text(record.purpose), agentName: text(record.agentName),
      agentIdNumber: idNumber === null ? null : normalizeResidentId(idNumber), reason: text(record.reason),
      recordedBy: actor.userId,
    })
    .returning();

  if (record.callOffId !== null) await syncCallOff(tx, record.callOffId);
  await recordAudit(tx, actor, {
    entity: "agreement", entityId: agreement.id, action: record.correctsId ? "delivery_correction" : "delivery",
    after: { shipmentId: row!.id, callOffId: row!.callOffId, lineId: row!.lineId, correctsId: row!.correctsId, quantityT: row!.quantityT, deliveredOn: row!.deliveredOn },
  });
  await enqueue(tx, "agreements", [agreement.id]);
  return row!;
}

/** The effective shipments: those no later row corrects. */
export const effectiveShipment = sql`NOT EXISTS (SELECT 1 FROM ${shipments} AS c WHERE c.corrects_id = ${shipments.id})`;

/** Brings a call-off's delivered total and date to its effective shipments (sum; latest date of a non-zero one). */
async function syncCallOff(tx: Db, callOffId: number) {
  const [sums] = await tx
    .select({
      total: sql<string>`coalesce(sum(${shipments.quantityT}), 0)::text`,
      last: sql<string | null>`max(${shipments.deliveredOn}) FILTER (WHERE ${shipments.quantityT} > 0)::text`,
    })
    .from(shipments)
    .where(and(eq(shipments.callOffId, callOffId), effectiveShipment));
  await tx.update(callOffOrders).set({ deliveredT: tonnes(Number(sums!.total)), deliveredOn: sums!.last }).where(eq(callOffOrders.id, callOffId));
}

/** A shipment that a later row already corrects, if `id` is one. */
export async function correctionOf(tx: Db, id: number) {
  const [row] = await tx.select({ id: shipments.id }).from(shipments).where(eq(shipments.correctsId, id));
  return row ?? null;
}
