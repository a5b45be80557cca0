import type { Metadata } from "next";
import Link from "next/link";
import { queryId } from "@/app/_components/page-id";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Card, EmptyState, PageHeader, buttonClass, inputClass } from "@/app/_components/ui";
import { getT } from "@/i18n/server";
import { chainName, parkName as parkNameIn } from "@/i18n/vocabulary";
import { api } from "@/server/api/server";
import { INDUSTRY_CHAINS } from "@/server/enterprises/enterprise.schemas";
import { LinkageTable } from "./table";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("insights.title") };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DEFINED = ["purchase", "in_park_purchase", "purchase_share", "sales", "in_park_sales", "sales_share", "partners", "open_demands", "in_park_t"] as const;

/** 产业关联度: each enterprise of the park, its in-park purchase and sales shares and partners, sortable; filters in the URL. */
export default async function LinkagePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { t, locale } = await getT();
  const params = await searchParams;
  const caller = await api();
  const me = await caller.user.me();
  if (!me) return <Refusal failure={{ ok: false, code: "UNAUTHORIZED", message: null }} from="/park/linkage" />;
  const { parks } = await caller.park.choices({ purpose: "manage" });
  const parkId = queryId(params.park) ?? me.park?.id ?? parks[0]?.id;
  if (!parkId) return <Refusal failure={{ ok: false, code: "FORBIDDEN", message: null }} />;
  const from = params.from && DATE.test(params.from) ? params.from : undefined;
  const to = params.to && DATE.test(params.to) ? params.to : undefined;
  const chain = params.chain?.trim().slice(0, 20) || undefined;
  const result = await attempt(() => caller.insights.linkage({ parkId, from, to, chain }));
  if (!result.ok) return <Refusal failure={result} from="/park/linkage" />;
  const l = result.data;
  const query = new URLSearchParams({ park: String(parkId) });
  if (from) query.set("from", from);
  if (to) query.set("to", to);
  if (chain) query.set("chain", chain);
  const parkName = parkNameIn(l.park, locale);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("insights.title")}
        description={t("insights.description", { park: parkName })}
        actions={
          <>
            <Link href={`/park/dashboard?park=${parkId}`} className={buttonClass("secondary")}>{t("nav.dashboard")}</Link>
            <a href={`/api/reports/insights?${query}`} className={buttonClass("secondary")} download>{t("insights.export")}</a>
          </>
        }
      />
      <form className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" action="/park/linkage" aria-label={t("insights.filters")}>
        {parks.length > 1 ? (
          <div>
            <label htmlFor="park" className="mb-1 block text-sm font-medium text-slate-700">{t("directory.park_label")}</label>
            <select id="park" name="park" defaultValue={parkId} className={inputClass}>
              {parks.map((p) => <option key={p.id} value={p.id} translate={locale === "en" && p.nameEn ? undefined : "no"}>{parkNameIn(p, locale)}</option>)}
            </select>
          </div>
        ) : <input type="hidden" name="park" value={parkId} />}
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
            {INDUSTRY_CHAINS.map((c) => <option key={c} value={c}>{chainName(c, locale)}</option>)}
          </select>
        </div>
        <button type="submit" className={buttonClass()}>{t("dashboard.apply")}</button>
        {from || to || chain ? <Link href={`/park/linkage?park=${parkId}`} className={buttonClass("ghost")}>{t("dashboard.reset")}</Link> : null}
      </form>

      <Card>
        {l.enterprises.length === 0 ? <EmptyState title={t("insights.empty")} /> : <LinkageTable rows={l.enterprises} />}
      </Card>

      <Card title={t("insights.definitions")}>
        <dl className="grid gap-x-6 gap-y-2 text-sm md:grid-cols-2" data-testid="linkage-definitions">
          {DEFINED.map((k) => (
            <div key={k}>
              <dt className="font-medium text-slate-800">{t(`insights.col.${k}`)}</dt>
              <dd className="text-slate-600">{t(`insights.def.${k}`)}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}
