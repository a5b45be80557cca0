import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { substances } from "@/db/schema";
import { buildReference, loadReferenceDictionary } from "./reference";

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
});
