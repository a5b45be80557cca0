import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "@/i18n";

/**
 * The language of the UI that asks for an export: the language switch's cookie on the request,
 * else Simplified Chinese. Read from the request itself, so the route handlers need nothing else.
 */
export function localeOf(req: Request): Locale {
  const cookie = (req.headers.get("cookie") ?? "").split(";").map((c) => c.trim().split("=")).find(([name]) => name === LOCALE_COOKIE);
  return isLocale(cookie?.[1]) ? cookie[1] : DEFAULT_LOCALE;
}
