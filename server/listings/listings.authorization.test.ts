import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { createCaller } from "@/server/api/root";
import type { Actor } from "@/server/auth/actor";
import { refreshDemandMatches } from "@/server/matching/refresh";
import {
  makeByproduct, makeDemand, makeOffer, makeParkWithTwoEnterprises, makeProduct, makeUser, pickSubstance,
} from "@/server/testing/factories";

const as = (actor: Actor) => createCaller({ db: getDb(), actor });
const inDays = (days: number) => new Date(Date.now() + (8 * 3600 + days * 86_400) * 1000).toISOString().slice(0, 10);

async function cast() {
  const world = await makeParkWithTwoEnterprises();
  const product = await makeProduct(world.a.id);
  const [demand, draft, offer, byproduct] = await Promise.all([
    makeDemand(world.a.id),
    makeDemand(world.a.id, { status: "draft" }),
    makeOffer(world.a.id, product.id),
    makeByproduct(world.a.id),
  ]);
  return { ...world, product, demand, draft, offer, byproduct };
}
type Cast = Awaited<ReturnType<typeof cast>>;

const demandFields = { substanceName: "甲苯", quantity: 10, expiresOn: inDays(10) };
const offerFields = { quantity: 5, validUntil: inDays(10) };

/** Every listing procedure refuses a user of another enterprise: their demands, drafts, offers and by-products are theirs. */
describe("a user of another enterprise is refused", () => {
  it.each<[string, (c: ReturnType<typeof as>, w: Cast) => Promise<unknown>]>([
    ["demand.list", (c, w) => c.demand.list({ enterpriseId: w.a.id })],
    ["demand.get", (c, w) => c.demand.get({ id: w.demand.id })],
    ["demand.get (a draft)", (c, w) => c.demand.get({ id: w.draft.id })],
    ["demand.create", (c, w) => c.demand.create({ enterpriseId: w.a.id, ...demandFields })],
    ["demand.update", (c, w) => c.demand.update({ id: w.demand.id, ...demandFields })],
    ["demand.close", (c, w) => c.demand.close({ id: w.demand.id })],
    ["demand.repost", (c, w) => c.demand.repost({ id: w.demand.id, until: inDays(20) })],
    ["offer.list", (c, w) => c.offer.list({ enterpriseId: w.a.id })],
    ["offer.get", (c, w) => c.offer.get({ id: w.offer.id })],
    ["offer.products", (c, w) => c.offer.products({ enterpriseId: w.a.id })],
    ["offer.create", (c, w) => c.offer.create({ enterpriseId: w.a.id, productId: w.product.id, ...offerFields })],
    ["offer.update", (c, w) => c.offer.update({ id: w.offer.id, productId: w.product.id, ...offerFields })],
    ["offer.close", (c, w) => c.offer.close({ id: w.offer.id })],
    ["offer.repost", (c, w) => c.offer.repost({ id: w.offer.id, until: inDays(20) })],
    ["byproduct.list", (c, w) => c.byproduct.list({ enterpriseId: w.a.id })],
    ["byproduct.get", (c, w) => c.byproduct.get({ id: w.byproduct.id })],
    ["byproduct.create", (c, w) => c.byproduct.create({ enterpriseId: w.a.id, name: "废酸", monthlyVolumeT: 10 })],
    ["byproduct.update", (c, w) => c.byproduct.update({ id: w.byproduct.id, name: "废酸", monthlyVolumeT: 10 })],
    ["byproduct.close", (c, w) => c.byproduct.close({ id: w.byproduct.id })],
    ["byproduct.repost", (c, w) => c.byproduct.repost({ id: w.byproduct.id })],
  ])("%s", async (_, call) => {
    const w = await cast();
    await expect(call(as(w.adminB.actor), w)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("park staff read the park's listings but do not post for an enterprise", async () => {
    const w = await cast();
    await expect(as(w.staff.actor).demand.get({ id: w.draft.id })).resolves.toMatchObject({ id: w.draft.id, allowed: { edit: false } });
    await expect(as(w.staff.actor).demand.create({ enterpriseId: w.a.id, ...demandFields })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("procurement staff post demands but not supply offers", async () => {
    const w = await cast();
    const buyer = await makeUser({ enterpriseId: w.a.id, role: "procurement" });
    await expect(as(buyer.actor).demand.create({ enterpriseId: w.a.id, ...demandFields })).resolves.toMatchObject({ status: "open" });
    await expect(as(buyer.actor).offer.create({ enterpriseId: w.a.id, productId: w.product.id, ...offerFields })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a draft is matched with nobody and shown to no supplier", async () => {
    const substance = await pickSubstance("plain");
    const w = await makeParkWithTwoEnterprises();
    await makeProduct(w.b.id, { cas: substance.cas });
    const draft = await makeDemand(w.a.id, { cas: substance.cas, substanceName: substance.nameZh, status: "draft" });
    await refreshDemandMatches(getDb(), [draft.id]);
    const seen = await as(w.adminB.actor).match.forSupplier({ enterpriseId: w.b.id });
    expect(seen.items.map((i) => i.demand.id)).not.toContain(draft.id);
  });
});
