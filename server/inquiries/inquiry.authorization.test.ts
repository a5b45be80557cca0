import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { createCaller } from "@/server/api/root";
import type { Actor } from "@/server/auth/actor";
import { todayInChina } from "@/server/compliance/compliance";
import { makeDealCast, makeDemand, makeMatch } from "@/server/testing/factories";

const as = (actor: Actor) => createCaller({ db: getDb(), actor });

/** A thread between a buyer and a supplier with a message, an attachment and a pending quote. */
async function thread() {
  const c = await makeDealCast();
  const demand = await makeDemand(c.buyerEnterprise.id);
  const match = await makeMatch(demand.id, c.sellerEnterprise.id, c.product.id);
  const buyer = as(c.buyer.actor);
  const { id } = await buyer.inquiry.create({ source: { kind: "match", id: match.id }, subject: "授权测试询价", body: "请报价" });
  await buyer.inquiry.post({ inquiryId: id, body: "附件", attachment: { filename: "a.txt", contentType: "text/plain", content: Buffer.from("x").toString("base64") } });
  const quote = await as(c.seller.actor).inquiry.quote({ inquiryId: id, priceCnyPerUnit: 100, quantity: 5, unit: "t", validUntil: todayInChina() });
  const attachmentId = (await buyer.inquiry.byId({ id })).messages[1]!.attachments[0]!.id;
  const counter = await buyer.inquiry.counter({ quoteId: quote.id, priceCnyPerUnit: 90, note: "机密还价" });
  return { c, id, quoteId: quote.id, counterId: counter.id, attachmentId, matchId: match.id, demandId: demand.id };
}

describe("no one sees or touches another pair's thread or quote", () => {
  it.each<[string, (c: ReturnType<typeof as>, t: Awaited<ReturnType<typeof thread>>) => Promise<unknown>]>([
    ["inquiry.prepare (someone else's match)", (c, t) => c.inquiry.prepare({ kind: "match", id: t.matchId })],
    ["inquiry.create (someone else's match)", (c, t) => c.inquiry.create({ source: { kind: "match", id: t.matchId }, subject: "冒充询价", body: "x" })],
    ["inquiry.byId", (c, t) => c.inquiry.byId({ id: t.id })],
    ["inquiry.compare", (c, t) => c.inquiry.compare({ id: t.id })],
    ["inquiry.markRead", (c, t) => c.inquiry.markRead({ id: t.id })],
    ["inquiry.post", (c, t) => c.inquiry.post({ inquiryId: t.id, body: "插话" })],
    ["inquiry.quote", (c, t) => c.inquiry.quote({ inquiryId: t.id, priceCnyPerUnit: 1, quantity: 1, unit: "t", validUntil: todayInChina() })],
    ["inquiry.accept", (c, t) => c.inquiry.accept({ quoteId: t.quoteId, agreementType: "order" })],
    ["inquiry.close", (c, t) => c.inquiry.close({ id: t.id })],
    ["inquiry.counter", (c, t) => c.inquiry.counter({ quoteId: t.quoteId, priceCnyPerUnit: 1 })],
    ["inquiry.answerCounter (accept)", (c, t) => c.inquiry.answerCounter({ counterId: t.counterId, answer: "accept" })],
    ["inquiry.answerCounter (decline)", (c, t) => c.inquiry.answerCounter({ counterId: t.counterId, answer: "decline" })],
    ["inquiry.quote answering the counter-offer", (c, t) => c.inquiry.quote({ inquiryId: t.id, priceCnyPerUnit: 1, quantity: 1, unit: "t", validUntil: todayInChina(), counterId: t.counterId })],
    ["inquiry.attachment", (c, t) => c.inquiry.attachment({ id: t.attachmentId })],
  ])("%s", async (_, call) => {
    const t = await thread();
    await expect(call(as(t.c.outsider.actor), t)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("inquiry.list and inquiry.summary show another enterprise nothing of the thread", async () => {
    const t = await thread();
    const outsider = as(t.c.outsider.actor);
    expect((await outsider.inquiry.list({})).items).toEqual([]);
    expect(await outsider.inquiry.summary()).toEqual({ unread: 0, open: 0, quotesToAnswer: 0, quotesToDecide: 0 });
  });

  it("an outsider reads nothing of another pair's quote terms or counter-offer", async () => {
    const t = await thread();
    await expect(as(t.c.outsider.actor).inquiry.byId({ id: t.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(t.c.outsider.actor).inquiry.compare({ id: t.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // the parties do
    expect((await as(t.c.seller.actor).inquiry.byId({ id: t.id })).counters).toMatchObject([{ id: t.counterId, note: "机密还价", status: "open" }]);
  });

  it("the buyer may not answer its own counter-offer, nor the seller counter its own quote", async () => {
    const t = await thread();
    await expect(as(t.c.buyer.actor).inquiry.answerCounter({ counterId: t.counterId, answer: "accept" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(t.c.seller.actor).inquiry.counter({ quoteId: t.quoteId, priceCnyPerUnit: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the seller may not accept its own quote, nor the buyer quote", async () => {
    const t = await thread();
    await expect(as(t.c.seller.actor).inquiry.accept({ quoteId: t.quoteId, agreementType: "order" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(t.c.buyer.actor).inquiry.quote({ inquiryId: t.id, priceCnyPerUnit: 1, quantity: 1, unit: "t", validUntil: todayInChina() }))
      .rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("an anonymous visitor is asked to sign in", async () => {
    const t = await thread();
    const anon = as({ userId: null, name: null, platformAdmin: false, enterprises: [], parkIds: [] });
    await expect(anon.inquiry.byId({ id: t.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("a quote for one's own product: a user cannot inquire with their own enterprise", async () => {
    const t = await thread();
    await expect(as(t.c.seller.actor).inquiry.create({ source: { kind: "product", id: t.c.product.id }, subject: "自询", body: "x" }))
      .rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("rejects malformed input with field errors", async () => {
    const t = await thread();
    await expect(as(t.c.seller.actor).inquiry.quote({ inquiryId: t.id, priceCnyPerUnit: -1, quantity: 0, unit: "t", validUntil: "tomorrow" }))
      .rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
