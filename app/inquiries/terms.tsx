import { Fragment } from "react";
import type { Locale } from "@/i18n";
import { UserText } from "@/app/_components/user-text";
import { quoteTermsText, type QuoteTerms } from "@/server/inquiries/quote-terms";

const MARK = "\u2063";
const FREE = ["deliveryPlace", "packaging"] as const;

/**
 * A quote's terms as quoteTermsText words them, the parts the supplier typed (the delivery place,
 * the packaging) each in a `translate="no"` span: user content inside a UI sentence.
 */
export function QuoteTermsLine({ q, locale }: { q: QuoteTerms; locale: Locale }) {
  const marked = { ...q };
  for (const key of FREE) if (q[key]) marked[key] = `${MARK}${key}${MARK}`;
  return quoteTermsText(marked, locale).split(MARK).map((part, i) => {
    const key = FREE.find((k) => k === part);
    return i % 2 === 1 && key ? <UserText key={i}>{q[key]}</UserText> : <Fragment key={i}>{part}</Fragment>;
  });
}
