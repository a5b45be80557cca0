import type { quotes } from "@/db/schema";
import { money } from "@/server/numeric";

/** A quote as people read it: its amount, and `expired` once its validity has passed. */
export function quoteView(q: typeof quotes.$inferSelect, today: string) {
  const expired = q.status === "pending" && q.validUntil !== null && q.validUntil < today;
  return {
    id: q.id, inquiryId: q.inquiryId, priceCnyPerUnit: q.priceCnyPerUnit, quantity: q.quantity, unit: q.unit,
    amountCny: money(Number(q.priceCnyPerUnit) * Number(q.quantity)),
    validUntil: q.validUntil, deliveryTerms: q.deliveryTerms, createdAt: q.createdAt,
    status: expired ? ("expired" as const) : q.status,
  };
}
