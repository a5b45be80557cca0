import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { substances } from "@/db/schema";
import { buildReference, buildReferenceReport, loadReferenceDictionary, referenceDir } from "./reference";

const EVERYDAY_CATEGORY_3 = ["108-88-3", "67-64-1", "78-93-3", "7664-93-9", "7647-01-0"]; // 甲苯 丙酮 丁酮 硫酸 盐酸

describe("reference dictionary", () => {
  it("merges names, aliases and flags by CAS", () => {
    const byCas = new Map(buildReference().map((s) => [s.cas, s]));
    const ipa = byCas.get("67-63-0")!;
    const names = [ipa.nameZh, ipa.nameEn, ...ipa.aliases].map((a) => a?.toLowerCase());
    expect(names).toEqual(expect.arrayContaining(["异丙醇", "2-丙醇", "isopropyl alcohol"]));
    expect(ipa.hazardous).toBe(true);
    expect(byCas.get("7697-37-2")!.explosivePrecursor).toBe(true); // 硝酸
    expect(byCas.get("151-50-8")!.highlyToxic).toBe(true); // 氰化钾
    expect(byCas.get("7732-18-5")?.hazardous ?? false).toBe(false); // water is no hazardous chemical
  });

  it("carries each substance's formula in Hill order, and the trade's abbreviations as aliases of the substance the trade means", () => {
    const byCas = new Map(buildReference().map((s) => [s.cas, s]));
    expect(byCas.get("7664-93-9")!.formula).toBe("H2O4S"); // 硫酸
    expect(byCas.get("67-64-1")!.formula).toBe("C3H6O"); // 丙酮
    expect(byCas.get("75-56-9")!.formula).toBe("C3H6O"); // 环氧丙烷, its isomer
    expect(byCas.get("78-93-3")!.aliases).toEqual(expect.arrayContaining(["MEK", "丁酮"]));
    expect(byCas.get("141-32-2")!.aliases).toContain("BA"); // 丙烯酸丁酯, as the Chinese trade means it
    expect(byCas.get("101-68-8")!.aliases).toContain("MDI");
    expect(byCas.get("26447-40-5")?.aliases ?? []).not.toContain("MDI"); // one abbreviation, one substance
  });

  it("reloads idempotently and keeps staff corrections", async () => {
    const db = getDb();
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(substances);
    await db.update(substances)
      .set({ curatedAliases: ["IPA溶剂"], nameZh: "被改掉的名字" })
      .where(eq(substances.cas, "67-63-0"));

    const result = await loadReferenceDictionary(db, { force: true });
    expect(result.skipped).toBe(false);

    const after = await db.select({ n: sql<number>`count(*)::int` }).from(substances);
    expect(after[0]!.n).toBe(before[0]!.n);
    const [ipa] = await db.select().from(substances).where(eq(substances.cas, "67-63-0"));
    expect(ipa!.nameZh).toBe("2-丙醇"); // shipped column restored
    expect(ipa!.curatedAliases).toEqual(["IPA溶剂"]); // staff edit kept
    expect(ipa!.formula).toBe("C3H8O");
    await db.update(substances).set({ curatedAliases: [] }).where(eq(substances.cas, "67-63-0"));
  });

  it("skips an unchanged dictionary", async () => {
    expect((await loadReferenceDictionary(getDb())).skipped).toBe(true);
  });

  it("gives every substance of the shipped 易制毒 list its category", () => {
    const byCas = new Map(buildReference().map((s) => [s.cas, s]));
    for (const cas of EVERYDAY_CATEGORY_3) expect([cas, byCas.get(cas)?.precursorCategory]).toEqual([cas, 3]);
    expect(byCas.get("108-24-7")!.precursorCategory).toBe(2); // 醋酸酐
    expect(byCas.get("110-89-4")!.precursorCategory).toBe(2); // 哌啶
    expect(byCas.get("7722-64-7")).toMatchObject({ precursorCategory: 3, explosivePrecursor: true }); // 高锰酸钾: both lists
    // a listed substance the other files lack becomes a substance of its own, named as listed
    expect(byCas.get("94-59-7")).toMatchObject({ nameZh: "黄樟素", nameEn: "safrole", precursorCategory: 1 });
    expect(byCas.get("4468-48-8")).toMatchObject({ nameEn: "3-oxo-2-phenylbutanenitrile", precursorCategory: 1 });
    expect(byCas.get("4468-48-8")!.aliases).toContain("APAAN");
    // the listed name becomes an alias where the dictionary names it otherwise
    expect(byCas.get("78-93-3")!.aliases).toContain("甲基乙基酮");
    expect(byCas.get("96-48-0")!.aliases).toContain("γ-丁内酯");
    // a salt of a category 1 substance, named as such in the dictionary
    expect(byCas.get("379-79-3")).toMatchObject({ nameEn: "ergotamine tartrate", precursorCategory: 1 });
    // plain solvents stay off the list
    expect(byCas.get("67-63-0")!.precursorCategory).toBeNull(); // 异丙醇
    expect(byCas.get("64-17-5")!.precursorCategory).toBeNull(); // 乙醇
  });

  it("matches list rows without CAS by name, flags salts of categories 1 and 2 by name, and reports what matched nothing", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reference-"));
    for (const file of ["hazardous-chemicals-catalog-2015.csv", "explosive-precursors.csv", "chemical-formulas.csv", "trade-abbreviations.csv"]) {
      fs.writeFileSync(path.join(dir, file), fs.readFileSync(path.join(referenceDir(), file), "utf8").split(/\r?\n/)[0] + "\n");
    }
    fs.writeFileSync(path.join(dir, "chemical-names.csv"), [
      "cas,name_en,name_zh,synonyms,sources",
      "102-01-2,acetoacetanilide,乙酰乙酰苯胺,α-乙酰乙酰苯胺,test", // a list row without CAS, by its Chinese alias
      "50-98-6,ephedrine hydrochloride,盐酸麻黄碱,,test", // salt of 麻黄素 (category 1)
      "114-70-5,sodium phenylacetate,苯乙酸钠,,test", // salt of 苯乙酸 (category 2)
      "101-97-3,ethyl phenylacetate,苯乙酸乙酯,,test", // an ester, no salt
      "109-05-7,,2-甲基哌啶,,test", // a relative of 哌啶, no salt
      "7647-01-0,hydrochloric acid,盐酸,,test",
    ].join("\r\n"));
    fs.writeFileSync(path.join(dir, "precursor-chemicals.csv"), [
      "category,seq,name_zh,name_en,cas,listed",
      "1,12,麻黄素,ephedrine,299-42-3,2005",
      "1,12,麻黄浸膏,ephedra extract,,2005",
      "2,1,苯乙酸,phenylacetic acid,103-82-2,2005",
      "2,5,哌啶,piperidine,110-89-4,2005",
      "2,9,α-乙酰乙酰苯胺,alpha-acetoacetanilide (APAA),,2021",
      "3,6,盐酸,hydrochloric acid,7647-01-0,2005",
    ].join("\r\n"));
    const { substances: rows, unmatchedPrecursors } = buildReferenceReport(dir);
    const category = (cas: string) => rows.find((r) => r.cas === cas)?.precursorCategory ?? null;
    expect(category("102-01-2")).toBe(2);
    expect(category("50-98-6")).toBe(1);
    expect(category("114-70-5")).toBe(2);
    expect(category("101-97-3")).toBeNull();
    expect(category("109-05-7")).toBeNull();
    expect(category("7647-01-0")).toBe(3); // 盐酸 itself: listed, and no salt of anything
    expect(rows.find((r) => r.cas === "50-98-6")!.sources).toContain("precursor-salt");
    expect(unmatchedPrecursors).toEqual(["麻黄浸膏"]);
  });

  it("loads the categories into the database", async () => {
    await loadReferenceDictionary(getDb(), { force: true });
    const rows = await getDb().select({ cas: substances.cas, category: substances.precursorCategory }).from(substances)
      .where(inArray(substances.cas, [...EVERYDAY_CATEGORY_3, "94-59-7", "108-24-7"]));
    expect(Object.fromEntries(rows.map((r) => [r.cas, r.category]))).toEqual({
      "108-88-3": 3, "67-64-1": 3, "78-93-3": 3, "7664-93-9": 3, "7647-01-0": 3, "94-59-7": 1, "108-24-7": 2,
    });
  }, 120_000);
});
