import { describe, expect, it } from "vitest";
import { counterQuoteInput, sendQuoteInput } from "./inquiry.schemas";
import { quoteTermsText } from "./quote-terms";

const base = { inquiryId: 1, priceCnyPerUnit: 6800, quantity: 100, validUntil: "2030-01-01" };
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]);

describe("quote terms are validated field by field", () => {
  it("账期 needs its days (1–365), and other payment terms drop them", () => {
    expect(issues(sendQuoteInput.safeParse({ ...base, paymentTerms: "credit" }))).toEqual([["paymentDays", "quote.payment_days_required"]]);
    expect(issues(sendQuoteInput.safeParse({ ...base, paymentTerms: "credit", paymentDays: 400 }))).toEqual([["paymentDays", "quote.payment_days_invalid"]]);
    expect(sendQuoteInput.parse({ ...base, paymentTerms: "cash", paymentDays: 30 }).paymentDays).toBeNull();
    expect(sendQuoteInput.parse({ ...base, paymentTerms: "credit", paymentDays: 30 }).paymentDays).toBe(30);
  });

  it("refuses a VAT rate outside 0–30 %, a negative or fractional lead time, an MOQ above the quantity, an unknown basis", () => {
    expect(issues(sendQuoteInput.safeParse({ ...base, vatRatePct: 50 }))).toEqual([["vatRatePct", "quote.vat_rate_invalid"]]);
    expect(issues(sendQuoteInput.safeParse({ ...base, leadTimeDays: -1 }))).toEqual([["leadTimeDays", "quote.lead_time_invalid"]]);
    expect(issues(sendQuoteInput.safeParse({ ...base, leadTimeDays: 1.5 }))).toEqual([["leadTimeDays", "quote.lead_time_invalid"]]);
    expect(issues(sendQuoteInput.safeParse({ ...base, moq: 200 }))).toEqual([["moq", "quote.moq_above_quantity"]]);
    expect(issues(sendQuoteInput.safeParse({ ...base, taxBasis: "gross" }))).toEqual([["taxBasis", "field.invalid_option"]]);
    expect(issues(sendQuoteInput.safeParse({ ...base, priceCnyPerUnit: -1 }))).toEqual([["priceCnyPerUnit", "quote.price_invalid"]]);
  });

  it("a counter-offer names a price and, optionally, other terms", () => {
    expect(counterQuoteInput.parse({ quoteId: 1, priceCnyPerUnit: 6500 })).toMatchObject({ quantity: null, taxBasis: null, paymentTerms: null, deliveryMode: null });
    expect(issues(counterQuoteInput.safeParse({ quoteId: 1, priceCnyPerUnit: 6500, paymentTerms: "credit" }))).toEqual([["paymentDays", "quote.payment_days_required"]]);
    expect(issues(counterQuoteInput.safeParse({ quoteId: 1 }))).toEqual([["priceCnyPerUnit", "quote.price_invalid"]]);
  });

  it("reads the terms in one line per language, only what is stated", () => {
    const terms = { unit: "t", taxBasis: "incl_vat", vatRatePct: "13.00", paymentTerms: "credit", paymentDays: 30, deliveryMode: "delivered", deliveryPlace: null, moq: null, leadTimeDays: 0, packaging: null } as const;
    expect(quoteTermsText(terms, "zh")).toBe("含税（增值税 13%） · 账期 30 天 · 送货到厂 · 交期 0 天");
    expect(quoteTermsText(terms, "en")).toBe("VAT included (13%) · 30 days' credit · delivered to the buyer's plant · lead time 0 days");
    expect(quoteTermsText({ taxBasis: null, paymentTerms: null, deliveryMode: "ex_works" }, "zh")).toBe("出厂自提");
  });
});
