import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { callOffOrders } from "@/db/schema";
import { createCaller } from "@/server/api/root";
import type { Actor } from "@/server/auth/actor";
import { todayInChina } from "@/server/compliance/compliance";
import { makeAgreement, makeDealCast } from "@/server/testing/factories";

const as = (actor: Actor) => createCaller({ db: getDb(), actor });
const csv = (text: string) => Buffer.from(text).toString("base64");

async function deal() {
  const c = await makeDealCast();
  const agreement = await makeAgreement(c.buyerEnterprise.id, c.sellerEnterprise.id, { type: "framework", status: "active", signedOn: todayInChina(), lines: [{ amountCny: "1000.00", volumeT: "10.000" }] });
  const [callOff] = await getDb().insert(callOffOrders).values({ agreementId: agreement.id, orderedT: "1.000", orderedOn: todayInChina() }).returning();
  const doc = await as(c.buyer.actor).agreement.upload({ agreementId: agreement.id, file: { filename: "a.pdf", contentType: "application/pdf", content: csv("%PDF") } });
  const draft = await makeAgreement(c.buyerEnterprise.id, c.sellerEnterprise.id, { status: "draft", signedOn: null });
  return { c, agreement, callOffId: callOff!.id, documentId: doc.id, draftId: draft.id };
}

describe("no one sees or changes another pair's agreement", () => {
  it.each<[string, (c: ReturnType<typeof as>, d: Awaited<ReturnType<typeof deal>>) => Promise<unknown>]>([
    ["agreement.byId", (c, d) => c.agreement.byId({ id: d.agreement.id })],
    ["agreement.create", (c, d) => c.agreement.create({ type: "order", title: "越权订单", buyerEnterpriseId: d.c.buyerEnterprise.id, sellerEnterpriseId: d.c.sellerEnterprise.id, lines: [{ productName: "x", amountCny: 1 }] })],
    ["agreement.updateDraft", (c, d) => c.agreement.updateDraft({ id: d.draftId, type: "order", title: "越权修改", lines: [{ productName: "x", amountCny: 1 }] })],
    ["agreement.setStatus", (c, d) => c.agreement.setStatus({ id: d.agreement.id, to: "terminated" })],
    ["agreement.callOff", (c, d) => c.agreement.callOff({ agreementId: d.agreement.id, orderedT: 1, orderedOn: todayInChina() })],
    ["agreement.deliver", (c, d) => c.agreement.deliver({ callOffId: d.callOffId, deliveredT: 1, deliveredOn: todayInChina() })],
    ["agreement.upload", (c, d) => c.agreement.upload({ agreementId: d.agreement.id, file: { filename: "x.pdf", contentType: "application/pdf", content: csv("x") } })],
    ["agreement.document", (c, d) => c.agreement.document({ id: d.documentId })],
    ["agreement.import", (c) => c.agreement.import({ filename: "a.csv", content: csv("ref,type,title,buyer_uscc,seller_uscc,amount_cny,signed_on\n") })],
    ["event.create", (c, d) => c.event.create({ parkId: d.c.park.id, name: `越权活动${d.agreement.id}` })],
  ])("%s", async (_, call) => {
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
