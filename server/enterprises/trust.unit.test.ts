import { describe, expect, it } from "vitest";
import {
  badgesOf, DOCUMENTED_MIN_SHARE, FAST_RESPONSE_MAX_MEDIAN_HOURS, FAST_RESPONSE_MIN_INQUIRIES, FAST_RESPONSE_MIN_RATE, fullYears,
  ON_TIME_MIN_CALL_OFFS, ON_TIME_MIN_RATE,
} from "./trust";

const none = {
  verified: false,
  response: { received: 0, answered: 0, rate: null, medianHours: null },
  delivery: { due: 0, onTime: 0, rate: null },
  documentedShare: null,
};
const fast = (received: number, rate: number, medianHours: number) => ({ ...none, response: { received, answered: Math.round(received * rate), rate, medianHours } });
const onTime = (due: number, rate: number) => ({ ...none, delivery: { due, onTime: Math.round(due * rate), rate } });

describe("badges are earned from the figures and their thresholds", () => {
  it.each([
    ["no figures at all", none, []],
    ["verified by the park", { ...none, verified: true }, ["verified"]],
    ["fast: median at the limit, enough inquiries, enough answered", fast(FAST_RESPONSE_MIN_INQUIRIES, 1, FAST_RESPONSE_MAX_MEDIAN_HOURS), ["fast_response"]],
    ["not fast: median over the limit", fast(10, 1, FAST_RESPONSE_MAX_MEDIAN_HOURS + 0.1), []],
    ["not fast: too few inquiries", fast(FAST_RESPONSE_MIN_INQUIRIES - 1, 1, 1), []],
    ["not fast: too few answered", fast(10, FAST_RESPONSE_MIN_RATE - 0.1, 1), []],
    ["on time: at the rate, enough call-offs", onTime(20, ON_TIME_MIN_RATE), ["on_time"]],
    ["not on time: below the rate", onTime(20, ON_TIME_MIN_RATE - 0.05), []],
    ["not on time: too few call-offs, however punctual", onTime(ON_TIME_MIN_CALL_OFFS - 1, 1), []],
    ["documented at the share", { ...none, documentedShare: DOCUMENTED_MIN_SHARE }, ["documented"]],
    ["not documented below it", { ...none, documentedShare: DOCUMENTED_MIN_SHARE - 0.01 }, []],
  ])("%s", (_, figures, badges) => {
    expect(badgesOf(figures)).toEqual(badges);
  });
});

describe("years on the platform", () => {
  it("counts full years, as a birthday does", () => {
    expect(fullYears("2023-03-15", "2026-03-14")).toBe(2);
    expect(fullYears("2023-03-15", "2026-03-15")).toBe(3);
    expect(fullYears("2026-01-01", "2026-12-31")).toBe(0);
  });
});
