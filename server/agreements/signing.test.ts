import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { agreements, auditLog, callOffOrders, enterprises, licences, notifications } from "@/db/schema";
import { todayInChina } from "@/server/compliance/compliance";
import { makeAgreement, makeDealCast, makeLicence, makePark, makeUser, pickSubstance } from "@/server/testing/factories";
import type { CreateAgreementInput } from "./agreement.schemas";
import { addCallOff } from "./add-call-off";
import { changeAgreementStatus } from "./change-agreement-status";
import { confirmSigning } from "./confirm-signing";
import { createAgreement } from "./create-agreement";
import { getAgreement } from "./get-agreement";
import { proposeSigning } from "./propose-signing";
import { recordDelivery } from "./record-delivery";
import { updateDraftAgreement } from "./update-draft-agreement";

const db = () => getDb();
const today = () => todayInChina();

/** The usual deal cast plus an admin and a plain staff member of the buyer, and an admin and a procurement user of the seller. */
async function cast(options: Parameters<typeof makeDealCast>[0] = {}) {
  const c = await makeDealCast(options);
  const [buyerAdmin, buyerStaff, sellerAdmin, sellerProcurement] = await Promise.all([
    makeUser({ enterpriseId: c.buyerEnterprise.id, role: "admin" }),
    makeUser({ enterpriseId: c.buyerEnterprise.id, role: "staff" }),
    makeUser({ enterpriseId: c.sellerEnterprise.id, role: "admin" }),
    makeUser({ enterpriseId: c.sellerEnterprise.id, role: "procurement" }),
  ]);
  return { ...c, buyerAdmin, buyerStaff, sellerAdmin, sellerProcurement };
}
type Cast = Awaited<ReturnType<typeof cast>>;

const draftInput = (c: Cast, lines: CreateAgreementInput["lines"] = [{ cas: null, productName: "甘油", volumeT: 10, unitPriceCny: 6800, amountCny: null }]): CreateAgreementInput => ({
  type: "contract", title: "签约测试合同", buyerEnterpriseId: c.buyerEnterprise.id, sellerEnterpriseId: c.sellerEnterprise.id, status: "draft", lines,
});

async function draft(c: Cast, lines?: CreateAgreementInput["lines"]) {
  return (await createAgreement(db(), c.buyer.actor, draftInput(c, lines))).id;
}

const statusOf = async (id: number) => (await db().select({ status: agreements.status }).from(agreements).where(eq(agreements.id, id)))[0]!.status;

describe("creating a signed agreement", () => {
  it("refuses a party's member asking for `signed`, whatever their role, and writes nothing", async () => {
    const c = await cast();
    for (const member of [c.buyer, c.buyerAdmin, c.seller, c.sellerAdmin]) {
      const title = `伪造已签协议${member.user.id}`;
      await expect(createAgreement(db(), member.actor, { ...draftInput(c), title, status: "signed", signedOn: today() }))
        .rejects.toMatchObject({ code: "FORBIDDEN", messages: { zh: expect.stringContaining("园区的工作人员"), en: expect.stringContaining("park") } });
      expect(await db().select().from(agreements).where(eq(agreements.title, title))).toEqual([]);
    }
  });

  it("lets the staff of a party's park record it signed, but not the staff of another park", async () => {
    const c = await cast();
    const created = await createAgreement(db(), c.staff.actor, { ...draftInput(c), status: "signed", signedOn: today() });
    expect(await statusOf(created.id)).toBe("signed");
    const otherStaff = await makeUser({ parkId: (await makePark()).id });
    await expect(createAgreement(db(), otherStaff.actor, { ...draftInput(c), status: "signed", signedOn: today() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createAgreement(db(), c.staff.actor, { ...draftInput(c), status: "signed", signedOn: "2999-01-01" })).rejects.toMatchObject({ code: "INVALID" });
  });
});

describe("two-step signing between the parties", () => {
  it("a party cannot sign alone; the other party's admin confirms it, both steps audited and announced", async () => {
    const c = await cast();
    const id = await draft(c);
    // no one signs directly but park staff
    for (const member of [c.buyer, c.buyerAdmin, c.sellerAdmin]) {
      await expect(changeAgreementStatus(db(), member.actor, { id, to: "signed" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(confirmSigning(db(), c.sellerAdmin.actor, { id, totalAmountCny: "68000.00" })).rejects.toMatchObject({ code: "CONFLICT" });

    await proposeSigning(db(), c.buyer.actor, { id });
    await expect(proposeSigning(db(), c.sellerAdmin.actor, { id })).rejects.toMatchObject({ code: "CONFLICT" });
    // the proposing side cannot confirm, not even its admin
    for (const member of [c.buyer, c.buyerAdmin]) {
      await expect(confirmSigning(db(), member.actor, { id, totalAmountCny: "68000.00" }))
        .rejects.toMatchObject({ code: "FORBIDDEN", messages: { zh: expect.stringContaining("对方") } });
    }
    // the other side's non-admins cannot either
    for (const member of [c.seller, c.sellerProcurement]) {
      await expect(confirmSigning(db(), member.actor, { id, totalAmountCny: "68000.00" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    // the total the confirmer was shown must still hold
    await expect(confirmSigning(db(), c.sellerAdmin.actor, { id, totalAmountCny: "1.00" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await statusOf(id)).toBe("draft");

    await confirmSigning(db(), c.sellerAdmin.actor, { id, totalAmountCny: "68000.00" });
    const [row] = await db().select().from(agreements).where(eq(agreements.id, id));
    expect(row).toMatchObject({
      status: "signed", signedOn: today(), proposedBy: c.buyer.user.id, proposedByEnterpriseId: c.buyerEnterprise.id, confirmedBy: c.sellerAdmin.user.id,
    });
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.entity, "agreement"), eq(auditLog.entityId, String(id)))).orderBy(asc(auditLog.id));
    expect(audit.map((a) => [a.action, a.actorUserId])).toEqual([["create", c.buyer.user.id], ["propose", c.buyer.user.id], ["confirm", c.sellerAdmin.user.id]]);
    const toSeller = await db().select().from(notifications).where(and(eq(notifications.enterpriseId, c.sellerEnterprise.id), eq(notifications.kind, "agreement.proposed")));
    expect(toSeller).toHaveLength(1);
    const toBuyer = await db().select().from(notifications).where(and(eq(notifications.enterpriseId, c.buyerEnterprise.id), eq(notifications.kind, "agreement.status")));
    expect(toBuyer).toHaveLength(1);
    await expect(confirmSigning(db(), c.sellerAdmin.actor, { id, totalAmountCny: "68000.00" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("editing a proposed draft withdraws the proposal", async () => {
    const c = await cast();
    const id = await draft(c);
    await proposeSigning(db(), c.seller.actor, { id });
    await updateDraftAgreement(db(), c.seller.actor, { id, type: "contract", title: "签约测试合同", lines: [{ cas: null, productName: "甘油", amountCny: 99_000_000 }] });
    const [row] = await db().select().from(agreements).where(eq(agreements.id, id));
    expect(row).toMatchObject({ status: "draft", proposedBy: null, proposedByEnterpriseId: null, proposedAt: null });
    await expect(confirmSigning(db(), c.buyerAdmin.actor, { id, totalAmountCny: "99000000.00" }))
      .rejects.toMatchObject({ code: "CONFLICT", messages: { zh: expect.stringContaining("尚未提交") } });
    expect((await getAgreement(db(), c.buyerAdmin.actor, id)).allowed).toMatchObject({ propose: true, confirm: false });
  });

  it("only an admin, the buyer's procurement or the seller's staff propose", async () => {
    const c = await cast();
    const id = await draft(c);
    for (const member of [c.buyerStaff, c.sellerProcurement]) {
      await expect(proposeSigning(db(), member.actor, { id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await getAgreement(db(), c.buyerStaff.actor, id)).allowed.propose).toBe(false);
    // park staff record a signing rather than propose one
    await expect(proposeSigning(db(), c.staff.actor, { id })).rejects.toMatchObject({ code: "FORBIDDEN", messages: { zh: expect.stringContaining("园区工作人员") } });
    await proposeSigning(db(), c.sellerAdmin.actor, { id });
    expect((await getAgreement(db(), c.buyerAdmin.actor, id)).signing.proposedBySide).toBe("seller");
  });

  it("refuses members of an unverified enterprise to propose or confirm, with the reason", async () => {
    const c = await cast({ verified: false });
    const id = await draft(c);
    await expect(proposeSigning(db(), c.buyer.actor, { id }))
      .rejects.toMatchObject({ code: "FORBIDDEN", messages: { zh: expect.stringContaining("已认证企业"), en: expect.stringContaining("verified") } });
    expect((await getAgreement(db(), c.buyer.actor, id)).signing.blocked).toMatchObject({ zh: expect.stringContaining("已认证企业") });

    // verified when proposed, the seller's verification withdrawn before the buyer confirms
    const v = await cast();
    const other = await draft(v);
    await proposeSigning(db(), v.seller.actor, { id: other });
    await db().update(enterprises).set({ verifiedAt: null }).where(eq(enterprises.id, v.sellerEnterprise.id));
    await expect(confirmSigning(db(), v.buyerAdmin.actor, { id: other, totalAmountCny: "68000.00" }))
      .rejects.toMatchObject({ code: "FORBIDDEN", messages: { zh: expect.stringContaining(v.sellerEnterprise.name) } });
    expect(await statusOf(other)).toBe("draft");
  });
});

describe("controlled-substance lines", () => {
  it("cannot be signed without the buyer's verified, valid licence, and pass with it", async () => {
    const c = await cast();
    const toxic = await pickSubstance("highly_toxic");
    const line = [{ cas: toxic.cas, productName: toxic.nameZh, volumeT: 5, unitPriceCny: 20000, amountCny: null }];
    const id = await draft(c, line);
    await expect(proposeSigning(db(), c.buyer.actor, { id }))
      .rejects.toMatchObject({ code: "FORBIDDEN", messages: { zh: expect.stringContaining("剧毒"), en: expect.stringContaining("licence") } });
    // park staff cannot record it signed either
    await expect(changeAgreementStatus(db(), c.staff.actor, { id, to: "signed" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createAgreement(db(), c.staff.actor, { ...draftInput(c, line), status: "signed", signedOn: today() })).rejects.toMatchObject({ code: "FORBIDDEN" });

    // a licence not verified, or expired, does not count
    await makeLicence(c.buyerEnterprise.id, { type: "highly_toxic", verifiedAt: null });
    await makeLicence(c.buyerEnterprise.id, { type: "highly_toxic", validUntil: "2020-01-01" });
    await expect(proposeSigning(db(), c.buyer.actor, { id })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const licence = await makeLicence(c.buyerEnterprise.id, { type: "highly_toxic" });
    await proposeSigning(db(), c.buyer.actor, { id });
    // a licence withdrawn between proposal and confirmation stops the confirmation
    await db().update(licences).set({ verifiedAt: null }).where(eq(licences.id, licence.id));
    await expect(confirmSigning(db(), c.sellerAdmin.actor, { id, totalAmountCny: "100000.00" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await statusOf(id)).toBe("draft");
    await db().update(licences).set({ verifiedAt: new Date() }).where(eq(licences.id, licence.id));
    await confirmSigning(db(), c.sellerAdmin.actor, { id, totalAmountCny: "100000.00" });
    expect(await statusOf(id)).toBe("signed");
  });

  it("recognises a controlled substance named without its CAS, and an explosive precursor", async () => {
    const c = await cast();
    const toxic = await pickSubstance("highly_toxic");
    const byName = await draft(c, [{ cas: null, productName: toxic.nameZh, amountCny: 1000 }]);
    await expect(proposeSigning(db(), c.buyer.actor, { id: byName })).rejects.toMatchObject({ code: "FORBIDDEN", messages: { zh: expect.stringContaining("剧毒") } });

    const explosive = await pickSubstance("explosive");
    const id = await draft(c, [{ cas: explosive.cas, productName: explosive.nameZh, amountCny: 1000 }]);
    await makeLicence(c.buyerEnterprise.id, { type: "highly_toxic" });
    await expect(proposeSigning(db(), c.buyer.actor, { id })).rejects.toMatchObject({ code: "FORBIDDEN", messages: { zh: expect.stringContaining("易制爆") } });
    await makeLicence(c.buyerEnterprise.id, { type: "explosive_precursor" });
    await proposeSigning(db(), c.buyer.actor, { id });
    expect((await getAgreement(db(), c.sellerAdmin.actor, id)).allowed.confirm).toBe(true);
  });
});

describe("roles after signing", () => {
  async function active(c: Cast) {
    const a = await makeAgreement(c.buyerEnterprise.id, c.sellerEnterprise.id, { type: "framework", status: "active", signedOn: today(), lines: [{ amountCny: "1000.00", volumeT: "100.000" }] });
    return a.id;
  }

  it("call-offs are the buyer's admin's and procurement's (and park staff's)", async () => {
    const c = await cast();
    const id = await active(c);
    const input = { agreementId: id, orderedT: 1, orderedOn: today(), allowExcess: false };
    for (const member of [c.seller, c.sellerAdmin, c.buyerStaff]) {
      await expect(addCallOff(db(), member.actor, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    for (const member of [c.buyer, c.buyerAdmin, c.staff]) await addCallOff(db(), member.actor, input);
    expect(await db().select().from(callOffOrders).where(eq(callOffOrders.agreementId, id))).toHaveLength(3);
    expect((await getAgreement(db(), c.seller.actor, id)).allowed.callOff).toBe(false);
  });

  it("deliveries are the seller's admin's and staff's (and park staff's)", async () => {
    const c = await cast();
    const id = await active(c);
    const callOff = await addCallOff(db(), c.buyer.actor, { agreementId: id, orderedT: 10, orderedOn: today(), allowExcess: false });
    const input = { callOffId: callOff.id, deliveredT: 3, deliveredOn: today() };
    for (const member of [c.buyer, c.buyerAdmin, c.sellerProcurement]) {
      await expect(recordDelivery(db(), member.actor, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    for (const member of [c.seller, c.sellerAdmin, c.staff]) await recordDelivery(db(), member.actor, input);
    expect((await getAgreement(db(), c.buyer.actor, id)).allowed.delivery).toBe(false);
  });

  it("activate, complete and terminate are the parties' admins' (and park staff's)", async () => {
    const c = await cast();
    const signed = (await makeAgreement(c.buyerEnterprise.id, c.sellerEnterprise.id, { status: "signed" })).id;
    for (const to of ["active", "terminated"] as const) {
      for (const member of [c.buyer, c.buyerStaff, c.seller, c.sellerProcurement]) {
        await expect(changeAgreementStatus(db(), member.actor, { id: signed, to })).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
    }
    expect((await getAgreement(db(), c.buyer.actor, signed)).allowed.transitions).toEqual([]);
    expect((await getAgreement(db(), c.sellerAdmin.actor, signed)).allowed.transitions).toEqual(["active", "terminated"]);
    await changeAgreementStatus(db(), c.sellerAdmin.actor, { id: signed, to: "active" });
    await expect(changeAgreementStatus(db(), c.seller.actor, { id: signed, to: "completed" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await changeAgreementStatus(db(), c.buyerAdmin.actor, { id: signed, to: "completed" });
    const other = (await makeAgreement(c.buyerEnterprise.id, c.sellerEnterprise.id, { status: "active" })).id;
    await changeAgreementStatus(db(), c.staff.actor, { id: other, to: "terminated" });
    expect(await statusOf(other)).toBe("terminated");
  });
});

describe("bounds", () => {
  it("refuses amounts, prices and volumes beyond the limits in create and edit, with the reason", async () => {
    const c = await cast();
    const cases: [CreateAgreementInput["lines"], string][] = [
      [[{ cas: null, productName: "甘油", volumeT: 100_000_001, unitPriceCny: 1, amountCny: null }], "1 亿吨"],
      [[{ cas: null, productName: "甘油", volumeT: 1, unitPriceCny: 100_000_001, amountCny: null }], "1 亿元/吨"],
      [[{ cas: null, productName: "甘油", amountCny: 10_000_000_000_000 }], "1,000 亿元"],
      [[{ cas: null, productName: "甘油", amountCny: 60_000_000_000 }, { cas: null, productName: "运费", amountCny: 60_000_000_000 }], "1,000 亿元"],
    ];
    const id = await draft(c);
    for (const [lines, message] of cases) {
      await expect(createAgreement(db(), c.buyer.actor, draftInput(c, lines))).rejects.toMatchObject({ code: "INVALID", messages: { zh: expect.stringContaining(message) } });
      await expect(createAgreement(db(), c.staff.actor, { ...draftInput(c, lines), status: "signed", signedOn: today() })).rejects.toMatchObject({ code: "INVALID" });
      await expect(updateDraftAgreement(db(), c.buyer.actor, { id, type: "contract", title: "越界修改", lines })).rejects.toMatchObject({ code: "INVALID", messages: { zh: expect.stringContaining(message) } });
    }
    // the limit itself is allowed
    await createAgreement(db(), c.buyer.actor, draftInput(c, [{ cas: null, productName: "甘油", amountCny: 100_000_000_000 }]));
  });

  it("refuses call-offs and deliveries beyond the limits and tolerances", async () => {
    const c = await cast();
    const { id } = await makeAgreement(c.buyerEnterprise.id, c.sellerEnterprise.id, { type: "framework", status: "active", signedOn: today(), lines: [{ amountCny: "1000.00", volumeT: "100.000" }] });
    const noVolume = await makeAgreement(c.buyerEnterprise.id, c.sellerEnterprise.id, { type: "framework", status: "active", signedOn: today(), lines: [{ amountCny: "1000.00", volumeT: null }] });
    await expect(addCallOff(db(), c.buyer.actor, { agreementId: noVolume.id, orderedT: 100_000_001, orderedOn: today(), allowExcess: true }))
      .rejects.toMatchObject({ code: "INVALID", messages: { zh: expect.stringContaining("1 亿吨") } });
    // beyond the agreed volume only with the warning acknowledged, and never beyond 110 %
    await expect(addCallOff(db(), c.buyer.actor, { agreementId: id, orderedT: 110.001, orderedOn: today(), allowExcess: true }))
      .rejects.toMatchObject({ code: "INVALID", messages: { zh: expect.stringContaining("110%") } });
    const callOff = await addCallOff(db(), c.buyer.actor, { agreementId: id, orderedT: 110, orderedOn: today(), allowExcess: true });
    await expect(recordDelivery(db(), c.seller.actor, { callOffId: callOff.id, deliveredT: 121.1, deliveredOn: today() }))
      .rejects.toMatchObject({ code: "INVALID", messages: { zh: expect.stringContaining("10%") } });
    await expect(recordDelivery(db(), c.seller.actor, { callOffId: callOff.id, deliveredT: 100_000_001, deliveredOn: today() }))
      .rejects.toMatchObject({ code: "INVALID", messages: { zh: expect.stringContaining("1 亿吨") } });
    await recordDelivery(db(), c.seller.actor, { callOffId: callOff.id, deliveredT: 121, deliveredOn: today() });
  });
});
