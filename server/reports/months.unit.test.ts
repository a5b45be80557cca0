import { describe, expect, it } from "vitest";
import { continuousMonths } from "./months";

describe("continuous months", () => {
  const rows = [
    { month: "2025-11", count: 1, amountCny: 10 },
    { month: "2026-02", count: 2, amountCny: 30 },
  ];

  it("fills the months between the first and the last signing with zeros, across the new year", () => {
    expect(continuousMonths(rows)).toEqual([
      { month: "2025-11", count: 1, amountCny: 10 },
      { month: "2025-12", count: 0, amountCny: 0 },
      { month: "2026-01", count: 0, amountCny: 0 },
      { month: "2026-02", count: 2, amountCny: 30 },
    ]);
  });

  it("runs from the period's first to its last month when the period is given", () => {
    const months = continuousMonths(rows, { from: "2025-10-15", to: "2026-03-31" });
    expect(months.map((m) => m.month)).toEqual(["2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]);
    expect(months.map((m) => m.count)).toEqual([0, 1, 0, 0, 2, 0]);
    // open at one end: that end is the data's
    expect(continuousMonths(rows, { to: "2026-02-01" }).map((m) => m.month)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });

  it("has no months without signings and without a period", () => {
    expect(continuousMonths([])).toEqual([]);
    expect(continuousMonths([], { from: "2026-01-01", to: "2026-02-28" }).map((m) => m.month)).toEqual(["2026-01", "2026-02"]);
  });
});
