import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, inquiries, licences, notifications, sampleRequests } from "@/db/schema";
import { makeDealCast, makeDemand, makeEnterprise, makeMatch, makePark, makeUser } from "@/server/testing/factories";
import { closeInquiry } from "./close-inquiry";
import { createInquiry } from "./create-inquiry";
import { getInquiry } from "./get-inquiry";
import { inquirySummary } from "./inquiry-summary";
import { listInquiries } from "./list-inquiries";
import { prepareInquiry } from "./prepare-inquiry";
import { requestSample } from "./sample-create";
import { evaluateSample } from "./sample-evaluate";
import { getSample } from "./sample-get";
import { markSampleReceived } from "./sample-mark-received";
import { markSampleSent } from "./sample-mark-sent";
import { prepareSample } from "./sample-prepare";
import { requestSampleInput } from "./sample.schemas";

const db = () => getDb();
const inDays = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

type Cast = Awaited<ReturnType<typeof makeDealCast>>;
/** The buyer asks for 500 g of the cast's product (glycerol unless the cast says otherwise). */
const ask = (c: Cast, extra: Partial<Parameters<typeof requestSample>[2]> = {}) =>
  requestSample(db(), c.buyer.actor, requestSampleInput.parse({
    source: { kind: "product", id: c.product.id }, quantity: 500, unit: "g", deliveryAddress: "江苏省南通市经济技术开发区通达路 88 号 质检部",
    purpose: "小试：用于醇酸树脂配方验证", ...extra,
  }));
const audits = async (sampleId: number) =>
  db().select().from(auditLog).where(and(eq(auditLog.entity, "sample_request"), eq(auditLog.entityId, String(sampleId)))).orderBy(asc(auditLog.id));
const noticesOf = async (enterpriseId: number) =>
  (await db().select().from(notifications).where(eq(notifications.enterpriseId, enterpriseId))).filter((n) => n.kind.startsWith("sample."));

describe("sample requests (索样)", () => {
  it("a buyer asks for a sample: a sample inquiry with its request, a first message, an audit entry and the supplier's notice", async () => {
    const c = await makeDealCast();
    const { id } = await ask(c);
    const [inquiry] = await db().select().from(inquiries).where(eq(inquiries.id, id));
    expect(inquiry).toMatchObject({ kind: "sample", buyerEnterpriseId: c.buyerEnterprise.id, supplierEnterpriseId: c.sellerEnterprise.id, productId: c.product.id, status: "open" });
    const [sample] = await db().select().from(sampleRequests).where(eq(sampleRequests.inquiryId, id));
    expect(sample).toMatchObject({ status: "requested", quantity: "500.000", unit: "g", requestedBy: c.buyer.user.id, sentAt: null, trackingNote: null });

    const thread = await getInquiry(db(), c.seller.actor, id);
    expect(thread.kind).toBe("sample");
    expect(thread.messages[0]!.body).toContain("500 g");
    expect(thread.messages[0]!.body).toContain("通达路 88 号");
    expect(thread.messages[0]!.body).toContain("醇酸树脂");
    expect((await audits(sample!.id)).map((a) => [a.action, a.actorUserId])).toEqual([["requested", c.buyer.user.id]]);
    // a sample to send is no price to quote: the supplier's home counts it as an open thread only
    expect(await inquirySummary(db(), c.seller.actor)).toMatchObject({ open: 1, quotesToAnswer: 0, unread: 1 });
    const [notice] = await noticesOf(c.sellerEnterprise.id);
    expect(notice).toMatchObject({ kind: "sample.requested", payload: { zh: expect.stringContaining("500 g"), en: expect.stringContaining("500 g"), href: `/inquiries/${id}` } });

    // the list tells a sample thread from a price inquiry
    const { id: priceId } = await createInquiry(db(), c.buyer.actor, { source: { kind: "product", id: c.product.id }, subject: "甘油询价", body: "请报价" });
    const listed = await listInquiries(db(), c.seller.actor, { side: "selling", page: 1, pageSize: 20 });
    expect(Object.fromEntries(listed.items.map((i) => [i.id, i.kind]))).toEqual({ [id]: "sample", [priceId]: "quote" });
  });

  it("walks requested → sent → received → evaluated, each step by its side, timed, audited and announced to the other side", async () => {
    const c = await makeDealCast();
    const { id } = await ask(c);
    expect(await getSample(db(), c.seller.actor, id)).toMatchObject({ status: "requested", next: "sent", allowed: { markSent: true, markReceived: false, evaluate: false } });
    expect((await getSample(db(), c.buyer.actor, id)).allowed).toEqual({ markSent: false, markReceived: false, evaluate: false });

    await markSampleSent(db(), c.seller.actor, { inquiryId: id, trackingNote: "顺丰 SF1234567890" });
    const sent = await getSample(db(), c.buyer.actor, id);
    expect(sent).toMatchObject({ status: "sent", trackingNote: "顺丰 SF1234567890", next: "received", allowed: { markSent: false, markReceived: true, evaluate: false } });
    expect(sent.timeline.map((s) => s.at !== null)).toEqual([true, true, false, false]);

    await markSampleReceived(db(), c.buyer.actor, { inquiryId: id });
    expect(await getSample(db(), c.buyer.actor, id)).toMatchObject({ status: "received", next: "evaluated", allowed: { evaluate: true } });

    await evaluateSample(db(), c.buyer.actor, { inquiryId: id, result: "pass", note: "纯度 99.6%，符合要求" });
    const done = await getSample(db(), c.buyer.actor, id);
    expect(done).toMatchObject({ status: "evaluated", result: "pass", evaluationNote: "纯度 99.6%，符合要求", next: null });
    expect(done.allowed).toEqual({ markSent: false, markReceived: false, evaluate: false });
    expect(done.timeline.every((s) => s.at !== null)).toBe(true);
    const [row] = await db().select().from(sampleRequests).where(eq(sampleRequests.inquiryId, id));
    expect(row).toMatchObject({ sentBy: c.seller.user.id, receivedBy: c.buyer.user.id, evaluatedBy: c.buyer.user.id });
    expect(row!.sentAt! <= row!.receivedAt! && row!.receivedAt! <= row!.evaluatedAt!).toBe(true);

    expect((await audits(row!.id)).map((a) => [a.action, a.actorUserId, (a.before as { status?: string } | null)?.status ?? null])).toEqual([
      ["requested", c.buyer.user.id, null], ["sent", c.seller.user.id, "requested"], ["received", c.buyer.user.id, "sent"], ["evaluated", c.buyer.user.id, "received"],
    ]);
    // each side is told of the other's steps, and only of those
    expect((await noticesOf(c.buyerEnterprise.id)).map((n) => n.kind)).toEqual(["sample.sent"]);
    expect((await noticesOf(c.sellerEnterprise.id)).map((n) => n.kind).sort()).toEqual(["sample.evaluated", "sample.received", "sample.requested"]);
    const evaluated = (await noticesOf(c.sellerEnterprise.id)).find((n) => n.kind === "sample.evaluated")!;
    expect(evaluated.payload).toMatchObject({ zh: expect.stringContaining("合格：纯度 99.6%"), en: expect.stringContaining("passed") });
    // the steps are lines of the thread too
    expect((await getInquiry(db(), c.buyer.actor, id)).messages.map((m) => m.body.split("\n")[0])).toEqual([
      expect.stringContaining("申请样品"), "样品已寄出：顺丰 SF1234567890", "样品已收到。", "样品评估：合格：纯度 99.6%，符合要求",
    ]);
  });

  it("refuses a skipped step and a step back, whoever asks", async () => {
    const c = await makeDealCast();
    const { id } = await ask(c);
    await expect(markSampleReceived(db(), c.buyer.actor, { inquiryId: id }))
      .rejects.toMatchObject({ code: "CONFLICT", messages: { zh: expect.stringContaining("须先寄出样品"), en: expect.stringContaining("must be sent") } });
    await expect(evaluateSample(db(), c.buyer.actor, { inquiryId: id, result: "pass", note: null }))
      .rejects.toMatchObject({ code: "CONFLICT", messages: { zh: expect.stringContaining("须先确认收到样品") } });

    await markSampleSent(db(), c.seller.actor, { inquiryId: id, trackingNote: "德邦 DPK001" });
    await expect(markSampleSent(db(), c.seller.actor, { inquiryId: id, trackingNote: "改单号" }))
      .rejects.toMatchObject({ code: "CONFLICT", messages: { zh: expect.stringContaining("已是“已寄出”") } });
    await markSampleReceived(db(), c.buyer.actor, { inquiryId: id });
    await evaluateSample(db(), c.buyer.actor, { inquiryId: id, result: "fail", note: "水分超标" });
    // nothing goes back once evaluated
    await expect(markSampleReceived(db(), c.buyer.actor, { inquiryId: id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(markSampleSent(db(), c.seller.actor, { inquiryId: id, trackingNote: "再寄" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(evaluateSample(db(), c.buyer.actor, { inquiryId: id, result: "pass", note: null })).rejects.toMatchObject({ code: "CONFLICT" });
    const [row] = await db().select().from(sampleRequests).where(eq(sampleRequests.inquiryId, id));
    expect(row).toMatchObject({ status: "evaluated", result: "fail", evaluationNote: "水分超标", trackingNote: "德邦 DPK001" });
    expect((await audits(row!.id)).length).toBe(4);
  });

  it("two clicks at once move the sample once", async () => {
    const c = await makeDealCast();
    const { id } = await ask(c);
    const results = await Promise.allSettled([
      markSampleSent(db(), c.seller.actor, { inquiryId: id, trackingNote: "顺丰 A" }),
      markSampleSent(db(), c.seller.actor, { inquiryId: id, trackingNote: "顺丰 B" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    const [row] = await db().select().from(sampleRequests).where(eq(sampleRequests.inquiryId, id));
    expect((await audits(row!.id)).map((a) => a.action)).toEqual(["requested", "sent"]);
  });

  it("only the supplier sends, only the buyer receives and evaluates; park staff watch; others see nothing", async () => {
    const c = await makeDealCast();
    const { id } = await ask(c);
    await expect(markSampleSent(db(), c.buyer.actor, { inquiryId: id, trackingNote: "我自己寄" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(markSampleSent(db(), c.staff.actor, { inquiryId: id, trackingNote: "园区代寄" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await markSampleSent(db(), c.seller.actor, { inquiryId: id, trackingNote: "EMS E123" });
    await expect(markSampleReceived(db(), c.seller.actor, { inquiryId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(markSampleReceived(db(), c.staff.actor, { inquiryId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await markSampleReceived(db(), c.buyer.actor, { inquiryId: id });
    await expect(evaluateSample(db(), c.seller.actor, { inquiryId: id, result: "pass", note: null })).rejects.toMatchObject({ code: "FORBIDDEN" });

    // the park's staff see it and may do nothing; another enterprise and another park's staff see nothing
    expect(await getSample(db(), c.staff.actor, id)).toMatchObject({ status: "received", allowed: { markSent: false, markReceived: false, evaluate: false } });
    const elsewhere = await makeDealCast();
    for (const actor of [c.outsider.actor, elsewhere.staff.actor, elsewhere.buyer.actor]) {
      await expect(getSample(db(), actor, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(evaluateSample(db(), actor, { inquiryId: id, result: "fail", note: "冒充" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await db().select().from(sampleRequests).where(eq(sampleRequests.inquiryId, id)))[0]!.status).toBe("received");
  });

  it("a price inquiry has no sample; a sample thread is not offered as the open price inquiry", async () => {
    const c = await makeDealCast();
    const { id: priceId } = await createInquiry(db(), c.buyer.actor, { source: { kind: "product", id: c.product.id }, subject: "询价", body: "x" });
    await expect(getSample(db(), c.buyer.actor, priceId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(markSampleSent(db(), c.seller.actor, { inquiryId: priceId, trackingNote: "x1" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const other = await makeDealCast();
    const { id: sampleId } = await ask(other);
    expect((await prepareInquiry(db(), other.buyer.actor, { kind: "product", id: other.product.id })).existingInquiryId).toBeNull();
    // …while the sample page points to the sample under way
    expect((await prepareSample(db(), other.buyer.actor, { kind: "product", id: other.product.id })).existingSampleId).toBe(sampleId);
    await markSampleSent(db(), other.seller.actor, { inquiryId: sampleId, trackingNote: "顺丰 1" });
    await markSampleReceived(db(), other.buyer.actor, { inquiryId: sampleId });
    await evaluateSample(db(), other.buyer.actor, { inquiryId: sampleId, result: "pass", note: null });
    expect((await prepareSample(db(), other.buyer.actor, { kind: "product", id: other.product.id })).existingSampleId).toBeNull();
  });

  it("a closed thread's sample moves no more", async () => {
    const c = await makeDealCast();
    const { id } = await ask(c);
    await closeInquiry(db(), c.buyer.actor, id);
    expect(await getSample(db(), c.seller.actor, id)).toMatchObject({ next: null, allowed: { markSent: false } });
    await expect(markSampleSent(db(), c.seller.actor, { inquiryId: id, trackingNote: "顺丰 2" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("from a match of the buyer's demand; never from the supplier's side, nor of one's own product", async () => {
    const c = await makeDealCast();
    const demand = await makeDemand(c.buyerEnterprise.id);
    const match = await makeMatch(demand.id, c.sellerEnterprise.id, c.product.id);
    const { id } = await ask(c, { source: { kind: "match", id: match.id } });
    expect((await getInquiry(db(), c.buyer.actor, id))).toMatchObject({ kind: "sample", matchId: match.id, demand: { id: demand.id } });
    // the supplier cannot ask itself for a sample of its own product, nor use the buyer's match
    await expect(requestSample(db(), c.seller.actor, requestSampleInput.parse({ source: { kind: "product", id: c.product.id }, quantity: 1, unit: "kg", deliveryAddress: "本厂质检中心一号楼", purpose: "自检" })))
      .rejects.toMatchObject({ code: "INVALID" });
    await expect(requestSample(db(), c.outsider.actor, requestSampleInput.parse({ source: { kind: "match", id: match.id }, quantity: 1, unit: "kg", deliveryAddress: "别人的地址一号楼", purpose: "冒充" })))
      .rejects.toMatchObject({ code: "FORBIDDEN" });
    // a demand is answered by a supplier: no sample request starts there
    expect(requestSampleInput.safeParse({ source: { kind: "demand", id: demand.id }, quantity: 1, unit: "kg", deliveryAddress: "江苏省南通市某路 1 号", purpose: "试用" }).success).toBe(false);
  });

  it("a controlled substance's sample is gated like an inquiry, and checked again before it is sent", async () => {
    const c = await makeDealCast({ cas: "143-33-9" }); // 氰化钠, highly toxic
    const [supplierLicence] = await db().insert(licences)
      .values({ enterpriseId: c.sellerEnterprise.id, type: "hazardous_trade", number: `H-${c.product.id}`, validUntil: inDays(300) }).returning();
    const prepared = await prepareSample(db(), c.buyer.actor, { kind: "product", id: c.product.id });
    expect(prepared).toMatchObject({ tier: "controlled", allowed: { request: false }, refusal: { zh: expect.stringContaining("剧毒化学品购买许可证") } });
    await expect(ask(c, { unit: "g", quantity: 10 })).rejects.toMatchObject({ code: "FORBIDDEN", messages: { zh: expect.stringContaining("管控") } });
    expect(await db().select().from(inquiries).where(eq(inquiries.productId, c.product.id))).toEqual([]);

    // park staff verify the buyer's 剧毒化学品购买许可证: the request goes through
    await db().insert(licences).values({ enterpriseId: c.buyerEnterprise.id, type: "highly_toxic", number: `T-${c.product.id}`, validUntil: inDays(300), verifiedAt: new Date() });
    expect((await prepareSample(db(), c.buyer.actor, { kind: "product", id: c.product.id })).allowed.request).toBe(true);
    const { id } = await ask(c, { unit: "g", quantity: 10 });

    // the supplier's licence lapses before the sample leaves: it may not be sent
    await db().update(licences).set({ validUntil: inDays(-1) }).where(eq(licences.id, supplierLicence!.id));
    await expect(markSampleSent(db(), c.seller.actor, { inquiryId: id, trackingNote: "危化品专车" }))
      .rejects.toMatchObject({ code: "FORBIDDEN", messages: { zh: expect.stringContaining("不能寄出"), en: expect.stringContaining("expired") } });
    expect((await getSample(db(), c.seller.actor, id)).status).toBe("requested");
    await db().update(licences).set({ validUntil: inDays(300) }).where(eq(licences.id, supplierLicence!.id));
    await markSampleSent(db(), c.seller.actor, { inquiryId: id, trackingNote: "危化品专车 苏F12345" });
    expect((await getSample(db(), c.buyer.actor, id)).status).toBe("sent");
  });

  it("a hazardous substance's sample is for verified members only, and tells an unverified one nothing of the supplier", async () => {
    const c = await makeDealCast({ cas: "67-63-0" }); // 异丙醇, hazardous
    const unverified = await makeEnterprise({ parkId: (await makePark()).id });
    const member = await makeUser({ enterpriseId: unverified.id, role: "admin" });
    const prepared = await prepareSample(db(), member.actor, { kind: "product", id: c.product.id });
    expect(prepared).toMatchObject({ seller: null, allowed: { request: false }, existingSampleId: null });
    expect(JSON.stringify(prepared)).not.toContain(c.sellerEnterprise.name);
    await expect(requestSample(db(), member.actor, requestSampleInput.parse({ source: { kind: "product", id: c.product.id }, quantity: 1, unit: "L", deliveryAddress: "某地某路某号某楼", purpose: "试用" })))
      .rejects.toMatchObject({ code: "FORBIDDEN", messages: { zh: expect.stringContaining("审核") } });
  });

  it("the table holds each state to its moments (a row out of order is refused by PostgreSQL)", async () => {
    const c = await makeDealCast();
    const { id } = await ask(c);
    await expect(db().update(sampleRequests).set({ status: "sent" }).where(eq(sampleRequests.inquiryId, id))).rejects.toThrow();
    await expect(db().update(sampleRequests).set({ status: "received", sentAt: new Date(), trackingNote: "x" }).where(eq(sampleRequests.inquiryId, id))).rejects.toThrow();
    await expect(db().update(sampleRequests).set({ quantity: "0" }).where(eq(sampleRequests.inquiryId, id))).rejects.toThrow();
  });
});
