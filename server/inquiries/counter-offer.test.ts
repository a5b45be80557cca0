import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { agreementLines, auditLog, notifications, quoteCounters, quotes } from "@/db/schema";
import { makeDealCast } from "@/server/testing/factories";
import { acceptQuote } from "./accept-quote";
import { answerCounter } from "./answer-counter";
import { counterQuote } from "./counter-quote";
import { createInquiry } from "./create-inquiry";
import { getInquiry } from "./get-inquiry";
import { counterQuoteInput, sendQuoteInput } from "./inquiry.schemas";
import { sendQuote } from "./send-quote";

const db = () => getDb();
const quoteInput = (v: Parameters<typeof sendQuoteInput.parse>[0]) => sendQuoteInput.parse(v);
const counterInput = (v: Parameters<typeof counterQuoteInput.parse>[0]) => counterQuoteInput.parse(v);
const inDays = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

async function quoted() {
  const c = await makeDealCast();
  const { id } = await createInquiry(db(), c.buyer.actor, { source: { kind: "product", id: c.product.id }, subject: "甘油还价", body: "请报价" });
  const v1 = await sendQuote(db(), c.seller.actor, quoteInput({
    inquiryId: id, priceCnyPerUnit: 6800, quantity: 100, validUntil: inDays(10), deliveryMode: "delivered", deliveryPlace: "买方厂区", leadTimeDays: 5, packaging: "槽车",
  }));
  return { c, id, v1: v1.id };
}
const kinds = async (enterpriseId: number) =>
  (await db().select({ kind: notifications.kind }).from(notifications).where(eq(notifications.enterpriseId, enterpriseId))).map((n) => n.kind);
const auditOf = async (entity: string, id: number) =>
  (await db().select().from(auditLog).where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(id)))).orderBy(asc(auditLog.id))).map((a) => [a.action, a.actorUserId]);

describe("counter-offers (还价)", () => {
  it("the buyer counters, the supplier accepts: v2 at the counter price, v1 superseded, the buyer accepts v2 into a draft", async () => {
    const { c, id, v1 } = await quoted();
    const counter = await counterQuote(db(), c.buyer.actor, counterInput({ quoteId: v1, priceCnyPerUnit: 6500, paymentTerms: "credit", paymentDays: 30, note: "量大请让利" }));
    expect(await kinds(c.sellerEnterprise.id)).toContain("quote.countered");
    expect(await auditOf("quote_counter", counter.id)).toEqual([["create", c.buyer.user.id]]);
    // one open counter-offer per quote
    await expect(counterQuote(db(), c.buyer.actor, counterInput({ quoteId: v1, priceCnyPerUnit: 6400 }))).rejects.toMatchObject({ code: "CONFLICT" });

    const answer = await answerCounter(db(), c.seller.actor, { counterId: counter.id, answer: "accept", note: null });
    expect(answer.status).toBe("accepted");
    const [v2] = await db().select().from(quotes).where(eq(quotes.id, answer.quoteId!));
    // the counter's price and payment terms; the rest as v1
    expect(v2).toMatchObject({
      version: 2, previousQuoteId: v1, status: "pending", priceCnyPerUnit: "6500.00", quantity: "100.000", paymentTerms: "credit", paymentDays: 30,
      deliveryMode: "delivered", deliveryPlace: "买方厂区", leadTimeDays: 5, packaging: "槽车", taxBasis: "incl_vat", validUntil: inDays(10),
    });
    const [old] = await db().select().from(quotes).where(eq(quotes.id, v1));
    expect(old!.status).toBe("superseded");
    const [row] = await db().select().from(quoteCounters).where(eq(quoteCounters.id, counter.id));
    expect(row).toMatchObject({ status: "accepted", answerQuoteId: v2!.id, decidedBy: c.seller.user.id });
    expect(await kinds(c.buyerEnterprise.id)).toContain("counter.accepted");
    expect(await auditOf("quote_counter", counter.id)).toEqual([["create", c.buyer.user.id], ["accept", c.seller.user.id]]);

    // the thread shows both versions and the counter-offer between them
    const thread = await getInquiry(db(), c.buyer.actor, id);
    expect(thread.quotes.map((q) => [q.version, q.status])).toEqual([[1, "superseded"], [2, "pending"]]);
    expect(thread.counters.map((k) => [k.quoteId, k.status, k.answerQuoteId])).toEqual([[v1, "accepted", v2!.id]]);
    expect(thread.messages.map((m) => m.body.split("\n")[0])).toEqual([
      "请报价",
      expect.stringMatching(/^报价：6,800 元\/吨 × 100 吨/),
      expect.stringMatching(/^还价（针对报价 v1）：6,500 元\/吨，账期 30 天。$/),
      "接受还价：报价 v2 按 6,500 元/吨。",
    ]);

    await expect(acceptQuote(db(), c.buyer.actor, { quoteId: v1, agreementType: "order" })).rejects.toMatchObject({ code: "CONFLICT", messages: { en: expect.stringContaining("newer version") } });
    const { agreementId } = await acceptQuote(db(), c.buyer.actor, { quoteId: v2!.id, agreementType: "order" });
    const [line] = await db().select().from(agreementLines).where(eq(agreementLines.agreementId, agreementId));
    expect(line).toMatchObject({ unitPriceCny: "6500.00", amountCny: "650000.00" });
  });

  it("the supplier declines: the quote stands and may still be accepted; the buyer is told", async () => {
    const { c, v1 } = await quoted();
    const counter = await counterQuote(db(), c.buyer.actor, counterInput({ quoteId: v1, priceCnyPerUnit: 6000 }));
    const answer = await answerCounter(db(), c.seller.actor, { counterId: counter.id, answer: "decline", note: "已是底价" });
    expect(answer).toMatchObject({ status: "declined", quoteId: null });
    expect(await kinds(c.buyerEnterprise.id)).toContain("counter.declined");
    expect(await auditOf("quote_counter", counter.id)).toEqual([["create", c.buyer.user.id], ["decline", c.seller.user.id]]);
    await expect(answerCounter(db(), c.seller.actor, { counterId: counter.id, answer: "accept", note: null })).rejects.toMatchObject({ code: "CONFLICT" });
    // a new counter-offer is possible once the first is answered
    await counterQuote(db(), c.buyer.actor, counterInput({ quoteId: v1, priceCnyPerUnit: 6600 }));
    const { agreementId } = await acceptQuote(db(), c.buyer.actor, { quoteId: v1, agreementType: "order" });
    expect(agreementId).toBeGreaterThan(0);
  });

  it("the supplier answers with a new quote: v2 at its own price, the counter-offer answered, v1 superseded", async () => {
    const { c, id, v1 } = await quoted();
    const counter = await counterQuote(db(), c.buyer.actor, counterInput({ quoteId: v1, priceCnyPerUnit: 6300 }));
    const v2 = await sendQuote(db(), c.seller.actor, quoteInput({ inquiryId: id, priceCnyPerUnit: 6600, quantity: 100, validUntil: inDays(7), counterId: counter.id }));
    expect(v2.version).toBe(2);
    const thread = await getInquiry(db(), c.buyer.actor, id);
    expect(thread.quotes.map((q) => [q.id, q.version, q.status, q.previousQuoteId])).toEqual([[v1, 1, "superseded", null], [v2.id, 2, "pending", v1]]);
    expect(thread.counters).toMatchObject([{ status: "answered", answerQuoteId: v2.id }]);
    expect(thread.messages.at(-1)!.body).toMatch(/^报价 v2：6,600 元\/吨 × 100 吨/);
    expect(await auditOf("quote_counter", counter.id)).toEqual([["create", c.buyer.user.id], ["answer", c.seller.user.id]]);
    await expect(sendQuote(db(), c.seller.actor, quoteInput({ inquiryId: id, priceCnyPerUnit: 6500, quantity: 100, validUntil: inDays(7), counterId: counter.id })))
      .rejects.toMatchObject({ code: "CONFLICT" });
    // a counter-offer of another thread cannot be answered here
    const other = await quoted();
    const foreign = await counterQuote(db(), other.c.buyer.actor, counterInput({ quoteId: other.v1, priceCnyPerUnit: 1 }));
    await expect(sendQuote(db(), c.seller.actor, quoteInput({ inquiryId: id, priceCnyPerUnit: 1, quantity: 1, validUntil: inDays(1), counterId: foreign.id })))
      .rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("an expired quote can be neither countered nor accepted, nor its open counter-offer accepted", async () => {
    const { c, v1 } = await quoted();
    const counter = await counterQuote(db(), c.buyer.actor, counterInput({ quoteId: v1, priceCnyPerUnit: 6500 }));
    await db().update(quotes).set({ validUntil: inDays(-1) }).where(eq(quotes.id, v1));
    await expect(counterQuote(db(), c.buyer.actor, counterInput({ quoteId: v1, priceCnyPerUnit: 6400 }))).rejects.toMatchObject({ code: "CONFLICT", messages: { en: "This quote has expired" } });
    await expect(acceptQuote(db(), c.buyer.actor, { quoteId: v1, agreementType: "order" })).rejects.toMatchObject({ code: "CONFLICT", messages: { zh: "报价已过有效期" } });
    await expect(answerCounter(db(), c.seller.actor, { counterId: counter.id, answer: "accept", note: null })).rejects.toMatchObject({ code: "CONFLICT" });
    const thread = await getInquiry(db(), c.buyer.actor, (await db().select().from(quotes).where(eq(quotes.id, v1)))[0]!.inquiryId);
    expect(thread.counters.map((k) => k.status)).toEqual(["lapsed"]);
  });

  it("only the buyer counters and only the supplier answers; nothing after the thread is accepted", async () => {
    const { c, v1 } = await quoted();
    await expect(counterQuote(db(), c.seller.actor, counterInput({ quoteId: v1, priceCnyPerUnit: 1 }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(counterQuote(db(), c.staff.actor, counterInput({ quoteId: v1, priceCnyPerUnit: 1 }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const counter = await counterQuote(db(), c.buyer.actor, counterInput({ quoteId: v1, priceCnyPerUnit: 6500 }));
    await expect(answerCounter(db(), c.buyer.actor, { counterId: counter.id, answer: "accept", note: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(answerCounter(db(), c.staff.actor, { counterId: counter.id, answer: "decline", note: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await acceptQuote(db(), c.buyer.actor, { quoteId: v1, agreementType: "order" });
    await expect(answerCounter(db(), c.seller.actor, { counterId: counter.id, answer: "accept", note: null })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(counterQuote(db(), c.buyer.actor, counterInput({ quoteId: v1, priceCnyPerUnit: 1 }))).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
