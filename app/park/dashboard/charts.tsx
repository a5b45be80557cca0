"use client";

import { useEffect, useMemo, useRef } from "react";
import { BarChart, LineChart, SankeyChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { Card, td, th } from "@/app/_components/ui";
import { formatCny, formatNumber } from "@/i18n";
import { useI18n } from "@/i18n/client";
import { chainName, isTranslated } from "@/i18n/vocabulary";
import type { ReportFigures } from "@/server/reports/report.service";
import { dashboardChartOptions, TOP_FLOWS } from "./chart-options";

echarts.use([BarChart, LineChart, SankeyChart, AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

export { TOP_FLOWS };

/** The same CJK font stack as the page, so Chinese labels render in the charts too. */
const FONT = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", system-ui, sans-serif';
const COLORS = ["#17724f", "#1f8a63", "#3fa57d", "#7cc4a4", "#f2a541", "#e4572e", "#4f6d7a", "#a5b4c3"];

type Option = echarts.EChartsCoreOption;

/**
 * One ECharts chart (SVG) as wide as its box and resized with it (a ResizeObserver on the box);
 * ECharts' `aria` (in the option) gives the box `role="img"` and the chart's description as its
 * label; `label` names it until then. `userContent`: the chart shows names only (the Sankey's
 * enterprises), marked `translate="no"`.
 */
function Chart({ option, label, height = 320, userContent = false }: { option: Option; label: string; height?: number; userContent?: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, undefined, { renderer: "svg" });
    chart.setOption({ color: COLORS, textStyle: { fontFamily: FONT }, animation: false, ...option, tooltip: { className: "chart-tooltip", confine: true, ...(option.tooltip as object) } });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  // min-w-0 + overflow-hidden: the box takes its width from the page, never from the drawing inside it
  return <div ref={box} role="img" aria-label={label} style={{ height }} className="w-full min-w-0 overflow-hidden" translate={userContent ? "no" : undefined} />;
}

/** The data behind a chart, as a table for screen readers (the chart itself is an image to them). */
function ChartData({ caption, head, rows, testId, names = [] }: { caption: string; head: string[]; rows: (string | number)[][]; testId: string; names?: number[] }) {
  const { locale } = useI18n();
  // names, and a chain typed by a park that has no English name (Chinese left in English): user content
  const userContent = (c: string | number, j: number) => names.includes(j) || (typeof c === "string" && !isTranslated(c, locale));
  return (
    // the box is hidden, not the table: a table keeps its content's width whatever width it is given
    <div className="sr-only">
    <table data-testid={testId}>
      <caption>{caption}</caption>
      <thead><tr>{head.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
      <tbody>{rows.map((r, i) => <tr key={i}>{r.map((c, j) => <td key={j} translate={userContent(c, j) ? "no" : undefined}>{c}</td>)}</tr>)}</tbody>
    </table>
    </div>
  );
}

export function DashboardCharts({ figures: f }: { figures: ReportFigures }) {
  const { t, locale } = useI18n();
  const money = (n: number) => formatCny(n, locale);
  const { byMonth, byType, byChain, fulfilment, flows, types, topFlows, sellers, buyers } = useMemo(() => dashboardChartOptions(f, t, locale), [f, t, locale]);
  const chainCount = f.byChain.length;
  const party = (name: string, nameEn: string | null) => (locale === "en" && nameEn ? nameEn : name);
  const otherFlows = f.flows.slice(TOP_FLOWS);

  return (
    // grid-cols-1 (minmax(0, 1fr)): on a phone the one column is the page's width, not its widest chart's
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2 [&>*]:min-w-0">
      <Card title={t("dashboard.by_month")}>
        <Chart option={byMonth} label={t("dashboard.by_month")} />
        <ChartData caption={t("dashboard.by_month")} testId="data-by-month" head={[t("dashboard.month"), t("dashboard.count"), t("dashboard.amount")]}
          rows={f.byMonth.map((m) => [m.month, m.count, money(m.amountCny)])} />
      </Card>
      <Card title={t("dashboard.by_type")}>
        <p className="mb-2 text-sm text-slate-600">{t("dashboard.type_hint")}</p>
        <Chart option={byType} label={t("dashboard.by_type")} height={Math.max(180, types.length * 50 + 70)} />
        <ChartData caption={t("dashboard.by_type")} testId="data-by-type" head={[t("agreement.type_label"), t("dashboard.count"), t("dashboard.amount")]}
          rows={types.map((k) => [t(`agreement.type.${k}`), f.byType[k].count, money(f.byType[k].amountCny)])} />
      </Card>
      <Card title={t("dashboard.by_chain")}>
        <p className="mb-1 text-sm text-slate-600">{t("dashboard.chain_rule", { sum: money(f.chainTotals.attributedAmountCny) })}</p>
        <p className="mb-2 text-sm font-medium text-slate-800" data-testid="chain-distinct">{t("dashboard.chain_distinct", { count: f.chainTotals.count, amount: money(f.chainTotals.amountCny) })}</p>
        {f.chainTotals.unattributed.count > 0 ? (
          <p className="mb-2 text-sm text-slate-600">{t("dashboard.chain_unattributed", { count: f.chainTotals.unattributed.count, amount: money(f.chainTotals.unattributed.amountCny) })}</p>
        ) : null}
        <Chart option={byChain} label={t("dashboard.by_chain")} height={Math.max(220, chainCount * 40 + 60)} />
        <ChartData caption={t("dashboard.by_chain")} testId="data-by-chain" head={[t("dashboard.chain"), t("dashboard.count"), t("dashboard.amount")]}
          rows={[...f.byChain.map((c) => [chainName(c.chain, locale), c.count, money(c.amountCny)]),
            [t("dashboard.chain_sum"), "", money(f.chainTotals.attributedAmountCny)],
            [t("dashboard.chain_distinct_row"), f.chainTotals.count, money(f.chainTotals.amountCny)]]} />
      </Card>
      <Card title={t("dashboard.fulfilment")}>
        <p className="mb-2 text-sm text-slate-600">
          {t("dashboard.fulfilment_summary", { frameworks: f.fulfilment.frameworks, rate: `${Math.round(f.fulfilment.calledOffRate * 1000) / 10}%`, delivered: `${Math.round(f.fulfilment.deliveredRate * 1000) / 10}%` })}
        </p>
        <Chart option={fulfilment} label={t("dashboard.fulfilment")} height={220} />
        <ChartData caption={t("dashboard.fulfilment")} testId="data-fulfilment" head={[t("dashboard.fulfilment"), t("deals.tonnes")]}
          rows={[[t("dashboard.agreed"), formatNumber(f.fulfilment.agreedT, locale)], [t("dashboard.called_off"), formatNumber(f.fulfilment.calledOffT, locale)], [t("dashboard.delivered"), formatNumber(f.fulfilment.deliveredT, locale)]]} />
      </Card>
      <div className="lg:col-span-2">
        <Card title={t("dashboard.flows")}>
          <p className="mb-2 text-sm text-slate-600">{t("dashboard.flows_hint", { top: topFlows.length, total: f.flows.length })}</p>
          <Chart option={flows} label={t("dashboard.flows")} height={Math.max(320, Math.max(sellers, buyers) * 38 + 20)} userContent />
          <ChartData caption={t("dashboard.flows")} testId="data-flows" head={[t("agreement.seller_short"), t("agreement.buyer_short"), t("dashboard.count"), t("dashboard.amount")]}
            rows={topFlows.map((x) => [x.sellerName, x.buyerName, x.count, money(x.amountCny)])} names={[0, 1]} />
          {otherFlows.length > 0 ? (
            <div className="mt-4">
              <h3 className="mb-2 text-sm font-semibold text-slate-800">{t("dashboard.flows_rest", { count: otherFlows.length })}</h3>
              {/* a scrolling box: reachable by keyboard and named, so it can be scrolled without a mouse */}
              <div className="relative max-h-96 overflow-auto" tabIndex={0} role="region" aria-label={t("dashboard.flows_rest", { count: otherFlows.length })}>
                {/* one box scrolls both ways (not a Table's own box inside it) */}
                <table className="min-w-full divide-y divide-slate-200 text-sm">
                  <caption className="sr-only">{t("dashboard.flows_rest", { count: otherFlows.length })}</caption>
                  <thead><tr><th className={th}>{t("agreement.seller_short")}</th><th className={th}>{t("agreement.buyer_short")}</th><th className={th}>{t("dashboard.count")}</th><th className={th}>{t("dashboard.amount")}</th></tr></thead>
                  <tbody className="divide-y divide-slate-100" data-testid="flows-rest">
                    {otherFlows.map((x) => (
                      <tr key={`${x.sellerId}-${x.buyerId}`}>
                        <td className={`${td} min-w-32`} translate="no">{party(x.seller, x.sellerEn)}</td>
                        <td className={`${td} min-w-32`} translate="no">{party(x.buyer, x.buyerEn)}</td>
                        <td className={td}>{x.count}</td>
                        <td className={`${td} whitespace-nowrap`}>{money(x.amountCny)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          ) : null}
        </Card>
      </div>
    </div>
  );
}
