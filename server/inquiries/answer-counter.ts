import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { inquiries, inquiryMessages, quoteCounters, quotes } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { todayInChina } from "@/server/compliance/compliance";
import { AppError, notFound } from "@/server/errors";
import { notify } from "@/server/notifications/notification.service";
import { formatUnitPrice } from "@/i18n";
import { quoteClosedReason } from "./counter-quote";
import { findInquiry } from "./find-inquiry";
import type { AnswerCounterInput } from "./inquiry.schemas";
import { COUNTER } from "./send-quote";
import { quoteView } from "./quote-view";

/**
 * The supplier answers a counter-offer. `accept`: a new version of the quote at the counter-offer's
 * price and the terms it named (the rest, and the validity, as the quote countered), which the buyer
 * may then accept; the version countered is superseded. `decline`: the quote stands as it was.
 * (Answering with a different price is `sendQuote` with `counterId`.) Audited, a message in the
 * thread, and the buyer is told.
 */
export async function answerCounter(db: Db, actor: Actor, input: AnswerCounterInput) {
  const [row] = await db
    .select({ counter: quoteCounters, quote: quotes })
    .from(quoteCounters)
    .innerJoin(quotes, eq(quotes.id, quoteCounters.quoteId))
    .where(eq(quoteCounters.id, input.counterId));
  if (!row) throw notFound(COUNTER);
  const { counter, quote } = row;
  const { inquiry, parties, scope } = await findInquiry(db, quote.inquiryId);
  authorize(actor, { type: "quote.answerCounter", ...scope });
  if (inquiry.status === "closed" || inquiry.status === "accepted") {
    throw new AppError("CONFLICT", { zh: "询价已成交或关闭", en: "This inquiry is already accepted or closed" });
  }
  if (counter.status !== "open") throw new AppError("CONFLICT", { zh: "该还价已处理", en: "This counter-offer was already answered" });
  const closed = quoteClosedReason(quoteView(quote, todayInChina()).status);
  if (closed) throw new AppError("CONFLICT", closed);
  const price = { zh: formatUnitPrice(counter.priceCnyPerUnit, quote.unit, "zh"), en: formatUnitPrice(counter.priceCnyPerUnit, quote.unit, "en") };

  return db.transaction(async (tx) => {
    const decided = { decidedBy: actor.userId, decidedAt: new Date() };
    if (input.answer === "decline") {
      const [taken] = await tx.update(quoteCounters).set({ status: "declined", ...decided })
        .where(and(eq(quoteCounters.id, counter.id), eq(quoteCounters.status, "open"))).returning({ id: quoteCounters.id });
      if (!taken) throw new AppError("CONFLICT", { zh: "该还价已处理", en: "This counter-offer was already answered" });
      await tx.insert(inquiryMessages).values({
        inquiryId: inquiry.id, authorUserId: actor.userId, authorEnterpriseId: parties.seller.enterpriseId,
        body: [`不接受还价 ${price.zh}，报价 v${quote.version} 仍然有效。`, `Counter-offer at ${price.en} declined; quote v${quote.version} stands.`, ...(input.note ? [input.note] : [])].join("\n"),
      });
      await tx.update(inquiries).set({ updatedAt: new Date() }).where(eq(inquiries.id, inquiry.id));
      await recordAudit(tx, actor, { entity: "quote_counter", entityId: counter.id, action: "decline", after: { note: input.note } });
      await notify(tx, { enterpriseId: parties.buyer.enterpriseId }, "counter.declined", {
        zh: `${parties.seller.name} 未接受您对“${inquiry.subject}”的还价 ${price.zh}`,
        en: `${parties.seller.name} declined your counter-offer at ${price.en} for "${inquiry.subject}"`,
        href: `/inquiries/${inquiry.id}`,
      });
      return { counterId: counter.id, status: "declined" as const, quoteId: null };
    }
    const version = quote.version + 1;
    const paymentTerms = counter.paymentTerms ?? quote.paymentTerms;
    const [next] = await tx
      .insert(quotes)
      .values({
        inquiryId: quote.inquiryId, priceCnyPerUnit: counter.priceCnyPerUnit, quantity: counter.quantity ?? quote.quantity, unit: quote.unit,
        validUntil: quote.validUntil, taxBasis: counter.taxBasis ?? quote.taxBasis, vatRatePct: quote.vatRatePct, paymentTerms,
        paymentDays: counter.paymentTerms ? counter.paymentDays : quote.paymentDays,
        deliveryMode: counter.deliveryMode ?? quote.deliveryMode,
        deliveryPlace: counter.deliveryMode || counter.deliveryPlace ? counter.deliveryPlace : quote.deliveryPlace,
        moq: quote.moq, leadTimeDays: quote.leadTimeDays, packaging: quote.packaging, notes: quote.notes,
        version, previousQuoteId: quote.id, createdBy: actor.userId,
      })
      .returning({ id: quotes.id });
    const [taken] = await tx.update(quoteCounters).set({ status: "accepted", answerQuoteId: next!.id, ...decided })
      .where(and(eq(quoteCounters.id, counter.id), eq(quoteCounters.status, "open"))).returning({ id: quoteCounters.id });
    if (!taken) throw new AppError("CONFLICT", { zh: "该还价已处理", en: "This counter-offer was already answered" });
    await tx.update(quotes).set({ status: "superseded" }).where(and(eq(quotes.id, quote.id), eq(quotes.status, "pending")));
    await tx.insert(inquiryMessages).values({
      inquiryId: inquiry.id, authorUserId: actor.userId, authorEnterpriseId: parties.seller.enterpriseId,
      body: [`接受还价：报价 v${version} 按 ${price.zh}。`, `Counter-offer accepted: quote v${version} at ${price.en}.`, ...(input.note ? [input.note] : [])].join("\n"),
    });
    await tx.update(inquiries).set({ updatedAt: new Date() }).where(eq(inquiries.id, inquiry.id));
    await recordAudit(tx, actor, { entity: "quote_counter", entityId: counter.id, action: "accept", after: { quoteId: next!.id, version } });
    await recordAudit(tx, actor, { entity: "quote", entityId: next!.id, action: "send", after: { inquiryId: inquiry.id, version, previousQuoteId: quote.id, priceCnyPerUnit: counter.priceCnyPerUnit } });
    await notify(tx, { enterpriseId: parties.buyer.enterpriseId }, "counter.accepted", {
      zh: `${parties.seller.name} 接受了您对“${inquiry.subject}”的还价 ${price.zh}（报价 v${version}，待您确认）`,
      en: `${parties.seller.name} accepted your counter-offer at ${price.en} for "${inquiry.subject}" (quote v${version}, yours to accept)`,
      href: `/inquiries/${inquiry.id}`,
    });
    return { counterId: counter.id, status: "accepted" as const, quoteId: next!.id };
  });
}
