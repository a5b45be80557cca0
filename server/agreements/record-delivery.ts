import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { callOffOrders } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { todayInChina } from "@/server/compliance/compliance";
import { AppError, notFound } from "@/server/errors";
import { enqueue } from "@/server/jobs/outbox";
import { tonnes } from "@/server/numeric";
import type { RecordDeliveryInput } from "./agreement.schemas";
import { requireQuantityBound } from "./agreement-checks";
import { DELIVERY_TOLERANCE } from "./call-offs";
import { findAgreement } from "./find-agreement";

/** What was actually delivered against a call-off. */
export async function recordDelivery(db: Db, actor: Actor, input: RecordDeliveryInput) {
  const [callOff] = await db.select().from(callOffOrders).where(eq(callOffOrders.id, input.callOffId));
  if (!callOff) throw notFound({ zh: "分批订单", en: "Call-off order" });
  const { agreement, scope } = await findAgreement(db, callOff.agreementId);
  authorize(actor, { type: "agreement.deliver", ...scope });
  requireQuantityBound(input.deliveredT);
  if (agreement.status !== "active" && agreement.status !== "completed") {
    throw new AppError("CONFLICT", { zh: "只有生效中或履行完毕的协议可以登记交付", en: "Deliveries are recorded on active or completed agreements only" });
  }
  if (input.deliveredOn < callOff.orderedOn) {
    throw new AppError("INVALID", { zh: "交付日期不能早于下单日期", en: "Delivery cannot be before the order date" });
  }
  if (input.deliveredOn > todayInChina()) {
    throw new AppError("INVALID", { zh: "交付日期不能晚于今天", en: "The delivery date cannot be in the future" });
  }
  if (Math.round(input.deliveredT * 1000) > Math.round(Number(callOff.orderedT) * (1 + DELIVERY_TOLERANCE) * 1000)) {
    throw new AppError("INVALID", {
      zh: `交付量超出订单量的 ${DELIVERY_TOLERANCE * 100}%（订单 ${Number(callOff.orderedT)} 吨）`,
      en: `Delivered more than ${DELIVERY_TOLERANCE * 100}% over the ordered quantity (${Number(callOff.orderedT)} t)`,
    });
  }
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(callOffOrders)
      .set({ deliveredT: tonnes(input.deliveredT), deliveredOn: input.deliveredOn })
      .where(eq(callOffOrders.id, callOff.id))
      .returning();
    await recordAudit(tx, actor, {
      entity: "agreement", entityId: agreement.id, action: "delivery",
      before: { callOffId: callOff.id, deliveredT: callOff.deliveredT }, after: { callOffId: callOff.id, deliveredT: after!.deliveredT, deliveredOn: after!.deliveredOn },
    });
    await enqueue(tx, "agreements", [agreement.id]);
    return after!;
  });
}
