import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { demands, inquiries, matches, products, quotes, substances } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { todayInChina } from "@/server/compliance/compliance";
import { AppError, notFound } from "@/server/errors";
import { notify } from "@/server/notifications/notification.service";
import { money, tonnes } from "@/server/numeric";
import { insertAgreement } from "@/server/agreements/write-agreement";
import { dealCompliance, requireCompliant } from "./compliance-check";
import { quoteClosedReason } from "./counter-quote";
import { findInquiry } from "./find-inquiry";
import type { AcceptQuoteInput } from "./inquiry.schemas";
import { quoteTermsText } from "./quote-terms";
import { quoteView } from "./quote-view";

const QUOTE = { zh: "报价", en: "Quote" };

/** "江苏中润树脂有限公司" → "江苏中润树脂": a party's name without its company form, for titles. */
export function shortName(name: string): string {
  return name.replace(/(股份有限公司|有限责任公司|集团有限公司|有限公司|公司)$/, "") || name;
}

/** The draft's title: "丙酮供货合同 · 江苏中润树脂 ← 江苏滨江精细化工" (substance, buyer ← seller). */
export function agreementTitle(substance: string, buyerName: string, sellerName: string): string {
  const parties = ` · ${shortName(buyerName)} ← ${shortName(sellerName)}`;
  const room = 120 - parties.length - "供货合同".length;
  return `${substance.slice(0, Math.max(2, room))}供货合同${parties}`.slice(0, 120);
}

/** The quote's terms written into the agreement's notes (the line carries quantity and price). */
export function agreementNotes(q: typeof quotes.$inferSelect): string {
  const zh = quoteTermsText(q, "zh");
  const en = quoteTermsText(q, "en");
  const head = `按报价 v${q.version}（${q.validUntil ? `有效期至 ${q.validUntil}` : "无有效期"}）：${zh}。\nFrom quote v${q.version}: ${en}.`;
  return (q.notes ? `${head}\n${q.notes}` : head).slice(0, 2000);
}

/**
 * The buyer accepts a quote: the quote is accepted, the thread's other pending quotes are declined,
 * and a draft agreement between the two enterprises is created from it, titled
 * "<substance>供货合同 · <buyer> ← <seller>" (one line: the substance or product, the quoted quantity
 * and price; the quote's tax, payment and delivery terms in its notes). An expired or superseded
 * quote cannot be accepted. Compliance is checked again: a licence may have lapsed.
 */
export async function acceptQuote(db: Db, actor: Actor, input: AcceptQuoteInput) {
  const [quote] = await db.select().from(quotes).where(eq(quotes.id, input.quoteId));
  if (!quote) throw notFound(QUOTE);
  const { inquiry, parties, scope } = await findInquiry(db, quote.inquiryId);
  authorize(actor, { type: "quote.accept", ...scope });
  const closed = quoteClosedReason(quoteView(quote, todayInChina()).status);
  if (closed) throw new AppError("CONFLICT", closed);
  if (inquiry.status === "closed" || inquiry.status === "accepted") {
    throw new AppError("CONFLICT", { zh: "询价已成交或关闭", en: "This inquiry is already accepted or closed" });
  }
  const [product] = inquiry.productId ? await db.select({ name: products.name, cas: products.cas }).from(products).where(eq(products.id, inquiry.productId)) : [];
  const [demand] = inquiry.demandId ? await db.select({ name: demands.substanceName, cas: demands.cas }).from(demands).where(eq(demands.id, inquiry.demandId)) : [];
  const cas = product?.cas ?? demand?.cas ?? null;
  const [substance] = cas ? await db.select({ nameZh: substances.nameZh }).from(substances).where(eq(substances.cas, cas)) : [];
  const substanceName = substance?.nameZh ?? demand?.name ?? product?.name ?? inquiry.subject;
  requireCompliant(await dealCompliance(db, cas, parties.buyer.enterpriseId, parties.seller.enterpriseId));

  return db.transaction(async (tx) => {
    // a concurrent second accept of the same thread finds the quote no longer pending
    const [taken] = await tx
      .update(quotes)
      .set({ status: "accepted" })
      .where(and(eq(quotes.id, quote.id), eq(quotes.status, "pending")))
      .returning({ id: quotes.id });
    if (!taken) throw new AppError("CONFLICT", { zh: "该报价已处理", en: "This quote was already decided" });
    await tx.update(quotes).set({ status: "rejected" }).where(and(eq(quotes.inquiryId, inquiry.id), eq(quotes.status, "pending")));
    await tx.update(inquiries).set({ status: "accepted" }).where(eq(inquiries.id, inquiry.id));
    if (inquiry.matchId) await tx.update(matches).set({ status: "converted" }).where(eq(matches.id, inquiry.matchId));
    const volume = input.volumeT === undefined ? quote.quantity : tonnes(input.volumeT);
    const amount = Number(quote.priceCnyPerUnit) * Number(volume);
    const agreement = await insertAgreement(tx, actor, {
      type: input.agreementType,
      title: agreementTitle(substanceName, parties.buyer.name, parties.seller.name),
      notes: agreementNotes(quote),
      buyerEnterpriseId: parties.buyer.enterpriseId,
      sellerEnterpriseId: parties.seller.enterpriseId,
      status: "draft",
      quoteId: quote.id,
      startOn: todayInChina(),
      endOn: null,
      signedOn: null,
      eventId: null,
      lines: [{
        cas, productId: inquiry.productId, productName: product?.name ?? demand?.name ?? inquiry.subject,
        volumeT: volume, unitPriceCny: quote.priceCnyPerUnit, amountCny: money(amount),
      }],
    });
    await recordAudit(tx, actor, { entity: "quote", entityId: quote.id, action: "accept", after: { agreementId: agreement.id } });
    await notify(tx, { enterpriseId: parties.seller.enterpriseId }, "quote.accepted", {
      zh: `${parties.buyer.name} 接受了您对“${inquiry.subject}”的报价，已生成协议草稿 ${agreement.ref}`,
      en: `${parties.buyer.name} accepted your quote for "${inquiry.subject}"; draft agreement ${agreement.ref} created`,
      href: `/agreements/${agreement.id}`,
    });
    return { agreementId: agreement.id, ref: agreement.ref };
  });
}
