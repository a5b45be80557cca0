import { describe, expect, it } from "vitest";
import { casCheckDigit, isValidCas, looksLikeCas, normalizeCas } from "./cas";

describe("normalizeCas", () => {
  it.each([
    ["67-63-0", "67-63-0"], // isopropanol
    ["67630", "67-63-0"],
    [" 7732-18-5 ", "7732-18-5"], // water
    ["7732185", "7732-18-5"],
    ["108-88-3", "108-88-3"], // toluene
    ["１０８－８８－３", "108-88-3"], // full width
    ["9004-70-0", "9004-70-0"],
    ["1336216", "1336-21-6"],
  ])("accepts %s as %s", (input, expected) => {
    expect(normalizeCas(input)).toBe(expected);
  });

  it.each([
    ["67-63-1", "wrong check digit"],
    ["67631", "wrong check digit, bare"],
    ["067-63-0", "leading zero"],
    ["6-63-0", "first group too short"],
    ["12345678-12-3", "first group too long"],
    ["67-6-30", "misplaced hyphen"],
    ["abc", "not digits"],
    ["", "empty"],
  ])("rejects %s (%s)", (input) => {
    expect(normalizeCas(input)).toBeNull();
  });
});

describe("casCheckDigit", () => {
  it("weights digits from the right", () => {
    // 7732-18-5: 8·1 + 1·2 + 2·3 + 3·4 + 7·5 + 7·6 = 105 → 5
    expect(casCheckDigit("773218")).toBe(5);
  });
});

describe("isValidCas / looksLikeCas", () => {
  it("tells a typo from a name", () => {
    expect(isValidCas("64-17-5")).toBe(true);
    expect(looksLikeCas("64-17-6")).toBe(true);
    expect(isValidCas("64-17-6")).toBe(false);
    expect(looksLikeCas("乙醇")).toBe(false);
  });
});
