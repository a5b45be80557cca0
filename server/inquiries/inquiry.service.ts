import { and, asc, count, desc, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import {
  agreements, demands, enterprises, inquiries, inquiryAttachments, inquiryMessages, matches, MAX_FILE_BYTES, products, quotes,
  substances, supplyOffers,
} from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { seesRegulatedDetails, todayInChina } from "@/server/compliance/compliance";
import { AppError, notFound, type Bilingual } from "@/server/errors";
import { notify } from "@/server/notifications/notification.service";
import { insertAgreement } from "@/server/agreements/write-agreement";
import { dealScope, loadParties, type PartyView } from "@/server/agreements/parties";
import { dealCompliance, requireCompliant } from "./compliance-check";
import type {
  AcceptQuoteInput, CreateInquiryInput, FileInput, InquirySource, ListInquiriesInput, PostMessageInput, SendQuoteInput,
} from "./inquiry.schemas";

const INQUIRY = { zh: "询价", en: "Inquiry" };
const QUOTE = { zh: "报价", en: "Quote" };

const money = (n: number) => n.toFixed(2);
const qty = (n: number) => n.toFixed(3);

/** What an inquiry is about, resolved from its entry point. */
interface Resolved {
  buyerId: number;
  sellerId: number;
  /** which side starts the thread */
  initiatorId: number;
  productId: number | null;
  demandId: number | null;
  matchId: number | null;
  cas: string | null;
  /** what is asked for, for the subject line */
  what: string;
  quantity: string | null;
  unit: string;
}

async function resolveSource(db: Db, actor: Actor, source: InquirySource): Promise<Resolved> {
  const firstOwn = actor.enterprises[0]?.enterpriseId;
  if (source.kind === "match") {
    const [row] = await db
      .select({
        id: matches.id, demandId: matches.demandId, supplierId: matches.supplierEnterpriseId, productId: matches.productId,
        offerId: matches.offerId, buyerId: demands.enterpriseId, cas: demands.cas, name: demands.substanceName,
        quantity: demands.quantity, unit: demands.unit,
      })
      .from(matches)
      .innerJoin(demands, eq(demands.id, matches.demandId))
      .where(eq(matches.id, source.id));
    if (!row) throw notFound({ zh: "匹配", en: "Match" });
    let productId = row.productId;
    if (!productId && row.offerId) {
      const [offer] = await db.select({ productId: supplyOffers.productId }).from(supplyOffers).where(eq(supplyOffers.id, row.offerId));
      productId = offer?.productId ?? null;
    }
    return {
      buyerId: row.buyerId, sellerId: row.supplierId, initiatorId: row.buyerId, productId, demandId: row.demandId, matchId: row.id,
      cas: row.cas, what: row.name, quantity: row.quantity, unit: row.unit,
    };
  }
  if (source.kind === "product") {
    const [row] = await db
      .select({ id: products.id, enterpriseId: products.enterpriseId, cas: products.cas, name: products.name, retiredAt: products.retiredAt })
      .from(products)
      .where(eq(products.id, source.id));
    if (!row || row.retiredAt) throw notFound({ zh: "产品", en: "Product" });
    // the buyer is the actor's enterprise (its first one that is not the supplier)
    const buyerId = actor.enterprises.find((e) => e.enterpriseId !== row.enterpriseId)?.enterpriseId ?? firstOwn;
    if (buyerId === undefined) throw new AppError("FORBIDDEN", { zh: "只有企业用户可以发起询价", en: "Only enterprise users can send inquiries" });
    return {
      buyerId, sellerId: row.enterpriseId, initiatorId: buyerId, productId: row.id, demandId: null, matchId: null,
      cas: row.cas, what: row.name, quantity: null, unit: "t",
    };
  }
  const [row] = await db
    .select({ id: demands.id, enterpriseId: demands.enterpriseId, cas: demands.cas, name: demands.substanceName, quantity: demands.quantity, unit: demands.unit, status: demands.status })
    .from(demands)
    .where(eq(demands.id, source.id));
  if (!row) throw notFound({ zh: "采购需求", en: "Demand" });
  if (row.status !== "open") throw new AppError("CONFLICT", { zh: "该采购需求已关闭", en: "This demand is no longer open" });
  // a supplier answers the demand: the supplier is the actor's enterprise
  const sellerId = actor.enterprises.find((e) => e.enterpriseId !== row.enterpriseId)?.enterpriseId ?? firstOwn;
  if (sellerId === undefined) throw new AppError("FORBIDDEN", { zh: "只有企业用户可以回应采购需求", en: "Only enterprise users can answer a demand" });
  return {
    buyerId: row.enterpriseId, sellerId, initiatorId: sellerId, productId: null, demandId: row.id, matchId: null,
    cas: row.cas, what: row.name, quantity: row.quantity, unit: row.unit,
  };
}

async function casOfProduct(db: Db, productId: number | null): Promise<string | null> {
  if (!productId) return null;
  const [row] = await db.select({ cas: products.cas }).from(products).where(eq(products.id, productId));
  return row?.cas ?? null;
}

/**
 * Everything the "new inquiry" page needs: the two enterprises, what is asked for, and whether the
 * compliance rules let the inquiry go out (and why not). Refuses inquiring with one's own enterprise.
 */
export async function prepareInquiry(db: Db, actor: Actor, source: InquirySource) {
  const r = await resolveSource(db, actor, source);
  authorize(actor, { type: "inquiry.create", enterpriseId: r.initiatorId });
  if (r.buyerId === r.sellerId) {
    throw new AppError("INVALID", { zh: "不能向本企业询价", en: "You cannot send an inquiry to your own enterprise" });
  }
  const parties = await loadParties(db, r.buyerId, r.sellerId);
  const cas = r.cas ?? (await casOfProduct(db, r.productId));
  const compliance = await dealCompliance(db, cas, r.buyerId, r.sellerId);
  const initiator = r.initiatorId === r.buyerId ? parties.buyer : parties.seller;
  const regulated = compliance.tier !== "none" && !seesRegulatedDetails({ platformAdmin: actor.platformAdmin, parkIds: actor.parkIds, verifiedMember: initiator.verified });
  const refusal: Bilingual | null = compliance.refusal ?? (regulated ? UNVERIFIED : null);
  const [existing] = await db
    .select({ id: inquiries.id })
    .from(inquiries)
    .where(and(
      eq(inquiries.buyerEnterpriseId, r.buyerId), eq(inquiries.supplierEnterpriseId, r.sellerId), ne(inquiries.status, "closed"),
      r.matchId ? eq(inquiries.matchId, r.matchId) : r.demandId ? eq(inquiries.demandId, r.demandId) : eq(inquiries.productId, r.productId ?? -1),
    ))
    .limit(1);
  return {
    source,
    side: r.initiatorId === r.buyerId ? ("buyer" as const) : ("seller" as const),
    buyer: parties.buyer,
    seller: parties.seller,
    cas,
    what: r.what,
    quantity: r.quantity,
    unit: r.unit,
    flags: compliance.flags,
    tier: compliance.tier,
    supplierLicenceMissing: compliance.supplierLicenceMissing,
    refusal,
    /** an open thread about the same thing between the same two enterprises */
    existingInquiryId: existing?.id ?? null,
    allowed: { create: refusal === null },
  };
}

const UNVERIFIED: Bilingual = {
  zh: "危险化学品的询价仅限经园区审核的会员企业：请先联系园区完成企业审核。",
  en: "Inquiries about hazardous chemicals are for verified member enterprises only: ask your park to verify your enterprise first.",
};

export async function createInquiry(db: Db, actor: Actor, input: CreateInquiryInput) {
  const prepared = await prepareInquiry(db, actor, input.source);
  if (prepared.refusal) throw new AppError("FORBIDDEN", prepared.refusal);
  const initiator = prepared.side === "buyer" ? prepared.buyer : prepared.seller;
  const other = prepared.side === "buyer" ? prepared.seller : prepared.buyer;
  const r = await resolveSource(db, actor, input.source);
  return db.transaction(async (tx) => {
    const [inquiry] = await tx
      .insert(inquiries)
      .values({
        buyerEnterpriseId: prepared.buyer.enterpriseId, supplierEnterpriseId: prepared.seller.enterpriseId,
        productId: r.productId, demandId: r.demandId, matchId: r.matchId, subject: input.subject, createdBy: actor.userId,
      })
      .returning({ id: inquiries.id });
    await tx.insert(inquiryMessages).values({
      inquiryId: inquiry!.id, authorUserId: actor.userId, authorEnterpriseId: initiator.enterpriseId, body: input.body,
    });
    if (r.matchId) {
      await tx.update(matches).set({ status: "contacted" }).where(and(eq(matches.id, r.matchId), eq(matches.status, "suggested")));
    }
    await notify(tx, { enterpriseId: other.enterpriseId }, "inquiry.created", {
      zh: `${initiator.name} 发来询价：${input.subject}`,
      en: `New inquiry from ${initiator.name}: ${input.subject}`,
      href: `/inquiries/${inquiry!.id}`,
    });
    return { id: inquiry!.id };
  });
}

/** Narrows a list to the inquiries the actor might see; `can(deal.view)` decides for each row. */
function candidateScope(actor: Actor, side: ListInquiriesInput["side"]): SQL | undefined {
  const own = actor.enterprises.map((e) => e.enterpriseId);
  const asBuyer = own.length ? inArray(inquiries.buyerEnterpriseId, own) : sql`false`;
  const asSeller = own.length ? inArray(inquiries.supplierEnterpriseId, own) : sql`false`;
  if (side === "buying") return asBuyer;
  if (side === "selling") return asSeller;
  if (actor.platformAdmin) return undefined;
  const parks = actor.parkIds.length
    ? sql`EXISTS (SELECT 1 FROM ${enterprises} e WHERE e.id IN ("inquiry"."buyer_enterprise_id", "inquiry"."supplier_enterprise_id") AND e.park_id IN ${actor.parkIds})`
    : sql`false`;
  return or(asBuyer, asSeller, parks);
}

/** Messages from the other side that no one of the actor's enterprise has read yet. */
function unreadExpr(actor: Actor) {
  const own = actor.enterprises.map((e) => e.enterpriseId);
  if (own.length === 0) return sql<number>`0`;
  return sql<number>`(SELECT count(*)::int FROM ${inquiryMessages} m WHERE m.inquiry_id = "inquiry"."id"
    AND m.read_at IS NULL AND m.author_enterprise_id NOT IN ${own}
    AND ("inquiry"."buyer_enterprise_id" IN ${own} OR "inquiry"."supplier_enterprise_id" IN ${own}))`;
}

export async function listInquiries(db: Db, actor: Actor, input: ListInquiriesInput) {
  const scope = candidateScope(actor, input.side);
  const where = and(scope, input.status ? eq(inquiries.status, input.status) : undefined);
  const buyer = sql<string>`(SELECT e.name FROM ${enterprises} e WHERE e.id = "inquiry"."buyer_enterprise_id")`;
  const seller = sql<string>`(SELECT e.name FROM ${enterprises} e WHERE e.id = "inquiry"."supplier_enterprise_id")`;
  const lastActivity = sql<Date>`greatest("inquiry"."updated_at", coalesce((SELECT max(m.created_at) FROM ${inquiryMessages} m WHERE m.inquiry_id = "inquiry"."id"), "inquiry"."created_at"))`;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: inquiries.id, subject: inquiries.subject, status: inquiries.status, createdAt: inquiries.createdAt,
        buyerEnterpriseId: inquiries.buyerEnterpriseId, supplierEnterpriseId: inquiries.supplierEnterpriseId,
        buyerName: buyer, sellerName: seller, lastActivity: lastActivity.mapWith((v: string | Date) => new Date(v)),
        unread: unreadExpr(actor),
        quotes: sql<number>`(SELECT count(*)::int FROM ${quotes} q WHERE q.inquiry_id = "inquiry"."id")`,
        buyerParkId: sql<number | null>`(SELECT e.park_id FROM ${enterprises} e WHERE e.id = "inquiry"."buyer_enterprise_id")`,
        sellerParkId: sql<number | null>`(SELECT e.park_id FROM ${enterprises} e WHERE e.id = "inquiry"."supplier_enterprise_id")`,
      })
      .from(inquiries)
      .where(where)
      .orderBy(desc(lastActivity), desc(inquiries.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(inquiries).where(where),
  ]);
  const own = new Set(actor.enterprises.map((e) => e.enterpriseId));
  const items = rows
    .filter((r) => can(actor, { type: "deal.view", buyer: { enterpriseId: r.buyerEnterpriseId, parkId: r.buyerParkId }, seller: { enterpriseId: r.supplierEnterpriseId, parkId: r.sellerParkId } }))
    .map(({ buyerParkId: _b, sellerParkId: _s, ...r }) => ({
      ...r,
      myRole: own.has(r.buyerEnterpriseId) ? ("buyer" as const) : own.has(r.supplierEnterpriseId) ? ("seller" as const) : null,
    }));
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

/** Unread inquiry messages and open threads of the actor's enterprises, for the role homes. */
export async function inquirySummary(db: Db, actor: Actor) {
  const own = actor.enterprises.map((e) => e.enterpriseId);
  if (own.length === 0) return { unread: 0, open: 0, quotesToAnswer: 0, quotesToDecide: 0 };
  const [row] = await db.execute<{ unread: number; open: number; to_answer: number; to_decide: number }>(sql`
    SELECT
      (SELECT count(*)::int FROM ${inquiryMessages} m JOIN ${inquiries} i ON i.id = m.inquiry_id
        WHERE m.read_at IS NULL AND m.author_enterprise_id NOT IN ${own}
          AND (i.buyer_enterprise_id IN ${own} OR i.supplier_enterprise_id IN ${own})) AS unread,
      (SELECT count(*)::int FROM ${inquiries} i WHERE i.status IN ('open', 'quoted')
          AND (i.buyer_enterprise_id IN ${own} OR i.supplier_enterprise_id IN ${own})) AS open,
      (SELECT count(*)::int FROM ${inquiries} i WHERE i.status = 'open' AND i.supplier_enterprise_id IN ${own}) AS to_answer,
      (SELECT count(*)::int FROM ${quotes} q JOIN ${inquiries} i ON i.id = q.inquiry_id
        WHERE q.status = 'pending' AND i.buyer_enterprise_id IN ${own}
          AND (q.valid_until IS NULL OR q.valid_until >= ${todayInChina()})) AS to_decide`);
  return { unread: row!.unread, open: row!.open, quotesToAnswer: row!.to_answer, quotesToDecide: row!.to_decide };
}

async function findInquiry(db: Db, id: number) {
  const [row] = await db.select().from(inquiries).where(eq(inquiries.id, id));
  if (!row) throw notFound(INQUIRY);
  const parties = await loadParties(db, row.buyerEnterpriseId, row.supplierEnterpriseId);
  return { inquiry: row, parties, scope: dealScope(parties) };
}

/** A quote as people read it: its amount, and `expired` once its validity has passed. */
function quoteView(q: typeof quotes.$inferSelect, today: string) {
  const expired = q.status === "pending" && q.validUntil !== null && q.validUntil < today;
  return {
    id: q.id, inquiryId: q.inquiryId, priceCnyPerUnit: q.priceCnyPerUnit, quantity: q.quantity, unit: q.unit,
    amountCny: money(Number(q.priceCnyPerUnit) * Number(q.quantity)),
    validUntil: q.validUntil, deliveryTerms: q.deliveryTerms, createdAt: q.createdAt,
    status: expired ? ("expired" as const) : q.status,
  };
}

/** One thread: the two enterprises, what it is about, messages, quotes, and what the actor may do. */
export async function getInquiry(db: Db, actor: Actor, id: number) {
  const { inquiry, parties, scope } = await findInquiry(db, id);
  authorize(actor, { type: "deal.view", ...scope });
  const today = todayInChina();
  const [product] = inquiry.productId
    ? await db.select({ id: products.id, name: products.name, cas: products.cas, grade: products.grade, purityPct: products.purityPct }).from(products).where(eq(products.id, inquiry.productId))
    : [];
  const [demand] = inquiry.demandId
    ? await db.select({ id: demands.id, substanceName: demands.substanceName, cas: demands.cas, quantity: demands.quantity, unit: demands.unit, grade: demands.grade }).from(demands).where(eq(demands.id, inquiry.demandId))
    : [];
  const cas = demand?.cas ?? product?.cas ?? null;
  const [substance] = cas
    ? await db.select({ cas: substances.cas, nameZh: substances.nameZh, nameEn: substances.nameEn, hazardous: substances.hazardous, highlyToxic: substances.highlyToxic, explosivePrecursor: substances.explosivePrecursor, precursorCategory: substances.precursorCategory }).from(substances).where(eq(substances.cas, cas))
    : [];
  const [messageRows, attachmentRows, quoteRows, agreementRows] = await Promise.all([
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
  ]);
  const own = new Set(actor.enterprises.map((e) => e.enterpriseId));
  const myRole = own.has(parties.buyer.enterpriseId) ? ("buyer" as const) : own.has(parties.seller.enterpriseId) ? ("seller" as const) : null;
  const names = new Map([[parties.buyer.enterpriseId, parties.buyer.name], [parties.seller.enterpriseId, parties.seller.name]]);
  const open = inquiry.status !== "closed";
  const quoteViews = quoteRows.map((q) => quoteView(q, today));
  return {
    id: inquiry.id,
    subject: inquiry.subject,
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
      authorName: names.get(m.authorEnterpriseId) ?? "", mine: own.has(m.authorEnterpriseId), read: m.readAt !== null,
      attachments: attachmentRows.filter((a) => a.messageId === m.id).map(({ messageId: _m, ...a }) => a),
    })),
    quotes: quoteViews,
    agreements: agreementRows,
    allowed: {
      post: open && can(actor, { type: "inquiry.post", ...scope }),
      quote: open && inquiry.status !== "accepted" && can(actor, { type: "quote.send", ...scope }),
      accept: open && inquiry.status !== "accepted" && can(actor, { type: "quote.accept", ...scope }),
      close: open && inquiry.status !== "accepted" && can(actor, { type: "inquiry.post", ...scope }),
    },
  };
}

/**
 * The buyer's side-by-side view: pending and accepted quotes of every open thread of the buyer about
 * the same demand (or, without one, the same substance), so offers from several suppliers compare.
 */
export async function compareQuotes(db: Db, actor: Actor, inquiryId: number) {
  const { inquiry, scope } = await findInquiry(db, inquiryId);
  authorize(actor, { type: "quote.accept", ...scope });
  const cas = inquiry.demandId
    ? null
    : (await casOfProduct(db, inquiry.productId));
  const sameThing = inquiry.demandId
    ? eq(inquiries.demandId, inquiry.demandId)
    : cas
      ? sql`(SELECT p.cas FROM ${products} p WHERE p.id = "inquiry"."product_id") = ${cas}`
      : eq(inquiries.id, inquiry.id);
  const rows = await db
    .select({ quote: quotes, inquiryId: inquiries.id, inquiryStatus: inquiries.status, supplierId: inquiries.supplierEnterpriseId, supplierName: enterprises.name, supplierParkId: enterprises.parkId })
    .from(quotes)
    .innerJoin(inquiries, eq(inquiries.id, quotes.inquiryId))
    .innerJoin(enterprises, eq(enterprises.id, inquiries.supplierEnterpriseId))
    .where(and(eq(inquiries.buyerEnterpriseId, inquiry.buyerEnterpriseId), ne(inquiries.status, "closed"), sameThing, inArray(quotes.status, ["pending", "accepted"])))
    .orderBy(asc(quotes.priceCnyPerUnit), asc(quotes.id));
  const [buyer] = await db.select({ parkId: enterprises.parkId }).from(enterprises).where(eq(enterprises.id, inquiry.buyerEnterpriseId));
  const today = todayInChina();
  return rows.map((r) => ({
    ...quoteView(r.quote, today),
    supplier: { id: r.supplierId, name: r.supplierName, inPark: buyer?.parkId != null && r.supplierParkId === buyer.parkId },
    threadAccepted: r.inquiryStatus === "accepted",
  }));
}

/** Marks the other side's messages read for the actor's enterprise (opening the thread). */
export async function markInquiryRead(db: Db, actor: Actor, id: number) {
  const { scope } = await findInquiry(db, id);
  authorize(actor, { type: "deal.view", ...scope });
  const own = actor.enterprises.map((e) => e.enterpriseId);
  const mineInThread = own.filter((e) => e === scope.buyer.enterpriseId || e === scope.seller.enterpriseId);
  if (mineInThread.length === 0) return { marked: 0 }; // park staff reading do not mark the parties' messages
  const rows = await db
    .update(inquiryMessages)
    .set({ readAt: new Date() })
    .where(and(eq(inquiryMessages.inquiryId, id), isNull(inquiryMessages.readAt), sql`${inquiryMessages.authorEnterpriseId} NOT IN ${mineInThread}`))
    .returning({ id: inquiryMessages.id });
  return { marked: rows.length };
}

function decodeFile(file: FileInput) {
  const content = Buffer.from(file.content, "base64");
  if (content.length === 0) throw new AppError("INVALID", { zh: "附件为空", en: "The attachment is empty" });
  if (content.length > MAX_FILE_BYTES) {
    throw new AppError("INVALID", { zh: `附件不能超过 ${MAX_FILE_BYTES / 1024 / 1024} MB`, en: `Attachments are limited to ${MAX_FILE_BYTES / 1024 / 1024} MB` });
  }
  return { filename: file.filename.replace(/[\\/\r\n"]/g, "_"), contentType: file.contentType || "application/octet-stream", sizeBytes: content.length, content };
}

/** The side of the thread the actor writes for. */
function authorSide(actor: Actor, parties: { buyer: PartyView; seller: PartyView }): PartyView {
  const own = new Set(actor.enterprises.map((e) => e.enterpriseId));
  return own.has(parties.buyer.enterpriseId) ? parties.buyer : parties.seller;
}

export async function postMessage(db: Db, actor: Actor, input: PostMessageInput) {
  const { inquiry, parties, scope } = await findInquiry(db, input.inquiryId);
  authorize(actor, { type: "inquiry.post", ...scope });
  if (inquiry.status === "closed") throw new AppError("CONFLICT", { zh: "询价已关闭", en: "This inquiry is closed" });
  const file = input.attachment ? decodeFile(input.attachment) : null;
  const author = authorSide(actor, parties);
  const other = author === parties.buyer ? parties.seller : parties.buyer;
  return db.transaction(async (tx) => {
    const [message] = await tx
      .insert(inquiryMessages)
      .values({ inquiryId: inquiry.id, authorUserId: actor.userId, authorEnterpriseId: author.enterpriseId, body: input.body })
      .returning({ id: inquiryMessages.id });
    if (file) await tx.insert(inquiryAttachments).values({ messageId: message!.id, ...file });
    await tx.update(inquiries).set({ updatedAt: new Date() }).where(eq(inquiries.id, inquiry.id));
    await notify(tx, { enterpriseId: other.enterpriseId }, "inquiry.message", {
      zh: `${author.name} 在询价“${inquiry.subject}”中回复了您`,
      en: `${author.name} replied in "${inquiry.subject}"`,
      href: `/inquiries/${inquiry.id}`,
    });
    return { id: message!.id };
  });
}

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
  return db.transaction(async (tx) => {
    const [quote] = await tx
      .insert(quotes)
      .values({
        inquiryId: inquiry.id, priceCnyPerUnit: money(input.priceCnyPerUnit), quantity: qty(input.quantity), unit: input.unit,
        validUntil: input.validUntil, deliveryTerms: input.deliveryTerms, createdBy: actor.userId,
      })
      .returning({ id: quotes.id });
    await tx.insert(inquiryMessages).values({
      inquiryId: inquiry.id, authorUserId: actor.userId, authorEnterpriseId: parties.seller.enterpriseId,
      body: input.note ?? `报价：${money(input.priceCnyPerUnit)} 元/${input.unit} × ${input.quantity} ${input.unit}，有效期至 ${input.validUntil}。\nQuote: CNY ${money(input.priceCnyPerUnit)}/${input.unit} × ${input.quantity} ${input.unit}, valid until ${input.validUntil}.`,
    });
    await tx.update(inquiries).set({ status: "quoted" }).where(eq(inquiries.id, inquiry.id));
    await notify(tx, { enterpriseId: parties.buyer.enterpriseId }, "quote.received", {
      zh: `${parties.seller.name} 对“${inquiry.subject}”报价 ${money(amount)} 元`,
      en: `${parties.seller.name} quoted CNY ${money(amount)} for "${inquiry.subject}"`,
      href: `/inquiries/${inquiry.id}`,
    });
    return { id: quote!.id };
  });
}

/**
 * The buyer accepts a quote: the quote is accepted, the thread's other pending quotes are declined,
 * and a draft agreement between the two enterprises is created from it (one line: the substance or
 * product, the quoted quantity and price). Compliance is checked again: a licence may have lapsed.
 */
export async function acceptQuote(db: Db, actor: Actor, input: AcceptQuoteInput) {
  const [quote] = await db.select().from(quotes).where(eq(quotes.id, input.quoteId));
  if (!quote) throw notFound(QUOTE);
  const { inquiry, parties, scope } = await findInquiry(db, quote.inquiryId);
  authorize(actor, { type: "quote.accept", ...scope });
  const view = quoteView(quote, todayInChina());
  if (view.status !== "pending") {
    const why = view.status === "expired" ? { zh: "报价已过有效期", en: "This quote has expired" } : { zh: "该报价已处理", en: "This quote was already decided" };
    throw new AppError("CONFLICT", why);
  }
  if (inquiry.status === "closed" || inquiry.status === "accepted") {
    throw new AppError("CONFLICT", { zh: "询价已成交或关闭", en: "This inquiry is already accepted or closed" });
  }
  const [product] = inquiry.productId ? await db.select({ name: products.name, cas: products.cas }).from(products).where(eq(products.id, inquiry.productId)) : [];
  const [demand] = inquiry.demandId ? await db.select({ name: demands.substanceName, cas: demands.cas }).from(demands).where(eq(demands.id, inquiry.demandId)) : [];
  const cas = product?.cas ?? demand?.cas ?? null;
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
    const amount = Number(quote.priceCnyPerUnit) * Number(quote.quantity);
    const agreement = await insertAgreement(tx, actor, {
      type: input.agreementType,
      title: inquiry.subject,
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
        volumeT: quote.quantity, unitPriceCny: quote.priceCnyPerUnit, amountCny: money(amount),
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

/** Either party closes a thread that led nowhere; pending quotes lapse with it. */
export async function closeInquiry(db: Db, actor: Actor, id: number) {
  const { inquiry, parties, scope } = await findInquiry(db, id);
  authorize(actor, { type: "inquiry.post", ...scope });
  if (inquiry.status === "closed") return { id };
  const author = authorSide(actor, parties);
  const other = author === parties.buyer ? parties.seller : parties.buyer;
  await db.transaction(async (tx) => {
    await tx.update(inquiries).set({ status: "closed" }).where(eq(inquiries.id, id));
    await tx.update(quotes).set({ status: "rejected" }).where(and(eq(quotes.inquiryId, id), eq(quotes.status, "pending")));
    await notify(tx, { enterpriseId: other.enterpriseId }, "inquiry.closed", {
      zh: `${author.name} 关闭了询价“${inquiry.subject}”`, en: `${author.name} closed the inquiry "${inquiry.subject}"`, href: `/inquiries/${id}`,
    });
  });
  return { id };
}

/** An attachment's bytes, for the two enterprises and their park's staff only. */
export async function getAttachment(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select({ file: inquiryAttachments, inquiryId: inquiryMessages.inquiryId })
    .from(inquiryAttachments)
    .innerJoin(inquiryMessages, eq(inquiryMessages.id, inquiryAttachments.messageId))
    .where(eq(inquiryAttachments.id, id));
  if (!row) throw notFound({ zh: "附件", en: "Attachment" });
  const { scope } = await findInquiry(db, row.inquiryId);
  authorize(actor, { type: "deal.view", ...scope });
  return { filename: row.file.filename, contentType: row.file.contentType, content: row.file.content.toString("base64") };
}
