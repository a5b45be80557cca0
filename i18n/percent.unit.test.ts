import { describe, expect, it } from "vitest";
import { formatPercent } from "./index";

describe("shares as people read them", () => {
  it("gives a percentage with one decimal at most, and a dash where there is nothing to divide by", () => {
    expect(formatPercent(0.65, "zh")).toBe("65%");
    expect(formatPercent(0.8621, "en")).toBe("86.2%");
    expect(formatPercent(0, "zh")).toBe("0%");
    expect(formatPercent(1, "en")).toBe("100%");
    expect(formatPercent(null, "zh")).toBe("—");
  });
});
