import type { Metadata } from "next";
import Link from "next/link";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Card, EmptyState, PageHeader, Stat, Table, buttonClass, inputClass, td, th } from "@/app/_components/ui";
import { formatCny, formatDate, formatNumber } from "@/i18n";
import { getT } from "@/i18n/server";
import { chainName, parkName as parkNameIn } from "@/i18n/vocabulary";
import { api } from "@/server/api/server";
import { queryId } from "@/app/_components/page-id";
import { DashboardCharts } from "./charts";
import { GreenSection } from "./green";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("dashboard.title") };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The park dashboard: deal value, in-park share, chains, types, months, fulfilment and supply flows. Filters in the URL. */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { t, locale } = await getT();
  const params = await searchParams;
  const caller = await api();
  const me = await caller.user.me();
  if (!me) return <Refusal failure={{ ok: false, code: "UNAUTHORIZED", message: null }} from="/park/dashboard" />;
  const parkParam = params.park === "all" ? undefined : queryId(params.park) ?? me.park?.id;
  const from = params.from && DATE.test(params.from) ? params.from : undefined;
  const to = params.to && DATE.test(params.to) ? params.to : undefined;
  const chain = params.chain?.trim().slice(0, 20) || undefined;
  const result = await attempt(() => caller.report.dashboard({ parkId: parkParam, from, to, chain }));
  if (!result.ok) return <Refusal failure={result} from="/park/dashboard" />;
  const { figures: f, parks, chains, allowed } = result.data;
  // the green outcomes are a park's: none for "all parks"
  const green = f.filters.parkId ? await attempt(() => caller.insights.green({ parkId: f.filters.parkId!, from, to, chain })) : null;
  const query = new URLSearchParams();
  if (parkParam) query.set("park", String(parkParam));
  if (from) query.set("from", from);
  if (to) query.set("to", to);
  if (chain) query.set("chain", chain);
  const pct = (x: number) => `${(x * 100).toLocaleString(locale === "zh" ? "zh-CN" : "en", { maximumFractionDigits: 1 })}%`;
  const park = parks.find((p) => p.id === f.filters.parkId);
  const parkName = park ? parkNameIn(park, locale) : t("dashboard.all_parks");
  const party = (name: string, nameEn: string | null) => (locale === "en" && nameEn ? nameEn : name);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("dashboard.title")}
        description={t("dashboard.description", { park: parkName })}
        actions={
          <>
            <Link href={`/park/ledger${f.filters.parkId ? `?park=${f.filters.parkId}` : ""}`} className={buttonClass("secondary")}>{t("nav.ledger")}</Link>
            {f.filters.parkId ? <Link href={`/park/linkage?${query}`} className={buttonClass("secondary")}>{t("insights.title")}</Link> : null}
            <a href={`/api/reports/dashboard?${query}`} className={buttonClass("secondary")} download>{t("dashboard.export")}</a>
          </>
        }
      />
      <form className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" action="/park/dashboard" aria-label={t("dashboard.filters")}>
        <div>
          <label htmlFor="park" className="mb-1 block text-sm font-medium text-slate-700">{t("directory.park_label")}</label>
          <select id="park" name="park" defaultValue={f.filters.parkId ?? "all"} className={inputClass}>
            {allowed.allParks ? <option value="all">{t("dashboard.all_parks")}</option> : null}
            {parks.map((p) => <option key={p.id} value={p.id} translate={locale === "en" && p.nameEn ? undefined : "no"}>{parkNameIn(p, locale)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="mb-1 block text-sm font-medium text-slate-700">{t("dashboard.from")}</label>
          <input id="from" name="from" type="date" defaultValue={from} className={inputClass} />
        </div>
        <div>
          <label htmlFor="to" className="mb-1 block text-sm font-medium text-slate-700">{t("dashboard.to")}</label>
          <input id="to" name="to" type="date" defaultValue={to} className={inputClass} />
        </div>
        <div>
          <label htmlFor="chain" className="mb-1 block text-sm font-medium text-slate-700">{t("dashboard.chain")}</label>
          <select id="chain" name="chain" defaultValue={chain ?? ""} className={inputClass}>
            <option value="">{t("common.all")}</option>
            {chains.map((c) => <option key={c} value={c}>{chainName(c, locale)}</option>)}
          </select>
        </div>
        <button type="submit" className={buttonClass()}>{t("dashboard.apply")}</button>
        {from || to || chain ? <Link href={f.filters.parkId ? `/park/dashboard?park=${f.filters.parkId}` : "/park/dashboard"} className={buttonClass("ghost")}>{t("dashboard.reset")}</Link> : null}
      </form>

      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label={t("dashboard.agreements")} value={formatNumber(f.agreements, locale)} />
        <Stat label={t("dashboard.amount")} value={formatCny(f.amountCny, locale)} />
        <Stat label={t("dashboard.in_park_share")} value={pct(f.inParkShare)} hint={t("dashboard.in_park_amount", { amount: formatCny(f.inParkAmountCny, locale) })} />
        <Stat label={t("dashboard.enterprises")} value={formatNumber(f.enterprises, locale)} />
        <Stat label={t("dashboard.active")} value={formatNumber(f.enterprisesActive, locale)} />
        <Stat label={t("dashboard.listings")} value={formatNumber(f.listings.total, locale)} hint={t("dashboard.listings_hint", { products: f.listings.products, demands: f.listings.demands, offers: f.listings.offers })} />
        <Stat label={t("dashboard.matches")} value={formatNumber(f.matches, locale)} />
        <Stat label={t("dashboard.inquiries")} value={formatNumber(f.inquiries, locale)} />
      </div>
      <p className="text-sm text-slate-600">{t("dashboard.signed_rule")}</p>

      {f.agreements === 0 ? (
        <EmptyState title={t("dashboard.empty")}>{t("dashboard.empty_hint")}</EmptyState>
      ) : (
        <DashboardCharts figures={f} />
      )}

      {green?.ok ? <GreenSection g={green.data} t={t} locale={locale} exportHref={`/api/reports/insights?${query}`} /> : null}

      <Card title={t("dashboard.recent")} actions={<Link href={`/agreements${f.filters.parkId ? "" : ""}`} className="text-sm text-brand-700 hover:underline">{t("dashboard.all_agreements")}</Link>}>
        {f.recent.length === 0 ? <EmptyState title={t("dashboard.empty")} /> : (
          <Table caption={t("dashboard.recent")}>
            <thead><tr><th className={th}>{t("agreement.title_label")}</th><th className={th}>{t("agreement.amount")}</th><th className={th}>{t("agreement.parties")}</th><th className={th}>{t("agreement.signed_on")}</th><th className={th}>{t("agreement.ref")}</th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {f.recent.map((a) => (
                <tr key={a.id}>
                  <td className={`${td} min-w-40`}>
                    <Link className="font-medium text-brand-700 hover:underline" href={`/agreements/${a.id}`} translate="no">{a.title}</Link>
                    <div className="text-xs text-slate-500">{t(`agreement.type.${a.type}`)} · {t(`agreement.status.${a.status}`)}</div>
                  </td>
                  <td className={`${td} whitespace-nowrap`}>{formatCny(a.amountCny, locale)}</td>
                  <td className={`${td} min-w-48`}><span translate="no">{party(a.buyer, a.buyerEn)}</span> ← <span translate="no">{party(a.seller, a.sellerEn)}</span></td>
                  <td className={`${td} whitespace-nowrap`}>{formatDate(a.signedOn, locale)}</td>
                  <td className={`${td} font-mono text-xs`}><Link className="text-brand-700 hover:underline" href={`/agreements/${a.id}`}>{a.ref}</Link></td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
