import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { inquiries, inquiryMessages, quoteCounters, quotes } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { todayInChina } from "@/server/compliance/compliance";
import { AppError, notFound } from "@/server/errors";
import { notify } from "@/server/notifications/notification.service";
import { money, tonnesOrNull } from "@/server/numeric";
import { formatQuantity, formatUnitPrice } from "@/i18n";
import { findInquiry } from "./find-inquiry";
import type { CounterQuoteInput } from "./inquiry.schemas";
import { quoteTermsText } from "./quote-terms";
import { quoteView } from "./quote-view";

export const QUOTE = { zh: "报价", en: "Quote" };

/** Why a quote can no longer be accepted or countered, or null while it can. */
export function quoteClosedReason(status: ReturnType<typeof quoteView>["status"]) {
  if (status === "pending") return null;
  if (status === "expired") return { zh: "报价已过有效期", en: "This quote has expired" };
  if (status === "superseded") return { zh: "该报价已有新版本", en: "A newer version of this quote replaced it" };
  return { zh: "该报价已处理", en: "This quote was already decided" };
}

/**
 * 还价: the buyer proposes a price (and optionally quantity, tax basis, payment and delivery terms)
 * on a pending, unexpired quote of an open thread; one open counter-offer per quote. It is a message
 * in the thread too, audited, and the supplier is told.
 */
export async function counterQuote(db: Db, actor: Actor, input: CounterQuoteInput) {
  const [quote] = await db.select().from(quotes).where(eq(quotes.id, input.quoteId));
  if (!quote) throw notFound(QUOTE);
  const { inquiry, parties, scope } = await findInquiry(db, quote.inquiryId);
  authorize(actor, { type: "quote.counter", ...scope });
  if (inquiry.status === "closed" || inquiry.status === "accepted") {
    throw new AppError("CONFLICT", { zh: "询价已成交或关闭", en: "This inquiry is already accepted or closed" });
  }
  const closed = quoteClosedReason(quoteView(quote, todayInChina()).status);
  if (closed) throw new AppError("CONFLICT", closed);
  const unit = quote.unit;
  const price = { zh: formatUnitPrice(input.priceCnyPerUnit, unit, "zh"), en: formatUnitPrice(input.priceCnyPerUnit, unit, "en") };
  const qty = input.quantity === null ? null : { zh: formatQuantity(input.quantity, unit, "zh"), en: formatQuantity(input.quantity, unit, "en") };
  const terms = { ...input, unit, vatRatePct: quote.vatRatePct };
  const conditions = { zh: quoteTermsText(terms, "zh"), en: quoteTermsText(terms, "en") };
  return db.transaction(async (tx) => {
    const [open] = await tx.select({ id: quoteCounters.id }).from(quoteCounters)
      .where(and(eq(quoteCounters.quoteId, quote.id), eq(quoteCounters.status, "open")));
    if (open) throw new AppError("CONFLICT", { zh: "该报价已有待回复的还价", en: "This quote already has a counter-offer awaiting an answer" });
    const [counter] = await tx
      .insert(quoteCounters)
      .values({
        quoteId: quote.id, priceCnyPerUnit: money(input.priceCnyPerUnit), quantity: tonnesOrNull(input.quantity), taxBasis: input.taxBasis,
        paymentTerms: input.paymentTerms, paymentDays: input.paymentDays, deliveryMode: input.deliveryMode, deliveryPlace: input.deliveryPlace,
        note: input.note, createdBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning({ id: quoteCounters.id });
    if (!counter) throw new AppError("CONFLICT", { zh: "该报价已有待回复的还价", en: "This quote already has a counter-offer awaiting an answer" });
    const v = `v${quote.version}`;
    await tx.insert(inquiryMessages).values({
      inquiryId: inquiry.id, authorUserId: actor.userId, authorEnterpriseId: parties.buyer.enterpriseId,
      body: [
        `还价（针对报价 ${v}）：${price.zh}${qty ? ` × ${qty.zh}` : ""}${conditions.zh ? `，${conditions.zh}` : ""}。`,
        `Counter-offer (on quote ${v}): ${price.en}${qty ? ` × ${qty.en}` : ""}${conditions.en ? `, ${conditions.en}` : ""}.`,
        ...(input.note ? [input.note] : []),
      ].join("\n"),
    });
    await tx.update(inquiries).set({ updatedAt: new Date() }).where(eq(inquiries.id, inquiry.id));
    await recordAudit(tx, actor, {
      entity: "quote_counter", entityId: counter.id, action: "create",
      after: { quoteId: quote.id, priceCnyPerUnit: money(input.priceCnyPerUnit), quantity: tonnesOrNull(input.quantity), taxBasis: input.taxBasis, paymentTerms: input.paymentTerms, deliveryMode: input.deliveryMode },
    });
    await notify(tx, { enterpriseId: parties.seller.enterpriseId }, "quote.countered", {
      zh: `${parties.buyer.name} 对“${inquiry.subject}”的报价 ${v} 还价 ${price.zh}`,
      en: `${parties.buyer.name} countered your quote ${v} for "${inquiry.subject}" at ${price.en}`,
      href: `/inquiries/${inquiry.id}`,
    });
    return { id: counter.id };
  });
}
