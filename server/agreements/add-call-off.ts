import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { agreements, callOffOrders } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { AppError, notFound } from "@/server/errors";
import { enqueue } from "@/server/jobs/outbox";
import { tonnes } from "@/server/numeric";
import type { AddCallOffInput } from "./agreement.schemas";
import { requireQuantityBound } from "./agreement-checks";
import { CALL_OFF_TOLERANCE, checkCallOff } from "./call-offs";
import { findAgreement, fulfilment } from "./find-agreement";

/**
 * A call-off order against an active framework agreement. Refused after the term; a call-off that
 * would exceed the agreed volume is refused unless `allowExcess` says the warning was seen.
 */
export async function addCallOff(db: Db, actor: Actor, input: AddCallOffInput) {
  const { agreement, scope } = await findAgreement(db, input.agreementId);
  authorize(actor, { type: "agreement.callOff", ...scope });
  requireQuantityBound(input.orderedT);
  if (agreement.type !== "framework") {
    throw new AppError("INVALID", { zh: "只有框架协议可以下达分批订单", en: "Only framework agreements take call-off orders" });
  }
  if (agreement.status !== "active") {
    throw new AppError("CONFLICT", { zh: "协议生效后才能下达分批订单", en: "Call-offs need an active agreement" });
  }
  if (agreement.startOn && input.orderedOn < agreement.startOn) {
    throw new AppError("INVALID", { zh: "下单日期早于协议起始日", en: "The order date is before the agreement's start" });
  }
  if (input.dueOn && input.dueOn < input.orderedOn) {
    throw new AppError("INVALID", { zh: "要求交货日期不能早于下单日期", en: "The due date cannot be before the order date" });
  }
  return db.transaction(async (tx) => {
    // one call-off at a time per agreement, so two concurrent ones cannot both pass the limit
    await tx.execute(sql`SELECT 1 FROM ${agreements} WHERE id = ${agreement.id} FOR UPDATE`);
    const f = await fulfilment(tx, agreement.id);
    const line = input.lineId ? f.lines.find((l) => l.id === input.lineId) : f.lines.length === 1 ? f.lines[0] : undefined;
    if (input.lineId && !line) throw notFound({ zh: "协议明细行", en: "Agreement line" });
    const scopeOf = line ? f.perLine.get(line.id)! : f.total;
    const check = checkCallOff({ agreedT: scopeOf.agreedT, calledOffT: scopeOf.calledOffT, requestedT: input.orderedT, orderedOn: input.orderedOn, endOn: agreement.endOn });
    if (check.afterTerm) {
      throw new AppError("INVALID", { zh: `协议已于 ${agreement.endOn} 到期，不能再下单`, en: `The agreement ended on ${agreement.endOn}: no more call-offs` });
    }
    if (check.beyondTolerance) {
      throw new AppError(
        "INVALID",
        {
          zh: `分批订单合计不能超过约定量的 ${100 + CALL_OFF_TOLERANCE * 100}%（剩余约定量 ${check.remainingT} 吨）`,
          en: `Call-offs may not exceed the agreed volume by more than ${CALL_OFF_TOLERANCE * 100}% (${check.remainingT} t remain)`,
        },
        { warnings: check.warnings, remainingT: check.remainingT },
      );
    }
    if (check.exceeds && !input.allowExcess) {
      throw new AppError(
        "CONFLICT",
        {
          zh: `本次下单 ${input.orderedT} 吨超出剩余约定量 ${check.remainingT} 吨`,
          en: `This call-off of ${input.orderedT} t exceeds the remaining agreed volume of ${check.remainingT} t`,
        },
        { warnings: check.warnings, remainingT: check.remainingT },
      );
    }
    const [row] = await tx
      .insert(callOffOrders)
      .values({ agreementId: agreement.id, lineId: line?.id ?? null, orderedT: tonnes(input.orderedT), orderedOn: input.orderedOn, dueOn: input.dueOn ?? null, createdBy: actor.userId })
      .returning();
    await recordAudit(tx, actor, { entity: "agreement", entityId: agreement.id, action: "call-off", after: { callOffId: row!.id, orderedT: row!.orderedT, orderedOn: row!.orderedOn, dueOn: row!.dueOn, warnings: check.warnings } });
    await enqueue(tx, "agreements", [agreement.id]);
    return { id: row!.id, warnings: check.warnings, remainingAfterT: check.remainingAfterT, daysLeft: check.daysLeft };
  });
}
