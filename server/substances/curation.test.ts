import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { substances } from "@/db/schema";
import { makeEnterprise, makePark, makeUser } from "@/server/testing/factories";
import { curateSubstance, getSubstanceForCuration, listCuratedSubstances } from "./curation";
import { loadReferenceDictionary } from "./reference";
import { getSubstance, lookupSubstances } from "./substance.service";

const db = getDb();
const CAS = "7782-44-7"; // 氧 / oxygen (no demo product uses it), whose shipped aliases include "dioxygen"

afterAll(async () => {
  await db.update(substances).set({ curatedNameZh: null, curatedNameEn: null, curatedAliases: [], curatedHiddenAliases: [], curatedBy: null, curatedAt: null }).where(eq(substances.cas, CAS));
});

describe("dictionary curation", () => {
  it("park staff rename a substance, add an alias and strike out a wrong one; lookup reads the result", async () => {
    const { actor } = await makeUser({ parkId: (await makePark()).id });
    const before = await getSubstanceForCuration(db, actor, CAS);
    expect(before.shipped.aliases).toContain("dioxygen");

    await curateSubstance(db, actor, { cas: "7782447", nameZh: "氧气", nameEn: null, aliases: ["工业氧", "dioxygen"], hiddenAliases: ["dioxygen"] });
    const after = await getSubstanceForCuration(db, actor, CAS);
    expect(after.curated).toEqual({ nameZh: "氧气", nameEn: null, aliases: ["工业氧"], hiddenAliases: ["dioxygen"] });
    expect(after.effective.aliases).toContain("工业氧");
    expect(after.effective.aliases).not.toContain("dioxygen");
    expect(after.curatedBy).toBeTruthy();

    expect(await getSubstance(db, CAS)).toMatchObject({ nameZh: "氧气" });
    expect((await lookupSubstances(db, { q: "工业氧" }))[0]?.cas).toBe(CAS);
    expect((await lookupSubstances(db, { q: "dioxygen" })).map((s) => s.cas)).not.toContain(CAS);
    expect((await listCuratedSubstances(db, actor, { page: 1, pageSize: 100 })).items.map((s) => s.cas)).toContain(CAS);

    // a reload of the shipped files keeps the corrections
    await loadReferenceDictionary(db, { force: true });
    expect(await getSubstance(db, CAS)).toMatchObject({ nameZh: "氧气" });
  });

  it("strikes out only aliases the shipped dictionary has, and refuses enterprise users", async () => {
    const { actor } = await makeUser({ parkId: (await makePark()).id });
    await expect(curateSubstance(db, actor, { cas: CAS, nameZh: null, nameEn: null, aliases: [], hiddenAliases: ["从未有过的别名"] })).rejects.toMatchObject({ code: "INVALID" });
    await expect(curateSubstance(db, actor, { cas: "50-00-1", nameZh: null, nameEn: null, aliases: [], hiddenAliases: [] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const buyer = await makeUser({ enterpriseId: (await makeEnterprise()).id, role: "admin" });
    await expect(getSubstanceForCuration(db, buyer.actor, CAS)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
