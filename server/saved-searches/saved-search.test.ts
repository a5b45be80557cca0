import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { notifications, savedSearches } from "@/db/schema";
import { anonymous } from "@/server/auth/actor";
import { createProduct, updateProduct } from "@/server/catalogue/catalogue.service";
import { catalogueImportHandlers, startCatalogueImport } from "@/server/catalogue/import-job";
import { drainAll } from "@/server/jobs/outbox";
import { LISTENERS } from "@/server/jobs/topics";
import { createOffer } from "@/server/listings/offer.service";
import { searchHandlers } from "@/server/search/handlers";
import { makeEnterprise, makePark, makeProduct, makeUser } from "@/server/testing/factories";
import { dropTestIndexes, prepareTestIndexes } from "@/server/testing/search";
import { syncProducts } from "@/server/search/sync";
import { todayInChina } from "@/server/compliance/compliance";
import { ALERT_KIND, alertHandlers } from "./alerts";
import { describeSearch } from "./label";
import { deleteSavedSearch, listSavedSearches, saveSearch, setSavedSearchPaused } from "./saved-search.service";

vi.hoisted(() => {
  process.env.MEILI_INDEX_PREFIX = `t${Math.random().toString(36).slice(2, 10)}_`;
});

const db = getDb();
// this file's own listeners: no other test file's drain takes these rows, and these drains take no other file's
const me = Math.random().toString(36).slice(2, 8);
const HANDLERS = { ...searchHandlers(`search-${me}`), ...alertHandlers(`alerts-${me}`), ...catalogueImportHandlers(`import-${me}`) };
const saved = { products: LISTENERS.products, supply: LISTENERS.supply, imports: LISTENERS["catalogue-imports"] };

beforeAll(async () => {
  LISTENERS.products = [`search-${me}`];
  LISTENERS.supply = [`alerts-${me}`];
  LISTENERS["catalogue-imports"] = [`import-${me}`];
  await prepareTestIndexes();
});
afterAll(async () => {
  LISTENERS.products = saved.products!;
  LISTENERS.supply = saved.supply!;
  LISTENERS["catalogue-imports"] = saved.imports!;
  await dropTestIndexes();
});

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const tag = () => `zq${Math.random().toString(36).slice(2, 8)}`;

/** A supplier and two buyers in one park, all verified. */
async function cast() {
  const park = await makePark();
  const [supplier, buyerCo, otherCo] = await Promise.all([
    makeEnterprise({ parkId: park.id, verifiedAt: new Date() }),
    makeEnterprise({ parkId: park.id, verifiedAt: new Date() }),
    makeEnterprise({ parkId: park.id, verifiedAt: new Date() }),
  ]);
  const [seller, buyer, other] = await Promise.all([
    makeUser({ enterpriseId: supplier.id, role: "admin" }),
    makeUser({ enterpriseId: buyerCo.id, role: "procurement" }),
    makeUser({ enterpriseId: otherCo.id, role: "procurement" }),
  ]);
  return { park, supplier, buyerCo, seller, buyer, other };
}

async function alertsOf(userId: number) {
  const rows = await db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, ALERT_KIND)));
  return rows.map((r) => r.payload as { zh: string; en: string; href: string });
}

const drain = async () => expect(await drainAll(db, HANDLERS, { timeoutMs: 90_000 })).toBe(true);

describe("saved searches", () => {
  it("a catalogue import alerts the saved search it matches, once, with the price, and not the one it does not match", async () => {
    const c = await cast();
    const matching = await saveSearch(db, c.buyer.actor, { params: "q=异丙醇" });
    await saveSearch(db, c.other.actor, { params: "q=乙酸乙酯" });
    expect(matching.label.zh).toBe("异丙醇");

    const csv = `sku,name,cas,grade,price_cny_per_t\nIPA-${tag()},异丙醇 工业级,67-63-0,industrial,15130\nTOL-${tag()},甲苯,108-88-3,industrial,6000\n`;
    await startCatalogueImport(db, c.seller.actor, { enterpriseId: c.supplier.id, file: { name: "catalogue.csv", bytes: Buffer.from(csv) } });
    await drain();

    const alerts = await alertsOf(c.buyer.user.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.zh).toContain("新上架：异丙醇 工业级 15,130 元/吨");
    expect(alerts[0]!.en).toContain("newly listed: 异丙醇 工业级 CNY 15,130/t");
    expect(alerts[0]!.href).toBe("/search?q=%E5%BC%82%E4%B8%99%E9%86%87");
    expect(await alertsOf(c.other.user.id)).toHaveLength(0);
  }, 120_000);

  it("a price drop alerts with the old and new price; a second change the same day does not alert again", async () => {
    const c = await cast();
    const word = tag();
    const product = await makeProduct(c.supplier.id, { name: `甲醇 ${word}`, cas: "67-56-1", priceCnyPerT: "16000" });
    await syncProducts(db, [product.id]);
    await saveSearch(db, c.buyer.actor, { params: `q=${word}&grade=industrial` });

    const fields = { sku: product.sku, name: product.name, cas: "67-56-1", grade: "industrial" as const, purityPct: 99.5, form: null, packaging: null, capacityTpy: null, availableT: 100, description: null };
    await updateProduct(db, c.seller.actor, { id: product.id, ...fields, priceCnyPerT: 15130 });
    await drain();
    const alerts = await alertsOf(c.buyer.user.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.zh).toContain(`降价：甲醇 ${word} 16,000 → 15,130 元/吨`);
    expect(alerts[0]!.zh).toContain(`订阅“${word}，工业级”`);

    // the same day: a further drop and a new product are not alerted again
    await updateProduct(db, c.seller.actor, { id: product.id, ...fields, priceCnyPerT: 14000 });
    await createProduct(db, c.seller.actor, { enterpriseId: c.supplier.id, ...fields, sku: `N-${tag()}`, name: `甲醇 ${word} 新品`, priceCnyPerT: 13000 });
    await drain();
    expect(await alertsOf(c.buyer.user.id)).toHaveLength(1);

    // the next China-time day alerts again
    await db.update(savedSearches).set({ lastNotifiedOn: "2000-01-01" }).where(eq(savedSearches.userId, c.buyer.user.id));
    await updateProduct(db, c.seller.actor, { id: product.id, ...fields, priceCnyPerT: 13500 });
    await drain();
    expect(await alertsOf(c.buyer.user.id)).toHaveLength(2);
    const [row] = await db.select().from(savedSearches).where(eq(savedSearches.userId, c.buyer.user.id));
    expect(row!.lastNotifiedOn).toBe(todayInChina());
  }, 120_000);

  it("a price rise and a paused search alert nobody; resuming alerts again; a new supply offer alerts", async () => {
    const c = await cast();
    const word = tag();
    const product = await makeProduct(c.supplier.id, { name: `丙酮 ${word}`, cas: "67-64-1", priceCnyPerT: "5000" });
    await syncProducts(db, [product.id]);
    const search = await saveSearch(db, c.buyer.actor, { params: `q=${word}` });

    const fields = { sku: product.sku, name: product.name, cas: "67-64-1", grade: "industrial" as const, purityPct: 99.5, form: null, packaging: null, capacityTpy: null, availableT: 100, description: null };
    await updateProduct(db, c.seller.actor, { id: product.id, ...fields, priceCnyPerT: 5200 });
    await drain();
    expect(await alertsOf(c.buyer.user.id)).toHaveLength(0);

    expect((await setSavedSearchPaused(db, c.buyer.actor, { id: search.id, paused: true })).paused).toBe(true);
    await createProduct(db, c.seller.actor, { enterpriseId: c.supplier.id, ...fields, sku: `P-${tag()}`, name: `丙酮 ${word} 暂停中`, priceCnyPerT: 4000 });
    await drain();
    expect(await alertsOf(c.buyer.user.id)).toHaveLength(0);

    await setSavedSearchPaused(db, c.buyer.actor, { id: search.id, paused: false });
    await createOffer(db, c.seller.actor, { enterpriseId: c.supplier.id, productId: product.id, quantity: 20, unit: "t", priceCnyPerUnit: 4900, validFrom: null, validUntil: inDays(30), place: null, publish: true });
    await drain();
    const alerts = await alertsOf(c.buyer.user.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.zh).toContain(`新供应报价：丙酮 ${word} 4,900 元/吨`);
  }, 120_000);

  it("a hazardous product's price stays hidden from a buyer whose enterprise is not verified", async () => {
    const c = await cast();
    const unverified = await makeEnterprise({ parkId: c.park.id });
    const viewer = await makeUser({ enterpriseId: unverified.id, role: "procurement" });
    await saveSearch(db, viewer.actor, { params: "q=67-64-1" }); // acetone is hazardous (危险化学品)
    const csv = `sku,name,cas,price_cny_per_t\nACE-${tag()},丙酮 ${tag()},67-64-1,5555\n`;
    await startCatalogueImport(db, c.seller.actor, { enterpriseId: c.supplier.id, file: { name: "c.csv", bytes: Buffer.from(csv) } });
    await drain();
    const alerts = await alertsOf(viewer.user.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.zh).toContain("新上架：丙酮");
    expect(alerts[0]!.zh).not.toContain("5,555");
  }, 120_000);

  it("is its owner's alone: another user neither lists, pauses nor deletes it; a visitor cannot save", async () => {
    const c = await cast();
    const mine = await saveSearch(db, c.buyer.actor, { params: "q=甲苯&mine=1&page=3" });
    expect(mine.params).toBe("q=%E7%94%B2%E8%8B%AF&mine=1");
    expect(mine.label).toEqual({ zh: "甲苯，只看本园区", en: "甲苯, only my park" });
    // the same search again is the same saved search
    expect((await saveSearch(db, c.buyer.actor, { params: "mine=1&q=甲苯" })).id).toBe(mine.id);

    expect((await listSavedSearches(db, c.other.actor)).map((s) => s.id)).not.toContain(mine.id);
    await expect(setSavedSearchPaused(db, c.other.actor, { id: mine.id, paused: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteSavedSearch(db, c.other.actor, { id: mine.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setSavedSearchPaused(db, anonymous, { id: mine.id, paused: true })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(saveSearch(db, anonymous, { params: "q=甲苯" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // park staff without an enterprise have no notifications to receive alerts in
    const staff = await makeUser({ parkId: c.park.id });
    await expect(saveSearch(db, staff.actor, { params: "q=甲苯" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // an empty search watches nothing
    await expect(saveSearch(db, c.buyer.actor, { params: "page=2" })).rejects.toMatchObject({ code: "INVALID" });

    expect((await listSavedSearches(db, c.buyer.actor)).find((s) => s.id === mine.id)).toMatchObject({ paused: false, href: "/search?q=%E7%94%B2%E8%8B%AF&mine=1" });
    expect(await deleteSavedSearch(db, c.buyer.actor, { id: mine.id })).toEqual({ deleted: mine.id });
    expect((await listSavedSearches(db, c.buyer.actor)).map((s) => s.id)).not.toContain(mine.id);
  });
});

describe("a saved search's label", () => {
  it("reads the words first, then purity, then the other conditions", () => {
    expect(describeSearch("q=异丙醇&minPurity=99.5&mine=1", "en")).toBe("异丙醇 ≥ 99.5 %, only my park");
    expect(describeSearch("q=异丙醇&minPurity=99.5&mine=1", "zh")).toBe("异丙醇 ≥ 99.5 %，只看本园区");
    expect(describeSearch("grade=electronic&in=park", "zh")).toBe("电子级，园区企业");
  });
});
