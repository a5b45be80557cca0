import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { getSubstance, lookupSubstances } from "./substance.service";

describe("substance lookup", () => {
  it.each([
    ["67-63-0", "67-63-0"],
    ["67630", "67-63-0"],
    ["异丙醇", "67-63-0"],
    ["isopropyl alcohol", "67-63-0"],
    ["IPA", "67-63-0"],
    ["甲苯", "108-88-3"],
    ["丙烯酸", "79-10-7"],
    ["乙酸乙酯", "141-78-6"],
  ])("%s finds %s first", async (q, cas) => {
    const hits = await lookupSubstances(getDb(), { q });
    expect(hits[0]?.cas).toBe(cas);
  });

  it("finds neighbours that merely contain the name after the exact one", async () => {
    const hits = await lookupSubstances(getDb(), { q: "丙烯酸", limit: 10 });
    expect(hits.map((h) => h.cas)).toContain("141-32-2"); // 丙烯酸丁酯
    expect(hits[0]!.cas).toBe("79-10-7");
  });

  it("returns nothing for a CAS with a wrong check digit or an empty query", async () => {
    expect(await lookupSubstances(getDb(), { q: "67-63-1" })).toEqual([]);
    expect(await lookupSubstances(getDb(), { q: "  " })).toEqual([]);
  });

  it("reads a substance with its flags", async () => {
    expect(await getSubstance(getDb(), "143339")).toMatchObject({ cas: "143-33-9", highlyToxic: true, hazardous: true });
    await expect(getSubstance(getDb(), "50-00-1")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
