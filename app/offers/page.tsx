import type { Metadata } from "next";
import Link from "next/link";
import { ListingStatus, formatQuantity } from "@/app/_components/listing-bits";
import { attempt, Refusal } from "@/app/_components/refusal";
import { listedNames } from "@/app/_catalogue/names";
import { Badge, ButtonLink, EmptyState, PageHeader, Pagination, Table, buttonClass, inputClass, td, th } from "@/app/_components/ui";
import { formatDate, formatYuan } from "@/i18n";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { ListingActions } from "../demands/actions";
import { pageNumber } from "@/app/_components/page-id";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("offer.list_title") };
}

const PAGE_SIZE = 20;
const STATUSES = ["all", "open", "draft", "closed", "expired"] as const;

/** The enterprise's supply offers; an offer hidden from buyers because of an expired licence says so. */
export default async function OffersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { t, locale } = await getT();
  const params = await searchParams;
  const caller = await api();
  const me = await caller.user.me();
  if (!me) return <Refusal failure={{ ok: false, code: "UNAUTHORIZED", message: null }} from="/offers" />;
  if (!me.enterprise) return <Refusal failure={{ ok: false, code: "FORBIDDEN", message: null }} />;
  const status = STATUSES.find((s) => s === params.status) ?? "all";
  const page = pageNumber(params.page);
  const result = await attempt(() => caller.offer.list({ enterpriseId: me.enterprise!.id, status, page, pageSize: PAGE_SIZE }));
  if (!result.ok) return <Refusal failure={result} />;
  const { items, total, allowed } = result.data;
  const hrefFor = (p: number) => `/offers?${new URLSearchParams({ ...(status !== "all" ? { status } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("offer.list_title")}
        description={t("offer.list_description")}
        actions={allowed.create ? <ButtonLink href="/offers/new">{t("offer.new")}</ButtonLink> : null}
      />
      <form action="/offers" className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="status" className="mb-1 block text-sm font-medium text-slate-700">{t("listing.status")}</label>
          <select id="status" name="status" defaultValue={status} className={inputClass}>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`listing.status_${s}`)}</option>)}
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>{t("listing.filter")}</button>
      </form>
      {items.length === 0 ? (
        <EmptyState title={status === "all" ? t("offer.empty") : t("listing.empty_filtered")}>
          {allowed.create && status === "all" ? <Link href="/offers/new" className="text-brand-700 underline">{t("offer.new")}</Link> : null}
        </EmptyState>
      ) : (
        <>
          <Table caption={t("offer.list_title")}>
            <thead>
              <tr>
                <th className={th}>{t("offer.product")}</th>
                <th className={th}>{t("listing.status")}</th>
                <th className={th}>{t("offer.quantity")}</th>
                <th className={th}>{t("offer.price")}</th>
                <th className={th}>{t("offer.period")}</th>
                <th className={th}><span className="sr-only">{t("listing.actions")}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 bg-white">
              {items.map((o) => {
                const names = listedNames(o.productName, o.substanceEn, locale);
                return (
                <tr key={o.id}>
                  <td className={`${td} min-w-40`}>
                    <span className="font-medium">{names.primary}</span>
                    {names.secondary ? <div className="text-xs text-slate-500">{names.secondary}</div> : null}
                    {o.cas ? <div className="font-mono text-xs text-slate-500">{o.cas}</div> : null}
                    {o.licence === "blocked" ? <p className="mt-1 text-xs text-red-700" role="note">{t("offer.blocked_hint")}</p> : null}
                    {o.licence === "licence_missing" ? <p className="mt-1 text-xs text-amber-700" role="note">{t("offer.licence_missing_hint")}</p> : null}
                  </td>
                  <td className={td}>
                    <span className="flex flex-wrap gap-1"><ListingStatus status={o.status} t={t} />{o.licence === "blocked" ? <Badge tone="red">{t("match.state_blocked")}</Badge> : null}</span>
                  </td>
                  <td className={`${td} whitespace-nowrap`}>{formatQuantity(o.quantity, o.unit, locale)}</td>
                  <td className={td}>{o.priceCnyPerUnit ? `${formatYuan(o.priceCnyPerUnit, locale)}/${o.unit === "kg" ? "kg" : t("listing.unit_t")}${locale === "zh" ? "（" : " ("}${t(`terms.${o.taxBasis}`)}${locale === "zh" ? "）" : ")"}` : "—"}</td>
                  <td className={td}>{formatDate(o.validFrom, locale)} – {formatDate(o.validUntil, locale)}</td>
                  <td className={td}>
                    {allowed.create ? (
                      <div className="flex flex-wrap items-end gap-2">
                        {o.status === "open" || o.status === "draft" ? <Link href={`/offers/${o.id}/edit`} className={buttonClass("ghost", "sm")}>{t("listing.edit")}</Link> : null}
                        <ListingActions kind="offer" id={o.id} close={o.status === "open" || o.status === "draft"} repost={o.status !== "open"} />
                      </div>
                    ) : null}
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
