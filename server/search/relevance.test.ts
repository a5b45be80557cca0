import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { anonymous } from "@/server/auth/actor";
import { makeEnterprise, makePark, makeProduct, makeUser } from "@/server/testing/factories";
import { dropTestIndexes, prepareTestIndexes } from "@/server/testing/search";
import { HIGHLIGHT_PRE } from "./products.index";
import { searchProducts } from "./query";
import { syncProducts } from "./sync";

vi.hoisted(() => {
  process.env.MEILI_INDEX_PREFIX = `t${Math.random().toString(36).slice(2, 10)}_`;
});

/**
 * Relevance on a fixture catalogue: every product is found by the names people know it by, exact
 * names and aliases come before products that merely contain them, a CAS number is an exact lookup.
 */
const FIXTURE = [
  { sku: "toluene", name: "甲苯", cas: "108-88-3" },
  { sku: "xylene", name: "混合二甲苯", cas: "1330-20-7" },
  { sku: "acrylic", name: "冰晶级丙烯酸 GAA", cas: "79-10-7" },
  { sku: "butyl-acrylate", name: "丙烯酸丁酯", cas: "141-32-2" },
  { sku: "mma", name: "甲基丙烯酸甲酯", cas: "80-62-6" },
  { sku: "maa", name: "甲基丙烯酸", cas: "79-41-4" },
  { sku: "ethyl-acetate", name: "醋酸乙酯 99.5%", cas: "141-78-6" },
  { sku: "butyl-acetate", name: "乙酸丁酯", cas: "123-86-4" },
  { sku: "ipa", name: "IPA 99.9%", cas: "67-63-0" },
  { sku: "ethanol", name: "无水乙醇", cas: "64-17-5" },
  { sku: "methanol", name: "精甲醇", cas: "67-56-1" },
  { sku: "dmf", name: "DMF", cas: "68-12-2" },
  { sku: "resin", name: "水性丙烯酸树脂乳液", cas: null },
] as const;

const db = getDb();
let idBySku = new Map<string, number>();
const skuById = () => new Map([...idBySku].map(([sku, id]) => [id, sku]));

async function ranked(q: string) {
  const result = await searchProducts(db, anonymous, { q, pageSize: 50 });
  const skus = skuById();
  return { ...result, skus: result.hits.map((h) => skus.get(h.id)) };
}

beforeAll(async () => {
  await prepareTestIndexes();
  const park = await makePark();
  const enterprise = await makeEnterprise({ parkId: park.id, verifiedAt: new Date() });
  const products = [];
  for (const item of FIXTURE) products.push(await makeProduct(enterprise.id, { ...item, grade: "industrial", form: "liquid" }));
  idBySku = new Map(products.map((p) => [p.sku, p.id]));
  await syncProducts(db, products.map((p) => p.id));
});

afterAll(dropTestIndexes);

describe("search relevance", () => {
  it.each([
    // Chinese names, the catalogue's own and the dictionary's
    ["甲苯", "toluene"],
    ["异丙醇", "ipa"],
    ["乙醇", "ethanol"],
    ["甲醇", "methanol"],
    // aliases the catalogue row never mentions
    ["2-丙醇", "ipa"],
    ["乙酸乙酯", "ethyl-acetate"],
    ["N,N-二甲基甲酰胺", "dmf"],
    // English names and abbreviations
    ["isopropanol", "ipa"],
    ["isopropyl alcohol", "ipa"],
    ["IPA", "ipa"],
    ["toluene", "toluene"],
    ["acrylic acid", "acrylic"],
    ["ethyl acetate", "ethyl-acetate"],
    ["methyl methacrylate", "mma"],
    // typos in English names
    ["tolune", "toluene"],
    ["isopropanl", "ipa"],
    ["acetonitril", undefined],
  ])("%s finds %s first", async (q, sku) => {
    const { skus } = await ranked(q);
    expect(skus[0]).toBe(sku);
  });

  it.each([
    ["甲苯", "toluene", "xylene"],
    ["丙烯酸", "acrylic", "butyl-acrylate"],
    ["丙烯酸", "acrylic", "resin"],
    ["乙酸乙酯", "ethyl-acetate", "butyl-acetate"],
    ["甲基丙烯酸", "maa", "mma"],
  ])("%s ranks the exact %s before its neighbour %s", async (q, exact, neighbour) => {
    const { skus } = await ranked(q);
    expect(skus).toContain(exact);
    const at = skus.indexOf(exact);
    const next = skus.indexOf(neighbour);
    if (next >= 0) expect(at).toBeLessThan(next);
  });

  it.each(["67-63-0", "67630", " 67-63-0 ", "６７－６３－０"])("a CAS number %s is an exact lookup", async (q) => {
    const result = await ranked(q);
    expect(result.cas).toBe("67-63-0");
    expect(result.skus).toEqual(["ipa"]);
  });

  it("a CAS number with a wrong check digit is no lookup, and numbers get no typo tolerance", async () => {
    const wrong = await ranked("67-63-1");
    expect(wrong.cas).toBeNull();
    expect(wrong.skus).not.toContain("ipa");
    expect((await ranked("108-88-4")).skus).not.toContain("toluene");
    expect((await ranked("10888")).skus).toEqual([]); // not a CAS (check digit), not a prefix of one either
  });

  it("finds a CAS number as typed so far", async () => {
    expect((await ranked("108-88")).skus).toContain("toluene");
  });

  it("highlights what matched and shows the substance's names and the aliases that matched", async () => {
    const { hits, skus } = await ranked("2-丙醇");
    const ipa = hits[skus.indexOf("ipa")]!;
    expect(ipa.substance?.nameEn?.toLowerCase()).toContain("isopropyl");
    expect(ipa.substance!.matchedAliases.join(" ") + (ipa.substance!.nameZh ?? "")).toContain(HIGHLIGHT_PRE);
    const { hits: named } = await ranked("IPA");
    expect(named[0]!.name).toBe(`${HIGHLIGHT_PRE}IPA\uE001 99.9%`);
  });

  it("counts facets and filters by them", async () => {
    const result = await ranked("丙烯酸");
    expect(result.facets.grade).toEqual([{ value: "industrial", count: result.total }]);
    const none = await searchProducts(db, anonymous, { q: "丙烯酸", grade: "electronic" });
    expect(none.total).toBe(0);
  });
});

describe("equally relevant hits, nearest the viewer first", () => {
  // two parks 150 km apart; the same butanol from a supplier in each
  const here = { lat: "31.950000", lng: "120.300000" };
  const there = { lat: "33.300000", lng: "120.500000" };
  let cast: Awaited<ReturnType<typeof setUp>>;

  async function setUp() {
    const [parkHere, parkThere] = [await makePark(), await makePark()];
    const buyerHere = await makeEnterprise({ parkId: parkHere.id, verifiedAt: new Date(), lat: "31.960000", lng: "120.310000" });
    const buyerThere = await makeEnterprise({ parkId: parkThere.id, verifiedAt: new Date(), lat: "33.310000", lng: "120.510000" });
    // the far supplier is indexed first, so without the distance rule it would come first
    const far = await makeEnterprise({ parkId: parkThere.id, verifiedAt: new Date(), ...there });
    const near = await makeEnterprise({ parkId: parkHere.id, verifiedAt: new Date(), ...here });
    const unlocated = await makeEnterprise({ verifiedAt: new Date() });
    const item = { name: "正丁醇", cas: "71-36-3", grade: "industrial" as const, form: "liquid" as const };
    const farProduct = await makeProduct(far.id, { ...item, sku: "nba-far" });
    const nearProduct = await makeProduct(near.id, { ...item, sku: "nba-near" });
    const unlocatedProduct = await makeProduct(unlocated.id, { ...item, sku: "nba-unlocated" });
    const nearMixture = await makeProduct(near.id, { name: "正丁醇 异丁醇 混合醇", cas: null, sku: "nba-mix", grade: "industrial", form: "liquid" });
    await syncProducts(db, [farProduct.id, nearProduct.id, unlocatedProduct.id, nearMixture.id]);
    return {
      parkHere,
      // located next door, but not verified yet: it may not see who the hazardous suppliers are
      unverifiedHere: (await makeUser({ enterpriseId: (await makeEnterprise({ parkId: parkHere.id, lat: "31.960000", lng: "120.310000" })).id, role: "procurement" })).actor,
      buyerHere: (await makeUser({ enterpriseId: buyerHere.id, role: "procurement" })).actor,
      buyerThere: (await makeUser({ enterpriseId: buyerThere.id, role: "procurement" })).actor,
      far: farProduct.id, near: nearProduct.id, unlocated: unlocatedProduct.id, mixture: nearMixture.id,
    };
  }

  beforeAll(async () => {
    cast = await setUp();
  });

  it("a buyer sees the supplier in its own park first, with the distance, the farther one next and the unlocated last", async () => {
    const result = await searchProducts(db, cast.buyerHere, { q: "71-36-3" });
    expect(result.nearestFirst).toBe(true);
    expect(result.hits.map((h) => h.id)).toEqual([cast.near, cast.far, cast.unlocated]);
    const [near, far, unlocated] = result.hits;
    expect(near).toMatchObject({ samePark: true });
    expect(near!.distanceKm).toBeLessThan(2);
    expect(far).toMatchObject({ samePark: false });
    expect(far!.distanceKm).toBeGreaterThan(140);
    expect(unlocated!.distanceKm).toBeNull();
  });

  it("a buyer in the other park sees the order turned round", async () => {
    const result = await searchProducts(db, cast.buyerThere, { q: "71-36-3" });
    expect(result.hits.map((h) => h.id)).toEqual([cast.far, cast.near, cast.unlocated]);
  });

  // issue 13, point 5: an exact substance name finds that substance's products only, so the mixture
  // next door is no longer a hit ranked after them (what this test asked before) but a related substance
  it("nearness only orders the same substance: an exact name's products nearest first, a mixture next door apart among the related", async () => {
    const { hits, related } = await searchProducts(db, cast.buyerHere, { q: "正丁醇" });
    const ids = hits.map((h) => h.id);
    expect(ids).toEqual([cast.near, cast.far, cast.unlocated]);
    expect(related.map((r) => r.q)).toContain("正丁醇 异丁醇 混合醇");
  });

  it("a viewer who may not see every supplier gets relevance alone: the order would tell how near a hidden one is", async () => {
    const result = await searchProducts(db, cast.unverifiedHere, { q: "71-36-3" });
    expect(result.nearestFirst).toBe(false);
    expect(result.hits.every((h) => h.distanceKm === null)).toBe(true);
  });

  it("without a located viewer the ranking is relevance alone, with no distances", async () => {
    const result = await searchProducts(db, anonymous, { q: "71-36-3" });
    expect(result.nearestFirst).toBe(false);
    expect(result.hits.every((h) => h.distanceKm === null && !h.samePark)).toBe(true);
  });
});
