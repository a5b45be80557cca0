import type { Metadata } from "next";
import Link from "next/link";
import { attempt, Refusal } from "@/app/_components/refusal";
import { ButtonLink, EmptyState, inputClass, PageHeader, Pagination, Table, buttonClass, td, th } from "@/app/_components/ui";
import { formatCny, formatDate } from "@/i18n";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { AgreementStatusBadge } from "./status";
import { EnterpriseName } from "./names";
import { UserText } from "@/app/_components/user-text";
import { pageNumber, queryId } from "@/app/_components/page-id";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("agreement.list_title") };
}

const PAGE_SIZE = 20;
const STATUSES = ["draft", "signed", "active", "completed", "terminated"] as const;
const TYPES = ["framework", "contract", "order"] as const;

/** Agreements the actor may see: its enterprise's, or its park's; filters in the URL. */
export default async function AgreementsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { t, locale } = await getT();
  const params = await searchParams;
  const page = pageNumber(params.page);
  const status = STATUSES.find((s) => s === params.status);
  const type = TYPES.find((s) => s === params.type);
  const eventId = queryId(params.event);
  const q = params.q?.trim().slice(0, 60) || undefined;
  const caller = await api();
  const result = await attempt(() => caller.agreement.list({ page, pageSize: PAGE_SIZE, status, type, eventId, q }));
  if (!result.ok) return <Refusal failure={result} from="/agreements" />;
  const { items, total, amountCny, signed, allowed } = result.data;
  const events = (await caller.event.list({})).items;
  const colon = locale === "zh" ? "：" : ": ";
  const hrefFor = (p: number) => {
    const next = new URLSearchParams();
    if (q) next.set("q", q);
    if (status) next.set("status", status);
    if (type) next.set("type", type);
    if (eventId) next.set("event", String(eventId));
    if (p > 1) next.set("page", String(p));
    const s = next.toString();
    return s ? `/agreements?${s}` : "/agreements";
  };

  return (
    <div>
      <PageHeader
        title={t("agreement.list_title")}
        description={t("agreement.list_description")}
        actions={
          <>
            {allowed.import ? <ButtonLink href="/agreements/import" variant="secondary">{t("agreement.import_title")}</ButtonLink> : null}
            {allowed.create ? <ButtonLink href="/agreements/new">{t("agreement.new_title")}</ButtonLink> : null}
          </>
        }
      />
      <form className="mb-4 flex flex-wrap items-end gap-3" role="search" action="/agreements">
        <div className="w-full sm:w-auto sm:min-w-56 sm:flex-1">
          <label htmlFor="q" className="mb-1 block text-sm font-medium text-slate-700">{t("agreement.search_label")}</label>
          <input id="q" name="q" defaultValue={q} className={inputClass} placeholder={t("agreement.search_placeholder")} />
        </div>
        <div>
          <label htmlFor="type" className="mb-1 block text-sm font-medium text-slate-700">{t("agreement.type_label")}</label>
          <select id="type" name="type" defaultValue={type ?? ""} className={inputClass}>
            <option value="">{t("common.all")}</option>
            {TYPES.map((s) => <option key={s} value={s}>{t(`agreement.type.${s}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="status" className="mb-1 block text-sm font-medium text-slate-700">{t("agreement.status_label")}</label>
          <select id="status" name="status" defaultValue={status ?? ""} className={inputClass}>
            <option value="">{t("common.all")}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`agreement.status.${s}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="event" className="mb-1 block text-sm font-medium text-slate-700">{t("agreement.event")}</label>
          <select id="event" name="event" defaultValue={eventId ?? ""} className={`${inputClass} max-w-full sm:max-w-64`}>
            <option value="">{t("common.all")}</option>
            {events.map((e) => <option key={e.id} value={e.id} translate="no">{e.name}</option>)}
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>{t("common.filter")}</button>
      </form>
      {items.length === 0 ? (
        <EmptyState title={t("agreement.empty")}>{t("agreement.empty_hint")}</EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-500" data-testid="agreement-totals">
            {t("agreement.count", { count: total, amount: formatCny(amountCny, locale), signed: signed.total, signedAmount: formatCny(signed.amountCny, locale) })}
          </p>
          <div className="rounded-lg border border-slate-200 bg-white">
            <Table caption={t("agreement.list_title")}>
              <thead>
                <tr>
                  <th className={th}>{t("agreement.title_label")}</th>
                  <th className={th}>{t("agreement.status_label")}</th>
                  <th className={th}>{t("agreement.amount")}</th>
                  <th className={th}>{t("agreement.parties")}</th>
                  <th className={th}>{t("agreement.signed_on")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {items.map((a) => (
                  <tr key={a.id}>
                    {/* the key columns first (title, status, amount); names wrap by word, never a character a line */}
                    <td className={`${td} min-w-48`}>
                      <Link href={`/agreements/${a.id}`} className="font-mono text-xs text-brand-700 hover:underline">{a.ref}</Link>
                      <div translate="no" className="break-words">{a.title}</div>
                      <div className="text-xs text-slate-500">{t(`agreement.type.${a.type}`)}{a.eventName ? <> · <UserText>{a.eventName}</UserText></> : null}</div>
                    </td>
                    <td className={td}><AgreementStatusBadge status={a.status} t={t} /></td>
                    <td className={`${td} whitespace-nowrap`}>{formatCny(a.totalAmountCny, locale)}</td>
                    <td className={`${td} min-w-48`}>
                      <div>{t("agreement.buyer_short")}{colon}<EnterpriseName e={{ name: a.buyerName, nameEn: a.buyerNameEn }} locale={locale} /></div>
                      <div className="text-slate-600">{t("agreement.seller_short")}{colon}<EnterpriseName e={{ name: a.sellerName, nameEn: a.sellerNameEn }} locale={locale} /></div>
                    </td>
                    <td className={`${td} whitespace-nowrap`}>{formatDate(a.signedOn, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        </>
      )}
      <Pagination
        page={page} pageSize={PAGE_SIZE} total={total} hrefFor={hrefFor}
        labels={{ previous: t("pagination.previous"), next: t("pagination.next"), status: t("pagination.status", { page, pages: Math.ceil(total / PAGE_SIZE) }) }}
      />
    </div>
  );
}
