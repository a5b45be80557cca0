import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { anonymous, type Actor } from "@/server/auth/actor";
import { makeEnterprise, makePark, makeProduct, makeUser } from "@/server/testing/factories";
import { dropTestIndexes, prepareTestIndexes } from "@/server/testing/search";
import { answerSearch } from "./api";
import { searchProducts } from "./query";
import { syncProducts } from "./sync";

vi.hoisted(() => {
  process.env.MEILI_INDEX_PREFIX = `t${Math.random().toString(36).slice(2, 10)}_`;
});

/**
 * Precision (issue 13, point 5) and the filters and orders of point 7, on a fixture catalogue of
 * real substances (enriched from the reference dictionary by CAS, as in production): a full name
 * finds that substance's products and nothing else; its neighbours come apart as related
 * substances; an exact name or alias outranks a typo reading; sorts order every hit.
 */
const FIXTURE = [
  // two suppliers for some substances: "its products", not one product
  { sku: "ipa", name: "异丙醇 99.9%", cas: "67-63-0", purityPct: "99.9", priceCnyPerT: "7600", availableT: "300", far: false },
  { sku: "acetone", name: "丙酮", cas: "67-64-1", purityPct: "99.5", priceCnyPerT: "5200", availableT: "800", far: false },
  { sku: "acetone-2", name: "丙酮 工业级", cas: "67-64-1", purityPct: "99.0", priceCnyPerT: "4900", availableT: "50", far: true },
  { sku: "mek", name: "丁酮", cas: "78-93-3", purityPct: "99.8", priceCnyPerT: "7100", availableT: "120", far: false },
  { sku: "xylene", name: "混合二甲苯", cas: "1330-20-7", purityPct: "98.0", priceCnyPerT: "6900", availableT: "400", far: false },
  { sku: "o-xylene", name: "邻二甲苯", cas: "95-47-6", purityPct: "99.0", priceCnyPerT: "8200", availableT: "60", far: true },
  { sku: "toluene", name: "甲苯", cas: "108-88-3", purityPct: "99.9", priceCnyPerT: "6100", availableT: "900", far: false },
  { sku: "butyl-acetate", name: "乙酸正丁酯 99.5%", cas: "123-86-4", purityPct: "99.5", priceCnyPerT: "7300", availableT: "200", far: false },
  // named as one supplier writes it: the query 醋酸丁酯 must still find the other supplier's butyl acetate
  { sku: "butyl-acetate-2", name: "醋酸丁酯", cas: "123-86-4", purityPct: "99.0", priceCnyPerT: "7250", availableT: "210", far: true },
  { sku: "ethyl-acetate", name: "醋酸乙酯", cas: "141-78-6", purityPct: "99.7", priceCnyPerT: "6300", availableT: "350", far: true },
  { sku: "dmf", name: "DMF", cas: "68-12-2", purityPct: "99.9", priceCnyPerT: "4700", availableT: "500", far: false },
  { sku: "dmf-2", name: "二甲基甲酰胺", cas: "68-12-2", purityPct: "99.95", priceCnyPerT: "4650", availableT: "90", far: true },
  { sku: "maa", name: "甲基丙烯酸", cas: "79-41-4", purityPct: "99.9", priceCnyPerT: "12800", availableT: "70", far: false },
  { sku: "mma", name: "甲基丙烯酸甲酯", cas: "80-62-6", purityPct: "99.9", priceCnyPerT: "11500", availableT: "260", far: true },
  { sku: "acrylic", name: "冰晶级丙烯酸", cas: "79-10-7", purityPct: "99.5", priceCnyPerT: "6500", availableT: "150", far: false },
  { sku: "butyl-acrylate", name: "丙烯酸丁酯", cas: "141-32-2", purityPct: "99.5", priceCnyPerT: "8800", availableT: "180", far: true },
  { sku: "ethanol", name: "无水乙醇", cas: "64-17-5", purityPct: "99.7", priceCnyPerT: "6600", availableT: "700", far: false },
  { sku: "ethanol-2", name: "食用酒精 95%", cas: "64-17-5", purityPct: "95.0", priceCnyPerT: "6000", availableT: null, far: true },
  { sku: "methanol", name: "精甲醇", cas: "67-56-1", purityPct: "99.9", priceCnyPerT: "2400", availableT: "2000", far: false },
  { sku: "hexane", name: "正己烷", cas: "110-54-3", purityPct: "99.0", priceCnyPerT: "7900", availableT: "100", far: false },
  { sku: "silicon", name: "硅粉 441#", cas: "7440-21-3", purityPct: "99.0", priceCnyPerT: "16500", availableT: "40", far: true },
  { sku: "resin", name: "水性丙烯酸树脂乳液", cas: null, purityPct: null, priceCnyPerT: null, availableT: "30", far: false },
] as const;

const db = getDb();
let idBySku = new Map<string, number>();
const skuById = () => new Map([...idBySku].map(([sku, id]) => [id, sku]));
/** a signed-in buyer of a verified enterprise next to the near supplier: sees every price, searches nearest first */
let buyer: Actor;
/** the same, with an enterprise that has no location */
let unlocatedBuyer: Actor;

async function ranked(q: string, extra: Record<string, unknown> = {}, actor: Actor = anonymous) {
  const result = await searchProducts(db, actor, { q, pageSize: 50, ...extra });
  const skus = skuById();
  return { ...result, skus: result.hits.map((h) => skus.get(h.id)) };
}

beforeAll(async () => {
  await prepareTestIndexes();
  const park = await makePark();
  const farPark = await makePark();
  const near = await makeEnterprise({ parkId: park.id, verifiedAt: new Date(), lat: "31.950000", lng: "120.300000" });
  const far = await makeEnterprise({ parkId: farPark.id, verifiedAt: new Date(), lat: "33.300000", lng: "120.500000" });
  const products = [];
  for (const { far: isFar, ...item } of FIXTURE) {
    products.push(await makeProduct((isFar ? far : near).id, { ...item, grade: "industrial", form: "liquid" }));
  }
  idBySku = new Map(products.map((p) => [p.sku, p.id]));
  await syncProducts(db, products.map((p) => p.id));
  const home = await makeEnterprise({ parkId: park.id, verifiedAt: new Date(), lat: "31.960000", lng: "120.310000" });
  buyer = (await makeUser({ enterpriseId: home.id, role: "procurement" })).actor;
  unlocatedBuyer = (await makeUser({ enterpriseId: (await makeEnterprise({ verifiedAt: new Date() })).id, role: "procurement" })).actor;
});

afterAll(dropTestIndexes);

const cas = (sku: string) => FIXTURE.find((f) => f.sku === sku)!.cas;

describe("a full substance name finds that substance, not everything that shares a character", () => {
  it.each([
    ["N,N-二甲基甲酰胺", ["dmf", "dmf-2"]],
    ["甲基丙烯酸", ["maa"]],
    ["ethanol", ["ethanol", "ethanol-2"]],
    ["二甲苯", ["xylene"]],
    ["醋酸丁酯", ["butyl-acetate", "butyl-acetate-2"]],
    ["乙酸丁酯", ["butyl-acetate", "butyl-acetate-2"]],
    // a product without a substance is named by its own name
    ["水性丙烯酸树脂乳液", ["resin"]],
    ["丙烯酸", ["acrylic"]],
    ["DMF", ["dmf", "dmf-2"]],
  ])("%s finds exactly %j", async (q, skus) => {
    const result = await ranked(q);
    expect([...result.skus].sort()).toEqual([...skus].sort());
    expect(result.total).toBe(skus.length);
    for (const stranger of ["hexane", "silicon", "ethyl-acetate", "toluene", "mma", "methanol"]) {
      if (!skus.includes(stranger)) expect(result.skus).not.toContain(stranger);
    }
  });

  it("says when the query is a substance's own name, and when it is only words", async () => {
    expect((await ranked("甲基丙烯酸")).exactName).toBe(true);
    // not a name in the dictionary (it says 醋酸正丁酯): every word required instead
    expect((await ranked("醋酸丁酯")).exactName).toBe(false);
  });

  it("the exact name or alias outranks a typo reading: acetonne finds acetone before MEK (alias \"methyl acetone\")", async () => {
    const { skus } = await ranked("acetonne");
    expect(skus.slice(0, 2).sort()).toEqual(["acetone", "acetone-2"]);
    if (skus.includes("mek")) expect(skus.indexOf("mek")).toBeGreaterThan(1);
  });

  it("二甲苯 finds xylene before toluene (its near neighbour is no hit at all)", async () => {
    const { skus } = await ranked("二甲苯");
    expect(skus[0]).toBe("xylene");
    expect(skus).not.toContain("toluene");
  });

  it("lists the neighbours apart, as related substances, never among the hits", async () => {
    const maa = await ranked("甲基丙烯酸");
    expect(maa.related.map((r) => r.cas)).toContain(cas("mma"));
    const acrylic = await ranked("丙烯酸");
    expect(acrylic.related.map((r) => r.cas)).toEqual(expect.arrayContaining([cas("butyl-acrylate"), cas("maa"), cas("mma")]));
    // a product without a CAS number is listed by its own name, to be searched by it
    expect(acrylic.related).toContainEqual({ cas: null, nameZh: "水性丙烯酸树脂乳液", nameEn: null, q: "水性丙烯酸树脂乳液" });
    for (const result of [maa, acrylic]) {
      const hitCas = new Set(result.hits.map((h) => h.cas));
      expect(result.related.length).toBeGreaterThan(0);
      expect(result.related.filter((r) => hitCas.has(r.cas))).toEqual([]);
      // each related substance once
      expect(new Set(result.related.map((r) => r.q)).size).toBe(result.related.length);
    }
    // words that name no substance have no related list: their hits are all the matches
    expect((await ranked("acid")).related).toEqual([]);
  });

  it("an exact name's products come nearest the viewer first", async () => {
    const result = await ranked("丙酮", {}, buyer);
    expect(result.nearestFirst).toBe(true);
    expect(result.skus).toEqual(["acetone", "acetone-2"]);
  });
});

describe("filters: purity, price, available quantity", () => {
  const inRange = (value: number | null, min: number, max = Infinity) => value !== null && value >= min && value <= max;
  const expected = (pick: (f: (typeof FIXTURE)[number]) => boolean) => FIXTURE.filter(pick).map((f) => f.sku).sort();

  it("purity range", async () => {
    const result = await ranked("", { minPurity: 99.5, maxPurity: 99.9, grade: "industrial" }, buyer);
    expect(result.hits.every((h) => inRange(h.purityPct, 99.5, 99.9))).toBe(true);
    expect([...result.skus].sort()).toEqual(expected((f) => inRange(f.purityPct === null ? null : Number(f.purityPct), 99.5, 99.9)));
  });

  it("price range (元/吨)", async () => {
    const result = await ranked("", { minPrice: 5000, maxPrice: 7000, grade: "industrial" }, buyer);
    expect([...result.skus].sort()).toEqual(expected((f) => inRange(f.priceCnyPerT === null ? null : Number(f.priceCnyPerT), 5000, 7000)));
  });

  it("available quantity (at least, 吨), together with words", async () => {
    const result = await ranked("acid", { minAvailable: 150 }, buyer);
    expect(result.skus.length).toBeGreaterThan(0);
    expect(result.hits.every((h) => inRange(h.availableT, 150))).toBe(true);
    expect(result.skus).not.toContain("maa"); // 70 t
  });
});

describe("orders: relevance, price low → high, most available, nearest", () => {
  const ascending = (values: number[]) => values.every((v, i) => i === 0 || values[i - 1]! <= v);

  it("price low → high orders every hit, whatever its relevance, those without a price last", async () => {
    const byRelevance = await ranked("acid", {}, buyer);
    const prices = (r: typeof byRelevance) => r.hits.map((h) => h.priceCnyPerT!);
    expect(ascending(prices(byRelevance))).toBe(false); // else the test proves nothing
    const byPrice = await ranked("acid", { sort: "price" }, buyer);
    expect(byPrice.sort).toBe("price");
    expect([...byPrice.skus].sort()).toEqual([...byRelevance.skus].sort());
    expect(ascending(prices(byPrice))).toBe(true);

    const all = await ranked("", { sort: "price", grade: "industrial" }, buyer);
    expect(all.total).toBe(FIXTURE.length);
    expect(all.skus.at(-1)).toBe("resin");
    expect(ascending(all.hits.slice(0, -1).map((h) => h.priceCnyPerT!))).toBe(true);
  });

  it("most available first, those without a quantity last", async () => {
    const result = await ranked("", { sort: "available", grade: "industrial" }, buyer);
    expect(result.skus.at(-1)).toBe("ethanol-2");
    const quantities = result.hits.slice(0, -1).map((h) => h.availableT!);
    expect(quantities.every((v, i) => i === 0 || quantities[i - 1]! >= v)).toBe(true);
  });

  it("nearest first for a buyer whose enterprise is located", async () => {
    const result = await ranked("acid", { sort: "distance" }, buyer);
    expect(result).toMatchObject({ sort: "distance", nearestFirst: true, distanceSortAvailable: true });
    const km = result.hits.map((h) => h.distanceKm!);
    expect(km.every((d) => d !== null)).toBe(true);
    expect(ascending(km)).toBe(true);
    expect(km[0]).toBeLessThan(5);
    expect(km.at(-1)).toBeGreaterThan(100);
  });

  it("by distance falls back to relevance when the viewer's enterprise has no location", async () => {
    const result = await ranked("acid", { sort: "distance" }, unlocatedBuyer);
    expect(result).toMatchObject({ sort: "relevance", nearestFirst: false, distanceSortAvailable: false });
    expect(result.skus).toEqual((await ranked("acid", {}, unlocatedBuyer)).skus);
  });

  it("a viewer who may not see hazardous prices sorts and filters by price over the products it may see only", async () => {
    const result = await ranked("", { sort: "price", grade: "industrial" });
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.hits.every((h) => !h.restricted)).toBe(true);
    expect(result.skus).not.toContain("acetone");
    // acetone is hazardous: its price is members-only, so a price filter cannot find it either
    expect((await ranked("丙酮", { maxPrice: 100000 })).total).toBe(0);
    expect((await ranked("丙酮", { maxPrice: 100000 }, buyer)).total).toBe(2);
  });
});

describe("the search API (GET /api/search)", () => {
  const get = (query: string, actor: Actor = anonymous) => answerSearch(db, async () => actor, new URLSearchParams(query));

  it("takes the ranges and the order as address parameters", async () => {
    const answer = await get("q=acid&sort=price&minPurity=99.5&maxPrice=9000", buyer);
    expect(answer.status).toBe(200);
    const body = answer.body as Awaited<ReturnType<typeof searchProducts>>;
    expect(body.sort).toBe("price");
    expect(body.hits.length).toBeGreaterThan(0);
    expect(body.hits.every((h) => h.purityPct! >= 99.5 && h.priceCnyPerT! <= 9000)).toBe(true);
    const exact = (await get("q=甲基丙烯酸")).body as Awaited<ReturnType<typeof searchProducts>>;
    expect(exact.related.map((r) => r.cas)).toContain(cas("mma"));
  });

  it.each(["sort=cheapest", "minPurity=abc", "maxPurity=120", "minPrice=-5"])("refuses %s in both languages", async (bad) => {
    const answer = await get(`q=acid&${bad}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { zh: expect.stringContaining(bad.split("=")[0]!), en: expect.stringContaining(bad.split("=")[0]!) } });
  });
});
