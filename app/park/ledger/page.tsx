import type { Metadata } from "next";
import Link from "next/link";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Badge, EmptyState, PageHeader, Pagination, Table, buttonClass, inputClass, td, th } from "@/app/_components/ui";
import { formatDate, formatNumber } from "@/i18n";
import { getT } from "@/i18n/server";
import { isTranslated, parkName, substanceName } from "@/i18n/vocabulary";
import { api } from "@/server/api/server";
import { pageNumber, queryId } from "@/app/_components/page-id";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("ledger.title") };
}

const PAGE_SIZE = 50;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const LISTS = ["controlled", "hazardous", "toxic", "explosive", "precursor"] as const;
type List = (typeof LISTS)[number];

/**
 * The flow ledger (流向台账): one row per shipment of a controlled substance (or of the list
 * chosen), with seller, buyer, substance, list, quantity, purpose and the agent, whose ID number is
 * masked here (the export gives it in full to park staff). Corrections show what they replace.
 */
export default async function LedgerPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { t, locale } = await getT();
  const params = await searchParams;
  const caller = await api();
  const me = await caller.user.me();
  if (!me) return <Refusal failure={{ ok: false, code: "UNAUTHORIZED", message: null }} from="/park/ledger" />;
  const parkId = params.park === "all" ? undefined : queryId(params.park) ?? me.park?.id;
  const from = params.from && DATE.test(params.from) ? params.from : undefined;
  const to = params.to && DATE.test(params.to) ? params.to : undefined;
  const list = LISTS.includes(params.list as List) && params.list !== "controlled" ? (params.list as List) : undefined;
  const page = pageNumber(params.page);
  const result = await attempt(() => caller.report.ledger({ parkId, from, to, list, page, pageSize: PAGE_SIZE }));
  if (!result.ok) return <Refusal failure={result} from="/park/ledger" />;
  const { items, total, totalQuantityT } = result.data;
  const { parks, all } = await caller.park.choices({ purpose: "report" });
  const query = (p?: number) => {
    const q = new URLSearchParams();
    q.set("park", parkId ? String(parkId) : "all");
    if (from) q.set("from", from);
    if (to) q.set("to", to);
    if (list) q.set("list", list);
    if (p && p > 1) q.set("page", String(p));
    return q.toString();
  };

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("ledger.title")}
        description={t("ledger.description")}
        actions={<a href={`/api/reports/ledger?${query()}`} className={buttonClass("secondary")} download>{t("ledger.export")}</a>}
      />
      <form className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:flex sm:flex-wrap sm:items-end" action="/park/ledger">
        <div>
          <label htmlFor="park" className="mb-1 block text-sm font-medium text-slate-700">{t("directory.park_label")}</label>
          <select id="park" name="park" defaultValue={parkId ?? "all"} className={inputClass}>
            {all ? <option value="all">{t("dashboard.all_parks")}</option> : null}
            {parks.map((p) => {
              const name = parkName(p, locale);
              return <option key={p.id} value={p.id} translate={isTranslated(name, locale) ? undefined : "no"}>{name}</option>;
            })}
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
          <label htmlFor="list" className="mb-1 block text-sm font-medium text-slate-700">{t("ledger.list_label")}</label>
          <select id="list" name="list" defaultValue={list ?? "controlled"} className={inputClass}>
            {LISTS.map((l) => <option key={l} value={l}>{t(`ledger.list.${l}`)}</option>)}
          </select>
        </div>
        <button type="submit" className={`${buttonClass()} justify-self-start`}>{t("dashboard.apply")}</button>
      </form>
      {items.length === 0 ? (
        <EmptyState title={t("ledger.empty")}>{t("ledger.empty_hint")}</EmptyState>
      ) : (
        <>
          <p className="text-sm text-slate-600">{t("ledger.count", { count: total, quantity: formatNumber(totalQuantityT, locale) })}</p>
          <p className="text-xs text-slate-500">{t("ledger.id_masked_hint")}</p>
          <div className="rounded-lg border border-slate-200 bg-white">
            <Table caption={t("ledger.title")}>
              <thead>
                <tr>
                  <th className={th}>{t("ledger.substance")}</th><th className={th}>{t("ledger.quantity")}</th><th className={th}>{t("ledger.date")}</th>
                  <th className={th}>{t("ledger.seller")}</th><th className={th}>{t("ledger.buyer")}</th><th className={th}>{t("ledger.record")}</th>
                  <th className={th}>{t("ledger.purpose")}</th><th className={th}>{t("ledger.agent")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {items.map((r) => (
                  <tr key={r.id} className={r.correctedBy ? "text-slate-500" : undefined}>
                    <td className={td}>
                      {(() => {
                        const name = r.substance || r.substanceEn ? substanceName({ name: r.substance, nameEn: r.substanceEn }, locale) : "—";
                        return <span className="block min-w-32" translate={isTranslated(name, locale) ? undefined : "no"}>{name}</span>;
                      })()}
                      <span className="font-mono text-xs text-slate-500">{r.cas}</span>
                      <div className="mt-1 flex flex-wrap gap-1">
                        {r.highlyToxic ? <Badge tone="red">{t("hazard.highly_toxic")}</Badge> : null}
                        {r.explosivePrecursor ? <Badge tone="red">{t("hazard.explosive_precursor")}</Badge> : null}
                        {r.precursorCategory ? <Badge tone="red">{t("ledger.precursor_category", { category: r.precursorCategory })}</Badge> : null}
                        {r.lists.length === 0 && r.hazardous ? <Badge tone="amber">{t("hazard.hazardous")}</Badge> : null}
                      </div>
                    </td>
                    <td className={`${td} whitespace-nowrap`}>{formatNumber(r.quantityT, locale)} {t("deals.tonnes")}</td>
                    <td className={`${td} whitespace-nowrap`}>{formatDate(r.date, locale)}</td>
                    <td className={`${td} min-w-48`}><span translate="no">{r.seller.name}</span><div className="font-mono text-xs text-slate-500">{r.seller.uscc}</div><div className="text-xs text-slate-500" translate="no">{r.seller.address ?? "—"}</div></td>
                    <td className={`${td} min-w-48`}><span translate="no">{r.buyer.name}</span><div className="font-mono text-xs text-slate-500">{r.buyer.uscc}</div><div className="text-xs text-slate-500" translate="no">{r.buyer.address ?? "—"}</div></td>
                    <td className={`${td} whitespace-nowrap`}>
                      <span className="font-mono text-xs">#{r.id}</span>
                      <div className="font-mono text-xs"><Link className="text-brand-700 hover:underline" href={`/agreements/${r.agreementId}`} translate="no">{r.ref}</Link></div>
                      {r.correctsId ? <div><Badge tone="amber">{t("ledger.corrects", { id: r.correctsId })}</Badge></div> : null}
                      {r.correctedBy ? <div><Badge tone="slate">{t("ledger.corrected_by", { id: r.correctedBy })}</Badge></div> : null}
                    </td>
                    <td className={td}><span translate="no">{r.purpose ?? "—"}</span>{r.reason ? <div className="text-xs text-slate-500" translate="no">{r.reason}</div> : null}</td>
                    <td className={`${td} whitespace-nowrap`}><span translate="no">{r.agentName ?? "—"}</span><div className="font-mono text-xs text-slate-500">{r.agentIdNumber ?? ""}</div></td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={total} hrefFor={(p) => `/park/ledger?${query(p)}`}
            labels={{ previous: t("pagination.previous"), next: t("pagination.next"), status: t("pagination.status", { page, pages: Math.ceil(total / PAGE_SIZE) }) }} />
        </>
      )}
    </div>
  );
}
