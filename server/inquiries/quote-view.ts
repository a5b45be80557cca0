import type { quoteCounters, quotes } from "@/db/schema";
import { money } from "@/server/numeric";

/** A quote as people read it: its amount, its terms, and `expired` once its validity has passed. */
export function quoteView(q: typeof quotes.$inferSelect, today: string) {
  const expired = q.status === "pending" && q.validUntil !== null && q.validUntil < today;
  return {
    id: q.id, inquiryId: q.inquiryId, priceCnyPerUnit: q.priceCnyPerUnit, quantity: q.quantity, unit: q.unit,
    amountCny: money(Number(q.priceCnyPerUnit) * Number(q.quantity)),
    validUntil: q.validUntil, createdAt: q.createdAt,
    taxBasis: q.taxBasis, vatRatePct: q.vatRatePct, paymentTerms: q.paymentTerms, paymentDays: q.paymentDays,
    deliveryMode: q.deliveryMode, deliveryPlace: q.deliveryPlace, moq: q.moq, leadTimeDays: q.leadTimeDays,
    packaging: q.packaging, notes: q.notes, version: q.version, previousQuoteId: q.previousQuoteId,
    status: expired ? ("expired" as const) : q.status,
  };
}

/**
 * A counter-offer as people read it: `lapsed` when it is still open but its quote can no longer
 * change (accepted, declined with the thread, expired or superseded).
 */
export function counterView(c: typeof quoteCounters.$inferSelect, quoteStatus: ReturnType<typeof quoteView>["status"]) {
  const lapsed = c.status === "open" && quoteStatus !== "pending";
  return {
    id: c.id, quoteId: c.quoteId, priceCnyPerUnit: c.priceCnyPerUnit, quantity: c.quantity, taxBasis: c.taxBasis,
    paymentTerms: c.paymentTerms, paymentDays: c.paymentDays, deliveryMode: c.deliveryMode, deliveryPlace: c.deliveryPlace,
    note: c.note, answerQuoteId: c.answerQuoteId, createdAt: c.createdAt, decidedAt: c.decidedAt,
    status: lapsed ? ("lapsed" as const) : c.status,
  };
}
