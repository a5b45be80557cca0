import Link from "next/link";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { searchHref } from "./search-box";
import { exampleLabels, SEARCH_EXAMPLE_QUERIES } from "./search-example-labels";

/** The example chips under a search box (give the box `examples={[]}`). */
export async function SearchExamples({ tone = "light" }: { tone?: "light" | "dark" }) {
  const { t, locale } = await getT();
  const caller = await api();
  const found = await Promise.all(
    SEARCH_EXAMPLE_QUERIES.flatMap((e) => (e.cas ? [caller.substance.byCas({ cas: e.cas }).catch(() => null)] : [])),
  );
  const names = new Map(found.flatMap((s) => (s ? [[s.cas, s] as const] : [])));
  const dark = tone === "dark";
  return (
    <p className={`mt-2 flex flex-wrap items-center gap-2 text-sm ${dark ? "text-brand-50" : "text-slate-600"}`}>
      <span>{t("search.try")}</span>
      {exampleLabels(names, locale).map((e) => (
        <Link
          key={e.query}
          href={searchHref(e.query)}
          translate={e.translated ? undefined : "no"}
          className={`rounded-full border px-3 py-0.5 ${dark ? "border-white/60 text-white hover:bg-white/10" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
        >
          {e.label}
        </Link>
      ))}
    </p>
  );
}
