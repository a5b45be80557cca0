import { describe, expect, it } from "vitest";
import { maskResidentId, normalizeResidentId, residentIdCheckCharacter, residentIdProblem } from "./resident-id";

describe("resident ID numbers (GB 11643)", () => {
  it("computes the MOD 11-2 check character of the standard's example", () => {
    expect(residentIdCheckCharacter("11010519491231002")).toBe("X");
    expect(residentIdCheckCharacter("1101051949123100")).toBeNull();
  });

  it("says what is wrong with a number", () => {
    expect(residentIdProblem("11010519491231002X")).toBeNull();
    expect(residentIdProblem(" 11010519491231002x ")).toBeNull();
    expect(residentIdProblem("110105194912310021")).toBe("check_digit");
    expect(residentIdProblem("110105194902301234")).toBe("birth_date");
    expect(residentIdProblem("11010519491231002")).toBe("shape");
    expect(residentIdProblem("1101051949123100AB")).toBe("shape");
    expect(normalizeResidentId("11010519491231002x")).toBe("11010519491231002X");
    expect(normalizeResidentId("110105194912310021")).toBeNull();
  });

  it("masks all but the first four and last four characters", () => {
    expect(maskResidentId("110105194912311234")).toBe("1101**********1234");
    expect(maskResidentId(null)).toBeNull();
  });
});
