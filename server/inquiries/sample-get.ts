import type { Db } from "@/db";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { findSample, nextStep, type SampleStep } from "./sample-find";

/**
 * A sample inquiry's sample: what was asked, each state reached with its moment, and the one next
 * step the actor may take (none for park staff, who only watch, nor on a closed thread).
 */
export async function getSample(db: Db, actor: Actor, inquiryId: number) {
  const { inquiry, scope, sample } = await findSample(db, inquiryId);
  authorize(actor, { type: "deal.view", ...scope });
  const next = inquiry.status === "closed" ? null : nextStep(sample.status);
  const may = (to: SampleStep) => next === to && can(actor, { type: "sample.advance", to, ...scope });
  return {
    inquiryId,
    status: sample.status,
    quantity: sample.quantity,
    unit: sample.unit,
    deliveryAddress: sample.deliveryAddress,
    purpose: sample.purpose,
    trackingNote: sample.trackingNote,
    result: sample.result,
    evaluationNote: sample.evaluationNote,
    /** the states in order, with when each was reached (null: not yet) */
    timeline: [
      { status: "requested" as const, at: sample.requestedAt },
      { status: "sent" as const, at: sample.sentAt },
      { status: "received" as const, at: sample.receivedAt },
      { status: "evaluated" as const, at: sample.evaluatedAt },
    ],
    /** the step that comes next, whoever takes it (null once evaluated or closed) */
    next,
    allowed: { markSent: may("sent"), markReceived: may("received"), evaluate: may("evaluated") },
  };
}
