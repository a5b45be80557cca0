import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { substances } from "@/db/schema";
import { createCaller } from "@/server/api/root";
import { substanceView } from "@/server/substances/substance.service";
import { makeByproduct, makeDemand, makeEnterprise, makeOffer, makeProduct, makeUser } from "@/server/testing/factories";

const ACETONE = "67-64-1";

/** The dictionary's English name of acetone, as the dictionary holds it (curated first): the value the reads must carry. */
async function englishOfAcetone() {
  const [row] = await getDb().select({ nameEn: substanceView.nameEn }).from(substances).where(eq(substances.cas, ACETONE));
  expect(row?.nameEn, "the reference dictionary names 67-64-1 in English").toBeTruthy();
  return row!.nameEn!;
}

describe("listings carry the dictionary's English substance name, for the English UI", () => {
  it("demand.list and demand.get: the English name of the demand's CAS; none without a CAS", async () => {
    const english = await englishOfAcetone();
    const buyer = await makeEnterprise({ nameEn: "Test Buyer Co." });
    const { actor } = await makeUser({ enterpriseId: buyer.id, role: "admin" });
    const withCas = await makeDemand(buyer.id, { cas: ACETONE, substanceName: "丙酮" });
    const typed = await makeDemand(buyer.id, { cas: null, substanceName: "某种溶剂" });
    const caller = createCaller({ db: getDb(), actor });

    const list = await caller.demand.list({ enterpriseId: buyer.id, status: "all" });
    expect(list.items.find((d) => d.id === withCas.id)).toMatchObject({ substanceName: "丙酮", substanceEn: english });
    expect(list.items.find((d) => d.id === typed.id)!.substanceEn).toBeNull();

    const one = await caller.demand.get({ id: withCas.id });
    expect(one.substanceEn).toBe(english);
    expect(one.buyer.nameEn).toBe("Test Buyer Co.");
    expect((await caller.demand.get({ id: typed.id })).substanceEn).toBeNull();
  });

  it("offer.list and offer.products: the English name of the product's CAS", async () => {
    const english = await englishOfAcetone();
    const seller = await makeEnterprise();
    const { actor } = await makeUser({ enterpriseId: seller.id, role: "admin" });
    const product = await makeProduct(seller.id, { cas: ACETONE, name: "工业丙酮" });
    const plain = await makeProduct(seller.id, { cas: null, name: "自配溶剂" });
    const offer = await makeOffer(seller.id, product.id);
    const caller = createCaller({ db: getDb(), actor });

    const list = await caller.offer.list({ enterpriseId: seller.id, status: "all" });
    expect(list.items.find((o) => o.id === offer.id)).toMatchObject({ productName: "工业丙酮", substanceEn: english });

    const offerable = await caller.offer.products({ enterpriseId: seller.id });
    expect(offerable.find((p) => p.id === product.id)!.substanceEn).toBe(english);
    expect(offerable.find((p) => p.id === plain.id)!.substanceEn).toBeNull();
  });

  it("byproduct.list and byproduct.get: the English name of the by-product's CAS", async () => {
    const english = await englishOfAcetone();
    const seller = await makeEnterprise();
    const { actor } = await makeUser({ enterpriseId: seller.id, role: "admin" });
    const stream = await makeByproduct(seller.id, { cas: ACETONE, name: "回收丙酮" });
    const caller = createCaller({ db: getDb(), actor });

    const list = await caller.byproduct.list({ enterpriseId: seller.id, status: "all" });
    expect(list.items.find((b) => b.id === stream.id)).toMatchObject({ name: "回收丙酮", substanceEn: english });
    expect((await caller.byproduct.get({ id: stream.id })).substanceEn).toBe(english);
  });
});
