import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { agreementLines, agreements, auditLog, demands, enterprises, matches, supplyOffers } from "@/db/schema";
import { createDemand } from "@/server/listings/demand.service";
import { createOffer } from "@/server/listings/offer.service";
import { createDemandInput, createOfferInput } from "@/server/listings/listing.schemas";
import { makeDealCast, makeDemand, makeEnterprise, makeMatch, makeUser } from "@/server/testing/factories";
import { acceptQuote } from "./accept-quote";
import { compareQuotes } from "./compare-quotes";
import { createInquiry } from "./create-inquiry";
import { getInquiry } from "./get-inquiry";
import { sendQuoteInput } from "./inquiry.schemas";
import { prepareInquiry } from "./prepare-inquiry";
import { sendQuote } from "./send-quote";

const db = () => getDb();
const quoteInput = (v: Parameters<typeof sendQuoteInput.parse>[0]) => sendQuoteInput.parse(v);
const inDays = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
const tag = () => crypto.randomBytes(3).toString("hex");

describe("quote terms as data", () => {
  it("a quote carries tax basis, VAT, payment, delivery, MOQ, lead time, packaging and notes; the thread reads them; it is audited", async () => {
    const c = await makeDealCast();
    const { id } = await createInquiry(db(), c.buyer.actor, { source: { kind: "product", id: c.product.id }, subject: "甘油条款", body: "请报价" });
    const q = await sendQuote(db(), c.seller.actor, quoteInput({
      inquiryId: id, priceCnyPerUnit: 6000, quantity: 100, validUntil: inDays(10), taxBasis: "excl_vat", vatRatePct: 9,
      paymentTerms: "credit", paymentDays: 60, deliveryMode: "ex_works", deliveryPlace: "滨江园区 3 号库", moq: 5, leadTimeDays: 7,
      packaging: "250 kg 镀锌铁桶", notes: "价格随原料波动",
    }));
    const thread = await getInquiry(db(), c.buyer.actor, id);
    expect(thread.quotes[0]).toMatchObject({
      id: q.id, version: 1, taxBasis: "excl_vat", vatRatePct: "9.00", paymentTerms: "credit", paymentDays: 60, deliveryMode: "ex_works",
      deliveryPlace: "滨江园区 3 号库", moq: "5.000", leadTimeDays: 7, packaging: "250 kg 镀锌铁桶", notes: "价格随原料波动", status: "pending",
    });
    const body = thread.messages.at(-1)!.body;
    expect(body).toContain("报价：6,000 元/吨 × 100 吨，不含税（增值税 9% 另计） · 账期 60 天 · 出厂自提（滨江园区 3 号库） · 起订 5 吨 · 交期 7 天 · 包装 250 kg 镀锌铁桶，有效期至");
    expect(body).toContain("VAT excluded (9% extra) · 60 days' credit · ex works (buyer collects) (滨江园区 3 号库) · MOQ 5 t · lead time 7 days");
    expect(body).toContain("价格随原料波动");
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.entity, "quote"), eq(auditLog.entityId, String(q.id))));
    expect(audit.map((a) => a.action)).toEqual(["send"]);
    expect(audit[0]!.actorUserId).toBe(c.seller.user.id);
  });

  it("defaults to 含税 13 %, 现款, 送货到厂 when the supplier names nothing else", async () => {
    const c = await makeDealCast();
    const { id } = await createInquiry(db(), c.buyer.actor, { source: { kind: "product", id: c.product.id }, subject: "默认条款", body: "x" });
    await sendQuote(db(), c.seller.actor, quoteInput({ inquiryId: id, priceCnyPerUnit: 100, quantity: 1, validUntil: inDays(1) }));
    expect((await getInquiry(db(), c.buyer.actor, id)).quotes[0]).toMatchObject({ taxBasis: "incl_vat", vatRatePct: "13.00", paymentTerms: "cash", paymentDays: null, deliveryMode: "delivered" });
  });

  it("demands and supply offers state their tax basis, and the inquiry about a demand follows it", async () => {
    const c = await makeDealCast();
    const created = await createDemand(db(), c.buyer.actor, createDemandInput.parse({
      enterpriseId: c.buyerEnterprise.id, cas: "56-81-5", substanceName: "甘油", quantity: 80, taxBasis: "excl_vat", expiresOn: inDays(30),
    }));
    const [demand] = await db().select().from(demands).where(eq(demands.id, created.id));
    expect(demand!.taxBasis).toBe("excl_vat");
    const offer = await createOffer(db(), c.seller.actor, createOfferInput.parse({
      enterpriseId: c.sellerEnterprise.id, productId: c.product.id, quantity: 50, priceCnyPerUnit: 6100, taxBasis: "excl_vat", validUntil: inDays(30),
    }));
    const [offerRow] = await db().select().from(supplyOffers).where(eq(supplyOffers.id, offer.id));
    expect(offerRow!.taxBasis).toBe("excl_vat");

    // the supplier answering the demand, and the buyer from a match of it, read the demand's basis
    expect((await prepareInquiry(db(), c.seller.actor, { kind: "demand", id: created.id })).taxBasis).toBe("excl_vat");
    // the demand's suggestions may already hold the seller's product
    const [suggested] = await db().select().from(matches).where(and(eq(matches.demandId, created.id), eq(matches.productId, c.product.id)));
    const match = suggested ?? (await makeMatch(created.id, c.sellerEnterprise.id, c.product.id));
    expect((await prepareInquiry(db(), c.buyer.actor, { kind: "match", id: match.id })).taxBasis).toBe("excl_vat");
    const { id } = await createInquiry(db(), c.buyer.actor, { source: { kind: "match", id: match.id }, subject: "不含税询价", body: "请报不含税价" });
    expect((await getInquiry(db(), c.seller.actor, id)).demand?.taxBasis).toBe("excl_vat");
    // a product inquiry has no demand to follow
    expect((await prepareInquiry(db(), c.buyer.actor, { kind: "product", id: c.product.id })).taxBasis).toBeNull();
  });

  it("compare ranks on 含税到厂价 and states the assumptions (hand-computed: 1° of latitude = 111.2 km × 0.6 元/吨·公里)", async () => {
    const c = await makeDealCast();
    await db().update(enterprises).set({ lat: "32.000000", lng: "119.000000" }).where(eq(enterprises.id, c.buyerEnterprise.id));
    await db().update(enterprises).set({ lat: "33.000000", lng: "119.000000" }).where(eq(enterprises.id, c.sellerEnterprise.id));
    const demand = await makeDemand(c.buyerEnterprise.id, { quantity: "100.000" });
    const { id } = await createInquiry(db(), c.buyer.actor, { source: { kind: "match", id: (await makeMatch(demand.id, c.sellerEnterprise.id, c.product.id)).id }, subject: "比价", body: "x" });
    const rival = await makeEnterprise({ parkId: null, verifiedAt: new Date() }); // no coordinates
    const rivalUser = await makeUser({ enterpriseId: rival.id });
    const second = await createInquiry(db(), rivalUser.actor, { source: { kind: "demand", id: demand.id }, subject: "可供", body: "x" });

    const exWorks = await sendQuote(db(), c.seller.actor, quoteInput({ inquiryId: id, priceCnyPerUnit: 6700, quantity: 100, validUntil: inDays(5), deliveryMode: "ex_works" }));
    const exVat = await sendQuote(db(), rivalUser.actor, quoteInput({ inquiryId: second.id, priceCnyPerUnit: 6000, quantity: 100, validUntil: inDays(5), taxBasis: "excl_vat" }));
    const landed = await sendQuote(db(), rivalUser.actor, quoteInput({ inquiryId: second.id, priceCnyPerUnit: 6800, quantity: 100, validUntil: inDays(5) }));

    const compared = await compareQuotes(db(), c.buyer.actor, id);
    // 6,700 + 111.2 × 0.6 = 6,766.72; 6,000 × 1.13 = 6,780; 6,800 as it is
    expect(compared.map((q) => [q.id, q.landed.cnyPerTonne])).toEqual([[exWorks.id, 6766.72], [exVat.id, 6780], [landed.id, 6800]]);
    expect(compared[0]).toMatchObject({ distanceKm: 111.2, deliveryMode: "ex_works", landed: { freightCnyPerTonne: 66.72, complete: true } });
    expect(compared[0]!.landed.assumptions[0]!.zh).toBe("出厂自提，运费估算 111.2 公里 × 0.6 元/吨·公里 = 66.72 元/吨");
    expect(compared[1]).toMatchObject({ taxBasis: "excl_vat", priceCnyPerUnit: "6000.00", landed: { vatCnyPerTonne: 780 } });
    expect(compared[2]!.landed.assumptions).toEqual([]);
  });

  it("the draft from an accepted quote is titled by substance and parties and carries the quote's terms", async () => {
    const c = await makeDealCast();
    const t = tag();
    await db().update(enterprises).set({ name: `中润树脂${t}有限公司` }).where(eq(enterprises.id, c.buyerEnterprise.id));
    await db().update(enterprises).set({ name: `滨江精细化工${t}股份有限公司` }).where(eq(enterprises.id, c.sellerEnterprise.id));
    const { id } = await createInquiry(db(), c.buyer.actor, { source: { kind: "product", id: c.product.id }, subject: "甘油 询价", body: "x" });
    const q = await sendQuote(db(), c.seller.actor, quoteInput({
      inquiryId: id, priceCnyPerUnit: 6800, quantity: 120, validUntil: inDays(10), paymentTerms: "bank_acceptance", deliveryMode: "delivered",
      deliveryPlace: "中润树脂二期罐区", leadTimeDays: 5, packaging: "槽车",
    }));
    const { agreementId } = await acceptQuote(db(), c.buyer.actor, { quoteId: q.id, agreementType: "contract" });
    const [agreement] = await db().select().from(agreements).where(eq(agreements.id, agreementId));
    expect(agreement!.title).toBe(`甘油供货合同 · 中润树脂${t} ← 滨江精细化工${t}`);
    expect(agreement!.notes).toContain("含税（增值税 13%） · 银行承兑 · 送货到厂（中润树脂二期罐区） · 交期 5 天 · 包装 槽车");
    expect(agreement!.notes).toContain("VAT included (13%) · bank acceptance bill · delivered to the buyer's plant (中润树脂二期罐区)");
    const [line] = await db().select().from(agreementLines).where(eq(agreementLines.agreementId, agreementId));
    expect(line).toMatchObject({ volumeT: "120.000", unitPriceCny: "6800.00", amountCny: "816000.00", productName: c.product.name });
  });
});
