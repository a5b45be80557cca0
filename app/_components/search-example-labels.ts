import type { Locale } from "@/i18n";
import { isTranslated } from "@/i18n/vocabulary";

/**
 * Example queries as people type them: a name, a name with a purity, a pasted CAS number. Each
 * runs its Chinese query (what the search reads best), while its label is in the reader's
 * language: the substance by the dictionary's English name in English (looked up by CAS), the
 * Chinese name, marked as such, where the dictionary has none.
 */
export const SEARCH_EXAMPLE_QUERIES: readonly { query: string; cas?: string; rest?: string }[] = [
  { query: "异丙醇", cas: "67-63-0" },
  { query: "硫酸 98%", cas: "7664-93-9", rest: " 98%" },
  { query: "CAS 67-64-1" },
];

export interface SearchExample {
  query: string;
  label: string;
  /** false when the label is the Chinese name in the English UI (marked translate=no) */
  translated: boolean;
}

/** The examples with their labels in `locale`, from the dictionary's names by CAS. */
export function exampleLabels(names: Map<string, { nameEn: string | null }>, locale: Locale): SearchExample[] {
  return SEARCH_EXAMPLE_QUERIES.map(({ query, cas, rest = "" }) => {
    const nameEn = cas ? names.get(cas)?.nameEn : undefined;
    // in Chinese the query as people type it; in English the dictionary's name and what follows it
    const label = locale === "en" && nameEn ? `${nameEn}${rest}` : query;
    return { query, label, translated: isTranslated(label, locale) };
  });
}

