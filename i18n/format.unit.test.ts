import { describe, expect, it } from "vitest";
import { chinaDay, formatCny, formatDate, formatDateTime, formatQuantity, formatUnitPrice, formatYuan } from "./index";

describe("money as people read it", () => {
  it("gives a unit price exact to the yuan, never rounded to 万元", () => {
    expect(formatYuan(15130, "zh")).toBe("15,130 元");
    expect(formatYuan("15130.00", "zh")).toBe("15,130 元");
    expect(formatYuan(6500.5, "zh")).toBe("6,500.50 元");
    expect(formatYuan(15130, "en")).toBe("CNY 15,130");
    expect(formatYuan("980", "en")).toBe("CNY 980");
  });

  it("gives a unit price with its unit: 元/吨, CNY …/t", () => {
    expect(formatUnitPrice("15130.00", "t", "zh")).toBe("15,130 元/吨");
    expect(formatUnitPrice(123456, "t", "zh")).toBe("123,456 元/吨");
    expect(formatUnitPrice(15130, "t", "en")).toBe("CNY 15,130/t");
    expect(formatUnitPrice(12.5, "kg", "zh")).toBe("12.50 元/kg");
    expect(formatQuantity("500.000", "t", "zh")).toBe("500 吨");
    expect(formatQuantity(1250.5, "t", "en")).toBe("1,250.5 t");
  });

  it("gives totals in 万元 and 亿元", () => {
    expect(formatCny(15130, "zh")).toBe("1.5 万元");
    expect(formatCny(2_550_000, "zh")).toBe("255 万元");
    expect(formatCny(656_000_000, "zh")).toBe("6.56 亿元");
    expect(formatCny(9800, "zh")).toBe("9,800 元");
    expect(formatCny(-25_000, "zh")).toBe("-2.5 万元");
    expect(formatCny(980.5, "en")).toBe("CNY 980.5");
    expect(formatCny(1_300_000, "en")).toBe("CNY 1.3 M");
    expect(formatCny(2_550_000, "en")).toBe("CNY 2.55 M");
    expect(formatCny(1_234_000_000, "en")).toBe("CNY 1.23 bn");
  });
});

describe("times in China time", () => {
  // 2026-01-04 17:30 UTC is 2026-01-05 01:30 in Beijing: the UTC day and the China day differ
  const pastUtcMidnightInChina = new Date("2026-01-04T17:30:00Z");

  it("shows a moment as the day and time it is in Beijing, whatever the server's zone", () => {
    expect(formatDateTime(pastUtcMidnightInChina, "zh")).toBe("2026/01/05 01:30");
    expect(formatDateTime(pastUtcMidnightInChina, "en")).toBe("5 Jan 2026, 01:30");
    expect(formatDate(pastUtcMidnightInChina, "zh")).toBe("2026/01/05");
    expect(formatDate("2026-01-04T17:30:00.000Z", "en")).toBe("5 Jan 2026");
    expect(chinaDay(pastUtcMidnightInChina)).toBe("2026-01-05");
  });

  it("reads a date column as that calendar day", () => {
    expect(formatDate("2026-01-05", "zh")).toBe("2026/01/05");
    expect(formatDate("2026-12-31", "en")).toBe("31 Dec 2026");
    expect(formatDate(null, "zh")).toBe("—");
    expect(formatDateTime(undefined, "en")).toBe("—");
  });

  it("keeps the Beijing day late in the evening UTC-side too", () => {
    // 15:59 UTC is 23:59 in Beijing, the same day; 16:00 UTC is the next day there
    expect(formatDateTime(new Date("2026-03-01T15:59:00Z"), "zh")).toBe("2026/03/01 23:59");
    expect(formatDateTime(new Date("2026-03-01T16:00:00Z"), "zh")).toBe("2026/03/02 00:00");
    expect(formatDateTime(new Date("2026-03-01T16:00:00Z"), "en")).toBe("2 Mar 2026, 00:00");
  });

  it("writes English dates with the month's name, so that 2 July never reads as 7 February", () => {
    expect(formatDate("2026-07-02", "en")).toBe("2 Jul 2026");
    expect(formatDate("2026-09-02", "en")).toBe("2 Sep 2026");
    expect(formatDateTime(new Date("2026-07-02T00:30:00Z"), "en")).toBe("2 Jul 2026, 08:30");
    expect(formatDateTime(new Date("2026-07-02T00:30:00Z"), "zh")).toBe("2026/07/02 08:30");
  });
});
