import { describe, expect, it } from "vitest";
import { formatCny, formatYuan } from "./index";

describe("money as people read it", () => {
  it("gives a unit price exact to the yuan, never rounded to 万元", () => {
    expect(formatYuan(15130, "zh")).toBe("15,130 元");
    expect(formatYuan("15130.00", "zh")).toBe("15,130 元");
    expect(formatYuan(6500.5, "zh")).toBe("6,500.50 元");
    expect(formatYuan(15130, "en")).toBe("CNY 15,130");
    expect(formatYuan("980", "en")).toBe("CNY 980");
  });

  it("gives totals in 万元 and 亿元", () => {
    expect(formatCny(15130, "zh")).toBe("1.5 万元");
    expect(formatCny(656_000_000, "zh")).toBe("6.56 亿元");
    expect(formatCny(1_300_000, "en")).toBe("CNY 1.3 M");
  });
});
