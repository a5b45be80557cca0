import type { Metadata } from "next";
import Link from "next/link";
import { SearchBox } from "@/app/_components/search-box";
import { EnterpriseName, Vocab } from "@/app/_catalogue/names";
import { Badge, EmptyState, inputClass, PageHeader, Pagination, buttonClass } from "@/app/_components/ui";
import { getT } from "@/i18n/server";
import { chainName, isTranslated, parkName } from "@/i18n/vocabulary";
import { api } from "@/server/api/server";
import { pageNumber, queryId } from "@/app/_components/page-id";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("directory.title") };
}

const PAGE_SIZE = 20;

/** The public enterprise directory: search by name or credit code, filter by park, paged. */
export default async function DirectoryPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { t, locale } = await getT();
  const params = await searchParams;
  const page = pageNumber(params.page);
  const parkId = queryId(params.park);
  const q = params.q?.trim().slice(0, 60) || undefined;
  const caller = await api();
  const [result, parks] = await Promise.all([
    caller.enterprise.list({ page, pageSize: PAGE_SIZE, parkId, q }),
    caller.park.list(),
  ]);
  const hrefFor = (p: number) => {
    const next = new URLSearchParams();
    if (q) next.set("q", q);
    if (parkId) next.set("park", String(parkId));
    if (p > 1) next.set("page", String(p));
    const query = next.toString();
    return query ? `/enterprises?${query}` : "/enterprises";
  };

  return (
    <div>
      <PageHeader title={t("directory.title")} description={t("directory.description")} />
      <div className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <SearchBox id="directory-chemical-search" />
      </div>
      <form className="mb-6 flex flex-wrap items-end gap-3" role="search" action="/enterprises">
        <div className="min-w-64 flex-1">
          <label htmlFor="q" className="mb-1 block text-sm font-medium text-slate-700">{t("directory.search_label")}</label>
          <input id="q" name="q" defaultValue={q} placeholder={t("directory.search_placeholder")} className={inputClass} />
        </div>
        <div>
          <label htmlFor="park" className="mb-1 block text-sm font-medium text-slate-700">{t("directory.park_label")}</label>
          <select id="park" name="park" defaultValue={parkId ?? ""} className={inputClass}>
            <option value="">{t("directory.all_parks")}</option>
            {parks.map((p) => (
              <option key={p.id} value={p.id} translate={isTranslated(parkName(p, locale), locale) ? undefined : "no"}>{parkName(p, locale)}</option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass()}>{t("directory.find_enterprises")}</button>
      </form>

      {result.items.length === 0 ? (
        <EmptyState title={t("directory.empty")}>{q ? t("directory.empty_hint") : null}</EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-500">{t("directory.count", { count: result.total })}</p>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {result.items.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                <div className="min-w-0">
                  <Link href={`/enterprises/${e.id}`} className="font-medium break-words text-slate-900 hover:text-brand-700">
                    <EnterpriseName enterprise={e} locale={locale} />
                  </Link>
                  <div className="mt-1 flex flex-wrap gap-1.5 text-xs text-slate-500">
                    {e.park ? <Vocab text={parkName(e.park, locale)} locale={locale} /> : <span>{t("directory.external")}</span>}
                    {e.chains.map((c) => <Badge key={c}><Vocab text={chainName(c, locale)} locale={locale} /></Badge>)}
                  </div>
                </div>
                <div className="flex items-center gap-2 text-sm text-slate-500">
                  {e.verified ? <Badge tone="green">{t("enterprise.verified")}</Badge> : <Badge tone="amber">{t("enterprise.unverified")}</Badge>}
                  <span>{t("directory.products", { count: e.products })}</span>
                </div>
              </li>
            ))}
          </ul>
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={result.total}
            hrefFor={hrefFor}
            labels={{
              previous: t("pagination.previous"),
              next: t("pagination.next"),
              status: t("pagination.status", { page, pages: Math.ceil(result.total / PAGE_SIZE) }),
            }}
          />
        </>
      )}
    </div>
  );
}
