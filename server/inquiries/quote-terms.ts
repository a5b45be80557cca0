import { formatQuantity, type Locale } from "@/i18n";

/**
 * A quote's (or counter-offer's) terms as people read them, in one line per language:
 * "含税（增值税 13%） · 账期 30 天 · 出厂自提（南京化工园） · 起订 5 吨 · 交期 7 天 · 包装 200 kg 铁桶".
 * Pure; used by the thread's messages, the notices, the agreement draft's notes and the pages.
 */
export interface QuoteTerms {
  unit?: string;
  taxBasis?: "incl_vat" | "excl_vat" | null;
  vatRatePct?: string | number | null;
  paymentTerms?: "cash" | "bank_acceptance" | "credit" | null;
  paymentDays?: number | null;
  deliveryMode?: "ex_works" | "delivered" | null;
  deliveryPlace?: string | null;
  moq?: string | number | null;
  leadTimeDays?: number | null;
  packaging?: string | null;
}

const TEXT = {
  zh: {
    incl_vat: (r: string) => `含税（增值税 ${r}%）`, excl_vat: (r: string) => `不含税（增值税 ${r}% 另计）`,
    cash: () => "现款", bank_acceptance: () => "银行承兑", credit: (n: number) => `账期 ${n} 天`,
    ex_works: "出厂自提", delivered: "送货到厂",
    place: (mode: string, p: string) => `${mode}（${p}）`,
    moq: (q: string) => `起订 ${q}`, lead: (d: number) => `交期 ${d} 天`, packaging: (p: string) => `包装 ${p}`, sep: " · ",
  },
  en: {
    incl_vat: (r: string) => `VAT included (${r}%)`, excl_vat: (r: string) => `VAT excluded (${r}% extra)`,
    cash: () => "cash", bank_acceptance: () => "bank acceptance bill", credit: (n: number) => `${n} days' credit`,
    ex_works: "ex works (buyer collects)", delivered: "delivered to the buyer's plant",
    place: (mode: string, p: string) => `${mode} (${p})`,
    moq: (q: string) => `MOQ ${q}`, lead: (d: number) => `lead time ${d} days`, packaging: (p: string) => `packed ${p}`, sep: " · ",
  },
};

const rate = (v: string | number | null | undefined) => String(Number(v ?? 13));

/** The parts that are stated, in a fixed order: tax, payment, delivery, MOQ, lead time, packaging. */
export function quoteTermsParts(q: QuoteTerms, locale: Locale): string[] {
  const t = TEXT[locale];
  const parts: string[] = [];
  if (q.taxBasis) parts.push(t[q.taxBasis](rate(q.vatRatePct)));
  if (q.paymentTerms) parts.push(q.paymentTerms === "credit" ? t.credit(q.paymentDays ?? 0) : t[q.paymentTerms]());
  if (q.deliveryMode) parts.push(q.deliveryPlace ? t.place(t[q.deliveryMode], q.deliveryPlace) : t[q.deliveryMode]);
  if (q.moq !== null && q.moq !== undefined && Number(q.moq) > 0) parts.push(t.moq(formatQuantity(q.moq, q.unit ?? "t", locale)));
  if (q.leadTimeDays !== null && q.leadTimeDays !== undefined) parts.push(t.lead(q.leadTimeDays));
  if (q.packaging) parts.push(t.packaging(q.packaging));
  return parts;
}

export function quoteTermsText(q: QuoteTerms, locale: Locale): string {
  return quoteTermsParts(q, locale).join(TEXT[locale].sep);
}
