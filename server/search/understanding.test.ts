import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { anonymous } from "@/server/auth/actor";
import { lookupSubstances } from "@/server/substances/substance.service";
import { makeEnterprise, makePark, makeProduct } from "@/server/testing/factories";
import { dropTestIndexes, prepareTestIndexes } from "@/server/testing/search";
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from "./products.index";
import { searchProducts } from "./query";
import { syncProducts } from "./sync";

vi.hoisted(() => {
  process.env.MEILI_INDEX_PREFIX = `t${Math.random().toString(36).slice(2, 10)}_`;
});

/**
 * Search as chemists type (issue 13, points 1–4 and 6), on the real Meilisearch with a fixture
 * catalogue: Traditional and Simplified rows, formulas with isomers, CAS numbers as pasted from an
 * SDS, purity and grade words, and the trade's abbreviations.
 */
const FIXTURE = [
  // isopropanol in three purities and two scripts (a Hong Kong supplier writes Traditional)
  { sku: "ipa-990", name: "异丙醇", cas: "67-63-0", purityPct: "99.0", grade: "industrial" },
  { sku: "ipa-995-el", name: "IPA 电子级", cas: "67-63-0", purityPct: "99.5", grade: "electronic" },
  { sku: "ipa-hk", name: "異丙醇 99.9%", cas: "67-63-0", purityPct: "99.9", grade: "industrial" },
  { sku: "eo", name: "环氧乙烷", cas: "75-21-8", purityPct: "99.9", grade: "industrial" },
  { sku: "eo-tw", name: "環氧乙烷", cas: "75-21-8", purityPct: "99.95", grade: "industrial" },
  { sku: "h2o2", name: "双氧水 27.5%", cas: "7722-84-1", purityPct: "27.5", grade: "industrial" },
  { sku: "h2o2-hk", name: "過氧化氫溶液", cas: "7722-84-1", purityPct: "50", grade: "industrial" },
  // C3H6O: acetone and propylene oxide are isomers
  { sku: "acetone", name: "丙酮", cas: "67-64-1", purityPct: "99.5", grade: "industrial" },
  { sku: "acetone-ar", name: "丙酮", cas: "67-64-1", purityPct: "99.5", grade: "reagent" },
  { sku: "po", name: "环氧丙烷", cas: "75-56-9", purityPct: "99.9", grade: "industrial" },
  { sku: "sulfuric", name: "硫酸 98%", cas: "7664-93-9", purityPct: "98", grade: "industrial" },
  { sku: "naoh", name: "片碱", cas: "1310-73-2", purityPct: "99", grade: "industrial" },
  { sku: "hcl", name: "盐酸 31%", cas: "7647-01-0", purityPct: "31", grade: "industrial" },
  { sku: "methanol", name: "精甲醇", cas: "67-56-1", purityPct: "99.9", grade: "industrial" },
  { sku: "acetic", name: "冰醋酸", cas: "64-19-7", purityPct: "99.8", grade: "industrial" },
  { sku: "lime", name: "熟石灰", cas: "1305-62-0", purityPct: "95", grade: "industrial" },
  { sku: "toluene", name: "甲苯", cas: "108-88-3", purityPct: "99.5", grade: "industrial" },
  // abbreviations
  { sku: "mek", name: "甲乙酮", cas: "78-93-3", purityPct: "99.8", grade: "industrial" },
  { sku: "dcm", name: "二氯甲烷", cas: "75-09-2", purityPct: "99.9", grade: "industrial" },
  { sku: "ba", name: "丙烯酸正丁酯", cas: "141-32-2", purityPct: "99.5", grade: "industrial" },
  { sku: "aa", name: "丙烯酸", cas: "79-10-7", purityPct: "99.5", grade: "industrial" },
  { sku: "ea", name: "醋酸乙酯", cas: "141-78-6", purityPct: "99.7", grade: "industrial" },
  { sku: "dmc", name: "碳酸二甲酯", cas: "616-38-6", purityPct: "99.9", grade: "industrial" },
  { sku: "thf", name: "四氢呋喃", cas: "109-99-9", purityPct: "99.9", grade: "industrial" },
  // no CAS, numbers in its name: what a number-as-text query used to find
  { sku: "resin", name: "丙烯酸树脂 99.5 型", cas: null, purityPct: null, grade: "industrial" },
] as const;

const db = getDb();
let idBySku = new Map<string, number>();

async function find(q: string) {
  const result = await searchProducts(db, anonymous, { q, pageSize: 50 });
  const skuOf = new Map([...idBySku].map(([sku, id]) => [id, sku]));
  return { ...result, skus: result.hits.map((h) => skuOf.get(h.id)!) };
}
const sorted = (list: string[]) => [...list].sort();

beforeAll(async () => {
  await prepareTestIndexes();
  const park = await makePark();
  const enterprise = await makeEnterprise({ parkId: park.id, verifiedAt: new Date() });
  const products = [];
  for (const item of FIXTURE) products.push(await makeProduct(enterprise.id, { ...item, form: "liquid" }));
  idBySku = new Map(products.map((p) => [p.sku, p.id]));
  await syncProducts(db, products.map((p) => p.id));
});

afterAll(dropTestIndexes);

describe("Traditional Chinese", () => {
  it.each([
    ["異丙醇", "异丙醇", ["ipa-990", "ipa-995-el", "ipa-hk"]],
    ["環氧乙烷", "环氧乙烷", ["eo", "eo-tw"]],
    ["過氧化氫", "过氧化氢", ["h2o2", "h2o2-hk"]],
  ])("%s gives the same hits as %s, the Traditional and the Simplified rows", async (traditional, simplified, expected) => {
    const [t, s] = [await find(traditional), await find(simplified)];
    expect(t.skus).toEqual(s.skus);
    // both rows of the substance, Traditional and Simplified, lead (a near neighbour may follow: that is ranking's business)
    expect(sorted(t.skus.slice(0, expected.length))).toEqual(sorted(expected));
    expect(t.understood.traditional).toBe(true);
    expect(s.understood.traditional).toBe(false);
  });

  it("shows a Traditional catalogue name as written, with the matched words marked", async () => {
    const { hits, skus } = await find("異丙醇");
    expect(hits[skus.indexOf("ipa-hk")]!.name).toBe(`${HIGHLIGHT_PRE}異丙醇${HIGHLIGHT_POST} 99.9%`);
    const simplified = await find("异丙醇");
    expect(simplified.hits[simplified.skus.indexOf("ipa-hk")]!.name).toBe(`${HIGHLIGHT_PRE}異丙醇${HIGHLIGHT_POST} 99.9%`);
  });
});

describe("formulas", () => {
  it.each([
    ["H2SO4", "H2O4S", ["sulfuric"]],
    ["NaOH", "HNaO", ["naoh"]],
    ["HCl", "ClH", ["hcl"]],
    ["CH3OH", "CH4O", ["methanol"]],
    ["CH3COOH", "C2H4O2", ["acetic"]],
    ["CH2Cl2", "CH2Cl2", ["dcm"]],
    ["Ca(OH)2", "CaH2O2", ["lime"]],
    // isomers together
    ["C3H6O", "C3H6O", ["acetone", "acetone-ar", "po"]],
    ["(CH3)2CO", "C3H6O", ["acetone", "acetone-ar", "po"]],
  ])("%s (Hill %s) finds that substance's products", async (q, hill, expected) => {
    const result = await find(q);
    expect(result.understood.formula).toBe(hill);
    expect(sorted(result.skus)).toEqual(sorted(expected));
    expect(result.hits.every((h) => h.formula === hill)).toBe(true);
  });

  it("a formula with a purity: sulfuric acid of at least 98 %", async () => {
    expect((await find("H2SO4 98%")).skus).toEqual(["sulfuric"]);
    expect((await find("H2SO4 99%")).skus).toEqual([]);
  });

  it("hits carry the substance's formula", async () => {
    const { hits } = await find("甲苯");
    expect(hits[0]!.formula).toBe("C7H8");
  });
});

describe("CAS numbers as pasted", () => {
  it.each([
    ["CAS 67-64-1", "67-64-1", ["acetone", "acetone-ar"]],
    ["CAS No.: 67-64-1", "67-64-1", ["acetone", "acetone-ar"]],
    ["CAS#67-64-1", "67-64-1", ["acetone", "acetone-ar"]],
    ["CAS号 67-64-1", "67-64-1", ["acetone", "acetone-ar"]],
    ["CAS No. 108-88-3", "108-88-3", ["toluene"]],
    ["CAS#7664-93-9", "7664-93-9", ["sulfuric"]],
    ["异丙醇 67-63-0", "67-63-0", ["ipa-990", "ipa-995-el", "ipa-hk"]],
  ])("%s is the exact lookup of %s", async (q, cas, expected) => {
    const result = await find(q);
    expect(result.cas).toBe(cas);
    expect(sorted(result.skus)).toEqual(sorted(expected));
  });

  it("a pasted CAS number with a wrong check digit finds nothing and says so", async () => {
    const result = await find("CAS No.: 67-64-2");
    expect(result.casInvalid).toBe(true);
    expect(result.skus).toEqual([]);
  });
});

describe("purity and grade words are conditions, not text", () => {
  it("99.5% 异丙醇 gives isopropanol of purity ≥ 99.5 % only", async () => {
    const result = await find("99.5% 异丙醇");
    expect(sorted(result.skus)).toEqual(["ipa-995-el", "ipa-hk"]);
    expect(result.understood).toMatchObject({ text: "异丙醇", minPurity: 99.5 });
    expect(result.understood.conditions).toContainEqual({ kind: "purity", value: 99.5, raw: "99.5%", without: "异丙醇" });
  });

  it.each(["异丙醇 ≥99.5", "异丙醇 >=99.5%", "异丙醇 99.5", "99.5%异丙醇"])("%s is the same condition", async (q) => {
    expect(sorted((await find(q)).skus)).toEqual(["ipa-995-el", "ipa-hk"]);
  });

  it("a number in the query no longer matches every product with a number in its name", async () => {
    const skus = (await find("99.5% 丙烯酸")).skus;
    expect(skus).toContain("aa");
    expect(skus).not.toContain("resin");
  });

  it.each([
    ["电子级 异丙醇", ["ipa-995-el"]],
    ["异丙醇 EL", ["ipa-995-el"]],
    ["工业级异丙醇", ["ipa-990", "ipa-hk"]],
    ["丙酮 AR", ["acetone-ar"]],
    ["丙酮 分析纯", ["acetone-ar"]],
    ["acetone reagent grade", ["acetone-ar"]],
  ])("%s filters on the grade", async (q, expected) => {
    const result = await find(q);
    expect(sorted(result.skus)).toEqual(sorted(expected));
    expect(result.understood.grades).toHaveLength(1);
  });
});

describe("trade abbreviations", () => {
  it.each([
    ["MEK", "mek"],
    ["DCM", "dcm"],
    ["BA", "ba"],
    ["AA", "aa"],
    ["EA", "ea"],
    ["DMC", "dmc"],
    ["THF", "thf"],
    ["PO", "po"],
    ["EO", "eo|eo-tw"],
  ])("%s finds %s first", async (q, sku) => {
    const result = await find(q);
    expect(sku.split("|")).toContain(result.skus[0]);
    expect(result.understood.formula).toBeNull();
  });

  it("the dictionary knows them too", async () => {
    expect((await lookupSubstances(db, { q: "MEK" }))[0]?.cas).toBe("78-93-3");
    expect((await lookupSubstances(db, { q: "BA" }))[0]?.cas).toBe("141-32-2");
  });
});
