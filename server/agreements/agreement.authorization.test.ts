import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { callOffOrders } from "@/db/schema";
import { createCaller } from "@/server/api/root";
import type { Actor } from "@/server/auth/actor";
import { todayInChina } from "@/server/compliance/compliance";
import { makeAgreement, makeDealCast, makePark, makeUser } from "@/server/testing/factories";
import { importAgreements } from "./import-agreements";

const as = (actor: Actor) => createCaller({ db: getDb(), actor });
const csv = (text: string) => Buffer.from(text).toString("base64");

async function deal() {
  const c = await makeDealCast();
  const agreement = await makeAgreement(c.buyerEnterprise.id, c.sellerEnterprise.id, { type: "framework", status: "active", signedOn: todayInChina(), lines: [{ amountCny: "1000.00", volumeT: "10.000" }] });
  const [callOff] = await getDb().insert(callOffOrders).values({ agreementId: agreement.id, orderedT: "1.000", orderedOn: todayInChina() }).returning();
  const doc = await as(c.buyer.actor).agreement.upload({ agreementId: agreement.id, file: { filename: "a.pdf", contentType: "application/pdf", content: csv("%PDF") } });
  const draft = await makeAgreement(c.buyerEnterprise.id, c.sellerEnterprise.id, { status: "draft", signedOn: null });
  const proposed = await makeAgreement(c.buyerEnterprise.id, c.sellerEnterprise.id, { status: "draft", signedOn: null });
  await as(c.buyer.actor).agreement.propose({ id: proposed.id });
  const otherParkStaff = await makeUser({ parkId: (await makePark()).id });
  return { c, agreement, callOffId: callOff!.id, documentId: doc.id, draftId: draft.id, proposedId: proposed.id, otherParkStaff };
}
type Deal = Awaited<ReturnType<typeof deal>>;

/** Every agreement procedure, called on the pair's agreements. */
const procedures: [string, (c: ReturnType<typeof as>, d: Deal) => Promise<unknown>][] = [
  ["agreement.byId", (c, d) => c.agreement.byId({ id: d.agreement.id })],
  ["agreement.create", (c, d) => c.agreement.create({ type: "order", title: "越权订单", buyerEnterpriseId: d.c.buyerEnterprise.id, sellerEnterpriseId: d.c.sellerEnterprise.id, lines: [{ productName: "x", amountCny: 1 }] })],
  ["agreement.create (signed)", (c, d) => c.agreement.create({ type: "order", title: "越权订单", buyerEnterpriseId: d.c.buyerEnterprise.id, sellerEnterpriseId: d.c.sellerEnterprise.id, status: "signed", signedOn: todayInChina(), lines: [{ productName: "x", amountCny: 1 }] })],
  ["agreement.updateDraft", (c, d) => c.agreement.updateDraft({ id: d.draftId, type: "order", title: "越权修改", lines: [{ productName: "x", amountCny: 1 }] })],
  ["agreement.propose", (c, d) => c.agreement.propose({ id: d.draftId })],
  ["agreement.confirm", (c, d) => c.agreement.confirm({ id: d.proposedId, totalAmountCny: "1000000.00" })],
  ["agreement.setStatus (terminate)", (c, d) => c.agreement.setStatus({ id: d.agreement.id, to: "terminated" })],
  ["agreement.setStatus (sign)", (c, d) => c.agreement.setStatus({ id: d.draftId, to: "signed" })],
  ["agreement.callOff", (c, d) => c.agreement.callOff({ agreementId: d.agreement.id, orderedT: 1, orderedOn: todayInChina() })],
  ["agreement.deliver", (c, d) => c.agreement.deliver({ callOffId: d.callOffId, deliveredT: 1, deliveredOn: todayInChina() })],
  ["agreement.upload", (c, d) => c.agreement.upload({ agreementId: d.agreement.id, file: { filename: "x.pdf", contentType: "application/pdf", content: csv("x") } })],
  ["agreement.document", (c, d) => c.agreement.document({ id: d.documentId })],
];

describe("no one sees or changes another pair's agreement", () => {
  it.each(procedures)("%s: refused to the staff of another park", async (_, call) => {
    const d = await deal();
    await expect(call(as(d.otherParkStaff.actor), d)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the staff of another park import none of the pair's agreements", async () => {
    const d = await deal();
    const ref = `OTHER-PARK-${d.agreement.id}`;
    const summary = await importAgreements(getDb(), d.otherParkStaff.actor, {
      name: "a.csv",
      bytes: Buffer.from(`ref,type,title,buyer_uscc,seller_uscc,amount_cny,signed_on\n${ref},contract,越权导入,${d.c.buyerEnterprise.uscc},${d.c.sellerEnterprise.uscc},100,${todayInChina()}\n`),
    });
    expect(summary).toMatchObject({ inserted: 0, updated: 0, rejected: [{ ref }] });
  });

  it.each<[string, (c: ReturnType<typeof as>, d: Deal) => Promise<unknown>]>([
    ...procedures,
    ["agreement.import", (c) => c.agreement.import({ filename: "a.csv", content: csv("ref,type,title,buyer_uscc,seller_uscc,amount_cny,signed_on\n") })],
    ["event.create", (c, d) => c.event.create({ parkId: d.c.park.id, name: `越权活动${d.agreement.id}` })],
  ])("%s: refused to a member of a third enterprise", async (_, call) => {
    const d = await deal();
    await expect(call(as(d.c.outsider.actor), d)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("agreement.list, event.byId and agreement.formOptions show another enterprise none of the pair's agreements", async () => {
    const d = await deal();
    const outsider = as(d.c.outsider.actor);
    expect((await outsider.agreement.list({})).items).toEqual([]);
    const options = await outsider.agreement.formOptions();
    expect(options.own).toEqual([d.c.outsiderEnterprise.id]);
    const event = await as(d.c.staff.actor).event.create({ parkId: d.c.park.id, name: `活动${d.agreement.id}` });
    await makeAgreement(d.c.buyerEnterprise.id, d.c.sellerEnterprise.id, { eventId: event.id });
    const seen = await outsider.event.byId({ id: event.id });
    expect(seen.figures.agreements).toBe(1);
    expect(seen.agreements?.items).toEqual([]);
    expect((await as(d.c.staff.actor).event.byId({ id: event.id })).agreements?.items).toHaveLength(1);
    expect((await outsider.event.list({ parkId: d.c.park.id })).allowed.create).toBe(false);
  });
});

describe("the agreement procedures refuse forged signings and out-of-bounds figures", () => {
  it("a procurement user's agreement.create with status signed is refused, and nothing is recorded", async () => {
    const c = await makeDealCast();
    const title = `伪造已签协议${c.product.id}`;
    await expect(as(c.buyer.actor).agreement.create({
      type: "order", title, buyerEnterpriseId: c.buyerEnterprise.id, sellerEnterpriseId: c.sellerEnterprise.id,
      status: "signed", signedOn: todayInChina(), lines: [{ productName: "氰化钠", amountCny: 1e13 / 1000 }],
    })).rejects.toMatchObject({ code: "FORBIDDEN", cause: { messages: { zh: expect.stringContaining("园区的工作人员") } } });
    expect((await as(c.staff.actor).agreement.list({ q: title })).items).toEqual([]);
  });

  it("a party member's setStatus to signed is refused; propose then confirm by the other party signs", async () => {
    const c = await makeDealCast();
    const sellerAdmin = await makeUser({ enterpriseId: c.sellerEnterprise.id, role: "admin" });
    const { id } = await as(c.buyer.actor).agreement.create({
      type: "order", title: "两步签约", buyerEnterpriseId: c.buyerEnterprise.id, sellerEnterpriseId: c.sellerEnterprise.id, lines: [{ productName: "甘油", amountCny: 5000 }],
    });
    await expect(as(c.buyer.actor).agreement.setStatus({ id, to: "signed" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await as(c.buyer.actor).agreement.propose({ id });
    await expect(as(c.buyer.actor).agreement.confirm({ id, totalAmountCny: "5000.00" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await as(sellerAdmin.actor).agreement.confirm({ id, totalAmountCny: "5000.00" });
    expect((await as(c.buyer.actor).agreement.byId({ id })).status).toBe("signed");
  });

  it("members of an unverified enterprise cannot propose", async () => {
    const c = await makeDealCast({ verified: false });
    const { id } = await as(c.buyer.actor).agreement.create({
      type: "order", title: "未认证签约", buyerEnterpriseId: c.buyerEnterprise.id, sellerEnterpriseId: c.sellerEnterprise.id, lines: [{ productName: "甘油", amountCny: 5000 }],
    });
    await expect(as(c.buyer.actor).agreement.propose({ id })).rejects.toMatchObject({ code: "FORBIDDEN", cause: { messages: { en: expect.stringContaining("verified") } } });
  });

  it.each<[string, Record<string, number | null>, string]>([
    ["a volume over 1 亿吨", { volumeT: 100_000_001, unitPriceCny: 1 }, "deals.volume_too_large"],
    ["a unit price over 1 亿元/吨", { volumeT: 1, unitPriceCny: 100_000_001 }, "deals.unit_price_too_large"],
    ["a line over 1,000 亿元", { amountCny: 100_000_000_001 }, "deals.total_too_large"],
  ])("rejects %s with its message key", async (_, figures, key) => {
    const c = await makeDealCast();
    const error = await as(c.staff.actor).agreement.create({
      type: "order", title: "越界金额", buyerEnterpriseId: c.buyerEnterprise.id, sellerEnterpriseId: c.sellerEnterprise.id, lines: [{ productName: "甘油", ...figures }],
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect((error as { cause: { issues: { message: string }[] } }).cause.issues.map((i) => i.message)).toContain(key);
  });
});
