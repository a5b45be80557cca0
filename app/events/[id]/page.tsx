import type { Metadata } from "next";
import Link from "next/link";
import { pageId, pageNumber } from "@/app/_components/page-id";
import { attempt, Refusal } from "@/app/_components/refusal";
import { ButtonLink, Card, EmptyState, Pagination, Stat, Table, td, th } from "@/app/_components/ui";
import { formatCny, formatDate, formatNumber } from "@/i18n";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { AgreementStatusBadge } from "@/app/agreements/status";
import { DealHeader } from "@/app/agreements/headings";
import { EnterpriseName, ParkName } from "@/app/agreements/names";
import { UserText } from "@/app/_components/user-text";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("event.detail_title") };
}

const PAGE_SIZE = 20;

/** An event with its figures and the agreements signed there that the visitor may see. */
export default async function EventPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> }) {
  const id = pageId((await params).id);
  const page = pageNumber((await searchParams).page);
  const { t, locale } = await getT();
  const result = await attempt(async () => (await api()).event.byId({ id, page, pageSize: PAGE_SIZE }));
  if (!result.ok) return <Refusal failure={result} />;
  const e = result.data;
  return (
    <div className="space-y-6">
      <DealHeader
        title={<UserText>{e.name}</UserText>}
        description={<>
          {formatDate(e.heldOn, locale)}
          {e.place ? <> · <UserText>{e.place}</UserText></> : null}
          {e.parkName ? <> · <ParkName park={{ name: e.parkName, nameEn: e.parkNameEn }} locale={locale} /></> : null}
        </>}
        actions={e.agreements?.allowed.import ? <ButtonLink href={`/agreements/new?event=${e.id}`} variant="secondary">{t("event.record_agreement")}</ButtonLink> : null}
      />
      {e.description ? <p className="whitespace-pre-line break-words text-sm text-slate-700" translate="no">{e.description}</p> : null}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Stat label={t("event.agreements")} value={formatNumber(e.figures.agreements, locale)} />
        <Stat label={t("event.enterprises")} value={formatNumber(e.figures.enterprises, locale)} />
        <Stat label={t("event.amount")} value={formatCny(e.figures.amountCny, locale)} />
      </div>
      <Card title={t("event.signed_here")}>
        {!e.agreements ? (
          <EmptyState title={t("event.signin_to_see")}><Link className="text-brand-700 underline" href={`/signin?callbackUrl=/events/${e.id}`}>{t("nav.signin")}</Link></EmptyState>
        ) : e.agreements.items.length === 0 ? (
          <EmptyState title={t("event.none_visible")} />
        ) : (
          <>
            <Table caption={t("event.signed_here")}>
              <thead><tr><th className={th}>{t("agreement.title_label")}</th><th className={th}>{t("agreement.status_label")}</th><th className={th}>{t("agreement.amount")}</th><th className={th}>{t("agreement.parties")}</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {e.agreements.items.map((a) => (
                  <tr key={a.id}>
                    {/* title, status and amount first; names wrap by word */}
                    <td className={`${td} min-w-48`}>
                      <Link className="font-mono text-xs text-brand-700 hover:underline" href={`/agreements/${a.id}`}>{a.ref}</Link>
                      <div className="break-words" translate="no">{a.title}</div>
                    </td>
                    <td className={td}><AgreementStatusBadge status={a.status} t={t} /></td>
                    <td className={`${td} whitespace-nowrap`}>{formatCny(a.totalAmountCny, locale)}</td>
                    <td className={`${td} min-w-48`}>
                      <EnterpriseName e={{ name: a.buyerName, nameEn: a.buyerNameEn }} locale={locale} /> ← <EnterpriseName e={{ name: a.sellerName, nameEn: a.sellerNameEn }} locale={locale} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <Pagination page={page} pageSize={PAGE_SIZE} total={e.agreements.total} hrefFor={(p) => `/events/${e.id}?page=${p}`}
              labels={{ previous: t("pagination.previous"), next: t("pagination.next"), status: t("pagination.status", { page, pages: Math.ceil(e.agreements.total / PAGE_SIZE) }) }} />
          </>
        )}
      </Card>
    </div>
  );
}
