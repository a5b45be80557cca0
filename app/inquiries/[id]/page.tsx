import type { Metadata } from "next";
import Link from "next/link";
import { HazardBadges } from "@/app/_components/hazard-badges";
import { pageId } from "@/app/_components/page-id";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Badge, Card, EmptyState, Notice, PageHeader, Table, td, th } from "@/app/_components/ui";
import { formatCny, formatDate, formatDateTime, formatNumber, formatYuan } from "@/i18n";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { InquiryStatusBadge, QuoteStatusBadge } from "../status";
import { AcceptQuote, CloseInquiry, MessageForm, QuoteForm } from "./forms";
import { SampleCard } from "./sample";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("inquiry.thread_title") };
}

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** One inquiry thread: messages and attachments, quotes, side-by-side comparison and acceptance. */
export default async function InquiryPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId((await params).id);
  const { t, locale } = await getT();
  const caller = await api();
  const result = await attempt(() => caller.inquiry.byId({ id }));
  if (!result.ok) return <Refusal failure={result} from={`/inquiries/${id}`} />;
  const inquiry = result.data;
  if (inquiry.myRole) await caller.inquiry.markRead({ id });
  const compared = inquiry.allowed.accept || inquiry.myRole === "buyer" ? await caller.inquiry.compare({ id }) : [];
  const unit = (u: string) => (u === "t" ? t("deals.tonnes") : u);
  const counterpart = inquiry.myRole === "buyer" ? inquiry.seller : inquiry.buyer;
  const sample = inquiry.kind === "sample" ? await caller.sample.byInquiry({ inquiryId: id }) : null;

  return (
    <div className="space-y-6">
      <PageHeader
        title={inquiry.subject}
        description={inquiry.myRole ? t("inquiry.with", { name: counterpart.name }) : `${inquiry.buyer.name} ← ${inquiry.seller.name}`}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            {sample ? <Badge tone="blue">{t("sample.kind.sample")}</Badge> : null}
            <InquiryStatusBadge status={inquiry.status} t={t} />
            {inquiry.allowed.close ? <CloseInquiry id={inquiry.id} /> : null}
          </div>
        }
      />
      {inquiry.agreements.length ? (
        <Notice tone="success">
          {t("inquiry.agreement_created")}{" "}
          {inquiry.agreements.map((a) => (
            <Link key={a.id} href={`/agreements/${a.id}`} className="font-medium underline">{a.ref}</Link>
          ))}
        </Notice>
      ) : null}
      {sample ? <SampleCard sample={sample} closed={inquiry.status === "closed"} t={t} locale={locale} /> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={t("inquiry.about")}>
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              <div><dt className="text-slate-500">{t("inquiry.buyer")}</dt><dd>{inquiry.buyer.name}</dd></div>
              <div>
                <dt className="text-slate-500">{t("inquiry.seller")}</dt>
                <dd className="flex flex-wrap items-center gap-2">
                  {inquiry.seller.name}
                  {inquiry.seller.parkId !== null && inquiry.seller.parkId === inquiry.buyer.parkId ? <Badge tone="green">{t("deals.in_park")}</Badge> : null}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("inquiry.what")}</dt>
                <dd>
                  {inquiry.product?.name ?? inquiry.demand?.substanceName ?? "—"}
                  {inquiry.substance ? <span className="ml-2 font-mono text-xs text-slate-500">CAS {inquiry.substance.cas}</span> : null}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("inquiry.quantity")}</dt>
                <dd>{inquiry.demand ? `${formatNumber(Number(inquiry.demand.quantity), locale)} ${unit(inquiry.demand.unit)}` : "—"}</dd>
              </div>
              {inquiry.substance ? <div className="sm:col-span-2"><dt className="text-slate-500">{t("inquiry.hazards")}</dt><dd><HazardBadges flags={inquiry.substance} t={t} /></dd></div> : null}
            </dl>
          </Card>

          <Card title={t("inquiry.messages")}>
            <ol className="space-y-3" aria-label={t("inquiry.messages")}>
              {inquiry.messages.map((m) => (
                <li key={m.id} className={`max-w-[90%] rounded-lg px-4 py-3 text-sm ${m.mine ? "ml-auto bg-brand-50" : "bg-slate-100"}`}>
                  <div className="mb-1 flex flex-wrap justify-between gap-2 text-xs text-slate-500">
                    <span className="font-medium text-slate-700">{m.authorName}</span>
                    <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt, locale)}</time>
                  </div>
                  <p className="whitespace-pre-wrap text-slate-900">{m.body}</p>
                  {m.attachments.length ? (
                    <ul className="mt-2 space-y-1">
                      {m.attachments.map((a) => (
                        <li key={a.id}>
                          <a href={`/api/inquiries/attachments/${a.id}`} className="text-brand-700 underline" download>📎 {a.filename}</a>
                          <span className="ml-2 text-xs text-slate-500">{kb(a.sizeBytes)}</span>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ol>
            {inquiry.allowed.post ? <MessageForm inquiryId={inquiry.id} /> : inquiry.myRole === null ? <p className="mt-4 text-xs text-slate-500">{t("inquiry.read_only")}</p> : null}
          </Card>
        </div>

        <div className="space-y-6">
          <Card title={t("quote.title")}>
            {inquiry.quotes.length === 0 ? (
              <EmptyState title={t("quote.none")}>{inquiry.myRole === "seller" ? t("quote.none_seller") : null}</EmptyState>
            ) : (
              <ul className="space-y-3 text-sm">
                {inquiry.quotes.map((q) => (
                  <li key={q.id} className="rounded-md border border-slate-200 p-3" data-testid="quote">
                    <div className="flex items-center justify-between gap-2">
                      <span className="font-semibold">{formatYuan(q.priceCnyPerUnit, locale)}/{unit(q.unit)}</span>
                      <QuoteStatusBadge status={q.status} t={t} />
                    </div>
                    <div className="mt-1 text-slate-600">
                      {t("quote.summary", { quantity: formatNumber(Number(q.quantity), locale), unit: unit(q.unit), amount: formatCny(q.amountCny, locale) })}
                    </div>
                    <div className="text-xs text-slate-500">{t("quote.valid_until_short", { date: formatDate(q.validUntil, locale) })}</div>
                    {q.deliveryTerms ? <div className="mt-1 text-xs text-slate-600">{q.deliveryTerms}</div> : null}
                  </li>
                ))}
              </ul>
            )}
            {inquiry.allowed.quote ? <QuoteForm inquiryId={inquiry.id} defaultQuantity={inquiry.demand ? Number(inquiry.demand.quantity) : undefined} /> : null}
          </Card>
        </div>
      </div>

      {compared.length ? (
        <Card title={t("quote.compare_title")}>
          <p className="mb-3 text-sm text-slate-600">{t("quote.compare_hint")}</p>
          <Table caption={t("quote.compare_title")}>
            <thead>
              <tr>
                <th className={th}>{t("inquiry.seller")}</th>
                <th className={th}>{t("quote.price")}</th>
                <th className={th}>{t("quote.quantity")}</th>
                <th className={th}>{t("quote.amount")}</th>
                <th className={th}>{t("quote.valid_until")}</th>
                <th className={th}>{t("quote.delivery_terms")}</th>
                <th className={th}>{t("quote.status_label")}</th>
                <th className={th}><span className="sr-only">{t("quote.actions")}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {compared.map((q) => (
                <tr key={q.id} className={q.inquiryId === inquiry.id ? "bg-brand-50/40" : undefined}>
                  <td className={td}>
                    {q.inquiryId === inquiry.id ? q.supplier.name : <Link href={`/inquiries/${q.inquiryId}`} className="hover:text-brand-700">{q.supplier.name}</Link>}
                    {q.supplier.inPark ? <span className="ml-1"><Badge tone="green">{t("deals.in_park")}</Badge></span> : null}
                  </td>
                  <td className={td}>{formatYuan(q.priceCnyPerUnit, locale)}/{unit(q.unit)}</td>
                  <td className={td}>{formatNumber(Number(q.quantity), locale)} {unit(q.unit)}</td>
                  <td className={td}>{formatCny(q.amountCny, locale)}</td>
                  <td className={td}>{formatDate(q.validUntil, locale)}</td>
                  <td className={td}>{q.deliveryTerms ?? "—"}</td>
                  <td className={td}><QuoteStatusBadge status={q.status} t={t} /></td>
                  <td className={td}>
                    {q.status === "pending" && !q.threadAccepted ? <AcceptQuote quoteId={q.id} label={q.supplier.name} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      ) : null}
    </div>
  );
}
