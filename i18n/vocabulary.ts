import enVocab from "./messages/en/vocab.json";
import type { Locale } from "./index";

/**
 * The names the English UI translates itself, the one place for them: industry chains (the
 * platform's list; a chain a park typed that is not on it stays as typed: user content), parks
 * (their English name), substances (the dictionary's English name). Chinese is the fallback
 * wherever no English exists; callers mark such a fallback `translate="no"` (`isTranslated`).
 * Statuses, grades, forms, hazard lists and licence types are message keys (`t(...)`); cities
 * and other place names: i18n/place-name.ts (server side).
 */

const CHAINS_EN: Record<string, string> = enVocab.vocab.chain;

/** An industry chain in the reader's language: "精细化工" → "Fine chemicals"; unknown chains as typed. */
export function chainName(chain: string, locale: Locale): string {
  return locale === "en" ? (CHAINS_EN[chain] ?? chain) : chain;
}

/** Several chains: "精细化工、有机新材料" / "Fine chemicals, Organic new materials". */
export function chainNames(chains: readonly string[], locale: Locale): string {
  return chains.map((c) => chainName(c, locale)).join(locale === "zh" ? "、" : ", ");
}

/** A park by its English name in English (its Chinese name when it has none). */
export function parkName(park: { name: string; nameEn?: string | null }, locale: Locale): string {
  return locale === "en" && park.nameEn ? park.nameEn : park.name;
}

/**
 * A substance in the reader's language: the dictionary's English name in English, the Chinese
 * name in Chinese, each falling back to the other (`name` is what a user typed, the last resort).
 */
export function substanceName(s: { name?: string | null; nameZh?: string | null; nameEn?: string | null }, locale: Locale): string {
  const zh = s.nameZh ?? s.name ?? null;
  return (locale === "en" ? (s.nameEn ?? zh) : (zh ?? s.nameEn)) ?? "—";
}

/** Whether `text` still holds Chinese (a fallback): such text is marked `translate="no"`. */
export function isTranslated(text: string, locale: Locale): boolean {
  return locale === "zh" || !/[\u3400-\u9fff]/.test(text);
}
