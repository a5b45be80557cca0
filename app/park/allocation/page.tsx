import type { Metadata } from "next";
import Link from "next/link";
import { formatQuantity } from "@/app/_components/listing-bits";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Badge, Card, EmptyState, PageHeader, Pagination, Stat, Table, buttonClass, td, th } from "@/app/_components/ui";
import { formatCny } from "@/i18n";
import { getT } from "@/i18n/server";
import { chainName, isTranslated, parkName, substanceName } from "@/i18n/vocabulary";
import { messageWith } from "@/app/_components/user-text";
import { api } from "@/server/api/server";
import { pageNumber, queryId } from "@/app/_components/page-id";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("allocation.title") };
}

const PAGE_SIZE = 25;
const percent = (rate: number, locale: string) => rate.toLocaleString(locale === "zh" ? "zh-CN" : "en", { style: "percent", maximumFractionDigits: 1 });
const sign = (n: number) => (n > 0 ? "+" : n < 0 ? "−" : "");
const REASON_TONE = { no_supplier: "red", below_spec: "amber", licence_expired: "amber", shortfall: "amber" } as const;

/**
 * Park-wide allocation: in-park fulfilment of the open demand as it goes today next to the
 * optimised one (one base), the gain in tonnes and in yuan, the plan, and the chain gaps with
 * their reasons.
 */
export default async function AllocationPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { t, locale } = await getT();
  const q = await searchParams;
  const caller = await api();
  const me = await caller.user.me();
  if (!me) return <Refusal failure={{ ok: false, code: "UNAUTHORIZED", message: null }} from="/park/allocation" />;
  const parkId = queryId(q.park) || me.park?.id || (await caller.park.choices({ purpose: "manage" })).parks[0]?.id;
  if (!parkId) return <Refusal failure={{ ok: false, code: "FORBIDDEN", message: null }} />;
  const result = await attempt(() => caller.allocation.plan({ parkId }));
  if (!result.ok) return <Refusal failure={result} from="/park/allocation" />;
  const plan = result.data;
  const page = pageNumber(q.page);
  const shown = plan.demands.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const parkQuery = q.park ? `park=${parkId}&` : "";
  const park = parkName(plan.park, locale);
  /** a substance in the reader's language; a Chinese fallback is user content */
  const substance = (s: { substance: string; substanceEn: string | null; cas: string | null }) => {
    const name = substanceName({ name: s.substance, nameEn: s.substanceEn }, locale);
    return (
      <>
        <span className="block min-w-32" translate={isTranslated(name, locale) ? undefined : "no"}>{name}</span>
        {s.cas ? <span className="block font-mono text-xs text-slate-500">{s.cas}</span> : null}
      </>
    );
  };

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("allocation.title")}
        description={isTranslated(park, locale) ? t("allocation.description", { park }) : undefined}
        actions={
          <>
            <Link href="/park" className={buttonClass("secondary")}>{t("nav.park")}</Link>
            <a href={`/park/allocation/export?park=${parkId}`} className={buttonClass()} download>{t("allocation.export")}</a>
          </>
        }
      />
      {isTranslated(park, locale) ? null : <p className="-mt-4 max-w-3xl text-sm text-slate-600">{messageWith(t, "allocation.description", { park })}</p>}
      <p className="text-sm text-slate-600" data-testid="allocation-base">{t("allocation.base", { demands: plan.base.demands, total: formatQuantity(plan.base.demandT, "t", locale) })}</p>
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label={t("allocation.rate_today")} value={percent(plan.today.rate, locale)} hint={t("allocation.rate_today_hint", { inPark: formatQuantity(plan.today.inParkT, "t", locale), total: formatQuantity(plan.base.demandT, "t", locale) })} />
        <Stat label={t("allocation.rate_optimised")} value={percent(plan.optimised.rate, locale)} hint={t("allocation.rate_optimised_hint", { inPark: formatQuantity(plan.optimised.inParkT, "t", locale), total: formatQuantity(plan.base.demandT, "t", locale) })} />
        <Stat
          label={t("allocation.gain")}
          value={`${sign(plan.gain.t)}${formatQuantity(Math.abs(plan.gain.t), "t", locale)}`}
          hint={t("allocation.gain_hint", {
            amount: `${sign(plan.gain.cny)}${formatCny(Math.abs(plan.gain.cny), locale)}`,
            today: formatCny(plan.today.inParkValueCny, locale),
            optimised: formatCny(plan.optimised.inParkValueCny, locale),
          })}
        />
      </div>
      {plan.optimised.unpricedT > 0 ? <p className="text-xs text-slate-500">{t("allocation.unpriced", { qty: formatQuantity(plan.optimised.unpricedT, "t", locale) })}</p> : null}

      <Card title={t("allocation.gaps_title")}>
        <p className="mb-3 text-sm text-slate-600">{t("allocation.gaps_description")}</p>
        {plan.gaps.length === 0 ? (
          <EmptyState title={t("allocation.no_gaps")} />
        ) : (
          <Table caption={t("allocation.gaps_title")}>
            <thead>
              <tr>
                <th className={th}>{t("allocation.substance")}</th>
                <th className={th}>{t("allocation.chain")}</th>
                <th className={th}>{t("allocation.reason")}</th>
                <th className={th}>{t("allocation.buyers")}</th>
                <th className={th}>{t("allocation.uncovered")}</th>
                <th className={th}>{t("allocation.annual")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {plan.gaps.map((g) => (
                <tr key={`${g.cas ?? g.substance}-${g.chain}`}>
                  <td className={td}>{substance(g)}</td>
                  <td className={td}><span translate={isTranslated(chainName(g.chain, locale), locale) ? undefined : "no"}>{chainName(g.chain, locale)}</span></td>
                  <td className={td}>
                    <Badge tone={REASON_TONE[g.reason.code]}>{t(`allocation.reason_${g.reason.code}`)}</Badge>
                    {g.reason.code !== "no_supplier" ? <div className="mt-1 text-xs text-slate-600">{g.reason[locale]}</div> : null}
                  </td>
                  <td className={`${td} min-w-40`} translate="no">{g.buyers.join(locale === "zh" ? "、" : ", ")}</td>
                  <td className={td}>{formatQuantity(g.uncoveredT, "t", locale)}</td>
                  <td className={td}>{formatQuantity(g.annualT, "t", locale)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>

      <Card title={t("allocation.plan_title")}>
        {plan.demands.length === 0 ? (
          <EmptyState title={t("allocation.no_demands")} />
        ) : (
          <>
            <Table caption={t("allocation.plan_title")}>
              <thead>
                <tr>
                  <th className={th}>{t("allocation.buyer")}</th>
                  <th className={th}>{t("allocation.substance")}</th>
                  <th className={th}>{t("demand.quantity")}</th>
                  <th className={th}>{t("allocation.in_park_today")}</th>
                  <th className={th}>{t("allocation.in_park")}</th>
                  <th className={th}>{t("allocation.outside")}</th>
                  <th className={th}>{t("allocation.suppliers")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {shown.map((d) => (
                  <tr key={d.id}>
                    <td className={`${td} min-w-40`} translate="no">{d.buyer.name}</td>
                    <td className={td}>{substance(d)}</td>
                    <td className={td}>{formatQuantity(d.quantityT, "t", locale)}</td>
                    <td className={td}>{formatQuantity(d.todayInParkT, "t", locale)}</td>
                    <td className={td}>{formatQuantity(d.inParkT, "t", locale)}</td>
                    <td className={td}>{formatQuantity(d.outsideT, "t", locale)}</td>
                    <td className={td}>
                      {d.suppliers.length === 0 ? <span className="text-slate-500">—</span> : (
                        <ul className="space-y-0.5">
                          {d.suppliers.map((s, i) => (
                            <li key={i} className="text-xs"><span translate="no">{s.name}</span> · {formatQuantity(s.quantityT, "t", locale)} {s.inPark ? <Badge tone="green">{t("match.in_park")}</Badge> : null}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <Pagination
              page={page} pageSize={PAGE_SIZE} total={plan.demands.length} hrefFor={(p) => `/park/allocation?${parkQuery}page=${p}`}
              labels={{ previous: t("pagination.previous"), next: t("pagination.next"), status: t("pagination.status", { page, pages: Math.ceil(plan.demands.length / PAGE_SIZE) }) }}
            />
          </>
        )}
      </Card>
    </div>
  );
}
