"use client";

import { createContext, useContext, useMemo } from "react";
import { translator, type Locale, type Translate } from "./index";

const I18nContext = createContext<{ locale: Locale; t: Translate }>({ locale: "zh", t: translator("zh") });

export function I18nProvider({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  const value = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its translate function, in client components. */
export function useI18n() {
  return useContext(I18nContext);
}
