import type { Metadata } from "next";
import Link from "next/link";
import { ListingStatus, formatQuantity } from "@/app/_components/listing-bits";
import { attempt, Refusal } from "@/app/_components/refusal";
import { listedNames } from "@/app/_catalogue/names";
import { Badge, ButtonLink, EmptyState, PageHeader, Pagination, Table, buttonClass, inputClass, td, th } from "@/app/_components/ui";
import { formatDate } from "@/i18n";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { pageNumber } from "@/app/_components/page-id";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("demand.list_title") };
}

const PAGE_SIZE = 20;
const STATUSES = ["all", "open", "draft", "closed", "expired"] as const;

/** The enterprise's purchase demands, with how many suppliers each has. */
export default async function DemandsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { t, locale } = await getT();
  const params = await searchParams;
  const caller = await api();
  const me = await caller.user.me();
  if (!me) return <Refusal failure={{ ok: false, code: "UNAUTHORIZED", message: null }} from="/demands" />;
  if (!me.enterprise) return <Refusal failure={{ ok: false, code: "FORBIDDEN", message: null }} />;
  const status = STATUSES.find((s) => s === params.status) ?? "all";
  const page = pageNumber(params.page);
  const result = await attempt(() => caller.demand.list({ enterpriseId: me.enterprise!.id, status, page, pageSize: PAGE_SIZE }));
  if (!result.ok) return <Refusal failure={result} />;
  const { items, total, allowed } = result.data;
  const hrefFor = (p: number) => `/demands?${new URLSearchParams({ ...(status !== "all" ? { status } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("demand.list_title")}
        description={t("demand.list_description")}
        actions={allowed.create ? <ButtonLink href="/demands/new">{t("demand.new")}</ButtonLink> : null}
      />
      <form action="/demands" className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="status" className="mb-1 block text-sm font-medium text-slate-700">{t("listing.status")}</label>
          <select id="status" name="status" defaultValue={status} className={inputClass}>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`listing.status_${s}`)}</option>)}
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>{t("listing.filter")}</button>
      </form>
      {items.length === 0 ? (
        <EmptyState title={status === "all" ? t("demand.empty") : t("listing.empty_filtered")}>
          {allowed.create && status === "all" ? <Link href="/demands/new" className="text-brand-700 underline">{t("demand.new")}</Link> : null}
        </EmptyState>
      ) : (
        <>
          <Table caption={t("demand.list_title")}>
            <thead>
              <tr>
                <th className={th}>{t("demand.substance")}</th>
                <th className={th}>{t("listing.status")}</th>
                <th className={th}>{t("demand.quantity")}</th>
                <th className={th}>{t("demand.grade")}</th>
                <th className={th}>{t("demand.expires_on")}</th>
                <th className={th}>{t("demand.suppliers")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 bg-white">
              {items.map((d) => {
                const names = listedNames(d.substanceName, d.substanceEn, locale);
                return (
                <tr key={d.id}>
                  <td className={`${td} min-w-40`}>
                    <Link href={`/demands/${d.id}`} className="font-medium text-brand-700 hover:underline">{names.primary}</Link>
                    {names.secondary ? <div className="text-xs text-slate-500">{names.secondary}</div> : null}
                    {d.cas ? <div className="font-mono text-xs text-slate-500">{d.cas}</div> : null}
                  </td>
                  <td className={td}><ListingStatus status={d.status} t={t} /></td>
                  <td className={td}>{formatQuantity(d.quantity, d.unit, locale)}{d.recurrence !== "once" ? <span className="ml-1 text-xs text-slate-500">{t(`listing.recurrence_${d.recurrence}`)}</span> : null}</td>
                  <td className={td}>{d.grade ? t(`listing.grade_${d.grade}`) : "—"}{d.minPurityPct ? <span className="ml-1 text-xs text-slate-500">≥{Number(d.minPurityPct)}%</span> : null}</td>
                  <td className={`${td} whitespace-nowrap`}>{formatDate(d.expiresOn, locale)}</td>
                  <td className={td}>
                    {d.status === "open" ? (
                      <span className="flex flex-wrap gap-1">
                        <Badge tone={d.suppliers ? "blue" : "slate"}>{t("demand.supplier_count", { count: d.suppliers })}</Badge>
                        {d.inPark ? <Badge tone="green">{t("demand.in_park_count", { count: d.inPark })}</Badge> : null}
                      </span>
                    ) : "—"}
                  </td>
                </tr>
                );
              })}
            </tbody>
          </Table>
          <Pagination
            page={page} pageSize={PAGE_SIZE} total={total} hrefFor={hrefFor}
            labels={{ previous: t("pagination.previous"), next: t("pagination.next"), status: t("pagination.status", { page, pages: Math.ceil(total / PAGE_SIZE) }) }}
          />
        </>
      )}
    </div>
  );
}
