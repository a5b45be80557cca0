"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LOCALE_COOKIE, type Locale } from "@/i18n";
import { useI18n } from "@/i18n/client";

/**
 * 中文 / English: remembered in a cookie for a year, applied without leaving the page. Each button
 * is named in its own language whatever the page's ("中文" with lang=zh, "English" with lang=en,
 * shown as "EN"), so a reader who cannot read the current language still finds theirs; the one in
 * use is pressed.
 */
export function LocaleSwitch() {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const choose = (next: Locale) => {
    document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    startTransition(() => router.refresh());
  };
  return (
    <div role="group" aria-label={t("nav.language")} className="flex w-fit rounded-md border border-slate-300 text-xs">
      {(["zh", "en"] as const).map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-label={l === "zh" ? undefined : "English"}
          aria-pressed={locale === l}
          disabled={pending}
          onClick={() => choose(l)}
          className="px-2 py-1 first:rounded-l-[5px] last:rounded-r-[5px] focus-visible:relative focus-visible:z-10 aria-pressed:bg-slate-800 aria-pressed:text-white hover:bg-slate-100 aria-pressed:hover:bg-slate-800"
        >
          {l === "zh" ? "中文" : "EN"}
        </button>
      ))}
    </div>
  );
}
