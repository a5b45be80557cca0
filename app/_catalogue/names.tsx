import type { ReactNode } from "react";
import { messageWith } from "@/app/_components/user-text";
import type { Locale, Translate } from "@/i18n";
import { isTranslated } from "@/i18n/vocabulary";

/*
 * Names on the catalogue, listing, match and directory pages, in the reader's language: a
 * substance by the dictionary's English name in English (what the read models carry as
 * `substanceEn` / `nameEn`), else the name as typed — user content, marked `translate="no"`;
 * an enterprise by its English name where it has one, always marked (a registered name is never
 * translated).
 */

/** A substance's name in the reader's language, and whether it is the dictionary's translation (else user content). */
export function substanceText(name: string, nameEn: string | null | undefined, locale: Locale): { text: string; translated: boolean } {
  return locale === "en" && nameEn ? { text: nameEn, translated: true } : { text: name, translated: false };
}

/** A substance's name: the dictionary's English name in English; the typed (or Chinese) name marked `translate="no"`. */
export function SubstanceName({ name, nameEn, locale, className }: { name: string; nameEn: string | null | undefined; locale: Locale; className?: string }) {
  const { text, translated } = substanceText(name, nameEn, locale);
  return translated ? <span className={className}>{text}</span> : <span translate="no" className={className}>{text}</span>;
}

/** An enterprise's name as registered (its English name in English where it has one), marked `translate="no"`. */
export function enterpriseText(e: { name: string; nameEn?: string | null }, locale: Locale): string {
  return locale === "en" && e.nameEn ? e.nameEn : e.name;
}

export function EnterpriseName({ enterprise, locale, className }: { enterprise: { name: string; nameEn?: string | null }; locale: Locale; className?: string }) {
  return <span translate="no" className={className}>{enterpriseText(enterprise, locale)}</span>;
}

/**
 * A page heading whose title or description may hold user content in its own marked span (the
 * shared `PageHeader` takes strings only); the same layout as `PageHeader`.
 */
export function Heading({ title, description, actions }: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">{title}</h1>
        {description ? <p className="mt-1 max-w-3xl text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

/**
 * A message naming a place or thing that may or may not be translated ("Enterprises in {park}"):
 * a plain string when the name is in the reader's language, else the name in its own marked span.
 */
export function messageNaming(t: Translate, key: string, slot: string, name: string, locale: Locale): ReactNode {
  return isTranslated(name, locale) ? t(key, { [slot]: name }) : messageWith(t, key, { [slot]: name });
}

/** A controlled word or name already put in the reader's language (a chain, a park), marked `translate="no"` when it stayed Chinese (typed by a user). */
export function Vocab({ text, locale, className }: { text: string; locale: Locale; className?: string }) {
  return <span translate={isTranslated(text, locale) ? undefined : "no"} className={className}>{text}</span>;
}

/**
 * A product's name (as its enterprise typed it) with its substance, for lists and headings: in
 * English the dictionary's English name leads and the typed name follows, marked; in Chinese the
 * typed name leads and the dictionary's Chinese name follows (when it says something else).
 */
export function productNames(name: string, substance: { nameZh: string | null; nameEn: string | null } | null, locale: Locale): { primary: ReactNode; secondary: ReactNode } {
  if (locale === "en" && substance?.nameEn) {
    return { primary: substance.nameEn, secondary: substance.nameEn === name ? null : <span translate="no">{name}</span> };
  }
  const other = substance ? (locale === "en" ? substance.nameZh : substance.nameZh ?? substance.nameEn) : null;
  return {
    primary: <span translate="no">{name}</span>,
    secondary: other && other !== name ? <span translate={isTranslated(other, locale) ? undefined : "no"}>{other}</span> : null,
  };
}

/** A listing's typed name (a demand's substance, an offer's product, a by-product) with the dictionary's English name of its CAS: that leads in English, the typed name following, marked. */
export function listedNames(name: string, nameEn: string | null | undefined, locale: Locale): { primary: ReactNode; secondary: ReactNode } {
  if (locale === "en" && nameEn) return { primary: nameEn, secondary: nameEn === name ? null : <span translate="no">{name}</span> };
  return { primary: <span translate="no">{name}</span>, secondary: null };
}
