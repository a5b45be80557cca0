import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { agreementDocuments, auditLog, callOffOrders } from "@/db/schema";
import { todayInChina } from "@/server/compliance/compliance";
import { makeAgreement, makeDealCast, makeUser } from "@/server/testing/factories";
import { addCallOff } from "./add-call-off";
import { addDocument } from "./add-document";
import { changeAgreementStatus } from "./change-agreement-status";
import { confirmSigning } from "./confirm-signing";
import { createAgreement } from "./create-agreement";
import { getAgreement } from "./get-agreement";
import { getDocument } from "./get-document";
import { listAgreements } from "./list-agreements";
import { proposeSigning } from "./propose-signing";
import { recordDelivery } from "./record-delivery";
import { updateDraftAgreement } from "./update-draft-agreement";
import { createEvent } from "./create-event";
import { getEvent } from "./get-event";
import { listEvents } from "./list-events";

const db = () => getDb();
const today = () => todayInChina();
const inDays = (n: number) => new Date(Date.parse(`${today()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The usual deal cast (buyer's procurement, seller's staff, park staff) plus an admin of each party. */
async function signingCast(options: Parameters<typeof makeDealCast>[0] = {}) {
  const c = await makeDealCast(options);
  const [buyerAdmin, sellerAdmin] = await Promise.all([
    makeUser({ enterpriseId: c.buyerEnterprise.id, role: "admin" }),
    makeUser({ enterpriseId: c.sellerEnterprise.id, role: "admin" }),
  ]);
  return { ...c, buyerAdmin, sellerAdmin };
}

async function activeFramework(endInDays = 300) {
  const c = await makeDealCast();
  const created = await createAgreement(db(), c.staff.actor, {
    type: "framework", title: "甘油年度框架协议", buyerEnterpriseId: c.buyerEnterprise.id, sellerEnterpriseId: c.sellerEnterprise.id,
    status: "signed", signedOn: inDays(-10), startOn: inDays(-10), endOn: inDays(endInDays),
    lines: [{ cas: "56-81-5", productName: "甘油", volumeT: 1000, unitPriceCny: 6800, amountCny: null }],
  });
  await changeAgreementStatus(db(), c.staff.actor, { id: created.id, to: "active" });
  return { c, id: created.id };
}

describe("agreements", () => {
  it("walks draft → proposed → signed → active → completed, each step in the audit log, and refuses skipping", async () => {
    const c = await signingCast();
    const { id, ref } = await createAgreement(db(), c.buyer.actor, {
      type: "contract", title: "甘油供货合同", buyerEnterpriseId: c.buyerEnterprise.id, sellerEnterpriseId: c.sellerEnterprise.id, status: "draft",
      lines: [{ cas: null, productName: "甘油", volumeT: 10, unitPriceCny: 6800.5, amountCny: null }, { cas: null, productName: "运费", amountCny: 1200 }],
    });
    expect(ref).toMatch(/^PL-\d{4}-\d{5}$/);
    const draft = await getAgreement(db(), c.seller.actor, id);
    expect(draft).toMatchObject({ status: "draft", totalAmountCny: "69205.00", allowed: { transitions: [], propose: true, confirm: false, callOff: false } });
    expect((await getAgreement(db(), c.sellerAdmin.actor, id)).allowed.transitions).toEqual(["terminated"]);
    expect((await getAgreement(db(), c.staff.actor, id)).allowed.transitions).toEqual(["signed", "terminated"]);
    await expect(changeAgreementStatus(db(), c.sellerAdmin.actor, { id, to: "active" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(changeAgreementStatus(db(), c.staff.actor, { id, to: "signed", signedOn: inDays(2) })).rejects.toMatchObject({ code: "INVALID" });

    await proposeSigning(db(), c.seller.actor, { id });
    expect((await getAgreement(db(), c.buyerAdmin.actor, id)).allowed).toMatchObject({ propose: false, confirm: true });
    expect((await getAgreement(db(), c.sellerAdmin.actor, id)).allowed).toMatchObject({ propose: false, confirm: false });
    await confirmSigning(db(), c.buyerAdmin.actor, { id, totalAmountCny: "69205.00" });
    await expect(changeAgreementStatus(db(), c.buyerAdmin.actor, { id, to: "completed" })).rejects.toMatchObject({ code: "CONFLICT" });
    await changeAgreementStatus(db(), c.buyerAdmin.actor, { id, to: "active" });
    await changeAgreementStatus(db(), c.staff.actor, { id, to: "completed" });
    await expect(changeAgreementStatus(db(), c.buyerAdmin.actor, { id, to: "terminated" })).rejects.toMatchObject({ code: "CONFLICT" });
    const done = await getAgreement(db(), c.buyer.actor, id);
    expect(done).toMatchObject({
      status: "completed", signedOn: today(), allowed: { transitions: [] },
      proposedBy: c.seller.user.id, proposedByEnterpriseId: c.sellerEnterprise.id, confirmedBy: c.buyerAdmin.user.id,
      signing: { proposedBy: c.seller.user.name, proposedBySide: "seller", confirmedBy: c.buyerAdmin.user.name },
    });
    expect(done.proposedAt).toBeInstanceOf(Date);
    expect(done.confirmedAt).toBeInstanceOf(Date);
    expect(done.history.map((h) => h.action)).toEqual(["create", "propose", "confirm", "active", "completed"]);
    expect(done.history[2]).toMatchObject({ before: { status: "draft" }, after: { status: "signed", side: "buyer" } });
  });

  it("edits a draft's terms and lines, recomputing the total, and refuses once it is signed", async () => {
    const c = await makeDealCast();
    const { id } = await createAgreement(db(), c.buyer.actor, {
      type: "contract", title: "甘油供货合同", buyerEnterpriseId: c.buyerEnterprise.id, sellerEnterpriseId: c.sellerEnterprise.id, status: "draft",
      lines: [{ cas: "56-81-5", productName: "甘油", volumeT: 10, unitPriceCny: 6800, amountCny: null }],
    });
    await updateDraftAgreement(db(), c.seller.actor, {
      id, type: "framework", title: "甘油年度框架协议", startOn: inDays(1), endOn: inDays(365),
      lines: [{ cas: "56-81-5", productName: "甘油", volumeT: 120, unitPriceCny: 6500, amountCny: null }, { cas: null, productName: "运费", amountCny: 3000.5 }],
    });
    const edited = await getAgreement(db(), c.buyer.actor, id);
    expect(edited).toMatchObject({ type: "framework", title: "甘油年度框架协议", status: "draft", totalAmountCny: "783000.50", startOn: inDays(1), endOn: inDays(365) });
    expect(edited.lines.map((l) => [l.lineNo, l.productName, l.amountCny])).toEqual([[1, "甘油", "780000.00"], [2, "运费", "3000.50"]]);
    expect(edited.history.map((h) => h.action)).toEqual(["create", "edit"]);
    expect(edited.history[1]).toMatchObject({ before: { totalAmountCny: "68000.00", lines: 1 }, after: { totalAmountCny: "783000.50", lines: 2 } });

    await changeAgreementStatus(db(), c.staff.actor, { id, to: "signed" });
    const input = { id, type: "framework" as const, title: "改动已签协议", lines: [{ cas: null, productName: "甘油", amountCny: 1 }] };
    await expect(updateDraftAgreement(db(), c.buyer.actor, input)).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await getAgreement(db(), c.buyer.actor, id)).allowed.edit).toBe(false);
    expect((await getAgreement(db(), c.buyer.actor, id)).totalAmountCny).toBe("783000.50");
  });

  it("refuses an agreement with itself, and an outsider recording one between others", async () => {
    const c = await makeDealCast();
    const input = { type: "order" as const, title: "越权订单", buyerEnterpriseId: c.buyerEnterprise.id, sellerEnterpriseId: c.sellerEnterprise.id, status: "draft" as const, lines: [{ cas: null, productName: "x", amountCny: 1 }] };
    await expect(createAgreement(db(), c.outsider.actor, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const dup = await createAgreement(db(), c.buyer.actor, { ...input, ref: `DUP-${c.product.id}` });
    await expect(createAgreement(db(), c.buyer.actor, { ...input, ref: `DUP-${c.product.id}` })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(dup.ref).toBe(`DUP-${c.product.id}`);
  });

  it("takes call-offs against an active framework up to the agreed volume, warning near the end of the term", async () => {
    const { c, id } = await activeFramework(20);
    const first = await addCallOff(db(), c.buyer.actor, { agreementId: id, orderedT: 600, orderedOn: today(), allowExcess: false });
    expect(first).toMatchObject({ remainingAfterT: 400, warnings: ["term_ending"] });
    await expect(addCallOff(db(), c.buyer.actor, { agreementId: id, orderedT: 400.5, orderedOn: today(), allowExcess: false }))
      .rejects.toMatchObject({ code: "CONFLICT", messages: { zh: expect.stringContaining("超出") }, details: { remainingT: 400 } });
    const over = await addCallOff(db(), c.buyer.actor, { agreementId: id, orderedT: 450, orderedOn: today(), allowExcess: true });
    expect(over.warnings).toEqual(["exceeds_agreement", "term_ending"]);
    await expect(addCallOff(db(), c.buyer.actor, { agreementId: id, orderedT: 1, orderedOn: inDays(21), allowExcess: true }))
      .rejects.toMatchObject({ code: "INVALID" });

    await recordDelivery(db(), c.seller.actor, { callOffId: first.id, deliveredT: 598.5, deliveredOn: today() });
    await expect(recordDelivery(db(), c.seller.actor, { callOffId: first.id, deliveredT: 700, deliveredOn: today() })).rejects.toMatchObject({ code: "INVALID" });
    const view = await getAgreement(db(), c.staff.actor, id);
    expect(view.fulfilment).toMatchObject({ agreedT: 1000, calledOffT: 1050, deliveredT: 598.5, remainingT: -50 });
    expect(view.lines[0]).toMatchObject({ agreedT: 1000, calledOffT: 1050, remainingT: -50 });
    expect(view.warnings).toEqual(["term_ending", "exceeds_agreement"]);
    expect(view.history.map((h) => h.action)).toEqual(["create", "active", "call-off", "call-off", "delivery"]);
    await expect(addCallOff(db(), c.outsider.actor, { agreementId: id, orderedT: 1, orderedOn: today(), allowExcess: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps a call-off's due date (on-time delivery is measured against it), never before the order date", async () => {
    const { c, id } = await activeFramework(20);
    const due = await addCallOff(db(), c.buyer.actor, { agreementId: id, orderedT: 10, orderedOn: today(), dueOn: inDays(7), allowExcess: false });
    const open = await addCallOff(db(), c.buyer.actor, { agreementId: id, orderedT: 10, orderedOn: today(), allowExcess: false });
    await expect(addCallOff(db(), c.buyer.actor, { agreementId: id, orderedT: 10, orderedOn: today(), dueOn: inDays(-1), allowExcess: false }))
      .rejects.toMatchObject({ code: "INVALID", messages: { zh: "要求交货日期不能早于下单日期" } });
    const view = await getAgreement(db(), c.buyer.actor, id);
    expect(view.callOffs.map((x) => [x.id, x.dueOn])).toEqual(expect.arrayContaining([[due.id, inDays(7)], [open.id, null]]));
    expect(view.callOffs).toHaveLength(2);
  });

  it("takes call-offs only on active framework agreements", async () => {
    const c = await makeDealCast();
    const contract = await makeAgreement(c.buyerEnterprise.id, c.sellerEnterprise.id, { type: "contract", status: "active" });
    await expect(addCallOff(db(), c.buyer.actor, { agreementId: contract.id, orderedT: 1, orderedOn: today(), allowExcess: false })).rejects.toMatchObject({ code: "INVALID" });
    const signed = await makeAgreement(c.buyerEnterprise.id, c.sellerEnterprise.id, { type: "framework", status: "signed" });
    await expect(addCallOff(db(), c.buyer.actor, { agreementId: signed.id, orderedT: 1, orderedOn: today(), allowExcess: false })).rejects.toMatchObject({ code: "CONFLICT" });
    const rows = await db().select().from(callOffOrders).where(eq(callOffOrders.agreementId, signed.id));
    expect(rows).toEqual([]);
  });

  it("keeps documents, readable by those who see the agreement", async () => {
    const { c, id } = await activeFramework();
    const doc = await addDocument(db(), c.seller.actor, { agreementId: id, file: { filename: "signed.pdf", contentType: "application/pdf", content: Buffer.from("%PDF-1.4").toString("base64") } });
    expect((await getDocument(db(), c.buyer.actor, doc.id)).filename).toBe("signed.pdf");
    await expect(getDocument(db(), c.outsider.actor, doc.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const [stored] = await db().select().from(agreementDocuments).where(eq(agreementDocuments.id, doc.id));
    expect(stored!.content.toString()).toBe("%PDF-1.4");
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.entity, "agreement"), eq(auditLog.entityId, String(id)), eq(auditLog.action, "document")));
    expect(audit).toHaveLength(1);
  });

  it("lists the agreements of the actor's enterprise or park only, with filters", async () => {
    const c = await makeDealCast();
    const mine = await makeAgreement(c.buyerEnterprise.id, c.sellerEnterprise.id, { type: "order" });
    const others = await makeDealCast();
    const theirs = await makeAgreement(others.buyerEnterprise.id, others.sellerEnterprise.id);
    const ids = async (actor: typeof c.buyer.actor, extra = {}) => (await listAgreements(db(), actor, { page: 1, pageSize: 100, ...extra })).items.map((a) => a.id);
    expect(await ids(c.buyer.actor)).toEqual([mine.id]);
    expect(await ids(c.staff.actor)).toContain(mine.id);
    expect(await ids(c.staff.actor)).not.toContain(theirs.id);
    expect(await ids(c.outsider.actor)).toEqual([]);
    expect(await ids(c.buyer.actor, { type: "contract" })).toEqual([]);
    expect(await ids(c.buyer.actor, { q: c.sellerEnterprise.name.slice(-8) })).toEqual([mine.id]);
  });
});

describe("events", () => {
  it("park staff hold an event; its agreements and their amount are counted", async () => {
    const c = await makeDealCast();
    const event = await createEvent(db(), c.staff.actor, { parkId: c.park.id, name: `对接会${c.product.id}`, heldOn: "2026-05-18", place: "管委会", description: null });
    await makeAgreement(c.buyerEnterprise.id, c.sellerEnterprise.id, { eventId: event.id, lines: [{ amountCny: "1500000.00" }] });
    await makeAgreement(c.buyerEnterprise.id, c.outsiderEnterprise.id, { eventId: event.id, lines: [{ amountCny: "500000.50" }] });
    await makeAgreement(c.buyerEnterprise.id, c.outsiderEnterprise.id, { eventId: event.id, status: "draft", lines: [{ amountCny: "9.00" }] });
    const view = await getEvent(db(), c.buyer.actor, { id: event.id, page: 1, pageSize: 20 });
    expect(view.figures).toEqual({ agreements: 2, amountCny: "2000000.50", enterprises: 3 });
    // the buyer is a party to all three
    expect(view.agreements?.items).toHaveLength(3);
    expect((await getEvent(db(), c.seller.actor, { id: event.id, page: 1, pageSize: 20 })).agreements?.items).toHaveLength(1);
    expect((await listEvents(db(), c.staff.actor, { parkId: c.park.id })).items.map((e) => e.id)).toEqual([event.id]);
    await expect(createEvent(db(), c.buyer.actor, { parkId: c.park.id, name: "企业办会", heldOn: undefined, place: null, description: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createEvent(db(), c.staff.actor, { parkId: c.park.id, name: `对接会${c.product.id}`, heldOn: undefined, place: null, description: null })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
