import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { agreementLines, agreements, callOffOrders, shipments } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { todayInChina } from "@/server/compliance/compliance";
import { AppError, notFound } from "@/server/errors";
import type { RecordDeliveryInput } from "./agreement.schemas";
import { requireQuantityBound } from "./agreement-checks";
import { DELIVERY_TOLERANCE } from "./call-offs";
import { findAgreement, fulfilment } from "./find-agreement";
import { maskResidentId } from "./resident-id";
import { effectiveShipment, insertShipment } from "./write-shipment";

const SHIPMENT = { zh: "交付记录", en: "Delivery record" };
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Records one shipment (a delivery) — against a call-off of a framework agreement, or directly
 * against a line of a contract or order — or corrects one already recorded (`correctsId`: a new
 * row replacing it; nothing is ever overwritten). The effective shipments of a call-off (or of a
 * line without call-offs) may exceed what was ordered (agreed) by DELIVERY_TOLERANCE at most. A
 * controlled substance's shipment needs its purpose and the buyer's agent (write-shipment.ts).
 */
export async function recordDelivery(db: Db, actor: Actor, input: RecordDeliveryInput) {
  const target = await resolveTarget(db, input);
  const { agreement, scope } = await findAgreement(db, target.agreementId);
  authorize(actor, { type: "agreement.deliver", ...scope });
  requireQuantityBound(input.deliveredT);
  if (agreement.status !== "active" && agreement.status !== "completed") {
    throw new AppError("CONFLICT", { zh: "只有生效中或履行完毕的协议可以登记交付", en: "Deliveries are recorded on active or completed agreements only" });
  }
  if (!target.correctsId && !(input.deliveredT > 0)) {
    throw new AppError("INVALID", { zh: "交付量须大于 0（更正记录可为 0）", en: "A delivery must be more than 0 t (a correction may be 0)" });
  }
  const notBefore = target.callOff?.orderedOn ?? agreement.signedOn;
  if (notBefore && input.deliveredOn < notBefore) {
    throw new AppError("INVALID", target.callOff
      ? { zh: "交付日期不能早于下单日期", en: "Delivery cannot be before the order date" }
      : { zh: "交付日期不能早于签约日期", en: "Delivery cannot be before the signing date" });
  }
  if (input.deliveredOn > todayInChina()) {
    throw new AppError("INVALID", { zh: "交付日期不能晚于今天", en: "The delivery date cannot be in the future" });
  }

  return db.transaction(async (tx) => {
    // one delivery at a time per agreement, so two concurrent ones cannot both pass the limit
    await tx.execute(sql`SELECT 1 FROM ${agreements} WHERE id = ${agreement.id} FOR UPDATE`);
    let lineId = target.lineId;
    if (!target.callOff && !target.correctsId) {
      if (agreement.type === "framework") {
        throw new AppError("INVALID", { zh: "框架协议的交付须登记在分批订单上", en: "Deliveries of a framework agreement are recorded against its call-offs" });
      }
      const f = await fulfilment(tx, agreement.id);
      const line = lineId ? f.lines.find((l) => l.id === lineId) : f.lines.length === 1 ? f.lines[0] : undefined;
      if (!line) throw lineId ? notFound({ zh: "协议明细行", en: "Agreement line" }) : new AppError("INVALID", { zh: "请选择交付的协议明细行", en: "Choose the agreement line delivered" });
      lineId = line.id;
    }
    if (target.correctsId) {
      const [already] = await tx.select({ id: shipments.id }).from(shipments).where(eq(shipments.correctsId, target.correctsId));
      if (already) {
        throw new AppError("CONFLICT", { zh: `该交付记录已由 #${already.id} 更正，请更正最新一条`, en: `This delivery record was already corrected by #${already.id}; correct the latest one` });
      }
    }
    // what the effective shipments of the call-off (or the line) will add up to, against what was ordered
    const scopeOf = target.callOff ? eq(shipments.callOffId, target.callOff.id) : and(eq(shipments.lineId, lineId!), sql`${shipments.callOffId} IS NULL`);
    const [sum] = await tx.select({ t: sql<string>`coalesce(sum(${shipments.quantityT}), 0)::text` }).from(shipments).where(and(scopeOf, effectiveShipment));
    const after = round3(Number(sum!.t) - (target.replacedT ?? 0) + input.deliveredT);
    const limit = target.callOff ? Number(target.callOff.orderedT) : await lineVolume(tx, lineId);
    if (limit !== null && Math.round(after * 1000) > Math.round(limit * (1 + DELIVERY_TOLERANCE) * 1000)) {
      throw new AppError("INVALID", {
        zh: `交付合计 ${after} 吨超出${target.callOff ? "订单" : "约定"}量的 ${DELIVERY_TOLERANCE * 100}%（${target.callOff ? "订单" : "约定"} ${limit} 吨）`,
        en: `Deliveries of ${after} t would exceed the ${target.callOff ? "ordered" : "agreed"} quantity (${limit} t) by more than ${DELIVERY_TOLERANCE * 100}%`,
      });
    }
    const row = await insertShipment(tx, actor, {
      agreementId: agreement.id, lineId, callOffId: target.callOff?.id ?? null, correctsId: target.correctsId,
      deliveredOn: input.deliveredOn, quantityT: input.deliveredT,
      purpose: input.purpose, agentName: input.agentName, agentIdNumber: input.agentIdNumber, reason: input.reason,
    });
    return {
      id: row.id, agreementId: row.agreementId, callOffId: row.callOffId, lineId: row.lineId, correctsId: row.correctsId,
      deliveredOn: row.deliveredOn, quantityT: row.quantityT, agentIdNumber: maskResidentId(row.agentIdNumber),
      /** the effective total of the call-off (or line) now */
      deliveredT: after,
    };
  });
}

/** What the input points at: a call-off, an agreement (and line), or the shipment corrected. */
async function resolveTarget(db: Db, input: RecordDeliveryInput) {
  if (input.correctsId) {
    const [old] = await db.select().from(shipments).where(eq(shipments.id, input.correctsId));
    if (!old) throw notFound(SHIPMENT);
    const [callOff] = old.callOffId ? await db.select().from(callOffOrders).where(eq(callOffOrders.id, old.callOffId)) : [];
    return { agreementId: old.agreementId, callOff: callOff ?? null, lineId: old.lineId, correctsId: old.id, replacedT: Number(old.quantityT) };
  }
  if (input.callOffId) {
    const [callOff] = await db.select().from(callOffOrders).where(eq(callOffOrders.id, input.callOffId));
    if (!callOff) throw notFound({ zh: "分批订单", en: "Call-off order" });
    return { agreementId: callOff.agreementId, callOff, lineId: callOff.lineId ?? (await singleLine(db, callOff.agreementId)), correctsId: null, replacedT: null };
  }
  return { agreementId: input.agreementId!, callOff: null, lineId: input.lineId ?? null, correctsId: null, replacedT: null };
}

/** The line of a call-off placed on the whole agreement, when the agreement has just one. */
async function singleLine(db: Db, agreementId: number) {
  const f = await fulfilment(db, agreementId);
  return f.lines.length === 1 ? f.lines[0]!.id : null;
}

async function lineVolume(db: Db, lineId: number | null) {
  if (lineId === null) return null;
  const [line] = await db.select({ volumeT: agreementLines.volumeT }).from(agreementLines).where(eq(agreementLines.id, lineId));
  return line?.volumeT == null ? null : Number(line.volumeT);
}
