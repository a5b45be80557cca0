import { describe, expect, it } from "vitest";
import { isValidUscc, normalizeUscc, usccCheckCharacter } from "./uscc";

describe("USCC check character", () => {
  it("accepts published codes", () => {
    // codes printed on public business licences
    expect(isValidUscc("91350100M000100Y43")).toBe(true);
    expect(isValidUscc("911100001000013848")).toBe(false); // a checksum-broken look-alike
  });

  it("computes the 18th character from the first 17", () => {
    const first17 = "91320000MA1MXXXX0";
    const check = usccCheckCharacter(first17);
    expect(check).not.toBeNull();
    expect(isValidUscc(first17 + check)).toBe(true);
  });

  it("normalises case and spaces", () => {
    expect(normalizeUscc(" 91350100m000100y43 ")).toBe("91350100M000100Y43");
  });

  it.each(["", "91350100M000100Y4", "91350100M000100Y44", "91350100M000100I43", "91350100M000100Y43X"])(
    "rejects %s",
    (code) => expect(isValidUscc(code)).toBe(false),
  );
});
