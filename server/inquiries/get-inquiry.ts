import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { agreements, demands, inquiryAttachments, inquiryMessages, products, quoteCounters, quotes, substances } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { todayInChina } from "@/server/compliance/compliance";
import { substanceView } from "@/server/substances/substance.service";
import { findInquiry } from "./find-inquiry";
import { counterView, quoteView } from "./quote-view";

/** One thread: the two enterprises, what it is about, messages, quotes, and what the actor may do. */
export async function getInquiry(db: Db, actor: Actor, id: number) {
  const { inquiry, parties, scope } = await findInquiry(db, id);
  authorize(actor, { type: "deal.view", ...scope });
  const today = todayInChina();
  const [product] = inquiry.productId
    ? await db.select({ id: products.id, name: products.name, cas: products.cas, grade: products.grade, purityPct: products.purityPct }).from(products).where(eq(products.id, inquiry.productId))
    : [];
  const [demand] = inquiry.demandId
    ? await db.select({ id: demands.id, substanceName: demands.substanceName, cas: demands.cas, quantity: demands.quantity, unit: demands.unit, grade: demands.grade, taxBasis: demands.taxBasis }).from(demands).where(eq(demands.id, inquiry.demandId))
    : [];
  const cas = demand?.cas ?? product?.cas ?? null;
  const [substance] = cas
    ? // the dictionary's names, park staff's corrections first (substanceView)
      await db.select({ cas: substances.cas, nameZh: substanceView.nameZh, nameEn: substanceView.nameEn, hazardous: substances.hazardous, highlyToxic: substances.highlyToxic, explosivePrecursor: substances.explosivePrecursor, precursorCategory: substances.precursorCategory }).from(substances).where(eq(substances.cas, cas))
    : [];
  const [messageRows, attachmentRows, quoteRows, agreementRows, counterRows] = await Promise.all([
    db.select().from(inquiryMessages).where(eq(inquiryMessages.inquiryId, id)).orderBy(asc(inquiryMessages.createdAt), asc(inquiryMessages.id)),
    db
      .select({ id: inquiryAttachments.id, messageId: inquiryAttachments.messageId, filename: inquiryAttachments.filename, sizeBytes: inquiryAttachments.sizeBytes })
      .from(inquiryAttachments)
      .innerJoin(inquiryMessages, eq(inquiryMessages.id, inquiryAttachments.messageId))
      .where(eq(inquiryMessages.inquiryId, id)),
    db.select().from(quotes).where(eq(quotes.inquiryId, id)).orderBy(asc(quotes.createdAt), asc(quotes.id)),
    db
      .select({ id: agreements.id, ref: agreements.ref, status: agreements.status, type: agreements.type, quoteId: agreements.quoteId })
      .from(agreements)
      .innerJoin(quotes, eq(quotes.id, agreements.quoteId))
      .where(eq(quotes.inquiryId, id)),
    db
      .select({ counter: quoteCounters })
      .from(quoteCounters)
      .innerJoin(quotes, eq(quotes.id, quoteCounters.quoteId))
      .where(eq(quotes.inquiryId, id))
      .orderBy(asc(quoteCounters.createdAt), asc(quoteCounters.id)),
  ]);
  const own = new Set(actor.enterprises.map((e) => e.enterpriseId));
  const myRole = own.has(parties.buyer.enterpriseId) ? ("buyer" as const) : own.has(parties.seller.enterpriseId) ? ("seller" as const) : null;
  const names = new Map([[parties.buyer.enterpriseId, parties.buyer], [parties.seller.enterpriseId, parties.seller]]);
  const open = inquiry.status !== "closed";
  const quoteViews = quoteRows.map((q) => quoteView(q, today));
  const statusOf = new Map(quoteViews.map((q) => [q.id, q.status]));
  const counters = counterRows.map((r) => counterView(r.counter, statusOf.get(r.counter.quoteId) ?? "rejected"));
  const live = open && inquiry.status !== "accepted";
  return {
    id: inquiry.id,
    subject: inquiry.subject,
    kind: inquiry.kind,
    status: inquiry.status,
    createdAt: inquiry.createdAt,
    matchId: inquiry.matchId,
    buyer: parties.buyer,
    seller: parties.seller,
    product: product ?? null,
    demand: demand ?? null,
    substance: substance ?? null,
    myRole,
    messages: messageRows.map((m) => ({
      id: m.id, body: m.body, createdAt: m.createdAt, authorEnterpriseId: m.authorEnterpriseId,
      authorName: names.get(m.authorEnterpriseId)?.name ?? "", authorNameEn: names.get(m.authorEnterpriseId)?.nameEn ?? null, mine: own.has(m.authorEnterpriseId), read: m.readAt !== null,
      attachments: attachmentRows.filter((a) => a.messageId === m.id).map(({ messageId: _m, ...a }) => a),
    })),
    /** every version of every quote, oldest first (v1, v2 … of a chain link by previousQuoteId) */
    quotes: quoteViews,
    /** counter-offers, oldest first, each on one quote version */
    counters,
    agreements: agreementRows,
    allowed: {
      post: open && can(actor, { type: "inquiry.post", ...scope }),
      quote: open && inquiry.status !== "accepted" && can(actor, { type: "quote.send", ...scope }),
      accept: open && inquiry.status !== "accepted" && can(actor, { type: "quote.accept", ...scope }),
      close: open && inquiry.status !== "accepted" && can(actor, { type: "inquiry.post", ...scope }),
      counter: live && can(actor, { type: "quote.counter", ...scope }),
      answerCounter: live && can(actor, { type: "quote.answerCounter", ...scope }),
    },
  };
}
