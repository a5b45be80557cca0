import { describe, expect, it } from "vitest";
import { nameKey, nameKeys } from "./name-key";

describe("the exact form of a name", () => {
  it("folds full-width characters, case and runs of spaces", () => {
    expect(nameKey("Ｎ，Ｎ-二甲基甲酰胺")).toBe("n,n-二甲基甲酰胺");
    expect(nameKey("  Isopropyl   Alcohol ")).toBe("isopropyl alcohol");
    expect(nameKey("ＩＰＡ")).toBe("ipa");
  });

  it("keeps each key once and leaves out empty and over-long names", () => {
    expect(nameKeys(["Acetone", "acetone", null, "", " ", "丙酮", "x".repeat(101)])).toEqual(["acetone", "丙酮"]);
  });
});
