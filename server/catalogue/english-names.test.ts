import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { substances } from "@/db/schema";
import { createCaller } from "@/server/api/root";
import { anonymous } from "@/server/auth/actor";
import { substanceView } from "@/server/substances/substance.service";
import { makeEnterprise, makePark, makeProduct, makeUser } from "@/server/testing/factories";

const ACETONE = "67-64-1";

async function englishOfAcetone() {
  const [row] = await getDb().select({ nameEn: substanceView.nameEn }).from(substances).where(eq(substances.cas, ACETONE));
  expect(row?.nameEn, "the reference dictionary names 67-64-1 in English").toBeTruthy();
  return row!.nameEn!;
}

describe("the catalogue and the directory carry English names, for the English UI", () => {
  it("catalogue.list, catalogue.product and enterprise.products: the dictionary's English name of the product's CAS; the enterprise's and park's English names", async () => {
    const english = await englishOfAcetone();
    const park = await makePark({ nameEn: "Catalogue Test Park" });
    const seller = await makeEnterprise({ parkId: park.id, nameEn: "Seller Solvents Ltd.", verifiedAt: new Date() });
    const { actor } = await makeUser({ enterpriseId: seller.id, role: "admin" });
    const product = await makeProduct(seller.id, { cas: ACETONE, name: "工业丙酮" });
    const caller = createCaller({ db: getDb(), actor });

    const list = await caller.catalogue.list({ enterpriseId: seller.id });
    expect(list.enterprise.nameEn).toBe("Seller Solvents Ltd.");
    expect(list.items.find((p) => p.id === product.id)!.substance!.nameEn).toBe(english);
    const one = await caller.catalogue.product({ id: product.id });
    expect(one.substance!.nameEn).toBe(english);
    expect(one.park).toMatchObject({ nameEn: "Catalogue Test Park" });
    const listed = await caller.enterprise.products({ enterpriseId: seller.id });
    expect(listed.items.find((p) => p.id === product.id)!.substance!.nameEn).toBe(english);
    const jobs = await caller.catalogue.importJobs({ enterpriseId: seller.id, limit: 1 });
    expect(jobs.enterprise.nameEn).toBe("Seller Solvents Ltd.");
  });

  it("enterprise.list: each enterprise's park with its English name", async () => {
    const park = await makePark({ nameEn: "Directory Test Park" });
    const member = await makeEnterprise({ parkId: park.id });
    const directory = await createCaller({ db: getDb(), actor: anonymous }).enterprise.list({ parkId: park.id });
    expect(directory.items.find((e) => e.id === member.id)!.park).toMatchObject({ nameEn: "Directory Test Park" });
  });
});
