import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { substances } from "@/db/schema";
import { createCaller } from "@/server/api/root";
import { substanceView } from "@/server/substances/substance.service";
import { makeDemand, makeEnterprise, makeLicence, makeMatch, makePark, makeProduct, makeUser } from "@/server/testing/factories";

// acetone is a controlled substance (a category 3 drug precursor): verified enterprises with their licences see each other
const verifiedAt = new Date();

const ACETONE = "67-64-1";

async function englishOfAcetone() {
  const [row] = await getDb().select({ nameEn: substanceView.nameEn }).from(substances).where(eq(substances.cas, ACETONE));
  expect(row?.nameEn, "the reference dictionary names 67-64-1 in English").toBeTruthy();
  return row!.nameEn!;
}

describe("match views carry English names, for the English UI", () => {
  it("match.forSupplier: the demand's and the supply's substance in English, the buyer's and its park's English names", async () => {
    const english = await englishOfAcetone();
    const park = await makePark({ nameEn: "Test Chemical Park" });
    const buyer = await makeEnterprise({ parkId: park.id, nameEn: "Buyer Resins Ltd.", verifiedAt });
    const seller = await makeEnterprise({ verifiedAt });
    await makeLicence(seller.id, { type: "hazardous_trade" });
    await makeLicence(buyer.id, { type: "precursor_purchase_record" });
    const { actor } = await makeUser({ enterpriseId: seller.id, role: "admin" });
    const product = await makeProduct(seller.id, { cas: ACETONE, name: "工业丙酮" });
    const demand = await makeDemand(buyer.id, { cas: ACETONE, substanceName: "丙酮" });
    await makeMatch(demand.id, seller.id, product.id);

    const view = await createCaller({ db: getDb(), actor }).match.forSupplier({ enterpriseId: seller.id });
    const item = view.items.find((m) => m.demand.id === demand.id)!;
    expect(item.demand.substanceEn).toBe(english);
    expect(item.supply).toMatchObject({ name: "工业丙酮", substanceEn: english });
    expect(item.buyer).toMatchObject({ nameEn: "Buyer Resins Ltd.", parkEn: "Test Chemical Park" });
    expect(view.supplies.find((s) => s.kind === "product" && s.id === product.id)).toMatchObject({ name: "工业丙酮", substanceEn: english });
  });

  it("match.forDemand: each candidate's substance in English, the supplier's park in English", async () => {
    const english = await englishOfAcetone();
    const park = await makePark({ nameEn: "Supplier Park" });
    const buyer = await makeEnterprise({ verifiedAt });
    const seller = await makeEnterprise({ parkId: park.id, verifiedAt });
    await makeLicence(seller.id, { type: "hazardous_trade" });
    await makeLicence(buyer.id, { type: "precursor_purchase_record" });
    const { actor } = await makeUser({ enterpriseId: buyer.id, role: "admin" });
    const product = await makeProduct(seller.id, { cas: ACETONE, name: "工业丙酮" });
    const demand = await makeDemand(buyer.id, { cas: ACETONE, substanceName: "丙酮" });
    await makeMatch(demand.id, seller.id, product.id);

    const view = await createCaller({ db: getDb(), actor }).match.forDemand({ demandId: demand.id });
    const item = view.items.find((m) => m.candidate.productId === product.id)!;
    expect(item.candidate).toMatchObject({ name: "工业丙酮", substanceEn: english });
    expect(item.supplier!.park).toMatchObject({ nameEn: "Supplier Park" });
  });
});
