import { describe, expect, it } from "vitest";
import { canTransition, checkCallOff, type CallOffCheckInput } from "./call-offs";

const base: CallOffCheckInput = { agreedT: 1000, calledOffT: 600, requestedT: 100, orderedOn: "2026-06-01", endOn: "2026-12-31" };

describe("call-off limits", () => {
  it.each<[string, Partial<CallOffCheckInput>, { remainingAfterT: number | null; exceeds: boolean; afterTerm: boolean; warnings: string[] }]>([
    ["within the agreement", {}, { remainingAfterT: 300, exceeds: false, afterTerm: false, warnings: [] }],
    ["exactly the rest", { requestedT: 400 }, { remainingAfterT: 0, exceeds: false, afterTerm: false, warnings: [] }],
    ["beyond the rest", { requestedT: 400.001 }, { remainingAfterT: -0.001, exceeds: true, afterTerm: false, warnings: ["exceeds_agreement"] }],
    ["no agreed volume: no limit", { agreedT: null, requestedT: 1e6 }, { remainingAfterT: null, exceeds: false, afterTerm: false, warnings: [] }],
    ["30 days before the end", { orderedOn: "2026-12-01" }, { remainingAfterT: 300, exceeds: false, afterTerm: false, warnings: ["term_ending"] }],
    ["on the last day", { orderedOn: "2026-12-31", requestedT: 500 }, { remainingAfterT: -100, exceeds: true, afterTerm: false, warnings: ["exceeds_agreement", "term_ending"] }],
    ["after the term", { orderedOn: "2027-01-01" }, { remainingAfterT: 300, exceeds: false, afterTerm: true, warnings: [] }],
    ["no end date", { endOn: null, orderedOn: "2030-01-01" }, { remainingAfterT: 300, exceeds: false, afterTerm: false, warnings: [] }],
  ])("%s", (_, change, expected) => {
    expect(checkCallOff({ ...base, ...change })).toMatchObject(expected);
  });

  it.each<[string, string, boolean]>([
    ["draft", "signed", true], ["draft", "active", false], ["signed", "active", true], ["active", "completed", true],
    ["active", "terminated", true], ["completed", "terminated", false], ["terminated", "active", false], ["signed", "completed", false],
  ])("%s → %s allowed: %s", (from, to, allowed) => expect(canTransition(from, to)).toBe(allowed));
});
