import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { inquiries, inquiryMessages, quotes } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { todayInChina } from "@/server/compliance/compliance";
import { AppError } from "@/server/errors";
import { notify } from "@/server/notifications/notification.service";
import { money, tonnes } from "@/server/numeric";
import { formatCny, formatQuantity, formatUnitPrice } from "@/i18n";
import { findInquiry } from "./find-inquiry";
import type { SendQuoteInput } from "./inquiry.schemas";

/** The supplier quotes a price, quantity and validity; the quote is also a message, and the buyer is told. */

export async function sendQuote(db: Db, actor: Actor, input: SendQuoteInput) {
  const { inquiry, parties, scope } = await findInquiry(db, input.inquiryId);
  authorize(actor, { type: "quote.send", ...scope });
  if (inquiry.status === "closed" || inquiry.status === "accepted") {
    throw new AppError("CONFLICT", { zh: "询价已成交或关闭，不能再报价", en: "This inquiry is accepted or closed: no more quotes" });
  }
  if (input.validUntil < todayInChina()) {
    throw new AppError("INVALID", { zh: "报价有效期不能早于今天", en: "A quote cannot be valid until a past date" });
  }
  const amount = input.priceCnyPerUnit * input.quantity;
  // the total as totals read (255 万元), the unit price exact (5,100 元/吨), in both languages
  const terms = {
    zh: `${formatUnitPrice(input.priceCnyPerUnit, input.unit, "zh")} × ${formatQuantity(input.quantity, input.unit, "zh")}`,
    en: `${formatUnitPrice(input.priceCnyPerUnit, input.unit, "en")} × ${formatQuantity(input.quantity, input.unit, "en")}`,
  };
  return db.transaction(async (tx) => {
    const [quote] = await tx
      .insert(quotes)
      .values({
        inquiryId: inquiry.id, priceCnyPerUnit: money(input.priceCnyPerUnit), quantity: tonnes(input.quantity), unit: input.unit,
        validUntil: input.validUntil, deliveryTerms: input.deliveryTerms, createdBy: actor.userId,
      })
      .returning({ id: quotes.id });
    await tx.insert(inquiryMessages).values({
      inquiryId: inquiry.id, authorUserId: actor.userId, authorEnterpriseId: parties.seller.enterpriseId,
      body: input.note ?? `报价：${terms.zh}，有效期至 ${input.validUntil}。\nQuote: ${terms.en}, valid until ${input.validUntil}.`,
    });
    await tx.update(inquiries).set({ status: "quoted" }).where(eq(inquiries.id, inquiry.id));
    await notify(tx, { enterpriseId: parties.buyer.enterpriseId }, "quote.received", {
      zh: `${parties.seller.name} 对“${inquiry.subject}”报价 ${formatCny(amount, "zh")}（${terms.zh}）`,
      en: `${parties.seller.name} quoted ${formatCny(amount, "en")} (${terms.en}) for "${inquiry.subject}"`,
      href: `/inquiries/${inquiry.id}`,
    });
    return { id: quote!.id };
  });
}
