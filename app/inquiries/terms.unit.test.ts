import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { QuoteTermsLine } from "./terms";

describe("a quote's terms on the page", () => {
  it("marks the place and the packaging the supplier typed, and words the rest in the reader's language", () => {
    const q = { taxBasis: "incl_vat" as const, vatRatePct: 13, deliveryMode: "ex_works" as const, deliveryPlace: "南京化工园", packaging: "200 kg 铁桶" };
    const html = renderToStaticMarkup(createElement("div", null, createElement(QuoteTermsLine, { q, locale: "en" })));
    expect(html).toBe('<div>VAT included (13%) · ex works (buyer collects) (<span translate="no">南京化工园</span>) · packed <span translate="no">200 kg 铁桶</span></div>');
  });
  it("marks nothing when the supplier typed nothing", () => {
    const html = renderToStaticMarkup(createElement("div", null, createElement(QuoteTermsLine, { q: { paymentTerms: "cash" as const }, locale: "zh" })));
    expect(html).toBe("<div>现款</div>");
  });
});
