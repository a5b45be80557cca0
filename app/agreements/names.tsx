import type { Locale } from "@/i18n";
import { UserText } from "@/app/_components/user-text";

/**
 * An enterprise as the reader sees it: its registered English name in English where it has one,
 * its registered (Chinese) name otherwise. Either way user content, never translated.
 */
export function enterpriseName(e: { name: string; nameEn?: string | null }, locale: Locale): string {
  return locale === "en" && e.nameEn ? e.nameEn : e.name;
}

/** The enterprise's name marked `translate="no"` (inquiries, agreements, RFQs and events show many). */
export function EnterpriseName({ e, locale, className }: { e: { name: string; nameEn?: string | null }; locale: Locale; className?: string }) {
  return <UserText className={className}>{enterpriseName(e, locale)}</UserText>;
}

/**
 * What a line, call-off or thread is about: in English the dictionary's English name of its CAS
 * (with the name the parties typed beneath it when that says more), else the typed name, marked.
 */
export function ProductLabel({ productName, substance, locale }: {
  productName: string | null | undefined;
  substance: { nameZh?: string | null; nameEn?: string | null } | null | undefined;
  locale: Locale;
}) {
  if (locale === "en" && substance?.nameEn) {
    const typed = productName && productName !== substance.nameZh && productName !== substance.nameEn ? productName : null;
    return <>{substance.nameEn}{typed ? <UserText className="block text-xs text-slate-500">{typed}</UserText> : null}</>;
  }
  return <UserText>{productName ?? substance?.nameZh ?? substance?.nameEn ?? "—"}</UserText>;
}

/** A park's name in the reader's language, marked when only the Chinese exists. */
export function ParkName({ park, locale, className }: { park: { name: string; nameEn?: string | null }; locale: Locale; className?: string }) {
  const text = locale === "en" && park.nameEn ? park.nameEn : park.name;
  return locale === "en" && !park.nameEn ? <UserText className={className}>{text}</UserText> : <span className={className}>{text}</span>;
}

/** An enterprise as the agreement form offers it: its name and its park's, in the reader's language. */
export function partyOption(e: { id: number; name: string; nameEn?: string | null; parkName: string | null; parkNameEn?: string | null }, locale: Locale) {
  return {
    id: e.id,
    name: enterpriseName(e, locale),
    parkName: e.parkName === null ? null : locale === "en" && e.parkNameEn ? e.parkNameEn : e.parkName,
  };
}
