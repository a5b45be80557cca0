import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { enterprises, licences, matches, notifications, products } from "@/db/schema";
import { systemActor } from "@/server/auth/actor";
import { createDemand, updateDemand } from "@/server/listings/demand.service";
import { computeAllocation } from "./allocation.service";
import { drainAll, enqueue } from "@/server/jobs/outbox";
import {
  makeByproduct, makeDemand, makeEnterprise, makeFulfilledAgreement, makeLicence, makeOffer, makePark, makeProduct, makeUser, pickSubstance,
} from "@/server/testing/factories";
import { MATCH_HANDLERS } from "./handlers";
import { buyersForSupplier, exploreSuppliers, setMatchDismissed, suppliersForDemand, takersForByproduct } from "./match.service";
import { refreshDemandMatches } from "./refresh";
import type { Notice } from "@/server/notifications/notification.service";

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const view = { inPark: false, fits: false, show: "active" as const, page: 1, pageSize: 100 };
/** What the worker does for a demand posted or changed outside the service (a factory's row): stores its suggestions. */
const suggest = (demandId: number) => MATCH_HANDLERS["demands:match"]!(getDb(), [String(demandId)]);

/** A park with coordinates and a buyer in it, with a procurement user. */
async function buyerInPark(options: { verified?: boolean } = {}) {
  const park = await makePark();
  const buyer = await makeEnterprise({ parkId: park.id, lat: "32.020000", lng: "121.050000", verifiedAt: options.verified === false ? null : new Date() });
  const user = await makeUser({ enterpriseId: buyer.id, role: "procurement" });
  return { park, buyer, user };
}

describe("suppliers for a demand", () => {
  it("ranks an in-park supplier with the exact CAS first, with its reasons, and never the buyer itself", async () => {
    const substance = await pickSubstance("plain");
    const { park, buyer, user } = await buyerInPark();
    const [inPark, aliasOnly, textOnly, outside, tooLow] = await Promise.all([
      makeEnterprise({ parkId: park.id, lat: "32.030000", lng: "121.060000" }),
      makeEnterprise({ parkId: park.id }),
      makeEnterprise({ parkId: park.id }),
      makeEnterprise({ lat: "31.200000", lng: "121.400000" }),
      makeEnterprise({ parkId: park.id }),
    ]);
    const own = await makeProduct(buyer.id, { cas: substance.cas, availableT: "5000" });
    const best = await makeProduct(inPark.id, { cas: substance.cas, availableT: "120" });
    const alias = await makeProduct(aliasOnly.id, { cas: null, name: `${substance.nameZh} 99%` });
    const text = await makeProduct(textOnly.id, { cas: null, name: `高纯${substance.nameZh}溶液` });
    const far = await makeProduct(outside.id, { cas: substance.cas, availableT: "9000" });
    const below = await makeProduct(tooLow.id, { cas: substance.cas, purityPct: "98" });
    await makeFulfilledAgreement(buyer.id, outside.id, substance.cas);

    const demand = await createDemand(getDb(), user.actor, {
      enterpriseId: buyer.id, cas: substance.cas, substanceName: substance.nameZh, quantity: 100, unit: "t", grade: "industrial",
      minPurityPct: 99, deliveryFrom: null, deliveryTo: null, place: null, targetPriceCnyPerUnit: null, recurrence: "once",
      expiresOn: inDays(30), note: null, publish: true,
    });
    const result = await suppliersForDemand(getDb(), user.actor, { ...view, demandId: demand.id });
    const ours = new Set([best.id, alias.id, text.id, far.id, below.id, own.id]);
    const order = result.items.filter((i) => ours.has(i.candidate.productId!)).map((i) => i.candidate.productId);
    expect(order).toEqual([best.id, alias.id, text.id, far.id, below.id]);

    const first = result.items.find((i) => i.candidate.productId === best.id)!;
    expect(first.reasons.map((r) => r.zh).slice(0, 3)).toEqual(["同园区", "CAS一致", "可供量覆盖 120%"]);
    expect(first.supplier).toMatchObject({ id: inPark.id, inPark: true });
    expect(first.compliance).toBe("ok");
    expect(first.contact.href).toBe(`/inquiries/new?match=${first.id}`);
    expect(result.items.find((i) => i.candidate.productId === far.id)!.reasons.map((r) => r.code)).toContain("track_with_buyer");
    expect(result.items.find((i) => i.candidate.productId === below.id)!.reasons.map((r) => r.code)).toContain("purity_below");

    // filters: in-park only, and fitting only
    const inParkOnly = await suppliersForDemand(getDb(), user.actor, { ...view, demandId: demand.id, inPark: true });
    expect(inParkOnly.items.some((i) => i.candidate.productId === far.id)).toBe(false);
    const fitting = await suppliersForDemand(getDb(), user.actor, { ...view, demandId: demand.id, fits: true });
    expect(fitting.items.some((i) => i.candidate.productId === below.id)).toBe(false);

    // the CLI ranks a would-be demand the same way
    const explored = await exploreSuppliers(getDb(), systemActor, {
      buyerUscc: buyer.uscc, cas: substance.cas, quantityT: 100, grade: "industrial", minPurityPct: 99, limit: 200, includeBlocked: false,
    });
    const exploredOrder = explored.candidates.filter((c) => c.product && ours.has(c.product.id!)).map((c) => c.product!.id);
    expect(exploredOrder).toEqual(order);
    expect(explored.candidates[0]!.reasons.zh).toMatch(/^同园区 · CAS一致/);
  });

  it("carries an open supply offer's quantity, price and date on its product", async () => {
    const substance = await pickSubstance("plain");
    const { buyer, user } = await buyerInPark();
    const seller = await makeEnterprise();
    const product = await makeProduct(seller.id, { cas: substance.cas, availableT: "10" });
    const offer = await makeOffer(seller.id, product.id, { quantity: "300", priceCnyPerUnit: "4321", validUntil: inDays(20) });
    const demand = await makeDemand(buyer.id, { cas: substance.cas, substanceName: substance.nameZh, quantity: "100" });
    await suggest(demand.id);
    const result = await suppliersForDemand(getDb(), user.actor, { ...view, demandId: demand.id });
    const item = result.items.find((i) => i.candidate.productId === product.id)!;
    expect(item.candidate).toMatchObject({ availableT: 300, priceCnyPerT: 4321, offerValidUntil: inDays(20) });
    expect(item.reasons.map((r) => r.zh)).toContain("可供量覆盖 300%");
    const [row] = await getDb().select().from(matches).where(eq(matches.id, item.id));
    expect(row!.offerId).toBe(offer.id);
  });

  it("shows a hazardous substance's suppliers only to members of verified enterprises", async () => {
    const substance = await pickSubstance("hazardous");
    const { buyer, user } = await buyerInPark({ verified: false });
    const seller = await makeEnterprise();
    await makeProduct(seller.id, { cas: substance.cas });
    const demand = await makeDemand(buyer.id, { cas: substance.cas, substanceName: substance.nameZh });
    await suggest(demand.id);
    const result = await suppliersForDemand(getDb(), user.actor, { ...view, demandId: demand.id });
    const item = result.items.find((i) => i.candidate.cas === substance.cas)!;
    expect(result.redacted).toBe(true);
    expect(item.supplier).toBeNull();
    expect(item.candidate.priceCnyPerT).toBeNull();
    expect(item.contact.href).toBeNull();
  });
});

describe("a hidden counterpart's reasons", () => {
  const HIDDEN = ["same_park", "available_cover", "capacity_cover", "monthly_cover", "quantity_unknown", "distance", "track_with_buyer", "track_record", "offer", "stale"];

  it("tell an unverified viewer nothing of the supplier's quantity, distance, park or track record; park staff read them all", async () => {
    const substance = await pickSubstance("hazardous");
    const { park, buyer, user } = await buyerInPark({ verified: false });
    const seller = await makeEnterprise({ parkId: park.id, lat: "32.030000", lng: "121.060000", verifiedAt: new Date() });
    const product = await makeProduct(seller.id, { cas: substance.cas, availableT: "120", purityPct: "99.5" });
    await makeFulfilledAgreement(buyer.id, seller.id, substance.cas);
    const demand = await makeDemand(buyer.id, { cas: substance.cas, substanceName: substance.nameZh, quantity: "100", minPurityPct: "99" });
    await suggest(demand.id);

    const staff = await makeUser({ parkId: park.id });
    const full = (await suppliersForDemand(getDb(), staff.actor, { ...view, demandId: demand.id })).items.find((i) => i.candidate.productId === product.id)!;
    expect(full.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(["same_park", "identity_cas", "available_cover", "purity_fits", "distance", "track_with_buyer"]));
    expect(full.score).toBeGreaterThan(0);

    const result = await suppliersForDemand(getDb(), user.actor, { ...view, demandId: demand.id });
    const item = result.items.find((i) => i.candidate.productId === product.id)!;
    expect(item.reasons.map((r) => r.code)).toEqual(["identity_cas", "purity_fits"]);
    expect(item).toMatchObject({ score: null, inPark: null, supplier: null, candidate: { availableT: null, priceCnyPerT: null, offerValidUntil: null } });
    const text = JSON.stringify(item);
    for (const leak of ["120%", "km", "履约", seller.name, seller.uscc]) expect(text).not.toContain(leak);
    // nor may it ask which hidden suppliers are in its park
    expect((await suppliersForDemand(getDb(), user.actor, { ...view, demandId: demand.id, inPark: true })).total).toBe(0);
    expect((await suppliersForDemand(getDb(), staff.actor, { ...view, demandId: demand.id, inPark: true })).items.map((i) => i.candidate.productId)).toContain(product.id);

    // the supplier's side: an unverified supplier reads a hidden buyer's match the same way
    await getDb().update(enterprises).set({ verifiedAt: null }).where(eq(enterprises.id, seller.id));
    const { actor: unverifiedSupplier } = await makeUser({ enterpriseId: seller.id, role: "staff" });
    const verifiedBuyer = await makeEnterprise({ parkId: park.id, lat: "32.020000", lng: "121.050000", verifiedAt: new Date() });
    const wanted = await makeDemand(verifiedBuyer.id, { cas: substance.cas, substanceName: substance.nameZh, quantity: "60", place: "南通市如东县洋口镇" });
    await getDb().transaction((tx) => refreshDemandMatches(tx, [wanted.id]));
    const buyers = await buyersForSupplier(getDb(), unverifiedSupplier, { enterpriseId: seller.id, inPark: false, page: 1, pageSize: 100 });
    const theirs = buyers.items.find((i) => i.demand.id === wanted.id)!;
    expect(theirs).toMatchObject({ score: null, inPark: null, buyer: null, demand: { quantity: null, place: null } });
    expect(theirs.reasons.some((r) => HIDDEN.includes(r.code))).toBe(false);
    expect((await buyersForSupplier(getDb(), unverifiedSupplier, { enterpriseId: seller.id, inPark: true, page: 1, pageSize: 100 })).items.map((i) => i.demand.id)).not.toContain(wanted.id);
  });
});

describe("licence states", () => {
  it("marks a controlled substance needs_licence for a buyer without the permit, ok with it, and hides blocked suppliers", async () => {
    const substance = await pickSubstance("highly_toxic");
    const { park, buyer, user } = await buyerInPark();
    const [licensed, lapsed, unfiled] = await Promise.all([
      makeEnterprise({ parkId: park.id }), makeEnterprise({ parkId: park.id }), makeEnterprise({ parkId: park.id }),
    ]);
    await makeLicence(licensed.id, { type: "hazardous_trade", validUntil: inDays(100) });
    await makeLicence(lapsed.id, { type: "hazardous_trade", validUntil: inDays(-1) });
    const [pLicensed, pLapsed, pUnfiled] = await Promise.all([
      makeProduct(licensed.id, { cas: substance.cas }), makeProduct(lapsed.id, { cas: substance.cas }), makeProduct(unfiled.id, { cas: substance.cas }),
    ]);
    const demand = await makeDemand(buyer.id, { cas: substance.cas, substanceName: substance.nameZh });
    await suggest(demand.id);

    const before = await suppliersForDemand(getDb(), user.actor, { ...view, demandId: demand.id });
    const byProduct = (id: number) => before.items.find((i) => i.candidate.productId === id);
    expect(byProduct(pLicensed.id)).toMatchObject({ compliance: "needs_licence", contact: { href: null } });
    expect(byProduct(pLicensed.id)!.contact.blocked!.zh).toContain("剧毒化学品购买许可证");
    expect(byProduct(pUnfiled.id)!.reasons.map((r) => r.en)).toContain("Supplier licence not on file");
    expect(byProduct(pLapsed.id)).toBeUndefined(); // blocked: never shown to buyers

    // the supplier with the lapsed licence is told why
    const owner = await makeUser({ enterpriseId: lapsed.id, role: "staff" });
    const mine = await buyersForSupplier(getDb(), owner.actor, { enterpriseId: lapsed.id, inPark: false, page: 1, pageSize: 20 });
    expect(mine.items[0]).toMatchObject({ compliance: "blocked" });
    expect(mine.items[0]!.reasons.map((r) => r.zh)).toContain("供应商许可证已过期");
    const told = await getDb().select().from(notifications).where(and(eq(notifications.enterpriseId, lapsed.id), eq(notifications.kind, "match.blocked")));
    expect(told.length).toBe(1);

    // once park staff have verified the buyer's permit, the licensed supplier can be contacted
    await makeLicence(buyer.id, { type: "highly_toxic", validUntil: inDays(200), verifiedAt: new Date() });
    await MATCH_HANDLERS["licences:match"]!(getDb(), [String(buyer.id)]); // the worker, on the licence service's event
    const after = await suppliersForDemand(getDb(), user.actor, { ...view, demandId: demand.id });
    const ok = after.items.find((i) => i.candidate.productId === pLicensed.id)!;
    expect(ok.compliance).toBe("ok");
    expect(ok.contact.href).toBe(`/inquiries/new?match=${ok.id}`);

    // a licence that lapses with no change announced: the owner sees the block the same day, buyers no longer see it
    await getDb().update(licences).set({ validUntil: inDays(-2) }).where(eq(licences.enterpriseId, licensed.id));
    const licensedUser = await makeUser({ enterpriseId: licensed.id, role: "staff" });
    const own = await buyersForSupplier(getDb(), licensedUser.actor, { enterpriseId: licensed.id, inPark: false, page: 1, pageSize: 20 });
    expect(own.items[0]).toMatchObject({ compliance: "blocked" });
    const lapsedView = await suppliersForDemand(getDb(), user.actor, { ...view, demandId: demand.id });
    expect(lapsedView.items.some((i) => i.candidate.productId === pLicensed.id)).toBe(false);
  });
});

describe("background refresh", () => {
  it("suggests a new product to open demands once, and notifies both sides once", async () => {
    const substance = await pickSubstance("plain");
    const { buyer } = await buyerInPark();
    const demand = await makeDemand(buyer.id, { cas: substance.cas, substanceName: substance.nameZh });
    await refreshDemandMatches(getDb(), [demand.id]);
    const seller = await makeEnterprise();
    const product = await makeProduct(seller.id, { cas: substance.cas });
    await enqueue(getDb(), "products", [product.id]);
    expect(await drainAll(getDb(), MATCH_HANDLERS, { timeoutMs: 20_000 })).toBe(true);
    // the same change announced again (a retry) changes nothing and tells nobody twice
    await enqueue(getDb(), "products", [product.id]);
    expect(await drainAll(getDb(), MATCH_HANDLERS, { timeoutMs: 20_000 })).toBe(true);

    const rows = await getDb().select().from(matches).where(eq(matches.demandId, demand.id));
    expect(rows.map((r) => r.productId)).toEqual([product.id]);
    const notices = await getDb().select().from(notifications).where(inArray(notifications.enterpriseId, [buyer.id, seller.id]));
    expect(notices.map((n) => `${n.enterpriseId}:${n.kind}`).sort()).toEqual([`${buyer.id}:match.suppliers`, `${seller.id}:match.buyers`].sort());
    expect((notices.find((n) => n.enterpriseId === buyer.id)!.payload as { href: string }).href).toBe(`/demands/${demand.id}`);
    // one candidate, one demand: the singular in English (an ICU plural, not "candidate(s)")
    expect((notices.find((n) => n.enterpriseId === buyer.id)!.payload as { en: string }).en).toMatch(/^1 new supply candidate for your demand ".+" \(.+ t\)$/);
    expect((notices.find((n) => n.enterpriseId === seller.id)!.payload as { en: string }).en).toMatch(/^1 new purchase demand matches your products, e\.g\. ".+"$/);
    // what the notices say, as data, for the page to write them in the reader's language
    expect((notices.find((n) => n.enterpriseId === buyer.id)!.payload as Notice).values).toEqual({
      count: 1, substance: { name: substance.nameZh, cas: substance.cas }, quantity: { value: Number(demand.quantity), unit: demand.unit },
    });
    expect((notices.find((n) => n.enterpriseId === seller.id)!.payload as Notice).values).toEqual({ count: 1, names: { product: product.name } });

    // retiring the product removes the suggestion
    await getDb().update(products).set({ retiredAt: new Date() }).where(eq(products.id, product.id));
    await enqueue(getDb(), "products", [product.id]);
    await drainAll(getDb(), MATCH_HANDLERS, { timeoutMs: 20_000 });
    expect(await getDb().select().from(matches).where(eq(matches.demandId, demand.id))).toEqual([]);
  });

  it("keeps a dismissed suggestion dismissed through refreshes, and brings it back on request", async () => {
    const substance = await pickSubstance("plain");
    const { buyer, user } = await buyerInPark();
    const seller = await makeEnterprise();
    await makeProduct(seller.id, { cas: substance.cas });
    const demand = await makeDemand(buyer.id, { cas: substance.cas, substanceName: substance.nameZh });
    await suggest(demand.id);
    const first = await suppliersForDemand(getDb(), user.actor, { ...view, demandId: demand.id });
    const id = first.items[0]!.id;
    await setMatchDismissed(getDb(), user.actor, { id, dismissed: true });
    await refreshDemandMatches(getDb(), [demand.id]);
    const active = await suppliersForDemand(getDb(), user.actor, { ...view, demandId: demand.id });
    expect(active.items.map((i) => i.id)).not.toContain(id);
    const dismissed = await suppliersForDemand(getDb(), user.actor, { ...view, demandId: demand.id, show: "dismissed" });
    expect(dismissed.items.map((i) => i.id)).toEqual([id]);
    await setMatchDismissed(getDb(), user.actor, { id, dismissed: false });
    expect((await suppliersForDemand(getDb(), user.actor, { ...view, demandId: demand.id })).items.map((i) => i.id)).toContain(id);
  });

  it("offers nothing to contact on an expired demand, and stops suggesting for it", async () => {
    const substance = await pickSubstance("plain");
    const { buyer, user } = await buyerInPark();
    const seller = await makeEnterprise();
    const product = await makeProduct(seller.id, { cas: substance.cas });
    const demand = await makeDemand(buyer.id, { cas: substance.cas, substanceName: substance.nameZh, expiresOn: inDays(-1) });
    const result = await suppliersForDemand(getDb(), user.actor, { ...view, demandId: demand.id });
    expect(result.open).toBe(false);
    expect(result.items).toEqual([]);
    const sellerUser = await makeUser({ enterpriseId: seller.id });
    const buyers = await buyersForSupplier(getDb(), sellerUser.actor, { enterpriseId: seller.id, productId: product.id, inPark: false, page: 1, pageSize: 20 });
    expect(buyers.items).toEqual([]);
  });
});

describe("by-product symbiosis", () => {
  it("matches a by-product to demands for its substance that accept by-products, and to enterprises whose processes use it", async () => {
    const substance = await pickSubstance("plain");
    const { park, buyer, user } = await buyerInPark();
    const [owner, consumer] = await Promise.all([makeEnterprise({ parkId: park.id }), makeEnterprise({ parkId: park.id })]);
    const stream = await makeByproduct(owner.id, { name: `副产${substance.nameZh}`, cas: substance.cas, wasteCode: "HW06 900-404-06", monthlyVolumeT: "150" });
    await makeFulfilledAgreement(consumer.id, buyer.id, substance.cas, 800);
    const demand = await makeDemand(buyer.id, { cas: substance.cas, substanceName: substance.nameZh, quantity: "100", acceptsByproducts: true });
    await suggest(demand.id);

    const result = await suppliersForDemand(getDb(), user.actor, { ...view, demandId: demand.id });
    // listed apart (可利用副产品), never among the product suppliers
    expect(result.items.some((i) => i.candidate.kind === "byproduct")).toBe(false);
    const item = result.byproducts.find((i) => i.candidate.byproductId === stream.id)!;
    expect(item.candidate).toMatchObject({ kind: "byproduct", wasteCode: "HW06 900-404-06", availableT: 150 });
    expect(item.reasons.map((r) => r.zh)).toEqual(expect.arrayContaining(["同园区", "CAS一致", "月产量覆盖 150%"]));

    const ownerUser = await makeUser({ enterpriseId: owner.id });
    const takers = await takersForByproduct(getDb(), ownerUser.actor, stream.id);
    expect(takers.processes.map((p) => p.enterprise.id)).toEqual(expect.arrayContaining([consumer.id]));
    expect(takers.processes.find((p) => p.enterprise.id === consumer.id)).toMatchObject({ samePark: true, boughtT: 800 });
    // one agreement reads in the singular (an ICU plural, not "agreement(s)")
    expect(takers.processes.find((p) => p.enterprise.id === consumer.id)!.reasons).toContainEqual({ code: "process_buyer", zh: "曾签约采购该物质 1 笔", en: "Bought this substance under 1 agreement" });
    const buyers = await buyersForSupplier(getDb(), ownerUser.actor, { enterpriseId: owner.id, byproductId: stream.id, inPark: false, page: 1, pageSize: 20 });
    expect(buyers.items.map((b) => b.demand.id)).toEqual([demand.id]);
  });

  it("keeps by-products and waste streams out of a product demand's suppliers and allocation unless the buyer accepts them", async () => {
    const substance = await pickSubstance("plain");
    const { park, buyer, user } = await buyerInPark();
    const [refiner, producer] = await Promise.all([makeEnterprise({ parkId: park.id }), makeEnterprise({ parkId: park.id })]);
    // a hazardous-waste stream of the substance (no grade, no purity stated) and the real product
    const waste = await makeByproduct(refiner.id, { name: `${substance.nameZh}重组分`, cas: substance.cas, wasteCode: "HW11 900-013-11", monthlyVolumeT: "35" });
    const product = await makeProduct(producer.id, { cas: substance.cas, grade: "industrial", purityPct: "99.9", availableT: "60" });
    const demand = await createDemand(getDb(), user.actor, {
      enterpriseId: buyer.id, cas: substance.cas, substanceName: substance.nameZh, quantity: 80, unit: "t", grade: "industrial",
      minPurityPct: 99.5, deliveryFrom: null, deliveryTo: null, place: null, targetPriceCnyPerUnit: null, recurrence: "once",
      expiresOn: inDays(30), note: null, publish: true,
    });
    expect(demand.acceptsByproducts).toBe(false);

    const without = await suppliersForDemand(getDb(), user.actor, { ...view, demandId: demand.id });
    expect(without.items.map((i) => i.candidate.productId)).toEqual([product.id]);
    expect(without).toMatchObject({ byproducts: [], acceptsByproducts: false });
    expect(await getDb().select().from(matches).where(eq(matches.byproductId, waste.id))).toEqual([]);
    const explored = await exploreSuppliers(getDb(), systemActor, { buyerUscc: buyer.uscc, cas: substance.cas, quantityT: 80, limit: 50, includeBlocked: false });
    expect(explored.candidates.some((c) => c.byproduct?.id === waste.id)).toBe(false);
    // the allocation meets 60 of 80 t in the park, from the product only
    const before = await computeAllocation(getDb(), park.id, { demandIds: [demand.id] });
    expect(before.edges.map((e) => e.supplyId)).toEqual([`p:${product.id}`]);
    expect(before.optimised.inParkT).toBe(60);

    // the buyer says it takes by-products (the form's field, through the service)
    await updateDemand(getDb(), user.actor, {
      id: demand.id, cas: substance.cas, substanceName: substance.nameZh, quantity: 80, unit: "t", grade: "industrial",
      minPurityPct: 99.5, deliveryFrom: null, deliveryTo: null, place: null, targetPriceCnyPerUnit: null, recurrence: "once",
      expiresOn: inDays(30), note: null, acceptsByproducts: true, publish: true,
    });
    await suggest(demand.id);
    const withBy = await suppliersForDemand(getDb(), user.actor, { ...view, demandId: demand.id });
    expect(withBy.items.map((i) => i.candidate.productId)).toEqual([product.id]);
    expect(withBy.acceptsByproducts).toBe(true);
    expect(withBy.byproducts.map((i) => [i.candidate.byproductId, i.candidate.wasteCode])).toEqual([[waste.id, "HW11 900-013-11"]]);
    const after = await computeAllocation(getDb(), park.id, { demandIds: [demand.id] });
    expect(after.edges.map((e) => e.supplyId).sort()).toEqual([`b:${waste.id}`, `p:${product.id}`].sort());
    expect(after.optimised.inParkT).toBe(80);
    const cli = await exploreSuppliers(getDb(), systemActor, { buyerUscc: buyer.uscc, cas: substance.cas, quantityT: 80, limit: 50, includeBlocked: false, acceptsByproducts: true });
    expect(cli.candidates.some((c) => c.byproduct?.id === waste.id)).toBe(true);
  });
});
