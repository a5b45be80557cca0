import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { agreementLines, agreements, auditLog, licences, matches, notifications, quotes } from "@/db/schema";
import { todayInChina } from "@/server/compliance/compliance";
import { makeDealCast, makeDemand, makeEnterprise, makeMatch, makePark, makeProduct, makeUser } from "@/server/testing/factories";
import { acceptQuote } from "./accept-quote";
import { closeInquiry } from "./close-inquiry";
import { compareQuotes } from "./compare-quotes";
import { createInquiry } from "./create-inquiry";
import { getAttachment } from "./get-attachment";
import { getInquiry } from "./get-inquiry";
import { inquirySummary } from "./inquiry-summary";
import { listInquiries } from "./list-inquiries";
import { markInquiryRead } from "./mark-inquiry-read";
import { postMessage } from "./post-message";
import { prepareInquiry } from "./prepare-inquiry";
import { sendQuoteInput } from "./inquiry.schemas";
import { sendQuote } from "./send-quote";

const db = () => getDb();
const quoteInput = (v: Parameters<typeof sendQuoteInput.parse>[0]) => sendQuoteInput.parse(v);
const inDays = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

describe("inquiries", () => {
  it("a buyer inquires about a product; the supplier is notified and sees one unread message", async () => {
    const c = await makeDealCast();
    const { id } = await createInquiry(db(), c.buyer.actor, { source: { kind: "product", id: c.product.id }, subject: "甘油询价", body: "请报 100 吨价格" });
    const thread = await getInquiry(db(), c.seller.actor, id);
    expect(thread).toMatchObject({ subject: "甘油询价", status: "open", myRole: "seller", buyer: { enterpriseId: c.buyerEnterprise.id } });
    expect(thread.messages.map((m) => m.body)).toEqual(["请报 100 吨价格"]);
    expect(thread.allowed).toMatchObject({ post: true, quote: true, accept: false });
    expect(await inquirySummary(db(), c.seller.actor)).toMatchObject({ unread: 1, open: 1, quotesToAnswer: 1 });
    const list = await listInquiries(db(), c.seller.actor, { side: "selling", page: 1, pageSize: 20 });
    expect(list.items.map((i) => [i.id, i.unread, i.myRole])).toEqual([[id, 1, "seller"]]);
    const notices = await db().select().from(notifications).where(eq(notifications.enterpriseId, c.sellerEnterprise.id));
    expect(notices.map((n) => n.kind)).toContain("inquiry.created");

    await markInquiryRead(db(), c.seller.actor, id);
    expect((await inquirySummary(db(), c.seller.actor)).unread).toBe(0);
    // the buyer's own message is not unread for the buyer
    expect((await inquirySummary(db(), c.buyer.actor)).unread).toBe(0);
  });

  it("from a match: the match's demand, supplier and product make the inquiry, and the match becomes contacted", async () => {
    const c = await makeDealCast();
    const demand = await makeDemand(c.buyerEnterprise.id, { quantity: "250.000" });
    const match = await makeMatch(demand.id, c.sellerEnterprise.id, c.product.id);
    const prepared = await prepareInquiry(db(), c.buyer.actor, { kind: "match", id: match.id });
    expect(prepared).toMatchObject({ side: "buyer", quantity: "250.000", seller: { enterpriseId: c.sellerEnterprise.id }, allowed: { create: true } });
    const { id } = await createInquiry(db(), c.buyer.actor, { source: { kind: "match", id: match.id }, subject: "匹配询价", body: "您好" });
    const [row] = await db().select().from(matches).where(eq(matches.id, match.id));
    expect(row!.status).toBe("contacted");
    expect((await getInquiry(db(), c.buyer.actor, id)).demand?.id).toBe(demand.id);
    // someone else cannot use the buyer's match
    await expect(prepareInquiry(db(), c.outsider.actor, { kind: "match", id: match.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a supplier answers a buyer's demand", async () => {
    const c = await makeDealCast();
    const demand = await makeDemand(c.buyerEnterprise.id);
    const { id } = await createInquiry(db(), c.seller.actor, { source: { kind: "demand", id: demand.id }, subject: "可供甘油", body: "我司可供" });
    const thread = await getInquiry(db(), c.buyer.actor, id);
    expect(thread).toMatchObject({ myRole: "buyer", seller: { enterpriseId: c.sellerEnterprise.id } });
  });

  it("refuses inquiring with one's own enterprise", async () => {
    const c = await makeDealCast();
    await expect(createInquiry(db(), c.seller.actor, { source: { kind: "product", id: c.product.id }, subject: "自己", body: "x" }))
      .rejects.toMatchObject({ code: "INVALID", messages: { zh: expect.stringContaining("本企业") } });
  });

  it("refuses a controlled substance while the buyer needs a licence, and lets it through once park staff verified one", async () => {
    const c = await makeDealCast({ cas: "143-33-9" }); // 氰化钠, highly toxic
    await db().insert(licences).values({ enterpriseId: c.sellerEnterprise.id, type: "hazardous_trade", number: `H-${c.product.id}`, validUntil: inDays(300) });
    const prepared = await prepareInquiry(db(), c.buyer.actor, { kind: "product", id: c.product.id });
    expect(prepared).toMatchObject({ tier: "controlled", allowed: { create: false }, refusal: { zh: expect.stringContaining("管控"), en: expect.stringContaining("controlled") } });
    await expect(createInquiry(db(), c.buyer.actor, { source: { kind: "product", id: c.product.id }, subject: "氰化钠", body: "x" }))
      .rejects.toMatchObject({ code: "FORBIDDEN" });

    await db().insert(licences).values({ enterpriseId: c.buyerEnterprise.id, type: "highly_toxic", number: `T-${c.product.id}`, validUntil: inDays(300), verifiedAt: new Date() });
    const { id } = await createInquiry(db(), c.buyer.actor, { source: { kind: "product", id: c.product.id }, subject: "氰化钠", body: "x" });
    expect(id).toBeGreaterThan(0);
  });

  it("refuses a supplier whose licence for a controlled substance expired", async () => {
    const c = await makeDealCast({ cas: "143-33-9" });
    await db().insert(licences).values([
      { enterpriseId: c.sellerEnterprise.id, type: "hazardous_trade", number: `H-${c.product.id}`, validUntil: inDays(-1) },
      { enterpriseId: c.buyerEnterprise.id, type: "highly_toxic", number: `T-${c.product.id}`, validUntil: inDays(300), verifiedAt: new Date() },
    ]);
    const prepared = await prepareInquiry(db(), c.buyer.actor, { kind: "product", id: c.product.id });
    expect(prepared.refusal?.en).toContain("expired");
  });

  it("keeps hazardous inquiries to verified members", async () => {
    const c = await makeDealCast({ cas: "67-63-0", verified: false }); // 异丙醇, hazardous
    const prepared = await prepareInquiry(db(), c.buyer.actor, { kind: "product", id: c.product.id });
    expect(prepared.allowed.create).toBe(false);
    expect(prepared.refusal?.zh).toContain("审核");
  });

  it("tells an unverified member nothing of the other side of a hazardous inquiry it may not send", async () => {
    const c = await makeDealCast({ cas: "67-63-0" }); // 异丙醇, hazardous; seller and buyer verified
    // in another park, so that nothing of the seller's park is the member's own
    const unverified = await makeEnterprise({ parkId: (await makePark()).id });
    const member = await makeUser({ enterpriseId: unverified.id, role: "admin" });
    const secrets = [c.sellerEnterprise.name, c.sellerEnterprise.uscc, c.park.code, c.park.name];

    const prepared = await prepareInquiry(db(), member.actor, { kind: "product", id: c.product.id });
    expect(prepared).toMatchObject({ side: "buyer", seller: null, buyer: { enterpriseId: unverified.id }, allowed: { create: false } });
    expect(prepared.refusal?.zh).toContain("审核");
    for (const secret of secrets) expect(JSON.stringify(prepared)).not.toContain(secret);
    await expect(createInquiry(db(), member.actor, { source: { kind: "product", id: c.product.id }, subject: "异丙醇", body: "x" }))
      .rejects.toMatchObject({ code: "FORBIDDEN" });

    // a match of its own demand: the supplier stays hidden too
    const demand = await makeDemand(unverified.id, { cas: "67-63-0", quantity: "30.000" });
    const match = await makeMatch(demand.id, c.sellerEnterprise.id, c.product.id);
    const fromMatch = await prepareInquiry(db(), member.actor, { kind: "match", id: match.id });
    expect(fromMatch).toMatchObject({ seller: null, quantity: "30.000", allowed: { create: false } });
    for (const secret of secrets) expect(JSON.stringify(fromMatch)).not.toContain(secret);

    // answering a hazardous demand: the buyer and its quantity stay hidden from an unverified supplier
    const wanted = await makeDemand(c.buyerEnterprise.id, { cas: "67-63-0", quantity: "77.000" });
    const answer = await prepareInquiry(db(), member.actor, { kind: "demand", id: wanted.id });
    expect(answer).toMatchObject({ side: "seller", buyer: null, quantity: null, allowed: { create: false } });
    for (const secret of [c.buyerEnterprise.name, c.buyerEnterprise.uscc, c.park.code]) expect(JSON.stringify(answer)).not.toContain(secret);

    // a verified member sees the supplier
    expect((await prepareInquiry(db(), c.outsider.actor, { kind: "product", id: c.product.id })).seller).toMatchObject({ name: c.sellerEnterprise.name });
  });

  it("carries messages with attachments, size-limited, readable by the parties only", async () => {
    const c = await makeDealCast();
    const { id } = await createInquiry(db(), c.buyer.actor, { source: { kind: "product", id: c.product.id }, subject: "带附件", body: "见附件" });
    const spec = Buffer.from("规格书 spec sheet");
    await postMessage(db(), c.buyer.actor, { inquiryId: id, body: "技术要求", attachment: { filename: "spec.txt", contentType: "text/plain", content: spec.toString("base64") } });
    const thread = await getInquiry(db(), c.seller.actor, id);
    const attachment = thread.messages[1]!.attachments[0]!;
    expect(attachment).toMatchObject({ filename: "spec.txt", sizeBytes: spec.length });
    const file = await getAttachment(db(), c.seller.actor, attachment.id);
    expect(Buffer.from(file.content, "base64").toString()).toBe("规格书 spec sheet");
    await expect(getAttachment(db(), c.outsider.actor, attachment.id)).rejects.toMatchObject({ code: "FORBIDDEN" });

    const tooBig = Buffer.alloc(5 * 1024 * 1024 + 1).toString("base64");
    await expect(postMessage(db(), c.buyer.actor, { inquiryId: id, body: "大文件", attachment: { filename: "big.bin", contentType: "application/octet-stream", content: tooBig } }))
      .rejects.toMatchObject({ code: "INVALID" });
  });

  it("the supplier quotes, the buyer compares and accepts: a draft agreement appears and the other quotes are declined", async () => {
    const c = await makeDealCast();
    const demand = await makeDemand(c.buyerEnterprise.id, { quantity: "120.000" });
    const { id } = await createInquiry(db(), c.buyer.actor, { source: { kind: "match", id: (await makeMatch(demand.id, c.sellerEnterprise.id, c.product.id)).id }, subject: "甘油 120 吨", body: "请报价" });
    // a second supplier answers the same demand
    const rival = await makeEnterprise({ parkId: null, verifiedAt: new Date() });
    const rivalUser = await makeUser({ enterpriseId: rival.id });
    const second = await createInquiry(db(), rivalUser.actor, { source: { kind: "demand", id: demand.id }, subject: "甘油供应", body: "可供" });

    const first = await sendQuote(db(), c.seller.actor, quoteInput({ inquiryId: id, priceCnyPerUnit: 6800, quantity: 120, unit: "t", validUntil: inDays(10) }));
    const spare = await sendQuote(db(), c.seller.actor, quoteInput({ inquiryId: id, priceCnyPerUnit: 7000, quantity: 120, unit: "t", validUntil: inDays(10) }));
    await sendQuote(db(), rivalUser.actor, quoteInput({ inquiryId: second.id, priceCnyPerUnit: 6500, quantity: 100, unit: "t", validUntil: inDays(5), deliveryMode: "ex_works" }));
    await expect(sendQuote(db(), c.buyer.actor, quoteInput({ inquiryId: id, priceCnyPerUnit: 1, quantity: 1, unit: "t", validUntil: inDays(1) })))
      .rejects.toMatchObject({ code: "FORBIDDEN" });

    const compared = await compareQuotes(db(), c.buyer.actor, id);
    expect(compared.map((q) => [q.priceCnyPerUnit, q.supplier.inPark])).toEqual([["6500.00", false], ["6800.00", true], ["7000.00", true]]);
    expect(compared[1]!.amountCny).toBe("816000.00");
    await expect(compareQuotes(db(), c.seller.actor, id)).rejects.toMatchObject({ code: "FORBIDDEN" });

    const accepted = await acceptQuote(db(), c.buyer.actor, { quoteId: first.id, agreementType: "framework" });
    const [agreement] = await db().select().from(agreements).where(eq(agreements.id, accepted.agreementId));
    expect(agreement).toMatchObject({ status: "draft", type: "framework", quoteId: first.id, totalAmountCny: "816000.00", buyerEnterpriseId: c.buyerEnterprise.id, sellerEnterpriseId: c.sellerEnterprise.id });
    const [line] = await db().select().from(agreementLines).where(eq(agreementLines.agreementId, agreement!.id));
    expect(line).toMatchObject({ cas: "56-81-5", volumeT: "120.000", unitPriceCny: "6800.00", amountCny: "816000.00" });
    const [declined] = await db().select().from(quotes).where(eq(quotes.id, spare.id));
    expect(declined!.status).toBe("rejected");
    const thread = await getInquiry(db(), c.seller.actor, id);
    expect(thread.status).toBe("accepted");
    expect(thread.agreements.map((a) => a.id)).toEqual([agreement!.id]);
    await expect(acceptQuote(db(), c.buyer.actor, { quoteId: spare.id, agreementType: "order" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("an expired quote cannot be accepted", async () => {
    const c = await makeDealCast();
    const { id } = await createInquiry(db(), c.buyer.actor, { source: { kind: "product", id: c.product.id }, subject: "过期报价", body: "x" });
    const q = await sendQuote(db(), c.seller.actor, quoteInput({ inquiryId: id, priceCnyPerUnit: 100, quantity: 1, unit: "t", validUntil: todayInChina() }));
    await db().update(quotes).set({ validUntil: inDays(-1) }).where(eq(quotes.id, q.id));
    expect((await getInquiry(db(), c.buyer.actor, id)).quotes[0]!.status).toBe("expired");
    await expect(acceptQuote(db(), c.buyer.actor, { quoteId: q.id, agreementType: "order" })).rejects.toMatchObject({ code: "CONFLICT", messages: { en: expect.stringContaining("expired") } });
    await expect(sendQuote(db(), c.seller.actor, quoteInput({ inquiryId: id, priceCnyPerUnit: 1, quantity: 1, unit: "t", validUntil: inDays(-1) })))
      .rejects.toMatchObject({ code: "INVALID" });
  });

  it("closing a thread declines its pending quotes, tells the other side and is audited", async () => {
    const c = await makeDealCast();
    const { id } = await createInquiry(db(), c.buyer.actor, { source: { kind: "product", id: c.product.id }, subject: "关闭询价", body: "x" });
    const q = await sendQuote(db(), c.seller.actor, quoteInput({ inquiryId: id, priceCnyPerUnit: 100, quantity: 1, unit: "t", validUntil: inDays(5) }));
    await closeInquiry(db(), c.buyer.actor, id);
    expect((await db().select().from(quotes).where(eq(quotes.id, q.id)))[0]!.status).toBe("rejected");
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.entity, "inquiry"), eq(auditLog.entityId, String(id))));
    expect(audit.map((a) => [a.action, a.actorUserId, a.after])).toEqual([["close", c.buyer.user.id, { status: "closed", quotesDeclined: [q.id] }]]);
    const told = await db().select().from(notifications).where(and(eq(notifications.enterpriseId, c.sellerEnterprise.id), eq(notifications.kind, "inquiry.closed")));
    expect(told.some((n) => (n.payload as { href?: string }).href === `/inquiries/${id}`)).toBe(true);
    // closing again changes nothing and audits nothing
    await closeInquiry(db(), c.buyer.actor, id);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.entity, "inquiry"), eq(auditLog.entityId, String(id))))).toHaveLength(1);
  });

  it("park staff see their park's threads but write nothing; another park's staff see nothing", async () => {
    const c = await makeDealCast();
    const { id } = await createInquiry(db(), c.buyer.actor, { source: { kind: "product", id: c.product.id }, subject: "园区可见", body: "x" });
    const view = await getInquiry(db(), c.staff.actor, id);
    expect(view.allowed).toEqual({ post: false, quote: false, accept: false, close: false, counter: false, answerCounter: false });
    expect((await listInquiries(db(), c.staff.actor, { side: "all", page: 1, pageSize: 100 })).items.map((i) => i.id)).toContain(id);
    const elsewhere = await makeDealCast();
    await expect(getInquiry(db(), elsewhere.staff.actor, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await listInquiries(db(), elsewhere.staff.actor, { side: "all", page: 1, pageSize: 100 })).items.map((i) => i.id)).not.toContain(id);
    expect((await listInquiries(db(), c.outsider.actor, { side: "all", page: 1, pageSize: 100 })).items).toEqual([]);
    // a product of no one's park can still be inquired by members
    const product = await makeProduct(c.sellerEnterprise.id);
    expect((await prepareInquiry(db(), c.buyer.actor, { kind: "product", id: product.id })).allowed.create).toBe(true);
  });
});
