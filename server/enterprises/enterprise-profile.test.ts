import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { licences } from "@/db/schema";
import { anonymous } from "@/server/auth/actor";
import { todayInChina } from "@/server/compliance/compliance";
import crypto from "node:crypto";
import { makeDealCast, makeEnterprise, makePark, makeProduct, makeUser, pickSubstance } from "@/server/testing/factories";
import { enterpriseProducts, enterpriseProfile } from "./enterprise-profile";

const db = () => getDb();
const unique = () => crypto.randomBytes(4).toString("hex");
const inDays = (n: number) => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A user of an unverified enterprise in another park: no rights over the profile's enterprise. */
async function stranger() {
  const park = await makePark();
  const enterprise = await makeEnterprise({ parkId: park.id });
  return makeUser({ enterpriseId: enterprise.id, role: "admin" });
}

describe("the enterprise profile's products", () => {
  it("lists the enterprise's products in pages from the database, and searches within them", async () => {
    const c = await makeDealCast({ cas: null });
    const tag = unique();
    // 23 products besides the cast's: 12 named 甲醇…, 11 named 乙酸乙酯…, one retired
    for (let i = 0; i < 12; i++) await makeProduct(c.sellerEnterprise.id, { name: `甲醇 ${tag}-${String(i).padStart(2, "0")}`, cas: null });
    for (let i = 0; i < 11; i++) await makeProduct(c.sellerEnterprise.id, { name: `乙酸乙酯 ${tag}-${String(i).padStart(2, "0")}`, cas: null });
    await makeProduct(c.sellerEnterprise.id, { name: `甲醇 ${tag}-retired`, cas: null, retiredAt: new Date() });

    const first = await enterpriseProducts(db(), anonymous, { enterpriseId: c.sellerEnterprise.id, page: 1, pageSize: 10 });
    expect(first.total).toBe(24);
    expect(first.items).toHaveLength(10);
    const last = await enterpriseProducts(db(), anonymous, { enterpriseId: c.sellerEnterprise.id, page: 3, pageSize: 10 });
    expect(last.items).toHaveLength(4);
    const pages = [first, await enterpriseProducts(db(), anonymous, { enterpriseId: c.sellerEnterprise.id, page: 2, pageSize: 10 }), last];
    const ids = pages.flatMap((p) => p.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(24);

    const methanol = await enterpriseProducts(db(), anonymous, { enterpriseId: c.sellerEnterprise.id, q: "甲醇", page: 2, pageSize: 5 });
    expect(methanol.total).toBe(12);
    expect(methanol.items.map((i) => i.name)).toEqual([0, 1, 2, 3, 4].map((i) => `甲醇 ${tag}-${String(i + 5).padStart(2, "0")}`));
    expect((await enterpriseProducts(db(), anonymous, { enterpriseId: c.sellerEnterprise.id, q: "retired", page: 1, pageSize: 20 })).total).toBe(0);
    // another enterprise's products never show
    expect((await enterpriseProducts(db(), anonymous, { enterpriseId: c.buyerEnterprise.id, q: "甲醇", page: 1, pageSize: 20 })).total).toBe(0);
  });

  it("finds a product by its substance's name and by CAS", async () => {
    const plain = await pickSubstance("plain");
    const c = await makeDealCast({ cas: plain.cas });
    const byCas = await enterpriseProducts(db(), anonymous, { enterpriseId: c.sellerEnterprise.id, q: plain.cas, page: 1, pageSize: 20 });
    expect(byCas.items.map((i) => i.id)).toEqual([c.product.id]);
    const byName = await enterpriseProducts(db(), anonymous, { enterpriseId: c.sellerEnterprise.id, q: plain.nameZh, page: 1, pageSize: 20 });
    expect(byName.items.map((i) => i.id)).toEqual([c.product.id]);
  });

  it("shows a hazardous product only to those who may see who trades it", async () => {
    const hazardous = await pickSubstance("hazardous");
    const c = await makeDealCast({ cas: null });
    const product = await makeProduct(c.sellerEnterprise.id, { cas: hazardous.cas });
    const listed = async (actor: Parameters<typeof enterpriseProducts>[1]) =>
      (await enterpriseProducts(db(), actor, { enterpriseId: c.sellerEnterprise.id, page: 1, pageSize: 20 })).items.map((i) => i.id);
    expect(await listed(anonymous)).not.toContain(product.id);
    expect(await listed((await stranger()).actor)).not.toContain(product.id);
    expect(await listed(c.buyer.actor)).toContain(product.id); // member of a verified enterprise
    expect(await listed(c.seller.actor)).toContain(product.id);
    expect(await listed(c.staff.actor)).toContain(product.id);
    expect((await enterpriseProducts(db(), anonymous, { enterpriseId: c.sellerEnterprise.id, page: 1, pageSize: 20 })).total).toBe(1);
  });

  it("hides a controlled product whose supplier licence lapsed from buyers, not from its owner", async () => {
    const toxic = await pickSubstance("highly_toxic");
    const c = await makeDealCast({ cas: null });
    const product = await makeProduct(c.sellerEnterprise.id, { cas: toxic.cas });
    await db().insert(licences).values({ enterpriseId: c.sellerEnterprise.id, type: "hazardous_trade", number: `L-${unique()}`, validUntil: inDays(-1) });
    const listed = async (actor: Parameters<typeof enterpriseProducts>[1]) =>
      (await enterpriseProducts(db(), actor, { enterpriseId: c.sellerEnterprise.id, page: 1, pageSize: 20 })).items.map((i) => i.id);
    expect(await listed(c.buyer.actor)).not.toContain(product.id);
    expect(await listed(c.seller.actor)).toContain(product.id);
  });
});

describe("the enterprise profile", () => {
  it("shows its verification and licences on file by type and validity; the numbers only to its members and park staff", async () => {
    const c = await makeDealCast();
    const number = `危化经字〔2026〕${unique()}`;
    await db().insert(licences).values([
      { enterpriseId: c.sellerEnterprise.id, type: "hazardous_trade", number, scope: "甲醇、乙醇", validUntil: inDays(200), verifiedAt: new Date() },
      { enterpriseId: c.sellerEnterprise.id, type: "pollutant_discharge", number: `PW-${unique()}`, validUntil: inDays(-3) },
    ]);

    const outsiders = [anonymous, (await stranger()).actor, c.buyer.actor, (await makeUser({ parkId: (await makePark()).id })).actor];
    for (const actor of outsiders) {
      const profile = await enterpriseProfile(db(), actor, c.sellerEnterprise.id);
      expect(profile.verified).toBe(true);
      expect(profile.verifiedOn).toBe(todayInChina());
      expect(profile.licences.map((l) => [l.type, l.validUntil, l.state, l.verified, l.number, l.scope])).toEqual([
        ["hazardous_trade", inDays(200), "valid", true, null, null],
        ["pollutant_discharge", inDays(-3), "expired", false, null, null],
      ]);
      expect(JSON.stringify(profile)).not.toContain(number);
      expect(profile.allowed.licenceNumbers).toBe(false);
    }
    for (const actor of [c.staff.actor, c.seller.actor]) {
      const profile = await enterpriseProfile(db(), actor, c.sellerEnterprise.id);
      expect(profile.allowed.licenceNumbers).toBe(true);
      expect(profile.licences[0]).toMatchObject({ type: "hazardous_trade", number, scope: "甲醇、乙醇" });
    }
  });

  it("offers an inquiry to members of other enterprises, not to visitors, park staff or its own members", async () => {
    const c = await makeDealCast();
    expect((await enterpriseProfile(db(), c.buyer.actor, c.sellerEnterprise.id)).allowed.inquire).toBe(true);
    expect((await enterpriseProducts(db(), c.buyer.actor, { enterpriseId: c.sellerEnterprise.id, page: 1, pageSize: 5 })).allowed.inquire).toBe(true);
    for (const actor of [anonymous, c.staff.actor, c.seller.actor]) {
      expect((await enterpriseProfile(db(), actor, c.sellerEnterprise.id)).allowed.inquire).toBe(false);
    }
  });

  it("says when an enterprise is not verified yet, and refuses an unknown one", async () => {
    const c = await makeDealCast({ verified: false });
    expect(await enterpriseProfile(db(), anonymous, c.sellerEnterprise.id)).toMatchObject({ verified: false, verifiedOn: null, licences: [] });
    await expect(enterpriseProfile(db(), anonymous, 2_000_000_000)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
