import en from "./messages/en.json";
import zh from "./messages/zh.json";

export const LOCALES = ["zh", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh";
export const LOCALE_COOKIE = "parklink-locale";

export type Messages = typeof zh;
export const MESSAGES: Record<Locale, Messages> = { zh, en };

export function isLocale(value: unknown): value is Locale {
  return value === "zh" || value === "en";
}

type Vars = Record<string, string | number>;
export type Translate = (key: string, vars?: Vars) => string;

/** Looks a dotted key up in the message files, filling `{name}` placeholders; unknown keys show as-is. */
export function translator(locale: Locale): Translate {
  const messages = MESSAGES[locale] as unknown as Record<string, unknown>;
  return (key, vars) => {
    let value: unknown = messages;
    for (const part of key.split(".")) value = (value as Record<string, unknown> | undefined)?.[part];
    if (typeof value !== "string") return key;
    return vars ? value.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : value;
  };
}

/** Formats an amount in yuan the way people expect it: 元, 万元 or 亿元 (CNY, k, M, bn in English). */
export function formatCny(amount: number | string, locale: Locale): string {
  const value = typeof amount === "string" ? Number(amount) : amount;
  if (locale === "zh") {
    if (Math.abs(value) >= 1e8) return `${(value / 1e8).toLocaleString("zh-CN", { maximumFractionDigits: 2 })} 亿元`;
    if (Math.abs(value) >= 1e4) return `${(value / 1e4).toLocaleString("zh-CN", { maximumFractionDigits: 1 })} 万元`;
    return `${value.toLocaleString("zh-CN", { maximumFractionDigits: 2 })} 元`;
  }
  if (Math.abs(value) >= 1e9) return `CNY ${(value / 1e9).toLocaleString("en", { maximumFractionDigits: 2 })} bn`;
  if (Math.abs(value) >= 1e6) return `CNY ${(value / 1e6).toLocaleString("en", { maximumFractionDigits: 1 })} M`;
  return `CNY ${value.toLocaleString("en", { maximumFractionDigits: 2 })}`;
}

export function formatNumber(value: number, locale: Locale): string {
  return value.toLocaleString(locale === "zh" ? "zh-CN" : "en");
}
