import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { inquiries, inquiryMessages, quoteCounters, quotes, rfqs } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { todayInChina } from "@/server/compliance/compliance";
import { AppError, notFound } from "@/server/errors";
import { notify } from "@/server/notifications/notification.service";
import { money, tonnes, tonnesOrNull } from "@/server/numeric";
import { formatCny, formatQuantity, formatUnitPrice } from "@/i18n";
import { findInquiry } from "./find-inquiry";
import type { SendQuoteInput } from "./inquiry.schemas";
import { quoteTermsText } from "./quote-terms";

export const COUNTER = { zh: "还价", en: "Counter-offer" };

/**
 * The supplier quotes a price, quantity, validity and terms; the quote is also a message, audited,
 * and the buyer is told. With `counterId` it answers that open counter-offer: the new quote is the
 * next version of the quote countered, which is superseded, and the counter-offer is answered.
 * On a thread of a request for quotation (群发询价) a quote comes by the RFQ's deadline (its last
 * day, China time) and while the RFQ is open; only the answer to the buyer's own counter-offer
 * may come after the deadline (the buyer reopened the haggling), never after the award.
 */
export async function sendQuote(db: Db, actor: Actor, input: SendQuoteInput) {
  const { inquiry, parties, scope } = await findInquiry(db, input.inquiryId);
  authorize(actor, { type: "quote.send", ...scope });
  if (inquiry.status === "closed" || inquiry.status === "accepted") {
    throw new AppError("CONFLICT", { zh: "询价已成交或关闭，不能再报价", en: "This inquiry is accepted or closed: no more quotes" });
  }
  if (inquiry.rfqId !== null) await assertRfqTakesQuotes(db, inquiry.rfqId, input.counterId !== undefined);
  if (input.validUntil < todayInChina()) {
    throw new AppError("INVALID", { zh: "报价有效期不能早于今天", en: "A quote cannot be valid until a past date" }, { field: "validUntil" });
  }
  const terms = {
    zh: `${formatUnitPrice(input.priceCnyPerUnit, input.unit, "zh")} × ${formatQuantity(input.quantity, input.unit, "zh")}`,
    en: `${formatUnitPrice(input.priceCnyPerUnit, input.unit, "en")} × ${formatQuantity(input.quantity, input.unit, "en")}`,
  };
  const conditions = { zh: quoteTermsText(input, "zh"), en: quoteTermsText(input, "en") };
  const amount = input.priceCnyPerUnit * input.quantity;
  return db.transaction(async (tx) => {
    let version = 1;
    let previousQuoteId: number | null = null;
    if (input.counterId !== undefined) {
      const [counter] = await tx
        .select({ id: quoteCounters.id, status: quoteCounters.status, quoteId: quoteCounters.quoteId, inquiryId: quotes.inquiryId, version: quotes.version })
        .from(quoteCounters)
        .innerJoin(quotes, eq(quotes.id, quoteCounters.quoteId))
        .where(eq(quoteCounters.id, input.counterId))
        .for("update");
      if (!counter || counter.inquiryId !== inquiry.id) throw notFound(COUNTER);
      if (counter.status !== "open") throw new AppError("CONFLICT", { zh: "该还价已处理", en: "This counter-offer was already answered" });
      version = counter.version + 1;
      previousQuoteId = counter.quoteId;
    }
    const [quote] = await tx
      .insert(quotes)
      .values({
        inquiryId: inquiry.id, priceCnyPerUnit: money(input.priceCnyPerUnit), quantity: tonnes(input.quantity), unit: input.unit,
        validUntil: input.validUntil, taxBasis: input.taxBasis, vatRatePct: String(input.vatRatePct), paymentTerms: input.paymentTerms,
        paymentDays: input.paymentDays, deliveryMode: input.deliveryMode, deliveryPlace: input.deliveryPlace, moq: tonnesOrNull(input.moq),
        leadTimeDays: input.leadTimeDays, packaging: input.packaging, notes: input.notes, version, previousQuoteId, createdBy: actor.userId,
      })
      .returning({ id: quotes.id });
    if (input.counterId !== undefined) {
      await tx.update(quoteCounters)
        .set({ status: "answered", answerQuoteId: quote!.id, decidedBy: actor.userId, decidedAt: new Date() })
        .where(eq(quoteCounters.id, input.counterId));
      await tx.update(quotes).set({ status: "superseded" }).where(and(eq(quotes.id, previousQuoteId!), eq(quotes.status, "pending")));
      await recordAudit(tx, actor, { entity: "quote_counter", entityId: input.counterId, action: "answer", after: { quoteId: quote!.id } });
    }
    const v = version > 1 ? ` v${version}` : "";
    await tx.insert(inquiryMessages).values({
      inquiryId: inquiry.id, authorUserId: actor.userId, authorEnterpriseId: parties.seller.enterpriseId,
      body: [
        `报价${v}：${terms.zh}，${conditions.zh}，有效期至 ${input.validUntil}。`,
        `Quote${v}: ${terms.en}, ${conditions.en}, valid until ${input.validUntil}.`,
        ...(input.notes ? [input.notes] : []),
      ].join("\n"),
    });
    await tx.update(inquiries).set({ status: "quoted" }).where(eq(inquiries.id, inquiry.id));
    await recordAudit(tx, actor, {
      entity: "quote", entityId: quote!.id, action: "send",
      after: { inquiryId: inquiry.id, version, previousQuoteId, priceCnyPerUnit: money(input.priceCnyPerUnit), quantity: tonnes(input.quantity), taxBasis: input.taxBasis, paymentTerms: input.paymentTerms, deliveryMode: input.deliveryMode, validUntil: input.validUntil },
    });
    await notify(tx, { enterpriseId: parties.buyer.enterpriseId }, "quote.received", {
      zh: `${parties.seller.name} 对“${inquiry.subject}”报价${v} ${formatCny(amount, "zh")}（${terms.zh}）`,
      en: `${parties.seller.name} quoted${v} ${formatCny(amount, "en")} (${terms.en}) for "${inquiry.subject}"`,
      href: `/inquiries/${inquiry.id}`,
    });
    return { id: quote!.id, version };
  });
}

/** CONFLICT when the RFQ of a thread no longer takes quotes: awarded, or past its deadline (unless answering a counter-offer). */
async function assertRfqTakesQuotes(db: Db, rfqId: number, answeringCounter: boolean) {
  const [rfq] = await db.select({ status: rfqs.status, deadline: rfqs.deadline }).from(rfqs).where(eq(rfqs.id, rfqId));
  if (!rfq) return; // (inquiry.rfq_id is set null when its RFQ is deleted)
  if (rfq.status !== "open") {
    throw new AppError("CONFLICT", { zh: "该询价已授标，不能再报价", en: "This request for quotation was already awarded: no more quotes" });
  }
  if (!answeringCounter && rfq.deadline < todayInChina()) {
    throw new AppError("CONFLICT", {
      zh: `该询价的报价截止日 ${rfq.deadline} 已过，不能再报价`,
      en: `The deadline of this request for quotation (${rfq.deadline}) has passed: no more quotes`,
    });
  }
}
