import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { matches, notifications } from "@/db/schema";
import { createCaller } from "@/server/api/root";
import { drainAll } from "@/server/jobs/outbox";
import { MATCH_HANDLERS } from "@/server/matching/handlers";
import { refreshDemandMatches } from "@/server/matching/refresh";
import {
  makeDemand, makeEnterprise, makeLicence, makeParkWithTwoEnterprises, makeProduct, makeUser, pickSubstance,
} from "@/server/testing/factories";
import { licenceState } from "./licence.service";

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]).toString("base64");
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("licences on file", () => {
  it("are recorded with a scanned copy kept in PostgreSQL, verified by park staff, and the enterprise is told", async () => {
    const { a, adminA, staff } = await makeParkWithTwoEnterprises();
    const asAdmin = createCaller({ db: getDb(), actor: adminA.actor });
    const asStaff = createCaller({ db: getDb(), actor: staff.actor });
    const added = await asAdmin.licence.add({
      enterpriseId: a.id, type: "hazardous_trade", number: "苏通危化经字[2026]00001", scope: "甲苯、二甲苯",
      validUntil: inDays(400), document: { filename: "licence.png", contentType: "image/png", content: png },
    });
    let list = await asAdmin.licence.list({ enterpriseId: a.id });
    expect(list.items[0]).toMatchObject({ number: "苏通危化经字[2026]00001", verifiedAt: null, state: "valid", document: { filename: "licence.png", sizeBytes: 72 } });
    expect(list.allowed).toEqual({ manage: true, verify: false });
    expect((await asStaff.licence.document({ id: added.id })).content).toBe(png);

    await asStaff.licence.setVerified({ id: added.id, verified: true });
    list = await asAdmin.licence.list({ enterpriseId: a.id });
    expect(list.items[0]!.verifiedAt).not.toBeNull();
    const told = await getDb().select().from(notifications).where(and(eq(notifications.enterpriseId, a.id), eq(notifications.kind, "licence.verified")));
    expect(told).toHaveLength(1);

    // changing it sends it back to park staff
    await asAdmin.licence.update({ id: added.id, number: "苏通危化经字[2026]00001", scope: "甲苯", validUntil: inDays(400) });
    expect((await asAdmin.licence.list({ enterpriseId: a.id })).items[0]!.verifiedAt).toBeNull();
    await asAdmin.licence.remove({ id: added.id });
    expect((await asAdmin.licence.list({ enterpriseId: a.id })).items).toEqual([]);
  });

  it("refuses a scanned copy that is not what it says, a duplicate number, and a missing number", async () => {
    const { a, adminA } = await makeParkWithTwoEnterprises();
    const asAdmin = createCaller({ db: getDb(), actor: adminA.actor });
    await expect(asAdmin.licence.add({
      enterpriseId: a.id, type: "safety_production", number: "X-1", document: { filename: "x.pdf", contentType: "application/pdf", content: png },
    })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("not a valid PDF") });
    await asAdmin.licence.add({ enterpriseId: a.id, type: "safety_production", number: "X-1" });
    await expect(asAdmin.licence.add({ enterpriseId: a.id, type: "safety_production", number: "X-1" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(asAdmin.licence.add({ enterpriseId: a.id, type: "safety_production", number: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it.each<[string | null, string]>([
    [null, "no_expiry"], ["2026-11-22", "expired"], ["2026-11-23", "expiring"], ["2026-12-23", "expiring"], ["2026-12-24", "valid"],
  ])("on 2026-11-23 a licence valid until %s reads as %s", (until, state) => {
    expect(licenceState(until, "2026-11-23")).toBe(state);
  });

  it("enforces expiry on matching: verifying the buyer's permit clears needs_licence through the background refresh", async () => {
    const substance = await pickSubstance("highly_toxic");
    const { park, a: buyer, b: seller, staff } = await makeParkWithTwoEnterprises();
    await makeLicence(seller.id, { type: "hazardous_trade" });
    await makeProduct(seller.id, { cas: substance.cas });
    const demand = await makeDemand(buyer.id, { cas: substance.cas, substanceName: substance.nameZh });
    await refreshDemandMatches(getDb(), [demand.id]);
    const stateOf = async () => (await getDb().select().from(matches).where(eq(matches.demandId, demand.id)))[0]!.compliance;
    expect(await stateOf()).toBe("needs_licence");

    const permit = await makeLicence(buyer.id, { type: "highly_toxic", verifiedAt: null });
    await createCaller({ db: getDb(), actor: staff.actor }).licence.setVerified({ id: permit.id, verified: true });
    await drainAll(getDb(), MATCH_HANDLERS, { timeoutMs: 20_000 });
    expect(await stateOf()).toBe("ok");

    // park staff's to-do list names suppliers of controlled substances without a licence on file
    const unfiled = await makeEnterprise({ parkId: park.id });
    await makeProduct(unfiled.id, { cas: substance.cas, name: "未备案产品" });
    const todo = await createCaller({ db: getDb(), actor: staff.actor }).licence.parkTodo({ parkId: park.id });
    expect(todo.suppliers.find((s) => s.enterprise.id === unfiled.id)).toMatchObject({ state: "licence_missing", products: ["未备案产品"] });
    expect(todo.suppliers.some((s) => s.enterprise.id === seller.id)).toBe(false);
    const user = await makeUser({ enterpriseId: buyer.id });
    await expect(createCaller({ db: getDb(), actor: user.actor }).licence.parkTodo({ parkId: park.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
