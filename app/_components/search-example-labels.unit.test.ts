import { describe, expect, it } from "vitest";
import { exampleLabels } from "./search-example-labels";

describe("the search examples' labels", () => {
  const dictionary = new Map([["67-63-0", { nameEn: "Isopropanol" }], ["7664-93-9", { nameEn: "Sulfuric acid" }]]);

  it("name substances by the dictionary's English name in English, and still run the Chinese query", () => {
    expect(exampleLabels(dictionary, "en")).toEqual([
      { query: "异丙醇", label: "Isopropanol", translated: true },
      { query: "硫酸 98%", label: "Sulfuric acid 98%", translated: true },
      { query: "CAS 67-64-1", label: "CAS 67-64-1", translated: true },
    ]);
  });

  it("show the query itself in Chinese, and mark a Chinese label the dictionary cannot translate", () => {
    expect(exampleLabels(dictionary, "zh").map((e) => e.label)).toEqual(["异丙醇", "硫酸 98%", "CAS 67-64-1"]);
    expect(exampleLabels(new Map(), "en")[0]).toEqual({ query: "异丙醇", label: "异丙醇", translated: false });
  });
});
