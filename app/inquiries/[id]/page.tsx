import type { Metadata } from "next";
import Link from "next/link";
import { HazardBadges } from "@/app/_components/hazard-badges";
import { pageId } from "@/app/_components/page-id";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Badge, Card, EmptyState, Notice, Table, td, th } from "@/app/_components/ui";
import { formatCny, formatDate, formatDateTime, formatNumber, formatYuan } from "@/i18n";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { env } from "@/server/env";
import { InquiryStatusBadge, QuoteStatusBadge } from "../status";
import { SampleCard } from "./sample";
import { quoteTermsText } from "@/server/inquiries/quote-terms";
import { AcceptQuote, AnswerCounter, CloseInquiry, CounterForm, MessageForm, QuoteForm } from "./forms";
import { CounterStatusBadge } from "../status";
import { QuoteTermsLine } from "../terms";
import { DealHeader } from "@/app/agreements/headings";
import { EnterpriseName, enterpriseName, ProductLabel } from "@/app/agreements/names";
import { messageWith, UserText } from "@/app/_components/user-text";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("inquiry.thread_title") };
}

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** One inquiry thread: messages and attachments, quotes, side-by-side comparison and acceptance. */
export default async function InquiryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ counter?: string }> }) {
  const id = pageId((await params).id);
  const answering = Number((await searchParams).counter) || null;
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
  const openCounter = inquiry.counters.find((k) => k.id === answering && k.status === "open");
  const freightRate = env.PARKLINK_FREIGHT_CNY_PER_TONNE_KM;
  const unitPrice = (price: string | number, u: string) => `${formatYuan(price, locale)}/${unit(u)}`;

  return (
    <div className="space-y-6">
      <DealHeader
        title={<UserText>{inquiry.subject}</UserText>}
        description={inquiry.myRole
          ? messageWith(t, "inquiry.with", { name: enterpriseName(counterpart, locale) })
          : <><EnterpriseName e={inquiry.buyer} locale={locale} /> ← <EnterpriseName e={inquiry.seller} locale={locale} /></>}
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
              <div><dt className="text-slate-500">{t("inquiry.buyer")}</dt><dd><EnterpriseName e={inquiry.buyer} locale={locale} /></dd></div>
              <div>
                <dt className="text-slate-500">{t("inquiry.seller")}</dt>
                <dd className="flex flex-wrap items-center gap-2">
                  <EnterpriseName e={inquiry.seller} locale={locale} />
                  {inquiry.seller.parkId !== null && inquiry.seller.parkId === inquiry.buyer.parkId ? <Badge tone="green">{t("deals.in_park")}</Badge> : null}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("inquiry.what")}</dt>
                <dd>
                  <ProductLabel productName={inquiry.product?.name ?? inquiry.demand?.substanceName} substance={inquiry.substance} locale={locale} />
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
                  <div className="mb-1 flex flex-wrap justify-between gap-2 text-xs text-slate-600">
                    <EnterpriseName e={{ name: m.authorName, nameEn: m.authorNameEn }} locale={locale} className="font-medium text-slate-700" />
                    <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt, locale)}</time>
                  </div>
                  <p className="whitespace-pre-wrap break-words text-slate-900" translate="no">{m.body}</p>
                  {m.attachments.length ? (
                    <ul className="mt-2 space-y-1">
                      {m.attachments.map((a) => (
                        <li key={a.id}>
                          <a href={`/api/inquiries/attachments/${a.id}`} className="break-all text-brand-700 underline" download translate="no">📎 {a.filename}</a>
                          <span className="ml-2 text-xs text-slate-600">{kb(a.sizeBytes)}</span>
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
              <ol className="space-y-3 text-sm" aria-label={t("quote.title")}>
                {inquiry.quotes.map((q) => {
                  const counters = inquiry.counters.filter((k) => k.quoteId === q.id);
                  return (
                    <li key={q.id} className={`rounded-md border p-3 ${q.status === "superseded" ? "border-slate-100 text-slate-500" : "border-slate-200"}`} data-testid="quote">
                      <div className="flex items-center justify-between gap-2">
                        <span className="flex items-center gap-2">
                          <Badge tone="slate">{t("quote.version", { version: q.version })}</Badge>
                          <span className="font-semibold">{unitPrice(q.priceCnyPerUnit, q.unit)}</span>
                        </span>
                        <QuoteStatusBadge status={q.status} t={t} />
                      </div>
                      <div className="mt-1 text-slate-600">
                        {t("quote.summary", { quantity: formatNumber(Number(q.quantity), locale), unit: unit(q.unit), amount: formatCny(q.amountCny, locale) })}
                      </div>
                      <div className="mt-1 text-xs text-slate-700" data-testid="quote-terms"><QuoteTermsLine q={q} locale={locale} /></div>
                      <div className="text-xs text-slate-500">
                        {t("quote.valid_until_short", { date: formatDate(q.validUntil, locale) })}
                        {q.previousQuoteId ? ` · ${t("quote.supersedes", { version: q.version - 1 })}` : null}
                      </div>
                      {q.notes ? <p className="mt-1 whitespace-pre-wrap text-xs text-slate-600" translate="no">{q.notes}</p> : null}
                      {counters.length ? (
                        <ul className="mt-2 space-y-2 border-l-2 border-amber-200 pl-3" aria-label={t("quote.counters")}>
                          {counters.map((k) => (
                            <li key={k.id} data-testid="counter">
                              <div className="flex flex-wrap items-center justify-between gap-2">
                                <span>{t("quote.counter_on", { price: unitPrice(k.priceCnyPerUnit, q.unit) })}{k.quantity ? ` × ${formatNumber(Number(k.quantity), locale)} ${unit(q.unit)}` : ""}</span>
                                <CounterStatusBadge status={k.status} t={t} />
                              </div>
                              {quoteTermsText({ ...k, unit: q.unit, vatRatePct: q.vatRatePct }, locale) ? <div className="text-xs text-slate-600"><QuoteTermsLine q={{ ...k, unit: q.unit, vatRatePct: q.vatRatePct }} locale={locale} /></div> : null}
                              {k.note ? <p className="whitespace-pre-wrap text-xs text-slate-600" translate="no">{k.note}</p> : null}
                              {k.status === "open" && inquiry.allowed.answerCounter ? <AnswerCounter counterId={k.id} inquiryId={inquiry.id} /> : null}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                      {q.status === "pending" && inquiry.allowed.counter && !counters.some((k) => k.status === "open") ? (
                        <div className="mt-2"><CounterForm quoteId={q.id} version={q.version} /></div>
                      ) : q.status === "pending" && inquiry.myRole === "buyer" && counters.some((k) => k.status === "open") ? (
                        <p className="mt-2 text-xs text-amber-700">{t("quote.counter_pending_note")}</p>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
            )}
            {inquiry.allowed.quote ? (
              <QuoteForm
                key={openCounter?.id ?? "new"}
                inquiryId={inquiry.id}
                defaultQuantity={inquiry.demand ? Number(inquiry.demand.quantity) : undefined}
                defaultTaxBasis={inquiry.demand?.taxBasis}
                counter={openCounter ? { id: openCounter.id, price: unitPrice(openCounter.priceCnyPerUnit, "t") } : undefined}
              />
            ) : null}
          </Card>
        </div>
      </div>

      {compared.length ? (
        <Card title={t("quote.compare_title")}>
          <p className="mb-3 text-sm text-slate-600">{t("quote.compare_hint_landed", { rate: formatNumber(freightRate, locale) })}</p>
          <Table caption={t("quote.compare_title")}>
            <thead>
              <tr>
                <th className={th}>{t("inquiry.seller")}</th>
                <th className={th}>{t("quote.landed")}</th>
                <th className={th}>{t("quote.status_label")}</th>
                <th className={th}>{t("quote.original")}</th>
                <th className={th}>{t("quote.terms")}</th>
                <th className={th}>{t("quote.quantity")} / {t("quote.amount")}</th>
                <th className={th}>{t("quote.valid_until")}</th>
                <th className={th}><span className="sr-only">{t("quote.actions")}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {compared.map((q) => (
                <tr key={q.id} className={q.inquiryId === inquiry.id ? "bg-brand-50/40" : undefined} data-testid="compare-row">
                  <td className={`${td} min-w-40`}>
                    <span translate="no">{q.inquiryId === inquiry.id ? enterpriseName(q.supplier, locale) : <Link href={`/inquiries/${q.inquiryId}`} className="hover:text-brand-700">{enterpriseName(q.supplier, locale)}</Link>}</span>
                    {q.supplier.inPark ? <span className="ml-1"><Badge tone="green">{t("deals.in_park")}</Badge></span> : null}
                  </td>
                  <td className={td}>
                    <div className="font-semibold" data-testid="landed">{t("quote.landed_per_t", { price: formatYuan(q.landed.cnyPerTonne, locale) })}</div>
                    {q.landed.assumptions.length ? (
                      <ul className="mt-1 space-y-0.5 text-xs text-slate-500" aria-label={t("quote.assumptions")}>
                        {q.landed.assumptions.map((a) => <li key={a.code}>{a[locale]}</li>)}
                      </ul>
                    ) : null}
                  </td>
                  <td className={td}><QuoteStatusBadge status={q.status} t={t} /></td>
                  <td className={td}>{unitPrice(q.priceCnyPerUnit, q.unit)} <span className="text-xs text-slate-500">v{q.version}</span></td>
                  <td className={`${td} min-w-40 text-xs`}><QuoteTermsLine q={q} locale={locale} /></td>
                  <td className={td}>{formatNumber(Number(q.quantity), locale)} {unit(q.unit)}<div className="text-xs text-slate-500">{formatCny(q.amountCny, locale)}</div></td>
                  <td className={td}>{formatDate(q.validUntil, locale)}</td>
                  <td className={td}>
                    {q.status === "pending" && !q.threadAccepted ? (
                      <AcceptQuote
                        quoteId={q.id} label={enterpriseName(q.supplier, locale)} version={q.version} amount={formatCny(q.amountCny, locale)}
                        price={unitPrice(q.priceCnyPerUnit, q.unit)} quantity={`${formatNumber(Number(q.quantity), locale)} ${unit(q.unit)}`}
                      />
                    ) : null}
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
