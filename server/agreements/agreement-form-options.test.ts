import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { makeAgreement, makeDealCast, makeUser } from "@/server/testing/factories";
import { agreementFormOptions } from "./agreement-form-options";
import { getAgreement } from "./get-agreement";
import { listAgreements } from "./list-agreements";

const db = () => getDb();

describe("what the agreement pages offer comes from the policy", () => {
  it("the form offers 'signed' and the list offers 'new' exactly to who may do it for the deals they can name", async () => {
    const c = await makeDealCast();
    const scope = { buyer: { enterpriseId: c.buyerEnterprise.id, parkId: c.park.id }, seller: { enterpriseId: c.sellerEnterprise.id, parkId: c.park.id } };
    const actors: [string, Actor, { recordSigned: boolean; create: boolean }][] = [
      ["buyer's procurement", c.buyer.actor, { recordSigned: false, create: true }],
      ["seller's staff", c.seller.actor, { recordSigned: false, create: true }],
      ["park staff", c.staff.actor, { recordSigned: true, create: true }],
      ["signed-in user of no enterprise or park", (await makeUser()).actor, { recordSigned: false, create: false }],
      ["platform admin", (await makeUser({ admin: true })).actor, { recordSigned: true, create: true }],
    ];
    for (const [who, actor, expected] of actors) {
      const options = await agreementFormOptions(db(), actor);
      const list = await listAgreements(db(), actor, { page: 1, pageSize: 1 });
      expect({ recordSigned: options.allowed.recordSigned, create: list.allowed.create }, who).toEqual(expected);
      expect(options.allowed.recordSigned, who).toBe(can(actor, { type: "agreement.recordSignedAny" }));
      expect(list.allowed.create, who).toBe(can(actor, { type: "agreement.createAny" }));
      // for the pair of this cast, the per-deal rule says the same as the page-wide one
      if (who !== "signed-in user of no enterprise or park") {
        expect(can(actor, { type: "agreement.recordSigned", ...scope }), who).toBe(expected.recordSigned);
        expect(can(actor, { type: "agreement.create", ...scope }), who).toBe(expected.create);
      }
    }
  });

  it("an agreement page's buttons are the policy's answer for its parties, given its state", async () => {
    const c = await makeDealCast();
    const draft = await makeAgreement(c.buyerEnterprise.id, c.sellerEnterprise.id, { type: "framework", status: "draft", signedOn: null });
    const scope = { buyer: { enterpriseId: c.buyerEnterprise.id, parkId: c.park.id }, seller: { enterpriseId: c.sellerEnterprise.id, parkId: c.park.id } };
    for (const actor of [c.buyer.actor, c.seller.actor, c.staff.actor]) {
      const { allowed } = await getAgreement(db(), actor, draft.id);
      const manage = can(actor, { type: "agreement.manage", ...scope });
      expect(allowed.manage).toBe(manage);
      expect(allowed.edit).toBe(manage);
      expect(allowed.transitions).toEqual((["signed", "terminated"] as const).filter((to) =>
        to === "signed" ? can(actor, { type: "agreement.recordSigned", ...scope }) : can(actor, { type: "agreement.changeStatus", to, ...scope })));
      // a draft takes neither call-offs nor deliveries, whoever looks
      expect(allowed.callOff).toBe(false);
      expect(allowed.delivery).toBe(false);
    }
  });
});
