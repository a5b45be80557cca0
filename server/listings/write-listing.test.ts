import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { byproducts, demands, supplyOffers } from "@/db/schema";
import { todayInChina } from "@/server/compliance/compliance";
import { makeEnterprise, makeProduct, makeUser } from "@/server/testing/factories";
import { inRolledBackTransaction, tracesOf } from "@/server/testing/traces";
import { expireListingRecords, insertByproduct, insertDemand, insertOffer, updateDemandRecord, updateOfferRecord } from "./write-listing";

const db = () => getDb();
const day = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe("the listing writer", () => {
  it("writes demands, offers and by-products with their audit entry and outbox rows in the caller's transaction, all or none", async () => {
    const enterprise = await makeEnterprise();
    const { actor, user } = await makeUser({ enterpriseId: enterprise.id, role: "admin" });
    const product = await makeProduct(enterprise.id);

    const inside = await inRolledBackTransaction(db(), async (tx) => {
      const demand = await insertDemand(tx, actor, enterprise.id, { substanceName: "异丙醇", cas: "67630", quantity: 20, expiresOn: day(30) }, { status: "open" });
      const offer = await insertOffer(tx, actor, enterprise.id, { productId: product.id, quantity: 50, validUntil: day(30) }, { status: "draft" });
      const byproduct = await insertByproduct(tx, actor, enterprise.id, { name: "副产盐酸", wasteCode: "hw34  900-300-34", monthlyVolumeT: 80 }, { status: "open" });
      return {
        demand, offer, byproduct,
        traces: [
          await tracesOf(tx, { audit: "demand", event: "demands", id: demand.id }),
          await tracesOf(tx, { audit: "supply_offer", event: "offers", id: offer.id }),
          await tracesOf(tx, { audit: "byproduct", event: "byproducts", id: byproduct.id }),
        ],
      };
    });
    expect(inside.demand).toMatchObject({ cas: "67-63-0", quantity: "20.000", createdBy: user.id, status: "open" });
    expect(inside.byproduct.wasteCode).toBe("HW34 900-300-34");
    expect(inside.traces).toEqual([
      { audit: ["create"], actors: [user.id], outbox: ["demands:match"] },
      { audit: ["create"], actors: [user.id], outbox: ["offers:match"] },
      { audit: ["create"], actors: [user.id], outbox: ["byproducts:match"] },
    ]);
    expect(await db().select().from(demands).where(eq(demands.id, inside.demand.id))).toEqual([]);
    expect(await db().select().from(supplyOffers).where(eq(supplyOffers.id, inside.offer.id))).toEqual([]);
    expect(await db().select().from(byproducts).where(eq(byproducts.id, inside.byproduct.id))).toEqual([]);
    expect(await tracesOf(db(), { audit: "demand", event: "demands", id: inside.demand.id })).toEqual({ audit: [], actors: [], outbox: [] });

    // committed, then closed and expired: each change audited and announced
    const demand = await db().transaction((tx) => insertDemand(tx, actor, enterprise.id, { substanceName: "异丙醇", quantity: 20, expiresOn: day(1) }, { status: "open" }));
    await db().transaction((tx) => updateDemandRecord(tx, actor, demand.id, { expiresOn: day(-1) }, { action: "update" }));
    const expired = await db().transaction(async (tx) => {
      const result = await expireListingRecords(tx, actor, { enterpriseId: enterprise.id, today: todayInChina() });
      return { result, traces: await tracesOf(tx, { audit: "demand", event: "demands", id: demand.id }) };
    });
    expect(expired.result).toEqual({ demands: 1, offers: 0 });
    expect(expired.traces.audit).toEqual(["create", "update", "expire"]);
  });

  it("refuses an invalid listing, or an offer of another enterprise's product, whole: nothing written", async () => {
    const [enterprise, other] = await Promise.all([makeEnterprise(), makeEnterprise()]);
    const { actor } = await makeUser({ enterpriseId: enterprise.id, role: "admin" });
    const foreign = await makeProduct(other.id);
    const attempts: [string, () => Promise<unknown>][] = [
      ["window", () => db().transaction((tx) => insertDemand(tx, actor, enterprise.id, { substanceName: "甲苯", quantity: 5, deliveryFrom: day(20), deliveryTo: day(10), expiresOn: day(30) }, { status: "open" }))],
      ["quantity", () => db().transaction((tx) => insertDemand(tx, actor, enterprise.id, { substanceName: "甲苯", quantity: 0, expiresOn: day(30) }, { status: "open" }))],
      ["product", () => db().transaction((tx) => insertOffer(tx, actor, enterprise.id, { productId: foreign.id, quantity: 5, validUntil: day(30) }, { status: "open" }))],
      ["waste code", () => db().transaction((tx) => insertByproduct(tx, actor, enterprise.id, { name: "废液", wasteCode: "HW99", monthlyVolumeT: 5 }, { status: "open" }))],
    ];
    for (const [what, attempt] of attempts) await expect(attempt(), what).rejects.toMatchObject({ code: "INVALID" });
    expect(await db().select().from(demands).where(eq(demands.enterpriseId, enterprise.id))).toEqual([]);
    expect(await db().select().from(supplyOffers).where(eq(supplyOffers.enterpriseId, enterprise.id))).toEqual([]);
    expect(await db().select().from(byproducts).where(eq(byproducts.enterpriseId, enterprise.id))).toEqual([]);

    // a change to another enterprise's product leaves the offer as it was, with no entry
    const own = await makeProduct(enterprise.id);
    const offer = await db().transaction((tx) => insertOffer(tx, actor, enterprise.id, { productId: own.id, quantity: 5, validUntil: day(30) }, { status: "open" }));
    await expect(db().transaction((tx) => updateOfferRecord(tx, actor, offer.id, { productId: foreign.id }))).rejects.toMatchObject({ code: "INVALID" });
    const [after] = await db().select().from(supplyOffers).where(eq(supplyOffers.id, offer.id));
    expect(after!.productId).toBe(own.id);
    expect((await tracesOf(db(), { audit: "supply_offer", event: "offers", id: offer.id })).audit).toEqual(["create"]);
  });
});
