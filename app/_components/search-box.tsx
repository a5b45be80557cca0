import Link from "next/link";
import { getT } from "@/i18n/server";
import { buttonClass, inputClass } from "./ui";

/** Queries people type, as the search page reads them (a name, a name with a purity, a pasted CAS), per language. */
export const SEARCH_EXAMPLES = { zh: ["异丙醇", "硫酸 98%", "CAS 67-64-1"], en: ["isopropyl alcohol", "toluene 99%", "CAS 67-64-1"] } as const;

export const searchHref = (q: string) => `/search?q=${encodeURIComponent(q)}`;

/** A search box that opens the search page (works without JavaScript), with example queries to click. */
export async function SearchBox({ id = "home-search", examples, tone = "light" }: {
  id?: string;
  examples?: readonly string[];
  /** `dark` on a coloured banner */
  tone?: "light" | "dark";
}) {
  const { t, locale } = await getT();
  examples ??= SEARCH_EXAMPLES[locale];
  const dark = tone === "dark";
  return (
    <div>
      <form action="/search" role="search" className="flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <label htmlFor={id} className={`mb-1 block text-sm font-medium ${dark ? "text-white" : "text-slate-700"}`}>{t("search.label")}</label>
          <input id={id} name="q" maxLength={100} placeholder={t("search.placeholder")} className={`${inputClass} ${dark ? "text-slate-900" : ""}`} />
        </div>
        <button type="submit" className={dark ? "rounded-md bg-white px-4 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50" : buttonClass()}>{t("search.submit")}</button>
      </form>
      {examples.length ? (
        <p className={`mt-2 flex flex-wrap items-center gap-2 text-sm ${dark ? "text-brand-50" : "text-slate-600"}`}>
          <span>{t("search.try")}</span>
          {examples.map((q) => (
            <Link key={q} href={searchHref(q)} className={`rounded-full border px-3 py-0.5 ${dark ? "border-white/60 text-white hover:bg-white/10" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}>
              {q}
            </Link>
          ))}
        </p>
      ) : null}
    </div>
  );
}
