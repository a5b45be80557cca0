import type { Metadata } from "next";
import Link from "next/link";
import { HazardBadges } from "@/app/_components/hazard-badges";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Card, EmptyState, inputClass, PageHeader, Pagination, Table, buttonClass, td, th } from "@/app/_components/ui";
import { formatDate } from "@/i18n";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { CurationForm } from "./curation-form";
import { pageNumber } from "@/app/_components/page-id";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("dictionary.title") };
}

const PAGE_SIZE = 20;

/** Park staff correct the substance dictionary: find a substance, fix its names and aliases. */
export default async function DictionaryPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { t, locale } = await getT();
  const params = await searchParams;
  const q = params.q?.trim().slice(0, 80) || "";
  const page = pageNumber(params.page);
  const caller = await api();
  const curated = await attempt(() => caller.substance.curated({ page, pageSize: PAGE_SIZE }));
  if (!curated.ok) return <Refusal failure={curated} from="/park/dictionary" />;
  const [found, chosen] = await Promise.all([
    q ? caller.substance.lookup({ q, limit: 20 }) : Promise.resolve(null),
    params.cas ? attempt(() => caller.substance.forCuration({ cas: params.cas! })) : Promise.resolve(null),
  ]);
  const href = (extra: Record<string, string | undefined>) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries({ q: q || undefined, ...extra })) if (v) query.set(k, v);
    const text = query.toString();
    return text ? `/park/dictionary?${text}` : "/park/dictionary";
  };

  return (
    <div className="space-y-6">
      <PageHeader title={t("dictionary.title")} description={t("dictionary.description")} />
      <form className="flex flex-wrap items-end gap-3" action="/park/dictionary" role="search">
        <div className="min-w-64 flex-1">
          <label htmlFor="dictionary-q" className="mb-1 block text-sm font-medium text-slate-700">{t("dictionary.search_label")}</label>
          <input id="dictionary-q" name="q" defaultValue={q} maxLength={80} placeholder={t("dictionary.search_placeholder")} className={inputClass} />
        </div>
        <button type="submit" className={buttonClass()}>{t("dictionary.search")}</button>
      </form>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={q ? t("dictionary.results", { q }) : t("dictionary.curated_title")}>
          {found ? (
            found.length === 0 ? (
              <EmptyState title={t("dictionary.no_results")}>{t("dictionary.no_results_hint")}</EmptyState>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {found.map((s) => (
                  <li key={s.cas} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <Link href={href({ cas: s.cas })} aria-current={params.cas === s.cas ? "true" : undefined} className="hover:text-brand-700 aria-[current=true]:font-semibold">
                      <span className="font-mono text-xs text-slate-500">{s.cas}</span> {s.nameZh ?? "—"} <span className="text-slate-500">{s.nameEn}</span>
                    </Link>
                    <HazardBadges flags={s} t={t} />
                  </li>
                ))}
              </ul>
            )
          ) : curated.data.items.length === 0 ? (
            <EmptyState title={t("dictionary.no_curated")}>{t("dictionary.no_curated_hint")}</EmptyState>
          ) : (
            <>
              <Table caption={t("dictionary.curated_title")}>
                <thead>
                  <tr><th className={th}>CAS</th><th className={th}>{t("dictionary.name")}</th><th className={th}>{t("dictionary.changes")}</th><th className={th}>{t("dictionary.by")}</th></tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {curated.data.items.map((s) => (
                    <tr key={s.cas}>
                      <td className={`${td} font-mono text-xs`}><Link href={href({ cas: s.cas })} className="text-brand-700 hover:underline">{s.cas}</Link></td>
                      <td className={td}>{s.nameZh ?? "—"}<div className="text-xs text-slate-500">{s.nameEn}</div></td>
                      <td className={`${td} text-xs`}>
                        {s.addedAliases.length ? <div>{t("dictionary.added", { aliases: s.addedAliases.join("、") })}</div> : null}
                        {s.hiddenAliases.length ? <div className="text-slate-500">{t("dictionary.hidden", { aliases: s.hiddenAliases.join("、") })}</div> : null}
                      </td>
                      <td className={`${td} text-xs`}>{s.curatedBy ?? "—"}<div className="text-slate-500">{formatDate(s.curatedAt, locale)}</div></td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              <Pagination
                page={page}
                pageSize={PAGE_SIZE}
                total={curated.data.total}
                hrefFor={(p) => href({ page: p > 1 ? String(p) : undefined })}
                labels={{ previous: t("pagination.previous"), next: t("pagination.next"), status: t("pagination.status", { page, pages: Math.ceil(curated.data.total / PAGE_SIZE) }) }}
              />
            </>
          )}
        </Card>

        <Card title={t("dictionary.edit_title")}>
          {!chosen ? (
            <EmptyState title={t("dictionary.choose")}>{t("dictionary.choose_hint")}</EmptyState>
          ) : !chosen.ok ? (
            <Refusal failure={chosen} />
          ) : (
            <CurationForm key={`${chosen.data.cas}-${chosen.data.curatedAt?.toISOString() ?? ""}`} substance={{ ...chosen.data, curatedAt: chosen.data.curatedAt?.toISOString() ?? null }} />
          )}
        </Card>
      </div>
    </div>
  );
}
