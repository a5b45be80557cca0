import { createFormatter, createTranslator, IntlErrorCode, type IntlError } from "next-intl";
import enAdmin from "./messages/en/admin.json";
import enAlerts from "./messages/en/alerts.json";
import enApp from "./messages/en/app.json";
import enChainMap from "./messages/en/chainmap.json";
import enApplications from "./messages/en/applications.json";
import enDeals from "./messages/en/deals.json";
import enAuth from "./messages/en/auth.json";
import enCatalogue from "./messages/en/catalogue.json";
import enDictionary from "./messages/en/dictionary.json";
import enEnterprise from "./messages/en/enterprise.json";
import enMatching from "./messages/en/matching.json";
import enPark from "./messages/en/park.json";
import enSamples from "./messages/en/samples.json";
import enRfq from "./messages/en/rfq.json";
import enSearch from "./messages/en/search.json";
import enValidation from "./messages/en/validation.json";
import enVocab from "./messages/en/vocab.json";
import zhAdmin from "./messages/zh/admin.json";
import zhAlerts from "./messages/zh/alerts.json";
import zhApp from "./messages/zh/app.json";
import zhChainMap from "./messages/zh/chainmap.json";
import zhApplications from "./messages/zh/applications.json";
import zhDeals from "./messages/zh/deals.json";
import zhAuth from "./messages/zh/auth.json";
import zhCatalogue from "./messages/zh/catalogue.json";
import zhDictionary from "./messages/zh/dictionary.json";
import zhEnterprise from "./messages/zh/enterprise.json";
import zhMatching from "./messages/zh/matching.json";
import zhPark from "./messages/zh/park.json";
import zhSamples from "./messages/zh/samples.json";
import zhRfq from "./messages/zh/rfq.json";
import zhSearch from "./messages/zh/search.json";
import zhValidation from "./messages/zh/validation.json";
import zhVocab from "./messages/zh/vocab.json";

export const LOCALES = ["zh", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh";
export const LOCALE_COOKIE = "parklink-locale";

/** Every time the app shows is China time (the parks, their staff and the authorities read it so). */
export const CHINA_TIME_ZONE = "Asia/Shanghai";

type Tree = { [key: string]: string | Tree };

/** Merges the per-domain message files of one language (each file holds its own namespaces). */
function merge(...trees: Tree[]): Tree {
  const out: Tree = {};
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      const current = out[key];
      out[key] = typeof value === "object" && typeof current === "object" ? merge(current, value) : value;
    }
  }
  return out;
}

/** All UI text, by language. One file per domain under messages/<locale>/. */
export const MESSAGES: Record<Locale, Tree> = {
  zh: merge(zhApp, zhAuth, zhValidation, zhEnterprise, zhPark, zhAdmin, zhCatalogue, zhSearch, zhDictionary, zhDeals, zhMatching, zhAlerts, zhSamples, zhRfq, zhChainMap, zhApplications, zhVocab),
  en: merge(enApp, enAuth, enValidation, enEnterprise, enPark, enAdmin, enCatalogue, enSearch, enDictionary, enDeals, enMatching, enAlerts, enSamples, enRfq, enChainMap, enApplications, enVocab),
};

export function isLocale(value: unknown): value is Locale {
  return value === "zh" || value === "en";
}

type Vars = Record<string, string | number>;
export type Translate = (key: string, vars?: Vars) => string;

/** The Intl locale each language formats with. */
const INTL_LOCALE: Record<Locale, string> = { zh: "zh-CN", en: "en" };

/**
 * A key the files do not hold (or one naming a group of messages) is no error here: callers
 * probe keys (validationText) and get the key back. Anything else — a value a message needs and
 * the caller did not give — is a bug in the caller and is reported, without breaking the page.
 */
const QUIET: readonly string[] = [IntlErrorCode.MISSING_MESSAGE, IntlErrorCode.INSUFFICIENT_PATH];

function onError(error: IntlError) {
  if (QUIET.includes(error.code)) return;
  console.error(error);
}

const translators = new Map<Locale, Translate>();

/**
 * The translate function of a language (next-intl's core translator over the merged message
 * files): ICU messages — `{name}`, `{count, plural, one {…} other {…}}`, `{kind, select, …}`;
 * dates in messages in China time. An unknown key (or one that cannot be formatted) reads as the
 * key itself. One translator per language, so compiled messages are kept between requests.
 */
export function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    // the message tree is typed loosely (any dotted key), so next-intl's typed keys do not apply
    t = createTranslator({
      locale: INTL_LOCALE[locale],
      messages: MESSAGES[locale],
      timeZone: CHINA_TIME_ZONE,
      onError,
      getMessageFallback: ({ key, namespace }) => (namespace ? `${namespace}.${key}` : key),
    }) as unknown as Translate;
    translators.set(locale, t);
  }
  return t;
}

/** A message in both languages, for texts stored once and read in either (notifications, reasons). */
export function inBothLanguages(key: string, vars?: Vars): Record<Locale, string> {
  return { zh: translator("zh")(key, vars), en: translator("en")(key, vars) };
}

/**
 * A validation message key from the server (`field.too_long?max=120`, see server/zod.ts) in the
 * given language; an unknown key reads as a generic "invalid value".
 */
export function validationText(t: Translate, message: string): string {
  const [key, query] = message.split("?");
  // limits travel as text ("max=120"); plural messages need them as numbers
  const vars = Object.fromEntries([...new URLSearchParams(query ?? "")].map(([name, value]) => [name, /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value]));
  const text = t(`validation.${key}`, vars);
  return text === `validation.${key}` ? t("validation.field.invalid") : text;
}

/** Every dotted key of a message tree (the message-file test compares the languages). */
export function messageKeys(tree: Tree = MESSAGES.zh, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : messageKeys(value, `${prefix}${key}.`),
  );
}

const formatters = new Map<Locale, ReturnType<typeof createFormatter>>();

/** next-intl's formatter of a language, in China time (one per language: its Intl formats are cached). */
function formatter(locale: Locale) {
  let format = formatters.get(locale);
  if (!format) {
    format = createFormatter({ locale: INTL_LOCALE[locale], timeZone: CHINA_TIME_ZONE, onError });
    formatters.set(locale, format);
  }
  return format;
}

/**
 * A total in yuan the way people read totals — the one rule for them: from 1 亿 in 亿元 (2
 * decimals), from 1 万 in 万元 (1 decimal), below in 元; in English CNY bn / M (2 decimals) and
 * plain CNY below a million. Unit prices never go through here (formatYuan / formatUnitPrice).
 */
export function formatCny(amount: number | string, locale: Locale): string {
  const value = typeof amount === "string" ? Number(amount) : amount;
  const n = (x: number, digits: number) => formatter(locale).number(x, { maximumFractionDigits: digits });
  if (locale === "zh") {
    if (Math.abs(value) >= 1e8) return `${n(value / 1e8, 2)} 亿元`;
    if (Math.abs(value) >= 1e4) return `${n(value / 1e4, 1)} 万元`;
    return `${n(value, 2)} 元`;
  }
  if (Math.abs(value) >= 1e9) return `CNY ${n(value / 1e9, 2)} bn`;
  if (Math.abs(value) >= 1e6) return `CNY ${n(value / 1e6, 2)} M`;
  return `CNY ${n(value, 2)}`;
}

/**
 * A unit price in yuan, exact (to the fen when it has one): "15,130 元" / "CNY 15,130". Prices per
 * tonne are read and compared to the yuan, so they never round to 万元 the way totals do
 * (formatCny); the caller adds the unit ("/吨").
 */
export function formatYuan(amount: number | string, locale: Locale): string {
  const value = typeof amount === "string" ? Number(amount) : amount;
  const text = formatter(locale).number(value, { minimumFractionDigits: Number.isInteger(value) ? 0 : 2, maximumFractionDigits: 2 });
  return locale === "zh" ? `${text} 元` : `CNY ${text}`;
}

export function formatNumber(value: number, locale: Locale): string {
  return formatter(locale).number(value);
}

/** A share (0–1) as a percentage, one decimal at most: "62.5%"; `null` (no base to divide by) as "—". */
export function formatPercent(ratio: number | null, locale: Locale): string {
  if (ratio === null) return "—";
  return `${formatter(locale).number(ratio * 100, { maximumFractionDigits: 1 })}%`;
}

const asDate = (value: Date | string) => (typeof value === "string" ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value) : value);

/**
 * A calendar date in China time: "2026/01/05" (zh) / "5 Jan 2026" (en: day, month name, year —
 * never a numeric day/month that reads either way). A date column ("2026-01-05") reads as that
 * day; a moment reads as the day it is in Beijing (01:30 on the 5th in Beijing is 17:30 UTC on
 * the 4th, and shows as the 5th).
 */
export function formatDate(value: Date | string | null | undefined, locale: Locale): string {
  if (!value) return "—";
  const date = asDate(value);
  const format = formatter(locale);
  if (locale === "zh") return format.dateTime(date, { year: "numeric", month: "2-digit", day: "2-digit" });
  // put together from its parts: "2 Jul 2026" whatever the runtime's English data (en-GB writes "Sept")
  return `${format.dateTime(date, { day: "numeric" })} ${format.dateTime(date, { month: "short" })} ${format.dateTime(date, { year: "numeric" })}`;
}

/** A moment in China time, to the minute: "2026/01/05 08:30" (zh) / "5 Jan 2026, 08:30" (en). */
export function formatDateTime(value: Date | string | null | undefined, locale: Locale): string {
  if (!value) return "—";
  const date = asDate(value);
  const format = formatter(locale);
  const time = format.dateTime(date, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return locale === "zh" ? `${formatDate(date, locale)} ${time}` : `${formatDate(date, locale)}, ${time}`;
}

/** The calendar day in China ("2026-01-05"), for file names and stamps; `now` by default. */
export function chinaDay(value: Date = new Date()): string {
  return new Date(value.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A unit's name: tonnes read 吨 / t; other units (kg …) as written. */
export function unitName(unit: string | null | undefined, locale: Locale): string {
  if (!unit || unit === "t") return locale === "zh" ? "吨" : "t";
  return unit;
}

/** A unit price, exact: "15,130 元/吨" / "CNY 15,130/t" (formatYuan and the unit). */
export function formatUnitPrice(amount: number | string, unit: string | null | undefined, locale: Locale): string {
  return `${formatYuan(amount, locale)}/${unitName(unit, locale)}`;
}

/** A quantity with its unit: "500 吨" / "500 t", "1,250.5 kg". */
export function formatQuantity(value: number | string, unit: string | null | undefined, locale: Locale): string {
  const n = typeof value === "string" ? Number(value) : value;
  return `${formatter(locale).number(n, { maximumFractionDigits: 3 })} ${unitName(unit, locale)}`;
}
