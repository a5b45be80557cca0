import type { Metadata } from "next";
import Link from "next/link";
import { HazardBadges } from "@/app/_components/hazard-badges";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Card, EmptyState, inputClass, PageHeader, Pagination, Table, buttonClass, td, th } from "@/app/_components/ui";
import { formatDate } from "@/i18n";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { todayInChina } from "@/server/compliance/compliance";
import { substanceName } from "@/i18n/vocabulary";
import { messageWith } from "@/app/_components/user-text";
import { CurationForm } from "./curation-form";
import { RegulatedListForm } from "./regulated-form";
import { pageNumber } from "@/app/_components/page-id";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("dictionary.title") };
}

const PAGE_SIZE = 20;

/** Park staff correct the substance dictionary (names, aliases) and maintain the regulated lists (剧毒, 易制爆, 易制毒). */
export default async function DictionaryPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { t, locale } = await getT();
  const params = await searchParams;
  const q = params.q?.trim().slice(0, 80) || "";
  const page = pageNumber(params.page);
  const caller = await api();
  const curated = await attempt(() => caller.substance.curated({ page, pageSize: PAGE_SIZE }));
  if (!curated.ok) return <Refusal failure={curated} from="/park/dictionary" />;
  const [found, chosen, changes, counts] = await Promise.all([
    q ? caller.substance.lookup({ q, limit: 20 }) : Promise.resolve(null),
    params.cas ? attempt(() => caller.substance.forCuration({ cas: params.cas! })) : Promise.resolve(null),
    caller.substance.regulatedChanges({ cas: params.cas || undefined, pageSize: 20 }),
    caller.substance.regulatedCounts(),
  ]);
  const listOf = (c: { list: string; category: number | null }) => t(c.list === "precursor" ? (c.category ? `regulated.list.precursor_${c.category}` : "regulated.list.precursor") : `regulated.list.${c.list}`);
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
        <div className="min-w-0 flex-1 basis-64">
          <label htmlFor="dictionary-q" className="mb-1 block text-sm font-medium text-slate-700">{t("dictionary.search_label")}</label>
          <input id="dictionary-q" name="q" defaultValue={q} maxLength={80} placeholder={t("dictionary.search_placeholder")} className={inputClass} />
        </div>
        <button type="submit" className={buttonClass()}>{t("dictionary.search")}</button>
      </form>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card title={q ? t("dictionary.results", { q }) : t("dictionary.curated_title")}>
          {found ? (
            found.length === 0 ? (
              <EmptyState title={t("dictionary.no_results")}>{t("dictionary.no_results_hint")}</EmptyState>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {found.map((s) => (
                  <li key={s.cas} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <Link href={href({ cas: s.cas })} aria-current={params.cas === s.cas ? "true" : undefined} className="hover:text-brand-700 aria-[current=true]:font-semibold">
                      <span className="font-mono text-xs text-slate-500">{s.cas}</span> <span lang="zh-CN">{s.nameZh ?? "—"}</span> <span className="text-slate-500">{s.nameEn}</span>
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
                      <td className={`${td} min-w-32`}><span lang="zh-CN">{s.nameZh ?? "—"}</span><div className="text-xs text-slate-500">{s.nameEn}</div></td>
                      <td className={`${td} text-xs`}>
                        {s.addedAliases.length ? <div>{messageWith(t, "dictionary.added", { aliases: s.addedAliases.join("、") })}</div> : null}
                        {s.hiddenAliases.length ? <div className="text-slate-500">{messageWith(t, "dictionary.hidden", { aliases: s.hiddenAliases.join("、") })}</div> : null}
                      </td>
                      <td className={`${td} text-xs`}><span translate="no">{s.curatedBy ?? "—"}</span><div className="text-slate-500">{formatDate(s.curatedAt, locale)}</div></td>
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

      <Card title={t("regulated.title")}>
        <div className="space-y-4">
          <p className="text-sm text-slate-600">
            {t("regulated.description")}{" "}
            {t("regulated.counts", { toxic: counts.highlyToxic, explosive: counts.explosivePrecursor, p1: counts.precursor1, p2: counts.precursor2, p3: counts.precursor3 })}
          </p>
          {chosen?.ok ? (
            <section aria-labelledby="regulated-change-title" className="rounded-md border border-slate-200 p-4">
              <h3 id="regulated-change-title" className="mb-3 text-sm font-semibold text-slate-800">
                {t("regulated.change_for", { cas: chosen.data.cas })} <span translate="no">{substanceName(chosen.data.effective, locale) === "—" ? "" : substanceName(chosen.data.effective, locale)}</span>
              </h3>
              <RegulatedListForm cas={chosen.data.cas} name={chosen.data.effective.nameZh || chosen.data.effective.nameEn ? substanceName(chosen.data.effective, locale) : chosen.data.cas} today={todayInChina()} />
            </section>
          ) : (
            <p className="text-sm text-slate-500">{t("regulated.choose_hint")}</p>
          )}
          {changes.items.length === 0 ? (
            <EmptyState title={t("regulated.no_changes")} />
          ) : (
            <Table caption={params.cas ? t("regulated.changes_of", { cas: params.cas }) : t("regulated.changes")}>
              <thead>
                <tr>
                  <th className={th}>{t("regulated.effective_on")}</th><th className={th}>CAS</th><th className={th}>{t("dictionary.name")}</th>
                  <th className={th}>{t("regulated.change")}</th><th className={th}>{t("regulated.reason")}</th><th className={th}>{t("dictionary.by")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {changes.items.map((c) => (
                  <tr key={c.id}>
                    <td className={`${td} text-xs`}>{c.effectiveOn}{c.inEffect ? null : <div className="text-amber-700">{t("regulated.pending")}</div>}</td>
                    <td className={`${td} font-mono text-xs`}><Link href={href({ cas: c.cas })} className="text-brand-700 hover:underline">{c.cas}</Link></td>
                    <td className={`${td} min-w-32`} translate="no">{substanceName(c, locale)}</td>
                    <td className={td}>{t(c.action === "add" ? "regulated.added_to" : "regulated.removed_from", { list: listOf(c) })}</td>
                    <td className={`${td} text-xs`} translate="no">{c.reason}</td>
                    <td className={`${td} text-xs`}><span translate="no">{c.by ?? "—"}</span><div className="text-slate-500">{formatDate(c.createdAt, locale)}</div></td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </div>
      </Card>
    </div>
  );
}
