import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { createCaller } from "@/server/api/root";
import { makeDemand, makeOffer, makeParkWithTwoEnterprises, makeProduct, pickSubstance } from "@/server/testing/factories";

const inDays = (days: number) => new Date(Date.now() + (8 * 3600 + days * 86_400) * 1000).toISOString().slice(0, 10);

describe("demands", () => {
  it("are posted, edited, closed and reposted by their enterprise, with the dictionary filling in the CAS", async () => {
    const substance = await pickSubstance("plain");
    const { a, adminA } = await makeParkWithTwoEnterprises();
    const c = createCaller({ db: getDb(), actor: adminA.actor });
    const posted = await c.demand.create({
      enterpriseId: a.id, substanceName: substance.nameZh, quantity: 12.5, unit: "t", grade: "reagent", minPurityPct: 99.5,
      deliveryFrom: inDays(5), deliveryTo: inDays(40), place: "园区自提", targetPriceCnyPerUnit: 6800, recurrence: "monthly", expiresOn: inDays(30),
    });
    expect(posted).toMatchObject({ cas: substance.cas, status: "open", quantity: "12.500", grade: "reagent", recurrence: "monthly" });
    const edited = await c.demand.update({ id: posted.id, substanceName: substance.nameZh, cas: substance.cas.replace(/-/g, ""), quantity: 20, expiresOn: inDays(45) });
    expect(edited).toMatchObject({ cas: substance.cas, quantity: "20.000", grade: null });
    await c.demand.close({ id: posted.id });
    expect((await c.demand.get({ id: posted.id })).allowed).toMatchObject({ edit: false, repost: true });
    await expect(c.demand.update({ id: posted.id, substanceName: "x", quantity: 1, expiresOn: inDays(3) })).rejects.toMatchObject({ code: "CONFLICT" });
    await c.demand.repost({ id: posted.id, until: inDays(60) });
    expect(await c.demand.get({ id: posted.id })).toMatchObject({ status: "open", expiresOn: inDays(60) });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["a zero quantity", { quantity: 0 }, "quantity", "listing.quantity_positive"],
    ["a missing quantity", { quantity: undefined }, "quantity", "field.required"],
    ["a bad CAS check digit", { cas: "67-63-1" }, "cas", "listing.cas_invalid"],
    ["purity over 100", { minPurityPct: 101 }, "minPurityPct", "field.too_large?max=100"],
    ["a past expiry", { expiresOn: inDays(-2) }, "expiresOn", "listing.expiry_past"],
    ["a delivery window the wrong way round", { deliveryFrom: inDays(9), deliveryTo: inDays(2) }, "deliveryTo", "listing.window_order"],
    ["an unknown grade", { grade: "ultra" }, "grade", "field.invalid_option"],
    ["a name too long", { substanceName: "x".repeat(121) }, "substanceName", "field.too_long?max=120"],
    ["a negative target price", { targetPriceCnyPerUnit: -1 }, "targetPriceCnyPerUnit", "field.too_small?min=0"],
  ])("refuses %s with a field message", async (_, change, field, key) => {
    const { a, adminA } = await makeParkWithTwoEnterprises();
    const c = createCaller({ db: getDb(), actor: adminA.actor });
    const error = await c.demand.create({ enterpriseId: a.id, substanceName: "甲苯", quantity: 5, expiresOn: inDays(10), ...change } as never).catch((e) => e);
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.shape?.data?.zodError?.fieldErrors?.[field] ?? error.cause?.issues?.map((i: { message: string }) => i.message)).toContain(key);
  });

  it("expire on their date, and the list says so", async () => {
    const { a, adminA } = await makeParkWithTwoEnterprises();
    const old = await makeDemand(a.id, { expiresOn: inDays(-1) });
    const list = await createCaller({ db: getDb(), actor: adminA.actor }).demand.list({ enterpriseId: a.id, status: "expired" });
    expect(list.items.map((d) => d.id)).toContain(old.id);
    expect(list.items.find((d) => d.id === old.id)!.status).toBe("expired");
  });
});

describe("supply offers and by-products", () => {
  it("offer only the enterprise's own current products, expire, and are reposted", async () => {
    const { a, b, adminA } = await makeParkWithTwoEnterprises();
    const c = createCaller({ db: getDb(), actor: adminA.actor });
    const mine = await makeProduct(a.id);
    const theirs = await makeProduct(b.id);
    await expect(c.offer.create({ enterpriseId: a.id, productId: theirs.id, quantity: 5, validUntil: inDays(10) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const offer = await c.offer.create({ enterpriseId: a.id, productId: mine.id, quantity: 5, priceCnyPerUnit: 4200, validFrom: inDays(0), validUntil: inDays(10) });
    expect(offer.status).toBe("open");
    await expect(c.offer.create({ enterpriseId: a.id, productId: mine.id, quantity: 5, validFrom: inDays(10), validUntil: inDays(5) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const lapsed = await makeOffer(a.id, mine.id, { validUntil: inDays(-3) });
    const list = await c.offer.list({ enterpriseId: a.id });
    expect(list.items.find((o) => o.id === lapsed.id)!.status).toBe("expired");
    await c.offer.repost({ id: lapsed.id, until: inDays(30) });
    expect((await c.offer.get({ id: lapsed.id })).status).toBe("open");
  });

  it("list by-products with a validated hazardous waste code", async () => {
    const { a, adminA } = await makeParkWithTwoEnterprises();
    const c = createCaller({ db: getDb(), actor: adminA.actor });
    const listed = await c.byproduct.create({ enterpriseId: a.id, name: "废甲醇", cas: "67561", wasteCode: "hw06  900-404-06", composition: "甲醇 85%", monthlyVolumeT: 60 });
    expect(listed).toMatchObject({ cas: "67-56-1", wasteCode: "HW06 900-404-06", status: "open" });
    await expect(c.byproduct.create({ enterpriseId: a.id, name: "废酸", wasteCode: "HW99", monthlyVolumeT: 5 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await c.byproduct.close({ id: listed.id });
    await expect(c.byproduct.update({ id: listed.id, name: "废甲醇", monthlyVolumeT: 50 })).rejects.toMatchObject({ code: "CONFLICT" });
    await c.byproduct.repost({ id: listed.id });
    expect((await c.byproduct.get({ id: listed.id })).status).toBe("open");
  });
});
