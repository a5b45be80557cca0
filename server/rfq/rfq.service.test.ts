import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { agreementLines, agreements, auditLog, inquiries, notifications, quotes, rfqReminders, rfqs } from "@/db/schema";
import { todayInChina } from "@/server/compliance/compliance";
import { counterQuote } from "@/server/inquiries/counter-quote";
import { getInquiry } from "@/server/inquiries/get-inquiry";
import { postMessage } from "@/server/inquiries/post-message";
import { sendQuote } from "@/server/inquiries/send-quote";
import { counterQuoteInput, sendQuoteInput } from "@/server/inquiries/inquiry.schemas";
import { makeDemand, makeEnterprise, makeLicence, makeMatch, makeProduct, makeRfqCast, makeUser } from "@/server/testing/factories";
import { awardRfq } from "./award-rfq";
import { getRfq } from "./get-rfq";
import { listRfqs } from "./list-rfqs";
import { remindRfqSuppliers } from "./remind-rfqs";
import { awardRfqInput, sendRfqInput } from "./rfq.schemas";
import { sendRfq } from "./send-rfq";

const db = () => getDb();
const inDays = (n: number) => todayInChina(new Date(Date.now() + n * 86_400_000));
const TOLUENE = "108-88-3";

type Cast = Awaited<ReturnType<typeof makeRfqCast>>;

async function send(c: Cast, overrides: Partial<{ matchIds: number[]; deadline: string; volume: number }> = {}) {
  return sendRfq(db(), c.buyer.actor, sendRfqInput.parse({
    demandId: c.demand.id, matchIds: c.suppliers.map((s) => s.match.id), deadline: inDays(7), volume: 100, note: "请报含税价", ...overrides,
  }));
}

async function threadOf(rfqId: number, supplierId: number) {
  const [row] = await db().select().from(inquiries).where(and(eq(inquiries.rfqId, rfqId), eq(inquiries.supplierEnterpriseId, supplierId)));
  return row!;
}

async function quote(c: Cast, i: number, rfqId: number, price: number, quantity = 100, validUntil = inDays(30)) {
  const thread = await threadOf(rfqId, c.suppliers[i]!.enterprise.id);
  return sendQuote(db(), c.suppliers[i]!.user.actor, sendQuoteInput.parse({ inquiryId: thread.id, priceCnyPerUnit: price, quantity, unit: "t", validUntil }));
}

describe("RFQ: sending", () => {
  it("invites each ticked supplier on a thread of its own, tells each, and audits the request", async () => {
    const c = await makeRfqCast();
    const sent = await send(c);
    expect(sent.invited.map((i) => i.supplierId).sort()).toEqual(c.suppliers.map((s) => s.enterprise.id).sort());
    expect(sent.refused).toEqual([]);
    const threads = await db().select().from(inquiries).where(eq(inquiries.rfqId, sent.id));
    expect(threads).toHaveLength(3);
    expect(new Set(threads.map((t) => t.supplierEnterpriseId)).size).toBe(3);
    for (const s of c.suppliers) {
      const thread = await getInquiry(db(), s.user.actor, (await threadOf(sent.id, s.enterprise.id)).id);
      expect(thread.messages[0]!.body).toContain(inDays(7));
      expect(thread.messages[0]!.body).toContain("请报含税价");
      const notes = await db().select().from(notifications).where(and(eq(notifications.enterpriseId, s.enterprise.id), eq(notifications.kind, "rfq.invited")));
      expect(notes).toHaveLength(1);
    }
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.entity, "rfq"), eq(auditLog.entityId, String(sent.id))));
    expect(audit).toMatchObject({ action: "send", actorUserId: c.buyer.user.id });
    expect(await listRfqs(db(), c.buyer.actor, { demandId: c.demand.id })).toMatchObject([{ id: sent.id, invited: 3, answered: 0, status: "open" }]);
  });

  it("refuses a deadline that is not in the future, fewer than 2 or more than 20 suppliers, and a closed demand", async () => {
    const c = await makeRfqCast({ suppliers: 2 });
    await expect(send(c, { deadline: todayInChina() })).rejects.toMatchObject({ code: "INVALID" });
    await expect(send(c, { deadline: inDays(-1) })).rejects.toMatchObject({ code: "INVALID" });
    expect(() => sendRfqInput.parse({ demandId: c.demand.id, matchIds: [c.suppliers[0]!.match.id], deadline: inDays(3) })).toThrow();
    expect(() => sendRfqInput.parse({ demandId: c.demand.id, matchIds: Array.from({ length: 21 }, (_, i) => i + 1), deadline: inDays(3) })).toThrow();
    expect(() => sendRfqInput.parse({ demandId: c.demand.id, matchIds: [5, 5], deadline: inDays(3) })).toThrow();
    const closed = await makeDemand(c.buyerEnterprise.id, { status: "closed" });
    await expect(sendRfq(db(), c.buyer.actor, { ...sendRfqInput.parse({ demandId: closed.id, matchIds: [1, 2], deadline: inDays(3) }) }))
      .rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db().select().from(rfqs).where(eq(rfqs.buyerEnterpriseId, c.buyerEnterprise.id))).toEqual([]);
  });

  it("is compliance-gated per supplier like a single inquiry: a supplier whose licence lapsed is reported, the others invited", async () => {
    const c = await makeRfqCast({ cas: TOLUENE });
    // the buyer holds its verified 购买备案证明; supplier 0 sells under a valid licence, supplier 1's has expired, supplier 2 has none on file yet
    await makeLicence(c.buyerEnterprise.id, { type: "precursor_purchase_record", scope: "甲苯", validUntil: inDays(200) });
    await makeLicence(c.suppliers[0]!.enterprise.id, { type: "safety_production", validUntil: inDays(300) });
    await makeLicence(c.suppliers[1]!.enterprise.id, { type: "safety_production", validUntil: inDays(-10) });
    const sent = await send(c);
    expect(sent.invited.map((i) => i.supplierId).sort()).toEqual([c.suppliers[0]!.enterprise.id, c.suppliers[2]!.enterprise.id].sort());
    expect(sent.refused).toEqual([{ matchId: c.suppliers[1]!.match.id, supplierName: c.suppliers[1]!.enterprise.name, reason: { zh: expect.stringContaining("许可证已过期"), en: expect.stringContaining("expired") } }]);
    expect(await db().select().from(inquiries).where(eq(inquiries.supplierEnterpriseId, c.suppliers[1]!.enterprise.id))).toEqual([]);
  });

  it("without the buyer's licence every supplier of a controlled substance is refused, and nothing is sent", async () => {
    const c = await makeRfqCast({ cas: TOLUENE });
    await expect(send(c)).rejects.toMatchObject({ code: "FORBIDDEN", details: { refused: expect.arrayContaining([expect.objectContaining({ reason: { zh: expect.stringContaining("易制毒"), en: expect.any(String) } })]) } });
    expect(await db().select().from(rfqs).where(eq(rfqs.buyerEnterpriseId, c.buyerEnterprise.id))).toEqual([]);
  });

  it("reports a match of another demand, or of the buyer's own enterprise, instead of inviting it", async () => {
    const c = await makeRfqCast({ suppliers: 2 });
    const other = await makeDemand(c.buyerEnterprise.id);
    const stray = await makeMatch(other.id, c.suppliers[0]!.enterprise.id, c.suppliers[0]!.product.id);
    // the buyer's own product among the candidates: refused as a single inquiry to oneself is
    const own = await makeMatch(c.demand.id, c.buyerEnterprise.id, (await makeProduct(c.buyerEnterprise.id)).id);
    const sent = await send(c, { matchIds: [c.suppliers[1]!.match.id, stray.id, own.id] });
    expect(sent.invited.map((i) => i.matchId)).toEqual([c.suppliers[1]!.match.id]);
    expect(sent.refused.map((r) => r.matchId)).toEqual([stray.id, own.id]);
    expect(sent.refused[1]!.reason.zh).toContain("本企业");
  });
});

describe("RFQ: the matrix", () => {
  it("shows every invited supplier as answers arrive, live quotes ranked by price, the silent ones as awaiting", async () => {
    const c = await makeRfqCast({ suppliers: 4 });
    const sent = await send(c);
    let matrix = await getRfq(db(), c.buyer.actor, sent.id);
    expect(matrix.rows.map((r) => r.state)).toEqual(["awaiting", "awaiting", "awaiting", "awaiting"]);
    await quote(c, 0, sent.id, 7000);
    await quote(c, 1, sent.id, 6500);
    await quote(c, 2, sent.id, 6900, 60, inDays(30));
    matrix = await getRfq(db(), c.buyer.actor, sent.id);
    expect(matrix.answered).toBe(3);
    expect(matrix.rows.map((r) => [r.supplier.id, r.rank, r.state, r.quote?.priceCnyPerUnit ?? null])).toEqual([
      [c.suppliers[1]!.enterprise.id, 1, "quoted", "6500.00"],
      [c.suppliers[2]!.enterprise.id, 2, "quoted", "6900.00"],
      [c.suppliers[0]!.enterprise.id, 3, "quoted", "7000.00"],
      [c.suppliers[3]!.enterprise.id, null, "awaiting", null],
    ]);
    expect(matrix.rows[1]!.quote).toMatchObject({ quantity: "60.000", validUntil: inDays(30) });
    expect(matrix.allowed.award).toBe(true);
    // a newer quote replaces a supplier's row
    await quote(c, 0, sent.id, 6000);
    matrix = await getRfq(db(), c.buyer.actor, sent.id);
    expect(matrix.rows[0]).toMatchObject({ supplier: { id: c.suppliers[0]!.enterprise.id }, rank: 1, quoteCount: 2 });
  });

  it("an expired quote is shown expired and ranked after the live ones", async () => {
    const c = await makeRfqCast({ suppliers: 2 });
    const sent = await send(c);
    await quote(c, 0, sent.id, 5000, 100, inDays(2));
    await quote(c, 1, sent.id, 9000);
    const later = new Date(Date.now() + 5 * 86_400_000);
    const matrix = await getRfq(db(), c.buyer.actor, sent.id, later);
    expect(matrix.rows.map((r) => [r.supplier.id, r.state, r.rank])).toEqual([
      [c.suppliers[1]!.enterprise.id, "quoted", 1],
      [c.suppliers[0]!.enterprise.id, "expired", null],
    ]);
  });
});

describe("RFQ: award", () => {
  it("splits the volume between two suppliers: two agreement drafts for the awarded volumes, the third thanked and closed", async () => {
    const c = await makeRfqCast();
    const sent = await send(c);
    const q0 = await quote(c, 0, sent.id, 7000);
    const q1 = await quote(c, 1, sent.id, 6500);
    const q2 = await quote(c, 2, sent.id, 6800);
    const result = await awardRfq(db(), c.buyer.actor, awardRfqInput.parse({ rfqId: sent.id, awards: [{ quoteId: q1.id, volumeT: 60 }, { quoteId: q2.id, volumeT: 40 }] }));
    expect(result.awarded).toHaveLength(2);
    expect(result.declined).toBe(1);
    const drafts = await db().select().from(agreements).where(inArray(agreements.id, result.awarded.map((a) => a.agreementId)));
    expect(drafts.map((d) => [d.sellerEnterpriseId, d.status, d.totalAmountCny]).sort()).toEqual([
      [c.suppliers[1]!.enterprise.id, "draft", "390000.00"],
      [c.suppliers[2]!.enterprise.id, "draft", "272000.00"],
    ].sort());
    const lines = await db().select().from(agreementLines).where(inArray(agreementLines.agreementId, drafts.map((d) => d.id)));
    expect(lines.map((l) => l.volumeT).sort()).toEqual(["40.000", "60.000"]);
    const [lost] = await db().select().from(quotes).where(eq(quotes.id, q0.id));
    expect(lost!.status).toBe("rejected");
    expect((await threadOf(sent.id, c.suppliers[0]!.enterprise.id)).status).toBe("closed");
    const thanks = await db().select().from(notifications).where(and(eq(notifications.enterpriseId, c.suppliers[0]!.enterprise.id), eq(notifications.kind, "rfq.not_awarded")));
    expect(thanks).toHaveLength(1);
    expect((thanks[0]!.payload as { zh: string }).zh).toContain("感谢");
    for (const i of [1, 2]) {
      const told = await db().select().from(notifications).where(and(eq(notifications.enterpriseId, c.suppliers[i]!.enterprise.id), eq(notifications.kind, "quote.accepted")));
      expect(told).toHaveLength(1);
    }
    const matrix = await getRfq(db(), c.buyer.actor, sent.id);
    expect(matrix).toMatchObject({ status: "awarded", allowed: { award: false } });
    expect(matrix.rows.map((r) => r.state)).toEqual(["awarded", "awarded", "declined"]);
    expect(matrix.rows.map((r) => r.agreement?.id ?? null).filter(Boolean).sort()).toEqual(result.awarded.map((a) => a.agreementId).sort());
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.entity, "rfq"), eq(auditLog.entityId, String(sent.id)), eq(auditLog.action, "award")));
    expect(audits).toHaveLength(1);
    // awarded once only
    await expect(awardRfq(db(), c.buyer.actor, { rfqId: sent.id, awards: [{ quoteId: q0.id, volumeT: 1 }], agreementType: "order" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses volumes over the RFQ's volume or over a supplier's quote, a supplier twice, a quote of another RFQ, a non-positive volume; nothing changes", async () => {
    const c = await makeRfqCast();
    const sent = await send(c);
    const q0 = await quote(c, 0, sent.id, 7000, 50);
    const q1 = await quote(c, 1, sent.id, 6500);
    const award = (awards: { quoteId: number; volumeT: number }[]) => awardRfq(db(), c.buyer.actor, { rfqId: sent.id, awards, agreementType: "order" });
    await expect(award([{ quoteId: q1.id, volumeT: 80 }, { quoteId: q0.id, volumeT: 30 }])).rejects.toMatchObject({ code: "INVALID", messages: { zh: expect.stringContaining("超过询价数量") } });
    await expect(award([{ quoteId: q0.id, volumeT: 51 }])).rejects.toMatchObject({ code: "INVALID", messages: { zh: expect.stringContaining("超过其报价数量") } });
    const q1b = await quote(c, 1, sent.id, 6400);
    await expect(award([{ quoteId: q1.id, volumeT: 10 }, { quoteId: q1b.id, volumeT: 10 }])).rejects.toMatchObject({ code: "INVALID" });
    const other = await makeRfqCast({ suppliers: 2 });
    const otherSent = await send(other);
    const foreign = await quote(other, 0, otherSent.id, 100);
    await expect(award([{ quoteId: foreign.id, volumeT: 10 }])).rejects.toMatchObject({ code: "INVALID" });
    expect(() => awardRfqInput.parse({ rfqId: sent.id, awards: [{ quoteId: q0.id, volumeT: 0 }] })).toThrow();
    expect(() => awardRfqInput.parse({ rfqId: sent.id, awards: [] })).toThrow();
    const [row] = await db().select().from(rfqs).where(eq(rfqs.id, sent.id));
    expect(row!.status).toBe("open");
    expect(await db().select().from(agreements).where(eq(agreements.buyerEnterpriseId, c.buyerEnterprise.id))).toEqual([]);
  });

  it("refuses an expired quote and an already declined one", async () => {
    const c = await makeRfqCast({ suppliers: 2 });
    const sent = await send(c);
    const q0 = await quote(c, 0, sent.id, 7000, 100, inDays(1));
    await db().update(quotes).set({ validUntil: inDays(-1) }).where(eq(quotes.id, q0.id));
    await expect(awardRfq(db(), c.buyer.actor, { rfqId: sent.id, awards: [{ quoteId: q0.id, volumeT: 10 }], agreementType: "order" }))
      .rejects.toMatchObject({ code: "CONFLICT", messages: { zh: expect.stringContaining("过有效期") } });
    const q1 = await quote(c, 1, sent.id, 7000);
    await db().update(quotes).set({ status: "rejected" }).where(eq(quotes.id, q1.id));
    await expect(awardRfq(db(), c.buyer.actor, { rfqId: sent.id, awards: [{ quoteId: q1.id, volumeT: 10 }], agreementType: "order" }))
      .rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("RFQ: quotes after the deadline or the award", () => {
  it("refuses a quote once the deadline day is over, but takes one on the deadline day and the answer to the buyer's counter-offer", async () => {
    const c = await makeRfqCast();
    const sent = await send(c, { deadline: inDays(3) });
    const q0 = await quote(c, 0, sent.id, 7000);
    // the deadline is today: its whole day counts
    await db().update(rfqs).set({ deadline: todayInChina() }).where(eq(rfqs.id, sent.id));
    await quote(c, 1, sent.id, 6900);
    // the deadline was yesterday: neither a first quote nor a new version is taken, and nothing is written
    await db().update(rfqs).set({ deadline: inDays(-1) }).where(eq(rfqs.id, sent.id));
    await expect(quote(c, 2, sent.id, 6500)).rejects.toMatchObject({
      code: "CONFLICT", messages: { zh: expect.stringContaining(`报价截止日 ${inDays(-1)} 已过`), en: expect.stringContaining("deadline") },
    });
    await expect(quote(c, 0, sent.id, 6800)).rejects.toMatchObject({ code: "CONFLICT" });
    const late = await threadOf(sent.id, c.suppliers[2]!.enterprise.id);
    expect(await db().select().from(quotes).where(eq(quotes.inquiryId, late.id))).toEqual([]);
    expect(late.status).toBe("open");
    // the buyer counters after the deadline: the supplier may answer it with a new version
    const counter = await counterQuote(db(), c.buyer.actor, counterQuoteInput.parse({ quoteId: q0.id, priceCnyPerUnit: 6600 }));
    const thread0 = await threadOf(sent.id, c.suppliers[0]!.enterprise.id);
    const answer = await sendQuote(db(), c.suppliers[0]!.user.actor, sendQuoteInput.parse({
      inquiryId: thread0.id, priceCnyPerUnit: 6700, quantity: 100, unit: "t", validUntil: inDays(30), counterId: counter.id,
    }));
    expect(answer.version).toBe(2);
  });

  it("refuses any quote on a thread of an awarded RFQ", async () => {
    const c = await makeRfqCast({ suppliers: 2 });
    const sent = await send(c);
    await quote(c, 0, sent.id, 7000);
    // (the award closes the other threads; an RFQ marked awarded refuses quotes whatever its threads' state)
    await db().update(rfqs).set({ status: "awarded", awardedAt: new Date() }).where(eq(rfqs.id, sent.id));
    await expect(quote(c, 1, sent.id, 6500)).rejects.toMatchObject({ code: "CONFLICT", messages: { zh: expect.stringContaining("已授标"), en: expect.stringContaining("awarded") } });
    await expect(quote(c, 0, sent.id, 6900)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("RFQ: reminders a day before the deadline", () => {
  it("reminds the suppliers who have not quoted, once each, whatever the sweep's repeats", async () => {
    const c = await makeRfqCast();
    const deadline = inDays(5);
    const sent = await send(c, { deadline });
    await quote(c, 0, sent.id, 7000);
    const silent = [c.suppliers[1]!.enterprise.id, c.suppliers[2]!.enterprise.id];
    const reminders = async () => db().select().from(notifications).where(and(inArray(notifications.enterpriseId, c.suppliers.map((s) => s.enterprise.id)), eq(notifications.kind, "rfq.reminder")));

    // two days before: nothing yet
    const twoDaysBefore = new Date(Date.parse(`${deadline}T12:00:00+08:00`) - 2 * 86_400_000);
    await remindRfqSuppliers(db(), twoDaysBefore);
    expect(await reminders()).toEqual([]);

    // the day before: the two silent suppliers, once; a second sweep sends nothing more
    const dayBefore = new Date(Date.parse(`${deadline}T09:00:00+08:00`) - 86_400_000);
    await remindRfqSuppliers(db(), dayBefore);
    await remindRfqSuppliers(db(), new Date(dayBefore.getTime() + 3_600_000));
    const sent1 = await reminders();
    expect(sent1.map((n) => n.enterpriseId).sort()).toEqual(silent.sort());
    expect((sent1[0]!.payload as { zh: string; href: string }).zh).toContain(deadline);
    expect(await db().select().from(rfqReminders).where(eq(rfqReminders.rfqId, sent.id))).toHaveLength(2);

    // on the deadline day and after it, nobody is reminded again
    await remindRfqSuppliers(db(), new Date(Date.parse(`${deadline}T09:00:00+08:00`)));
    await remindRfqSuppliers(db(), new Date(Date.parse(`${deadline}T09:00:00+08:00`) + 86_400_000));
    expect(await reminders()).toHaveLength(2);
  });

  it("sends no reminder for an awarded RFQ", async () => {
    const c = await makeRfqCast({ suppliers: 2 });
    const deadline = inDays(3);
    const sent = await send(c, { deadline });
    const q0 = await quote(c, 0, sent.id, 7000);
    await awardRfq(db(), c.buyer.actor, { rfqId: sent.id, awards: [{ quoteId: q0.id, volumeT: 100 }], agreementType: "order" });
    await remindRfqSuppliers(db(), new Date(Date.parse(`${deadline}T09:00:00+08:00`) - 86_400_000));
    const notes = await db().select().from(notifications).where(and(eq(notifications.enterpriseId, c.suppliers[1]!.enterprise.id), eq(notifications.kind, "rfq.reminder")));
    expect(notes).toEqual([]);
  });
});

describe("RFQ: who may see and answer what", () => {
  it("an invited supplier reads and answers its own thread only, and never the matrix; an outsider nothing", async () => {
    const c = await makeRfqCast();
    const sent = await send(c);
    const [a, b] = c.suppliers;
    const threadA = await threadOf(sent.id, a!.enterprise.id);
    const outsiderEnterprise = await makeEnterprise({ parkId: c.park.id, verifiedAt: new Date() });
    const outsider = await makeUser({ enterpriseId: outsiderEnterprise.id, role: "admin" });
    for (const actor of [b!.user.actor, outsider.actor]) {
      await expect(getInquiry(db(), actor, threadA.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(postMessage(db(), actor, { inquiryId: threadA.id, body: "插话" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(sendQuote(db(), actor, sendQuoteInput.parse({ inquiryId: threadA.id, priceCnyPerUnit: 1, quantity: 1, unit: "t", validUntil: inDays(3) })))
        .rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getRfq(db(), actor, sent.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(awardRfq(db(), actor, { rfqId: sent.id, awards: [{ quoteId: 1, volumeT: 1 }], agreementType: "order" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await listRfqs(db(), actor, {})).toEqual([]);
    }
    // a supplier's own thread names no other invited supplier
    const own = await getInquiry(db(), a!.user.actor, threadA.id);
    expect(JSON.stringify(own)).not.toContain(b!.enterprise.name);
    // a supplier cannot send an RFQ on the buyer's demand; the buyer's park staff may read the matrix
    await expect(send({ ...c, buyer: a!.user })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await getRfq(db(), c.staff.actor, sent.id)).allowed.award).toBe(false);
  });
});
