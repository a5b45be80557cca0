import type { Metadata } from "next";
import Link from "next/link";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Badge, EmptyState, inputClass, PageHeader, Pagination, Table, buttonClass, td, th } from "@/app/_components/ui";
import { formatDate } from "@/i18n";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { InquiryStatusBadge } from "./status";
import { EnterpriseName } from "@/app/agreements/names";
import { pageNumber } from "@/app/_components/page-id";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("inquiry.list_title") };
}

const PAGE_SIZE = 20;
const SIDES = ["all", "buying", "selling"] as const;
const STATUSES = ["open", "quoted", "accepted", "closed"] as const;

/** The actor's inquiry threads (asked and received), unread first to the eye; filters in the URL. */
export default async function InquiriesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { t, locale } = await getT();
  const params = await searchParams;
  const page = pageNumber(params.page);
  const side = SIDES.find((s) => s === params.side) ?? "all";
  const status = STATUSES.find((s) => s === params.status);
  const result = await attempt(async () => (await api()).inquiry.list({ side, status, page, pageSize: PAGE_SIZE }));
  if (!result.ok) return <Refusal failure={result} from="/inquiries" />;
  const { items, total } = result.data;
  const hrefFor = (p: number) => {
    const q = new URLSearchParams();
    if (side !== "all") q.set("side", side);
    if (status) q.set("status", status);
    if (p > 1) q.set("page", String(p));
    const s = q.toString();
    return s ? `/inquiries?${s}` : "/inquiries";
  };

  return (
    <div>
      <PageHeader title={t("inquiry.list_title")} description={t("inquiry.list_description")} />
      <form className="mb-4 flex flex-wrap items-end gap-3" action="/inquiries">
        <div>
          <label htmlFor="side" className="mb-1 block text-sm font-medium text-slate-700">{t("inquiry.side_label")}</label>
          <select id="side" name="side" defaultValue={side} className={inputClass}>
            {SIDES.map((s) => <option key={s} value={s}>{t(`inquiry.side_${s}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="status" className="mb-1 block text-sm font-medium text-slate-700">{t("inquiry.status_label")}</label>
          <select id="status" name="status" defaultValue={status ?? ""} className={inputClass}>
            <option value="">{t("inquiry.status_any")}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`inquiry.status.${s}`)}</option>)}
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>{t("common.filter")}</button>
      </form>
      {items.length === 0 ? (
        <EmptyState title={t("inquiry.empty")}>{t("inquiry.empty_hint")}</EmptyState>
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white">
          <Table caption={t("inquiry.list_title")}>
            <thead>
              <tr>
                <th className={th}>{t("inquiry.subject")}</th>
                <th className={th}>{t("inquiry.status_label")}</th>
                <th className={th}>{t("inquiry.counterpart")}</th>
                <th className={th}>{t("inquiry.quotes")}</th>
                <th className={th}>{t("inquiry.last_activity")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((i) => {
                const buyer = { name: i.buyerName, nameEn: i.buyerNameEn };
                const seller = { name: i.sellerName, nameEn: i.sellerNameEn };
                return (
                <tr key={i.id} className={i.unread ? "bg-brand-50/60" : undefined}>
                  {/* subject and status first; names wrap by word */}
                  <td className={`${td} min-w-48`}>
                    {i.kind === "sample" ? <span className="mr-2"><Badge tone="blue">{t("sample.kind.sample")}</Badge></span> : null}
                    <Link href={`/inquiries/${i.id}`} className="font-medium text-slate-900 hover:text-brand-700" translate="no">{i.subject}</Link>
                    {i.unread ? <span className="ml-2"><Badge tone="red">{t("inquiry.unread", { count: i.unread })}</Badge></span> : null}
                    <div className="text-xs text-slate-500">
                      {i.myRole === "buyer" ? t("inquiry.role_buyer") : i.myRole === "seller" ? t("inquiry.role_seller") : t("inquiry.role_park")}
                    </div>
                  </td>
                  <td className={td}><InquiryStatusBadge status={i.status} t={t} /></td>
                  <td className={`${td} min-w-40`}>
                    {i.myRole === "buyer" ? <EnterpriseName e={seller} locale={locale} />
                      : i.myRole === "seller" ? <EnterpriseName e={buyer} locale={locale} />
                        : <><EnterpriseName e={buyer} locale={locale} /> ← <EnterpriseName e={seller} locale={locale} /></>}
                  </td>
                  <td className={td}>{i.quotes}</td>
                  <td className={`${td} whitespace-nowrap`}>{formatDate(i.lastActivity, locale)}</td>
                </tr>
                );
              })}
            </tbody>
          </Table>
        </div>
      )}
      <Pagination
        page={page} pageSize={PAGE_SIZE} total={total} hrefFor={hrefFor}
        labels={{ previous: t("pagination.previous"), next: t("pagination.next"), status: t("pagination.status", { page, pages: Math.ceil(total / PAGE_SIZE) }) }}
      />
    </div>
  );
}
