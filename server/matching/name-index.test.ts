import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { makeDemand, makeEnterprise, makeProduct, pickSubstance } from "@/server/testing/factories";
import { demandsConcerningProducts } from "./refresh";
import { textArray } from "./sql-arrays";
import { bareName, byNameCondition, LOOKUP_GRAMS, lookupGrams, nameGrams, nameTokens, rankCandidates, type DemandForMatching } from "./candidates";

/**
 * Matching finds products without a CAS by name through two GIN indexes (migration 0018): the
 * words of their names (`product_name_keys`) and every two-character piece of them (`name_grams`),
 * which narrows "the name contains …" before LIKE decides. Before them, ranking one demand read
 * every product without a CAS (707 ms at 1M products).
 */

const NAMES = [
  "Isopropyl alcohol 99.9%", "异丙醇", "工业级异丙醇（IPA）", "甲醇", "丙酮/Acetone", "二氯甲烷 , 99.5％", "醇",
  "N,N-二甲基甲酰胺", "𠮷野化工溶剂", "ÉTHANOL absolu",
];

describe("finding products by name", () => {
  it("cuts a name into the same words and pieces in SQL as in TypeScript", async () => {
    const rows = await getDb().execute<{ name: string; keys: string[]; grams: string[] }>(sql`
      SELECT n AS name, product_name_keys(n) AS keys, name_grams(n) AS grams FROM unnest(${textArray(NAMES)}) AS n`);
    for (const row of rows) {
      const lower = row.name.toLowerCase();
      expect(row.keys, row.name).toEqual([...nameTokens(lower), bareName(lower)]);
      expect([...row.grams].sort(), row.name).toEqual(nameGrams(lower).sort());
    }
    // pieces are by character, so a character outside the BMP is one, as in SQL
    expect(nameGrams("𠮷野化")).toEqual(["𠮷野", "野化"]);
    expect(nameGrams("醇")).toEqual([]);
    // the index looks up a few of a long name's pieces, the rarest-looking ones; a short name's all
    const long = "ferrous ammonium sulfate hexahydrate";
    const looked = lookupGrams(long);
    expect(looked).toHaveLength(LOOKUP_GRAMS);
    expect(nameGrams(long)).toEqual(expect.arrayContaining(looked));
    expect(looked).toContain("xa");
    expect(looked.some((g) => g.includes(" "))).toBe(false);
    expect(lookupGrams("异丙醇")).toEqual(nameGrams("异丙醇"));
  });

  it("finds, for a name no dictionary knows, every product whose name contains it, with or without a CAS, down to two characters", async () => {
    const tag = crypto.randomBytes(3).toString("hex");
    const [seller, buyer] = await Promise.all([makeEnterprise(), makeEnterprise()]);
    const withCas = await makeProduct(seller.id, { cas: "8052-41-3", name: `高纯特种溶剂${tag}桶装` });
    const without = await makeProduct(seller.id, { cas: null, name: `特种溶剂${tag} 99%` });
    const other = await makeProduct(seller.id, { cas: null, name: `特种溶液${tag}` });
    const twoWithout = await makeProduct(seller.id, { cas: null, name: `${tag}高纯氘氚气` });
    const twoWithCas = await makeProduct(seller.id, { cas: "7782-39-0", name: `氘氚混合气${tag}` });
    const demand = (substanceName: string): DemandForMatching => ({
      id: null, enterpriseId: buyer.id, parkId: null, lat: null, lng: null, cas: null, substanceName,
      quantityT: 10, recurrence: "once", grade: null, minPurityPct: null,
    });

    const [long, short] = await rankCandidates(getDb(), [demand(`特种溶剂${tag}`), demand("氘氚")]);
    const found = (list: typeof long) => new Map(list!.filter((c) => c.supplier.id === seller.id).map((c) => [c.productId, c.identity]));
    expect(found(long)).toEqual(new Map([[withCas.id, "text"], [without.id, "text"]]));
    expect(found(long).has(other.id)).toBe(false);
    expect(found(short)).toEqual(new Map([[twoWithout.id, "text"], [twoWithCas.id, "text"]]));
  });

  it("reads products without a CAS through the name indexes for a demand the dictionary knows, never the whole catalogue", async () => {
    const plan = await getDb().transaction(async (tx) => {
      // a catalogue of the product table's own shape and indexes, where half the products have no
      // CAS (as a national one has tens of thousands): there, "no CAS" alone narrows nothing
      await tx.execute(sql`CREATE TEMP TABLE catalogue (LIKE product INCLUDING ALL) ON COMMIT DROP`);
      await tx.execute(sql`
        INSERT INTO catalogue (enterprise_id, sku, name, cas)
        SELECT 1, 'S-' || g, '测试产品' || g, CASE WHEN g % 2 = 0 THEN NULL ELSE '64-17-5' END FROM generate_series(1, 4000) AS g`);
      await tx.execute(sql`ANALYZE catalogue`);
      // a park's worth of needles: as one OR of them, the planner read every product without a CAS
      const needles = ["异丙醇", "isopropanol", ...Array.from({ length: 400 }, (_, i) => `溶剂${i}号`)];
      const condition = byNameCondition(["异丙醇", "isopropanol", "ipa"], needles, [], sql.raw("catalogue"))!;
      // with sequential reads priced out, the planner still reads the table if no index can answer
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      const rows = await tx.execute<{ "QUERY PLAN": string }>(sql`
        EXPLAIN SELECT p.id FROM catalogue p WHERE p.retired_at IS NULL AND (${condition})`);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).not.toMatch(/Seq Scan/);
    // the copies of product_name_keys_idx and product_name_grams_no_cas_idx: the words, and each name's pieces
    expect(plan).toMatch(/Bitmap Index Scan on catalogue_product_name_keys_idx\d*\s/);
    expect(plan).toMatch(/Bitmap Index Scan on catalogue_name_grams_idx\d*\s/);
    expect(plan).not.toMatch(/Index Cond: \(cas IS NULL\)/);
  });

  it("tells which open demands a new product concerns, as ranking matches them: never a demand for another CAS by name alone", async () => {
    const tag = crypto.randomBytes(3).toString("hex");
    const [x, y] = [await pickSubstance("plain"), await pickSubstance("plain")];
    const [seller, buyer] = await Promise.all([makeEnterprise(), makeEnterprise()]);
    const forX = await makeDemand(buyer.id, { cas: x.cas, substanceName: x.nameZh });
    const forY = await makeDemand(buyer.id, { cas: y.cas, substanceName: `${y.nameZh}` });
    const unknown = await makeDemand(buyer.id, { cas: null, substanceName: `特种溶剂${tag}` });
    // no CAS, named by X's dictionary name: concerns X's demand
    const loose = await makeProduct(seller.id, { cas: null, name: `${x.nameZh} 99%` });
    // Y's CAS, its name carrying the unknown name: concerns Y's demand and the demand without a CAS
    const named = await makeProduct(seller.id, { cas: y.cas, name: `特种溶剂${tag}（${y.nameZh}）` });
    // X's CAS under a name that carries Y's name: X's demand only, never Y's
    const other = await makeProduct(seller.id, { cas: x.cas, name: `${x.nameZh}-${y.nameZh}` });
    const mine = (ids: number[]) => ids.filter((id) => [forX.id, forY.id, unknown.id].includes(id)).sort((a, b) => a - b);
    expect(mine(await demandsConcerningProducts(getDb(), [loose.id]))).toEqual([forX.id]);
    expect(mine(await demandsConcerningProducts(getDb(), [named.id]))).toEqual([forY.id, unknown.id].sort((a, b) => a - b));
    expect(mine(await demandsConcerningProducts(getDb(), [other.id]))).toEqual([forX.id]);
  });
});
