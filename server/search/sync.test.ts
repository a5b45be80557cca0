import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { enterprises, outbox, substances } from "@/db/schema";
import { anonymous } from "@/server/auth/actor";
import { setProductRetired, updateProduct } from "@/server/catalogue/catalogue.service";
import { addLicence } from "@/server/licences/licence.service";
import { drainAll } from "@/server/jobs/outbox";
import { curateSubstance } from "@/server/substances/curation";
import { getSubstance } from "@/server/substances/substance.service";
import { makeEnterprise, makeLicence, makePark, makeProduct, makeUser } from "@/server/testing/factories";
import { dropTestIndexes, prepareTestIndexes } from "@/server/testing/search";
import { getMeili } from "./client";
import { ensureIndex, indexUid } from "./indexes";
import type { ProductDoc } from "./products.index";
import { searchProducts, visibilityFilter } from "./query";
import { reindex } from "./reindex";
import { SEARCH_HANDLERS } from "./handlers";
import { syncEnterprises, syncProducts } from "./sync";

vi.hoisted(() => {
  process.env.MEILI_INDEX_PREFIX = `t${Math.random().toString(36).slice(2, 10)}_`;
});

const db = getDb();
/** a word no other product has: a query of it finds only what carries it */
const tag = () => `zq${Math.random().toString(36).slice(2, 8)}`;
const ids = (result: { hits: { id: number }[] }) => result.hits.map((h) => h.id);
/** Meilisearch's tasks wait as long as the app's own do: on a busy machine a settings change takes more than the client's default 5 s */
const WAIT = { timeout: 120_000 };

beforeAll(prepareTestIndexes);
afterAll(dropTestIndexes);

describe("search sync", () => {
  it("follows a product through edits, retirement and restoration", async () => {
    const { adminA, a } = await setup();
    const word = tag();
    const product = await makeProduct(a.id, { name: `丙酮 ${word}`, cas: "67-64-1" });
    await syncProducts(db, [product.id]);
    expect(ids(await searchProducts(db, anonymous, { q: word }))).toEqual([product.id]);

    const renamed = tag();
    await updateProduct(db, adminA.actor, { id: product.id, sku: product.sku, name: renamed, cas: "67-64-1", grade: null, purityPct: null, form: null, packaging: null, capacityTpy: null, availableT: null, priceCnyPerT: null, description: null });
    await SEARCH_HANDLERS["products:search"]!(db, [String(product.id)]);
    expect(ids(await searchProducts(db, anonymous, { q: renamed }))).toEqual([product.id]);
    expect(ids(await searchProducts(db, anonymous, { q: word }))).toEqual([]);

    await setProductRetired(db, adminA.actor, { id: product.id, retired: true });
    await SEARCH_HANDLERS["products:search"]!(db, [String(product.id)]);
    expect(ids(await searchProducts(db, anonymous, { q: renamed }))).toEqual([]);

    await setProductRetired(db, adminA.actor, { id: product.id, retired: false });
    await SEARCH_HANDLERS["products:search"]!(db, [String(product.id)]);
    expect(ids(await searchProducts(db, anonymous, { q: renamed }))).toEqual([product.id]);
  });

  it("carries an enterprise's new name and park into its products", async () => {
    const { a } = await setup();
    const product = await makeProduct(a.id, { name: `乙腈${tag()}`, cas: "75-05-8" });
    await syncProducts(db, [product.id]);
    const newName = `新名称化工有限公司${tag()}`;
    await db.update(enterprises).set({ name: newName }).where(eq(enterprises.id, a.id));
    await syncEnterprises(db, [a.id]);
    const doc = await getMeili().index<ProductDoc>(indexUid("products")).getDocument(product.id);
    expect(doc.enterpriseName).toBe(newName);
    const found = await getMeili().index(indexUid("enterprises")).search(newName);
    expect(found.hits.map((h) => h.id)).toContain(a.id);
  });

  it("gives a hit the enterprise's English name and the substance's English name for the English UI", async () => {
    const { a } = await setup();
    const word = tag();
    // benzyl alcohol is no hazardous chemical: a visitor sees its supplier
    const product = await makeProduct(a.id, { name: `苯甲醇 ${word}`, cas: "100-51-6" });
    await syncProducts(db, [product.id]);
    const before = (await searchProducts(db, anonymous, { q: word })).hits[0]!;
    expect(before.enterprise).toMatchObject({ name: a.name, nameEn: null });
    const substance = await getSubstance(db, "100-51-6");
    expect(substance.nameEn).toMatch(/benzyl alcohol/i);
    expect(before.substance?.nameEn).toBe(substance.nameEn);

    const english = `Binjiang Test Chemicals ${word}`;
    await db.update(enterprises).set({ nameEn: english }).where(eq(enterprises.id, a.id));
    await syncEnterprises(db, [a.id]);
    const hit = (await searchProducts(db, anonymous, { q: word })).hits[0]!;
    expect(hit.id).toBe(product.id);
    expect(hit.enterprise).toMatchObject({ name: a.name, nameEn: english });
    // an enterprise's sync re-indexes its products: on a busy machine that takes more than the default 30 s
  }, 120_000);

  it("brings a dictionary correction to every product of the substance", async () => {
    const { a, staff } = await setup();
    const alias = tag();
    const product = await makeProduct(a.id, { name: "苯甲醇 99%", cas: "100-51-6" });
    await syncProducts(db, [product.id]);
    expect(ids(await searchProducts(db, anonymous, { q: alias }))).toEqual([]);
    try {
      await curateSubstance(db, staff.actor, { cas: "100-51-6", nameZh: null, nameEn: null, aliases: [alias], hiddenAliases: [] });
      const announced = await db.select().from(outbox).where(and(eq(outbox.topic, "substances:search"), eq(outbox.entityId, "100-51-6")));
      expect(announced.length).toBeGreaterThan(0);
      await SEARCH_HANDLERS["substances:search"]!(db, ["100-51-6"]);
      expect(ids(await searchProducts(db, anonymous, { q: alias }))).toContain(product.id);
    } finally {
      await db.update(substances).set({ curatedAliases: [], curatedBy: null, curatedAt: null }).where(eq(substances.cas, "100-51-6"));
    }
  });

  it("rebuilds the indexes from PostgreSQL beside the live ones and swaps them in", async () => {
    const { a } = await setup();
    const word = tag();
    const product = await makeProduct(a.id, { name: `乙醇 ${word}`, cas: "64-17-5" });
    // never synced: only a rebuild from PostgreSQL can find it
    expect(ids(await searchProducts(db, anonymous, { q: word }))).toEqual([]);
    const result = await reindex(db, { userId: null, name: "cli", platformAdmin: true, enterprises: [], parkIds: [] });
    expect(result.products).toBeGreaterThan(0);
    expect(ids(await searchProducts(db, anonymous, { q: word }))).toEqual([product.id]);
    const { results } = await getMeili().getIndexes({ limit: 1000 });
    expect(results.filter((i) => i.uid.startsWith(indexUid("products")))).toHaveLength(1);
  });
});

describe("compliance in search", () => {
  it("shows a hazardous product's supplier, quantities and prices only to those allowed", async () => {
    const { a, adminA, adminB, staff } = await setup({ verifiedB: true });
    const name = tag();
    const product = await makeProduct(a.id, { name: `甲苯 ${name}`, cas: "108-88-3", priceCnyPerT: "6000.00", availableT: "100.000" });
    await syncProducts(db, [product.id]);
    const unverified = await makeUser({ enterpriseId: (await makeEnterprise()).id, role: "procurement" });

    const seen = async (actor: typeof anonymous) => (await searchProducts(db, actor, { q: name })).hits[0]!;
    for (const actor of [anonymous, unverified.actor]) {
      const hit = await seen(actor);
      expect(hit).toMatchObject({ id: product.id, restricted: true, enterprise: null, priceCnyPerT: null, availableT: null, park: null });
      expect(hit.hazards.hazardous).toBe(true);
    }
    for (const actor of [adminB.actor, staff.actor, adminA.actor]) {
      expect(await seen(actor)).toMatchObject({ restricted: false, enterprise: { id: a.id }, priceCnyPerT: 6000, availableT: 100 });
    }
  });

  it("hides a controlled product whose supplier licence lapsed, and warns when none is on file", async () => {
    const { a, b, adminB, staff } = await setup();
    const lapsed = await makeProduct(a.id, { name: "氰化钠", cas: "143-33-9" });
    await makeLicence(a.id, { type: "hazardous_trade", validUntil: "2020-01-01" });
    const missing = await makeProduct(b.id, { name: "氰化钠 98%", cas: "143-33-9" });
    await syncProducts(db, [lapsed.id, missing.id]);
    const result = await searchProducts(db, anonymous, { q: "143-33-9", pageSize: 50 });
    expect(ids(result)).toContain(missing.id);
    expect(ids(result)).not.toContain(lapsed.id);
    expect(result.hits.find((h) => h.id === missing.id)!.licenceMissing).toBe(true);
    // a buyer of the park does not see it either; the park's staff do, marked, to chase the licence
    expect(ids(await searchProducts(db, adminB.actor, { q: "143-33-9", pageSize: 50 }))).not.toContain(lapsed.id);
    const overseen = await searchProducts(db, staff.actor, { q: "143-33-9", pageSize: 50 });
    expect(overseen.hits.find((h) => h.id === lapsed.id)).toMatchObject({ blocked: true });
    expect(overseen.hits.find((h) => h.id === missing.id)).toMatchObject({ blocked: false });
  });

  it("shows a controlled listing again once its supplier records a valid licence, with no manual step", async () => {
    const { a, adminA } = await setup();
    const product = await makeProduct(a.id, { name: "氰化钾", cas: "151-50-8" });
    await makeLicence(a.id, { type: "hazardous_trade", validUntil: "2020-01-01" });
    await syncProducts(db, [product.id]);
    expect(ids(await searchProducts(db, anonymous, { q: "151-50-8", pageSize: 50 }))).not.toContain(product.id);
    // the licence service announces the change; the search listener re-indexes the enterprise's products
    await addLicence(db, adminA.actor, { enterpriseId: a.id, type: "hazardous_trade", number: `R-${tag()}`, validUntil: "2099-01-01", scope: null });
    expect(await drainAll(db, { "licences:search": SEARCH_HANDLERS["licences:search"]! }, { timeoutMs: 30_000 })).toBe(true);
    expect(ids(await searchProducts(db, anonymous, { q: "151-50-8", pageSize: 50 }))).toContain(product.id);
  });

  it("hides a listing on the day after its supplier's licence runs out, without being indexed again", async () => {
    const { a } = await setup();
    const product = await makeProduct(a.id, { name: "硝酸钾", cas: "7757-79-1" });
    await makeLicence(a.id, { type: "explosive_precursor", validUntil: "2098-06-30" });
    await syncProducts(db, [product.id]);
    const visibleOn = async (day: string) =>
      (await getMeili().index(indexUid("products")).search("", { filter: [`enterpriseId = ${a.id}`, visibilityFilter(day)] })).hits.length === 1;
    expect(await visibleOn("2098-06-30")).toBe(true);
    expect(await visibleOn("2098-07-01")).toBe(false);
  });

  it("filters to the viewer's own park and counts the hits there", async () => {
    const { a, park } = await setup();
    const outside = await makeEnterprise();
    const word = tag();
    const inside = await makeProduct(a.id, { name: `甲醇 ${word}`, cas: "67-56-1" });
    const elsewhere = await makeProduct(outside.id, { name: `甲醇 ${word}`, cas: "67-56-1" });
    await syncProducts(db, [inside.id, elsewhere.id]);
    // 甲醇 is hazardous: only a member of a verified enterprise may ask where its suppliers are
    const buyer = await makeUser({ enterpriseId: (await makeEnterprise({ parkId: park.id, verifiedAt: new Date() })).id, role: "procurement" });
    const all = await searchProducts(db, buyer.actor, { q: word });
    expect(all.total).toBe(2);
    expect(all.myPark).toEqual({ available: true, count: 1 });
    expect(ids(await searchProducts(db, buyer.actor, { q: word, mine: true }))).toEqual([inside.id]);
    expect(ids(await searchProducts(db, buyer.actor, { q: word, inPark: false }))).toEqual([elsewhere.id]);
  });
});

async function setup(options: { verifiedB?: boolean } = {}) {
  const park = await makePark();
  const a = await makeEnterprise({ parkId: park.id, verifiedAt: new Date() });
  const b = await makeEnterprise({ parkId: park.id, verifiedAt: options.verifiedB ? new Date() : null });
  const [adminA, adminB, staff] = await Promise.all([
    makeUser({ enterpriseId: a.id, role: "admin" }),
    makeUser({ enterpriseId: b.id, role: "admin" }),
    makeUser({ parkId: park.id }),
  ]);
  return { park, a, b, adminA, adminB, staff };
}

describe("an index left by an earlier release", () => {
  it("gets this release's settings at the next sync and is rebuilt in the background, once", async () => {
    const located = await makeEnterprise({ lat: "31.950000", lng: "120.300000" });
    const product = await makeProduct(located.id, { name: `正丁醇${tag()}`, cas: "71-36-3" });
    // as an earlier release left it: other settings, and documents without what they rely on
    const live = getMeili().index<ProductDoc>(indexUid("products"));
    await live.updateSettings({ sortableAttributes: [] }).waitTask(WAIT);
    await live.addDocuments([{ id: product.id, name: product.name } as ProductDoc]).waitTask(WAIT);
    const asked = and(eq(outbox.topic, "search-index:search"), eq(outbox.entityId, "products"));

    await syncProducts(db, [product.id]);
    expect([...(await live.getSettings()).sortableAttributes!].sort()).toEqual(["_geo", "availableT", "priceCnyPerT"]);
    expect(await db.select().from(outbox).where(asked)).toHaveLength(1);
    await syncProducts(db, [product.id]);
    expect(await db.delete(outbox).where(asked).returning()).toHaveLength(1);

    await SEARCH_HANDLERS["search-index:search"]!(db, ["products"]);
    expect((await live.getDocument(product.id))._geo).toEqual({ lat: 31.95, lng: 120.3 });
  });

  it("is told apart from one another instance has just created, which needs no rebuild", async () => {
    const uid = `${indexUid("products")}__fresh`;
    await getMeili().createIndex(uid, { primaryKey: "id" }).waitTask(WAIT);
    expect(await ensureIndex(getMeili(), "products", uid)).toBe("created");
    expect(await ensureIndex(getMeili(), "products", uid)).toBe("unchanged");
    await getMeili().index(uid).updateSettings({ sortableAttributes: [] }).waitTask(WAIT);
    expect(await ensureIndex(getMeili(), "products", uid)).toBe("configured");
    await getMeili().deleteIndex(uid).waitTask(WAIT);
  });
});
