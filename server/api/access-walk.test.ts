import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql, type SQL } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { notifications } from "@/db/schema";
import { anonymous, type Actor } from "@/server/auth/actor";
import { startSession } from "@/server/auth/session";
import { todayInChina } from "@/server/compliance/compliance";
import { answerSearch } from "@/server/search/api";
import {
  makeAgreement, makeByproduct, makeDealCast, makeDemand, makeEnterprise, makeMatch, makeOffer, makePark, makeProduct, makeUser,
  pickSubstance, randomUscc,
} from "@/server/testing/factories";
import { appRouter, createCaller } from "./root";

/*
 * The access walk: every procedure of the app router and every route under app/api is called as
 * (a) a visitor, (b) a user of another enterprise (unverified, in another park) and (c) the staff
 * of another park, against real rows of a first pair of enterprises in a first park. Each must be
 * refused (UNAUTHORIZED / FORBIDDEN / NOT_FOUND; 401 / 403 / 404 for routes) or answer a view that
 * holds none of the victims' private rows. The procedure list comes from the router itself, the
 * route list from the file system: a procedure or a route missing from the tables below fails.
 */

// A route handler reads the request's cookie through next/headers (getRequestActor); outside
// Next.js the test hands it the cookie of the caller it plays.
let requestCookie = "";
vi.mock("next/headers", () => ({ headers: async () => new Headers(requestCookie ? { cookie: requestCookie } : {}) }));

const SECRET = `机密${crypto.randomBytes(4).toString("hex")}`;
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n${text}\n%%EOF`).toString("base64");
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function fixture() {
  const c = await makeDealCast();
  const db = getDb();
  const asStaff = createCaller({ db, actor: c.staff.actor });
  const asBuyer = createCaller({ db, actor: c.buyer.actor });
  const asSeller = createCaller({ db, actor: c.seller.actor });
  const hazardous = await pickSubstance("hazardous");
  const hazardousProduct = await makeProduct(c.sellerEnterprise.id, { cas: hazardous.cas });
  const demand = await makeDemand(c.buyerEnterprise.id, { note: SECRET, cas: null });
  const match = await makeMatch(demand.id, c.sellerEnterprise.id, c.product.id);
  const offer = await makeOffer(c.sellerEnterprise.id, c.product.id);
  const byproduct = await makeByproduct(c.sellerEnterprise.id, { composition: SECRET });
  const document = await asSeller.catalogue.uploadDocument({ productId: hazardousProduct.id, kind: "sds", filename: "sds.pdf", content: pdf(SECRET) });
  const licence = await asStaff.licence.add({
    enterpriseId: c.sellerEnterprise.id, type: "hazardous_trade", number: `${SECRET}-LIC`, validUntil: inDays(365),
    document: { filename: "licence.pdf", contentType: "application/pdf", content: pdf(SECRET) },
  });
  const { id: inquiryId } = await asBuyer.inquiry.create({ source: { kind: "match", id: match.id }, subject: `询价${SECRET}`, body: SECRET });
  await asBuyer.inquiry.post({ inquiryId, body: SECRET, attachment: { filename: "a.txt", contentType: "text/plain", content: Buffer.from(SECRET).toString("base64") } });
  const quote = await asSeller.inquiry.quote({ inquiryId, priceCnyPerUnit: 100, quantity: 5, unit: "t", validUntil: todayInChina() });
  const attachmentId = (await asBuyer.inquiry.byId({ id: inquiryId })).messages[1]!.attachments[0]!.id;
  const counter = await asBuyer.inquiry.counter({ quoteId: quote.id, priceCnyPerUnit: 90, note: SECRET });
  const event = await asStaff.event.create({ parkId: c.park.id, name: `对接会${crypto.randomBytes(4).toString("hex")}` }); // events are public
  const draft = await asStaff.agreement.create({
    type: "framework", title: `协议${SECRET}`, buyerEnterpriseId: c.buyerEnterprise.id, sellerEnterpriseId: c.sellerEnterprise.id,
    lines: [{ productName: "测试品", volumeT: 10, unitPriceCny: 100 }],
  });
  const agreementDocument = await asStaff.agreement.upload({ agreementId: draft.id, file: { filename: "contract.pdf", contentType: "application/pdf", content: pdf(SECRET) } });
  const active = await makeAgreement(c.buyerEnterprise.id, c.sellerEnterprise.id, { type: "framework", status: "active" });
  const callOff = await asStaff.agreement.callOff({ agreementId: active.id, lineId: active.lines[0]!.id, orderedT: 1, orderedOn: todayInChina() });
  const importJob = await asSeller.catalogue.import({
    enterpriseId: c.sellerEnterprise.id, filename: `${SECRET}.csv`, content: Buffer.from("sku,name\nX-1,导入品\n").toString("base64"),
  });
  await db.insert(notifications).values({ enterpriseId: c.buyerEnterprise.id, userId: c.buyer.user.id, kind: "test", payload: { text: SECRET } });
  const savedSearch = await asBuyer.savedSearch.create({ params: `q=${SECRET}` });
  const sample = await asBuyer.sample.request({
    source: { kind: "product", id: c.product.id }, quantity: 500, unit: "g", deliveryAddress: `收样地址${SECRET}`, purpose: SECRET, subject: `索样${SECRET}`,
  });
  // an RFQ of the buyer's demand to the seller and a second supplier of the park
  const rfqMatch = await makeMatch(demand.id, c.outsiderEnterprise.id, (await makeProduct(c.outsiderEnterprise.id)).id);
  const rfq = await asBuyer.rfq.send({ demandId: demand.id, matchIds: [match.id, rfqMatch.id], deadline: inDays(7), note: SECRET });
  const rfqQuote = await asSeller.inquiry.quote({ inquiryId: (await asBuyer.rfq.byId({ id: rfq.id })).rows[0]!.inquiryId, priceCnyPerUnit: 100, quantity: 5, unit: "t", validUntil: inDays(7) });
  // applications to join the victims' park: one pending, one approved (its enterprise keeps the scan)
  const applicant = createCaller({ db, actor: anonymous, address: "192.0.2.14" });
  // (an approved application's name becomes a public enterprise name: the secret is in the pending one's)
  const applicationForm = (name: string) => ({
    uscc: randomUscc(), name: `${name}${crypto.randomBytes(3).toString("hex")}`, parkId: c.park.id, chains: [], contactName: SECRET, contactPhone: "0513-12345678",
    contactEmail: `apply-${crypto.randomBytes(4).toString("hex")}@test.parklink.cn`, scan: { filename: "licence.pdf", contentType: "application/pdf" as const, content: pdf(SECRET) },
  });
  const pendingForm = applicationForm(`申请${SECRET}`);
  const application = await applicant.application.submit(pendingForm);
  const approvedApplication = await asStaff.application.approve({ id: (await applicant.application.submit(applicationForm("入驻化工有限公司"))).id });

  // the three outsiders: another park, an unverified enterprise there with its admin, that park's staff
  const otherPark = await makePark();
  const otherEnterprise = await makeEnterprise({ parkId: otherPark.id });
  const [outsider, otherStaff] = await Promise.all([makeUser({ enterpriseId: otherEnterprise.id, role: "admin" }), makeUser({ parkId: otherPark.id })]);

  return {
    c, SECRET, hazardous, hazardousProduct, demand, match, offer, byproduct, documentId: document.id, licenceId: licence.id, inquiryId,
    quoteId: quote.id, counterId: counter.id, attachmentId, eventId: event.id, agreementId: draft.id, agreementDocumentId: (agreementDocument as { id: number }).id,
    activeAgreementId: active.id, callOffId: (callOff as { id: number }).id, importJobId: importJob.id, otherPark, otherEnterprise, outsider, otherStaff,
    savedSearchId: savedSearch.id, sampleInquiryId: sample.id, rfqId: rfq.id, rfqQuoteId: rfqQuote.id,
    applicationId: application.id, applicationUscc: pendingForm.uscc, appliedEnterpriseId: approvedApplication.enterpriseId,
  };
}
type Fixture = Awaited<ReturnType<typeof fixture>>;
type Who = "visitor" | "outsider" | "otherStaff";

/**
 * What each procedure is:
 * - guarded: the input targets the victims' rows; every outsider is refused
 * - own: answers the caller's own rows only (the victims' rows must not come back)
 * - public: open to anyone by design; the answer still holds none of the victims' private rows,
 *   and `masked` names what a viewer without hazardous rights must not see
 * `allowed` lists outsiders the product lets through on purpose, with the reason beside it.
 */
type Spec = { input?: (f: Fixture) => unknown; allowed?: Who[]; writesNothing?: (f: Fixture) => Promise<number> } & (
  | { kind: "guarded" }
  | { kind: "own" }
  | { kind: "public"; masked?: (f: Fixture) => string[] }
);

const file = (name: string, text: string) => ({ filename: name, content: Buffer.from(text).toString("base64") });
const demandFields = { substanceName: "冒充需求", quantity: 1, expiresOn: inDays(30) };

const SPECS: Record<string, Spec> = {
  // ---- agreements and events ----
  "agreement.list": { kind: "own", input: () => ({}) },
  "agreement.formOptions": { kind: "own" },
  "agreement.byId": { kind: "guarded", input: (f) => ({ id: f.agreementId }) },
  "agreement.create": {
    kind: "guarded",
    input: (f) => ({ type: "contract", title: "冒充协议", buyerEnterpriseId: f.c.buyerEnterprise.id, sellerEnterpriseId: f.c.sellerEnterprise.id, lines: [{ productName: "x", amountCny: 1 }] }),
  },
  "agreement.updateDraft": { kind: "guarded", input: (f) => ({ id: f.agreementId, type: "contract", title: "改写协议", lines: [{ productName: "x", amountCny: 1 }] }) },
  "agreement.propose": { kind: "guarded", input: (f) => ({ id: f.agreementId }) },
  "agreement.confirm": { kind: "guarded", input: (f) => ({ id: f.agreementId, totalAmountCny: "1000" }) },
  "agreement.setStatus": { kind: "guarded", input: (f) => ({ id: f.activeAgreementId, to: "terminated", reason: "x" }) },
  "agreement.callOff": { kind: "guarded", input: (f) => ({ agreementId: f.activeAgreementId, orderedT: 1, orderedOn: todayInChina() }) },
  "agreement.deliver": { kind: "guarded", input: (f) => ({ callOffId: f.callOffId, deliveredT: 1, deliveredOn: todayInChina() }) },
  "agreement.upload": { kind: "guarded", input: (f) => ({ agreementId: f.agreementId, file: { filename: "x.pdf", contentType: "application/pdf", content: pdf("x") } }) },
  "agreement.document": { kind: "guarded", input: (f) => ({ id: f.agreementDocumentId }) },
  // any park's staff may import agreements; each row is checked against agreement.recordSigned, so
  // rows between enterprises of another park are rejected and nothing is written
  "agreement.import": {
    kind: "guarded",
    allowed: ["otherStaff"],
    writesNothing: (f) => countRows(sql`SELECT count(*)::int AS n FROM agreement WHERE buyer_enterprise_id = ${f.c.buyerEnterprise.id} AND title = '冒充导入'`),
    input: (f) => file("a.csv", `ref,type,title,buyer_uscc,seller_uscc,product,amount_cny,signed_on\nIMP-${Date.now()},contract,冒充导入,${f.c.buyerEnterprise.uscc},${f.c.sellerEnterprise.uscc},x,1,2026-01-01\n`),
  },
  // matchmaking events are public announcements (name, date, the agreements signed there as public figures)
  "event.list": { kind: "public", input: (f) => ({ parkId: f.c.park.id }) },
  "event.byId": { kind: "public", input: (f) => ({ id: f.eventId }) },
  "event.create": { kind: "guarded", input: (f) => ({ parkId: f.c.park.id, name: `冒充对接会${Date.now()}` }) },
  // ---- catalogue ----
  "catalogue.list": { kind: "guarded", input: (f) => ({ enterpriseId: f.c.sellerEnterprise.id }) },
  // the public product page: a hazardous product's supplier only for those who may see hazardous details
  "catalogue.product": { kind: "public", input: (f) => ({ id: f.hazardousProduct.id }), masked: (f) => [f.c.sellerEnterprise.name, f.c.sellerEnterprise.uscc] },
  "catalogue.document": { kind: "guarded", input: (f) => ({ id: f.documentId }), allowed: ["otherStaff"] }, // park staff see hazardous details (DESIGN.md)
  "catalogue.create": { kind: "guarded", input: (f) => ({ enterpriseId: f.c.sellerEnterprise.id, sku: `X-${Date.now()}`, name: "冒充产品" }) },
  "catalogue.update": { kind: "guarded", input: (f) => ({ id: f.c.product.id, sku: "X-1", name: "改写产品" }) },
  "catalogue.setRetired": { kind: "guarded", input: (f) => ({ id: f.c.product.id, retired: true }) },
  "catalogue.uploadDocument": { kind: "guarded", input: (f) => ({ productId: f.c.product.id, kind: "tds", filename: "x.pdf", content: pdf("x") }) },
  "catalogue.deleteDocument": { kind: "guarded", input: (f) => ({ id: f.documentId }) },
  "catalogue.import": { kind: "guarded", input: (f) => ({ enterpriseId: f.c.sellerEnterprise.id, ...file("x.csv", "sku,name\nY-1,冒充\n") }) },
  "catalogue.importJob": { kind: "guarded", input: (f) => ({ id: f.importJobId }) },
  "catalogue.importJobs": { kind: "guarded", input: (f) => ({ enterpriseId: f.c.sellerEnterprise.id }) },
  // ---- enterprises, parks, users ----
  "enterprise.list": { kind: "public", input: () => ({}) }, // the directory (名录)
  "enterprise.profile": { kind: "public", input: (f) => ({ id: f.c.sellerEnterprise.id }) }, // the public profile
  // the profile's products: a hazardous product (and so who supplies it) only for those who may see hazardous details
  "enterprise.products": { kind: "public", input: (f) => ({ enterpriseId: f.c.sellerEnterprise.id }), masked: (f) => [f.hazardousProduct.name] },
  "enterprise.private": { kind: "guarded", input: (f) => ({ id: f.c.sellerEnterprise.id }) },
  "enterprise.create": { kind: "guarded", input: (f) => ({ uscc: randomUscc(), name: "冒充登记化工有限公司", parkId: f.c.park.id, chains: [] }) },
  "enterprise.update": { kind: "guarded", input: (f) => ({ id: f.c.sellerEnterprise.id, name: "改名化工有限公司", chains: [] }) },
  "enterprise.setVerified": { kind: "guarded", input: (f) => ({ id: f.c.sellerEnterprise.id, verified: false }) },
  "enterprise.unverified": { kind: "guarded", input: (f) => ({ parkId: f.c.park.id }) },
  // any park's staff may import the directory; each row is checked against enterprise.create for its park
  "enterprise.import": {
    kind: "guarded",
    allowed: ["otherStaff"],
    writesNothing: () => countRows(sql`SELECT count(*)::int AS n FROM enterprise WHERE name = '冒充导入化工有限公司'`),
    input: (f) => file("e.csv", `uscc,name,park\n${randomUscc()},冒充导入化工有限公司,${f.c.park.code}\n`),
  },
  "park.list": { kind: "public" }, // the list of parks (names, cities)
  "park.choices": { kind: "own", input: () => ({ purpose: "manage" }) }, // the caller's own choice of parks (none for an outsider)
  "park.overview": { kind: "guarded", input: (f) => ({ parkId: f.c.park.id }) },
  "park.create": { kind: "guarded", input: () => ({ code: `X${Date.now() % 100000}`, name: "越权园区" }) },
  "user.me": { kind: "own" },
  "user.addMember": { kind: "guarded", input: (f) => ({ enterpriseId: f.c.sellerEnterprise.id, email: `x-${Date.now()}@t.cn`, name: "冒充者", password: "12345678", role: "admin" }) },
  "user.list": { kind: "guarded", input: () => ({}) },
  "user.setDisabled": { kind: "guarded", input: (f) => ({ userId: f.c.seller.user.id, disabled: true }) },
  "stats.home": { kind: "public" }, // the home page's totals
  // ---- applications to join (入驻申请): anyone applies; only the named park's staff (admins for external ones) read and decide ----
  "application.submit": {
    kind: "public",
    input: () => ({
      uscc: randomUscc(), name: "外来申请化工有限公司", parkId: null, chains: [], contactName: "申请人", contactPhone: "0513-12345678",
      contactEmail: `walk-${crypto.randomBytes(4).toString("hex")}@test.parklink.cn`, scan: { filename: "l.pdf", contentType: "application/pdf", content: pdf("x") },
    }),
  },
  // the applicant's lookup needs its contact email as well: an outsider with the credit code alone finds nothing
  "application.status": { kind: "public", input: (f) => ({ uscc: f.applicationUscc, contactEmail: "guess@test.parklink.cn" }) },
  "application.list": { kind: "own", input: () => ({}) }, // park staff: their own parks' applications only
  "application.byId": { kind: "guarded", input: (f) => ({ id: f.applicationId }) },
  "application.scan": { kind: "guarded", input: (f) => ({ id: f.applicationId }) },
  "application.approve": { kind: "guarded", input: (f) => ({ id: f.applicationId }) },
  "application.reject": { kind: "guarded", input: (f) => ({ id: f.applicationId, reason: "越权驳回" }) },
  "application.enterpriseScanInfo": { kind: "guarded", input: (f) => ({ enterpriseId: f.appliedEnterpriseId }) },
  "application.enterpriseScan": { kind: "guarded", input: (f) => ({ enterpriseId: f.appliedEnterpriseId }) },
  // ---- deals ----
  // preparing an inquiry about a public product page: hazardous details masked as on the page
  "inquiry.prepare": { kind: "public", input: (f) => ({ kind: "product", id: f.hazardousProduct.id }), masked: (f) => [f.c.sellerEnterprise.name] },
  "inquiry.create": { kind: "guarded", input: (f) => ({ source: { kind: "match", id: f.match.id }, subject: "冒充询价", body: "x" }) },
  "inquiry.list": { kind: "own", input: () => ({}) },
  "inquiry.summary": { kind: "own" },
  "inquiry.byId": { kind: "guarded", input: (f) => ({ id: f.inquiryId }) },
  "inquiry.compare": { kind: "guarded", input: (f) => ({ id: f.inquiryId }) },
  "inquiry.markRead": { kind: "guarded", input: (f) => ({ id: f.inquiryId }) },
  "inquiry.post": { kind: "guarded", input: (f) => ({ inquiryId: f.inquiryId, body: "插话" }) },
  "inquiry.quote": { kind: "guarded", input: (f) => ({ inquiryId: f.inquiryId, priceCnyPerUnit: 1, quantity: 1, validUntil: todayInChina() }) },
  "inquiry.accept": { kind: "guarded", input: (f) => ({ quoteId: f.quoteId }) },
  "inquiry.close": { kind: "guarded", input: (f) => ({ id: f.inquiryId }) },
  "inquiry.counter": { kind: "guarded", input: (f) => ({ quoteId: f.quoteId, priceCnyPerUnit: 1 }) },
  "inquiry.answerCounter": { kind: "guarded", input: (f) => ({ counterId: f.counterId, answer: "accept" }) },
  "inquiry.attachment": { kind: "guarded", input: (f) => ({ id: f.attachmentId }) },
  // ---- sample requests (索样): preparing one masks a hazardous product's supplier as inquiry.prepare does ----
  "sample.prepare": { kind: "public", input: (f) => ({ kind: "product", id: f.hazardousProduct.id }), masked: (f) => [f.c.sellerEnterprise.name] },
  "sample.request": { kind: "guarded", input: (f) => ({ source: { kind: "match", id: f.match.id }, quantity: 1, unit: "kg", deliveryAddress: "冒充收样地址一号", purpose: "冒充" }) },
  "sample.byInquiry": { kind: "guarded", input: (f) => ({ inquiryId: f.sampleInquiryId }) },
  "sample.markSent": { kind: "guarded", input: (f) => ({ inquiryId: f.sampleInquiryId, trackingNote: "冒充单号" }) },
  "sample.markReceived": { kind: "guarded", input: (f) => ({ inquiryId: f.sampleInquiryId }) },
  "sample.evaluate": { kind: "guarded", input: (f) => ({ inquiryId: f.sampleInquiryId, result: "fail", note: "冒充" }) },
  // ---- RFQ (群发询价): the buyer's matrix and award; each supplier reads its own thread (inquiry.*) ----
  "rfq.send": { kind: "guarded", input: (f) => ({ demandId: f.demand.id, matchIds: [f.match.id, f.match.id + 1], deadline: inDays(7) }) },
  "rfq.list": { kind: "own", input: () => ({}) },
  "rfq.byId": { kind: "guarded", input: (f) => ({ id: f.rfqId }) },
  "rfq.award": { kind: "guarded", input: (f) => ({ rfqId: f.rfqId, awards: [{ quoteId: f.rfqQuoteId, volumeT: 1 }] }) },
  // ---- licences ----
  "licence.list": { kind: "guarded", input: (f) => ({ enterpriseId: f.c.sellerEnterprise.id }) },
  "licence.add": { kind: "guarded", input: (f) => ({ enterpriseId: f.c.sellerEnterprise.id, type: "hazardous_trade", number: "冒充" }) },
  "licence.update": { kind: "guarded", input: (f) => ({ id: f.licenceId, number: "改写" }) },
  "licence.remove": { kind: "guarded", input: (f) => ({ id: f.licenceId }) },
  "licence.setVerified": { kind: "guarded", input: (f) => ({ id: f.licenceId, verified: false }) },
  "licence.document": { kind: "guarded", input: (f) => ({ id: f.licenceId }) },
  "licence.parkTodo": { kind: "guarded", input: (f) => ({ parkId: f.c.park.id }) },
  // ---- listings and matching ----
  "demand.list": { kind: "guarded", input: (f) => ({ enterpriseId: f.c.buyerEnterprise.id }) },
  "demand.get": { kind: "guarded", input: (f) => ({ id: f.demand.id }) },
  "demand.create": { kind: "guarded", input: (f) => ({ enterpriseId: f.c.buyerEnterprise.id, ...demandFields }) },
  "demand.update": { kind: "guarded", input: (f) => ({ id: f.demand.id, ...demandFields }) },
  "demand.close": { kind: "guarded", input: (f) => ({ id: f.demand.id }) },
  "demand.repost": { kind: "guarded", input: (f) => ({ id: f.demand.id, until: inDays(60) }) },
  "offer.list": { kind: "guarded", input: (f) => ({ enterpriseId: f.c.sellerEnterprise.id }) },
  "offer.get": { kind: "guarded", input: (f) => ({ id: f.offer.id }) },
  "offer.products": { kind: "guarded", input: (f) => ({ enterpriseId: f.c.sellerEnterprise.id }) },
  "offer.create": { kind: "guarded", input: (f) => ({ enterpriseId: f.c.sellerEnterprise.id, productId: f.c.product.id, quantity: 1, validUntil: inDays(30) }) },
  "offer.update": { kind: "guarded", input: (f) => ({ id: f.offer.id, productId: f.c.product.id, quantity: 1, validUntil: inDays(30) }) },
  "offer.close": { kind: "guarded", input: (f) => ({ id: f.offer.id }) },
  "offer.repost": { kind: "guarded", input: (f) => ({ id: f.offer.id, until: inDays(60) }) },
  "byproduct.list": { kind: "guarded", input: (f) => ({ enterpriseId: f.c.sellerEnterprise.id }) },
  "byproduct.get": { kind: "guarded", input: (f) => ({ id: f.byproduct.id }) },
  "byproduct.create": { kind: "guarded", input: (f) => ({ enterpriseId: f.c.sellerEnterprise.id, name: "冒充副产品", monthlyVolumeT: 1 }) },
  "byproduct.update": { kind: "guarded", input: (f) => ({ id: f.byproduct.id, name: "改写", monthlyVolumeT: 1 }) },
  "byproduct.close": { kind: "guarded", input: (f) => ({ id: f.byproduct.id }) },
  "byproduct.repost": { kind: "guarded", input: (f) => ({ id: f.byproduct.id }) },
  "match.forDemand": { kind: "guarded", input: (f) => ({ demandId: f.demand.id }) },
  "match.forSupplier": { kind: "guarded", input: (f) => ({ enterpriseId: f.c.sellerEnterprise.id }) },
  "match.takers": { kind: "guarded", input: (f) => ({ byproductId: f.byproduct.id }) },
  "match.dismiss": { kind: "guarded", input: (f) => ({ id: f.match.id }) },
  "allocation.plan": { kind: "guarded", input: (f) => ({ parkId: f.c.park.id }) },
  // ---- notifications: always the caller's own ----
  "notification.list": { kind: "own", input: () => ({}) },
  "notification.unread": { kind: "own" },
  "notification.markRead": { kind: "own", input: () => ({}) },
  // ---- reports ----
  "report.dashboard": { kind: "guarded", input: (f) => ({ parkId: f.c.park.id }) },
  "report.exportDashboard": { kind: "guarded", input: (f) => ({ parkId: f.c.park.id }) },
  "report.ledger": { kind: "guarded", input: (f) => ({ parkId: f.c.park.id }) },
  "report.exportLedger": { kind: "guarded", input: (f) => ({ parkId: f.c.park.id }) },
  // the product handbook is the park's publication for every signed-in enterprise member (hazardous
  // details hidden from unverified ones); visitors and other parks' staff are refused
  "report.handbook": { kind: "guarded", input: (f) => ({ parkId: f.c.park.id }), allowed: ["outsider"] },
  // 产业关联度 and green outcomes: the park's staff only
  "insights.linkage": { kind: "guarded", input: (f) => ({ parkId: f.c.park.id }) },
  "insights.green": { kind: "guarded", input: (f) => ({ parkId: f.c.park.id }) },
  // the chain map (产业链图谱) and its substance view: the park's staff only
  "chainMap.map": { kind: "guarded", input: (f) => ({ parkId: f.c.park.id }) },
  "chainMap.substance": { kind: "guarded", input: (f) => ({ parkId: f.c.park.id, cas: f.hazardous.cas }) },
  // ---- search and the substance dictionary: public by design (compliance masks each hit) ----
  // ---- saved searches: a person's own, nobody else's (not even a platform admin's) ----
  "savedSearch.list": { kind: "own" },
  "savedSearch.create": { kind: "own", input: () => ({ params: "q=甲苯" }) },
  "savedSearch.setPaused": { kind: "guarded", input: (f) => ({ id: f.savedSearchId, paused: true }) },
  "savedSearch.delete": { kind: "guarded", input: (f) => ({ id: f.savedSearchId }) },
  "search.products": { kind: "public", input: (f) => ({ q: f.hazardous.cas }) },
  "search.enterprises": { kind: "public", input: () => ({ q: "化工" }) },
  "substance.lookup": { kind: "public", input: (f) => ({ q: f.hazardous.cas }) },
  "substance.byCas": { kind: "public", input: (f) => ({ cas: f.hazardous.cas }) },
  // the dictionary is one for all parks: any park's staff correct it (DESIGN.md); others are refused
  "substance.forCuration": { kind: "guarded", input: (f) => ({ cas: f.hazardous.cas }), allowed: ["otherStaff"] },
  "substance.curated": { kind: "guarded", input: () => ({}), allowed: ["otherStaff"] },
  "substance.curate": { kind: "guarded", input: (f) => ({ cas: f.hazardous.cas, nameZh: null, nameEn: null }), allowed: ["otherStaff"] },
  // the regulated lists are national, as the dictionary: any park's staff maintain them (a removal from a list the substance is not on, dated far ahead, changes nothing)
  "substance.regulatedChanges": { kind: "guarded", input: () => ({}), allowed: ["otherStaff"] },
  "substance.regulatedCounts": { kind: "guarded", allowed: ["otherStaff"] },
  "substance.changeRegulatedList": {
    kind: "guarded", allowed: ["otherStaff"],
    input: (f) => ({ cas: f.hazardous.cas, list: "highly_toxic", action: "remove", effectiveOn: "2099-01-01", reason: "越权测试" }),
  },
};

async function countRows(query: SQL) {
  const rows = await getDb().execute<{ n: number }>(query);
  return rows[0]?.n ?? 0;
}

const REFUSED = ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"];
type Procedure = { _def: { type: "query" | "mutation" | "subscription" } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);

async function call(actor: Actor, procedurePath: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; code: string; message: string }> {
  const caller = createCaller({ db: getDb(), actor }) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
  const [namespace, name] = procedurePath.split(".") as [string, string];
  try {
    return { ok: true, value: await caller[namespace]![name]!(input) };
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return { ok: false, code: err.code ?? "?", message: err.message ?? String(e) };
  }
}

describe("the access walk", () => {
  let f: Fixture;
  let outsiders: [Who, Actor][];
  beforeAll(async () => {
    f = await fixture();
    outsiders = [["visitor", anonymous], ["outsider", f.outsider.actor], ["otherStaff", f.otherStaff.actor]];
  }, 120_000);

  it("every procedure of the router is in the table, and the table names no procedure that is gone", () => {
    const names = procedures.map(([name]) => name).sort();
    expect(names.filter((n) => !SPECS[n])).toEqual([]);
    expect(Object.keys(SPECS).filter((n) => !names.includes(n))).toEqual([]);
  });

  it("every procedure refuses the outsiders, or answers without the victims' private rows", async () => {
    const failures: string[] = [];
    for (const [name, { _def }] of procedures) {
      const spec = SPECS[name];
      if (!spec || _def.type === "subscription") continue;
      for (const [who, actor] of outsiders) {
        const answer = await call(actor, name, spec.input?.(f));
        const where = `${who} ${name}`;
        if (!answer.ok) {
          if (!REFUSED.includes(answer.code)) failures.push(`${where}: ${answer.code} ${answer.message}`);
          continue;
        }
        if (spec.kind === "guarded" && !spec.allowed?.includes(who)) {
          failures.push(`${where}: answered instead of refusing`);
          continue;
        }
        if (spec.writesNothing && (await spec.writesNothing(f)) > 0) failures.push(`${where}: wrote rows it was refused`);
        const text = JSON.stringify(answer.value) ?? "";
        if (text.includes(SECRET)) failures.push(`${where}: returned a private row of the victims`);
        if (spec.kind === "public" && spec.masked && who !== "otherStaff") {
          for (const hidden of spec.masked(f)) if (text.includes(hidden)) failures.push(`${where}: shows ${hidden} of a hazardous product`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it("the rightful users are answered by the guarded procedures the walk probes (the inputs are valid)", async () => {
    // a guarded input that the victims' own member or park staff cannot use would prove nothing
    const probes: [string, Actor][] = [
      ["agreement.byId", f.c.staff.actor], ["catalogue.list", f.c.seller.actor], ["catalogue.document", f.c.seller.actor],
      ["inquiry.byId", f.c.buyer.actor], ["inquiry.attachment", f.c.buyer.actor], ["licence.document", f.c.staff.actor],
      ["demand.get", f.c.buyer.actor], ["match.forDemand", f.c.buyer.actor], ["report.handbook", f.c.staff.actor],
      ["report.dashboard", f.c.staff.actor], ["insights.linkage", f.c.staff.actor], ["insights.green", f.c.staff.actor], ["catalogue.importJob", f.c.seller.actor], ["agreement.document", f.c.staff.actor],
      ["savedSearch.setPaused", f.c.buyer.actor], ["sample.byInquiry", f.c.staff.actor], ["sample.markSent", f.c.seller.actor],
      ["rfq.byId", f.c.buyer.actor], ["chainMap.map", f.c.staff.actor], ["chainMap.substance", f.c.staff.actor],
      ["application.byId", f.c.staff.actor], ["application.scan", f.c.staff.actor],
      ["application.enterpriseScan", f.c.staff.actor],
    ];
    for (const [name, actor] of probes) {
      const answer = await call(actor, name, SPECS[name]!.input?.(f));
      expect(answer, name).toMatchObject({ ok: true });
    }
  });
});

// ---- the routes outside tRPC ----

const ROUTE_ROOT = path.resolve(import.meta.dirname, "../../app/api");
const routeFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === "route.ts" ? [path.relative(ROUTE_ROOT, path.join(dir, e.name))] : []);

type RouteSpec =
  | { kind: "guarded"; url: (f: Fixture) => string; params: (f: Fixture) => Record<string, string>; allowed?: Who[] }
  | { kind: "public"; url: (f: Fixture) => string; params: (f: Fixture) => Record<string, string> }
  /** not a data route: reached through something the walk checks elsewhere */
  | { kind: "elsewhere"; why: string };

const ROUTES: Record<string, RouteSpec> = {
  "documents/[id]/route.ts": { kind: "guarded", url: (f) => `/api/documents/${f.documentId}`, params: (f) => ({ id: String(f.documentId) }), allowed: ["otherStaff"] },
  "licences/[id]/document/route.ts": { kind: "guarded", url: (f) => `/api/licences/${f.licenceId}/document`, params: (f) => ({ id: String(f.licenceId) }) },
  "inquiries/attachments/[id]/route.ts": { kind: "guarded", url: (f) => `/api/inquiries/attachments/${f.attachmentId}`, params: (f) => ({ id: String(f.attachmentId) }) },
  "agreements/documents/[id]/route.ts": { kind: "guarded", url: (f) => `/api/agreements/documents/${f.agreementDocumentId}`, params: (f) => ({ id: String(f.agreementDocumentId) }) },
  "applications/[id]/scan/route.ts": { kind: "guarded", url: (f) => `/api/applications/${f.applicationId}/scan`, params: (f) => ({ id: String(f.applicationId) }) },
  "enterprises/[id]/licence-scan/route.ts": { kind: "guarded", url: (f) => `/api/enterprises/${f.appliedEnterpriseId}/licence-scan`, params: (f) => ({ id: String(f.appliedEnterpriseId) }) },
  "reports/dashboard/route.ts": { kind: "guarded", url: (f) => `/api/reports/dashboard?park=${f.c.park.id}`, params: () => ({}) },
  "reports/ledger/route.ts": { kind: "guarded", url: (f) => `/api/reports/ledger?park=${f.c.park.id}&list=toxic`, params: () => ({}) },
  "reports/insights/route.ts": { kind: "guarded", url: (f) => `/api/reports/insights?park=${f.c.park.id}`, params: () => ({}) },
  // the handbook as XLSX: as report.handbook, for members of any enterprise (hazardous products left out for the unverified)
  "reports/handbook/route.ts": { kind: "guarded", url: (f) => `/api/reports/handbook?park=${f.c.park.id}`, params: () => ({}), allowed: ["outsider"] },
  "reports/chain-map/route.ts": { kind: "guarded", url: (f) => `/api/reports/chain-map?park=${f.c.park.id}`, params: () => ({}) },
  // public: the search API (also the fast path of scripts/serve.ts, walked below), import templates, health
  "search/route.ts": { kind: "public", url: (f) => `/api/search?q=${f.hazardous.cas}`, params: () => ({}) },
  "templates/[kind]/route.ts": { kind: "public", url: () => "/api/templates/catalogue", params: () => ({ kind: "catalogue" }) },
  "health/route.ts": { kind: "public", url: () => "/api/health", params: () => ({}) },
  "trpc/[trpc]/route.ts": { kind: "elsewhere", why: "the fetch adapter of appRouter: every procedure is walked above" },
  "auth/[...nextauth]/route.ts": { kind: "elsewhere", why: "next-auth sign-in and sign-out (server/auth/sign-in.test.ts)" },
};

async function cookieOf(actor: Actor): Promise<string> {
  if (!actor.userId) return "";
  const sid = await startSession(getDb(), actor.userId);
  return `next-auth.session-token=${await encode({ token: { uid: actor.userId, sid }, secret: process.env.NEXTAUTH_SECRET! })}`;
}

describe("the access walk of the routes", () => {
  let f: Fixture;
  let outsiders: [Who, string][];
  beforeAll(async () => {
    f = await fixture();
    outsiders = [["visitor", ""], ["outsider", await cookieOf(f.outsider.actor)], ["otherStaff", await cookieOf(f.otherStaff.actor)]];
  }, 120_000);

  it("every route under app/api is in the table, and the table names no route that is gone", () => {
    const files = routeFiles(ROUTE_ROOT).sort();
    expect(files.filter((r) => !ROUTES[r])).toEqual([]);
    expect(Object.keys(ROUTES).filter((r) => !files.includes(r))).toEqual([]);
  });

  it("every route refuses the outsiders with 401/403/404, or answers without the victims' private rows", async () => {
    const failures: string[] = [];
    for (const [file, spec] of Object.entries(ROUTES)) {
      if (spec.kind === "elsewhere") continue;
      const { GET } = (await import(`@/app/api/${file.replace(/\.ts$/, "")}`)) as { GET: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> };
      for (const [who, cookie] of outsiders) {
        requestCookie = cookie;
        const req = new Request(`http://localhost${spec.url(f)}`, { headers: cookie ? { cookie } : {} });
        const res = await GET(req, { params: Promise.resolve(spec.params(f)) });
        const body = Buffer.from(await res.arrayBuffer()).toString("utf8");
        const where = `${who} ${file}`;
        if (spec.kind === "guarded" && !spec.allowed?.includes(who)) {
          if (![401, 403, 404].includes(res.status)) failures.push(`${where}: ${res.status} instead of a refusal`);
        } else if (res.status >= 500) failures.push(`${where}: ${res.status} ${body.slice(0, 200)}`);
        if (body.includes(SECRET) && !(spec.kind === "guarded" && spec.allowed?.includes(who))) failures.push(`${where}: returned a private row`);
      }
    }
    requestCookie = "";
    expect(failures).toEqual([]);
  });

  it("the document route serves the supplier's own member (the refusals above are not a broken route)", async () => {
    requestCookie = await cookieOf(f.c.seller.actor);
    const { GET } = await import("@/app/api/documents/[id]/route");
    const res = await GET(new Request(`http://localhost/api/documents/${f.documentId}`), { params: Promise.resolve({ id: String(f.documentId) }) });
    requestCookie = "";
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).toString("utf8")).toContain(SECRET);
  });

  it("the search fast path of scripts/serve.ts (server/search/api.ts) answers outsiders without the victims' private rows", async () => {
    for (const [who, cookie] of outsiders) {
      const answer = await answerSearch(getDb(), () => import("@/server/auth/session").then((s) => s.actorFromCookies(getDb(), cookie)), new URLSearchParams({ q: f.hazardous.cas }));
      expect([200, 503], who).toContain(answer.status);
      expect(JSON.stringify(answer.body), who).not.toContain(SECRET);
      if (who !== "otherStaff") expect(JSON.stringify(answer.body), who).not.toContain(f.c.sellerEnterprise.name);
    }
  });
});
