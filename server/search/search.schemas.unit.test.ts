import { describe, expect, it } from "vitest";
import { searchApiPath, searchInputFromUrl, searchProductsInput, type SearchProductsInput } from "./search.schemas";

const read = (path: string) => searchProductsInput.safeParse(searchInputFromUrl(new URL(path, "http://x").searchParams));

describe("the search API's query string", () => {
  it.each<SearchProductsInput>([
    { q: "异丙醇" },
    { q: "67-63-0", park: "BJHG", grade: "electronic", form: "liquid", hazard: "hazardous", inPark: true, mine: true, page: 3, pageSize: 5 },
    { q: "", chain: "精细化工", inPark: false, mine: false },
    { q: "丙酮", minPurity: 99.5, maxPurity: 99.95, minPrice: 4000, maxPrice: 6500.5, minAvailable: 20, sort: "price" },
    { q: "丙酮", sort: "distance" },
  ])("carries %o there and back", (input) => {
    const result = read(searchApiPath(input));
    expect(result.success).toBe(true);
    expect(result.data).toEqual(searchProductsInput.parse(input));
  });

  it("refuses what is wrong instead of dropping it", () => {
    for (const bad of [
      "?grade=premium", "?in=somewhere", "?mine=yes", "?page=0", "?page=two", "?pageSize=500", `?q=${"x".repeat(101)}`,
      "?sort=cheapest", "?minPurity=101", "?minPurity=high", "?minPurity=", "?maxPrice=-1", "?minAvailable=lots",
    ]) {
      expect(read(`/api/search${bad}`).success, bad).toBe(false);
    }
  });
});
