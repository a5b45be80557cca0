"use client";

import { useEffect, useRef } from "react";
import { BarChart, LineChart, SankeyChart } from "echarts/charts";
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { Card, Table, td, th } from "@/app/_components/ui";
import { formatCny, formatNumber } from "@/i18n";
import { useI18n } from "@/i18n/client";
import type { ReportFigures } from "@/server/reports/report.service";

echarts.use([BarChart, LineChart, SankeyChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

/** The same CJK font stack as the page, so Chinese labels render in the charts too. */
const FONT = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", system-ui, sans-serif';
const COLORS = ["#17724f", "#1f8a63", "#3fa57d", "#7cc4a4", "#f2a541", "#e4572e", "#4f6d7a", "#a5b4c3"];

type Option = echarts.EChartsCoreOption;

/**
 * ECharts puts what a tooltip formatter returns into the page as HTML: every name in it (enterprise
 * names are typed by their users) goes through this first. Labels are SVG text and need nothing.
 */
const html = (text: string | number) => echarts.format.encodeHTML(String(text));

/** One ECharts chart (SVG), resized with its box; described for screen readers by `label`. */
function Chart({ option, label, height = 320 }: { option: Option; label: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, undefined, { renderer: "svg" });
    chart.setOption({ color: COLORS, textStyle: { fontFamily: FONT }, animation: false, ...option, tooltip: { className: "chart-tooltip", ...(option.tooltip as object) } });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={box} role="img" aria-label={label} style={{ height }} className="w-full" />;
}

/** How many seller → buyer flows the Sankey draws (the largest by amount); the rest are a table under it. */
export const TOP_FLOWS = 12;

/** The data behind a chart, as a table for screen readers (the chart itself is an image to them). */
function ChartData({ caption, head, rows, testId }: { caption: string; head: string[]; rows: (string | number)[][]; testId: string }) {
  return (
    <table className="sr-only" data-testid={testId}>
      <caption>{caption}</caption>
      <thead><tr>{head.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
      <tbody>{rows.map((r, i) => <tr key={i}>{r.map((c, j) => <td key={j}>{c}</td>)}</tr>)}</tbody>
    </table>
  );
}

export function DashboardCharts({ figures: f }: { figures: ReportFigures }) {
  const { t, locale } = useI18n();
  const money = (n: number) => formatCny(n, locale);
  const count = (n: number) => t("dashboard.count_value", { count: n });
  const moneyAxis = { axisLabel: { formatter: (v: number) => money(v) } };
  const types = (["framework", "contract", "order"] as const).filter((k) => f.byType[k].count > 0);
  const typeNames = types.map((k) => t(`agreement.type.${k}`));
  const chains = [...f.byChain].reverse();
  const topFlows = f.flows.slice(0, TOP_FLOWS);
  const otherFlows = f.flows.slice(TOP_FLOWS);
  const names = new Map<string, string>();
  // two columns (sellers left, buyers right) so the flow never loops back
  const sellerNode = (name: string) => `${name}\u2060`;
  for (const flow of topFlows) {
    names.set(sellerNode(flow.seller), flow.seller);
    names.set(flow.buyer, flow.buyer);
  }
  const sellers = new Set(topFlows.map((x) => x.seller)).size;
  const buyers = new Set(topFlows.map((x) => x.buyer)).size;

  const byMonth: Option = {
    tooltip: {
      trigger: "axis",
      formatter: (ps: { dataIndex: number }[]) => {
        const m = f.byMonth[ps[0]?.dataIndex ?? 0]!;
        return `${html(m.month)}<br/>${html(t("dashboard.amount"))}：${html(money(m.amountCny))}<br/>${html(t("dashboard.count"))}：${html(count(m.count))}`;
      },
    },
    legend: { top: 0, data: [t("dashboard.amount"), t("dashboard.count")] },
    grid: { left: 80, right: 50, bottom: 30, top: 56 },
    xAxis: { type: "category", data: f.byMonth.map((m) => m.month) },
    yAxis: [{ type: "value", ...moneyAxis }, { type: "value", name: t("dashboard.count_unit"), minInterval: 1 }],
    series: [
      { name: t("dashboard.amount"), type: "bar", data: f.byMonth.map((m) => m.amountCny) },
      { name: t("dashboard.count"), type: "line", yAxisIndex: 1, data: f.byMonth.map((m) => m.count) },
    ],
  };
  // one row per type, counted twice side by side: how many (left) and how much (right)
  const byType: Option = {
    tooltip: {
      trigger: "axis", axisPointer: { type: "shadow" },
      formatter: (ps: { dataIndex: number }[]) => {
        const k = types[ps[0]?.dataIndex ?? 0]!;
        return `${html(t(`agreement.type.${k}`))}<br/>${html(count(f.byType[k].count))} · ${html(money(f.byType[k].amountCny))}`;
      },
    },
    title: [
      { text: t("dashboard.count"), left: "3%", top: 0, textStyle: { fontSize: 12, fontWeight: "normal" } },
      { text: t("dashboard.amount"), left: "53%", top: 0, textStyle: { fontSize: 12, fontWeight: "normal" } },
    ],
    grid: [{ left: 70, width: "28%", top: 30, bottom: 30 }, { left: "68%", right: 70, top: 30, bottom: 30 }],
    xAxis: [
      { type: "value", gridIndex: 0, minInterval: 1, splitNumber: 3, name: t("dashboard.count_unit") },
      { type: "value", gridIndex: 1, splitNumber: 2, ...moneyAxis },
    ],
    yAxis: [
      { type: "category", gridIndex: 0, data: typeNames },
      { type: "category", gridIndex: 1, data: typeNames, axisLabel: { show: false } },
    ],
    series: [
      { name: t("dashboard.count"), type: "bar", xAxisIndex: 0, yAxisIndex: 0, data: types.map((k) => f.byType[k].count), label: { show: true, position: "right", formatter: (p: { value: number }) => count(p.value) } },
      { name: t("dashboard.amount"), type: "bar", xAxisIndex: 1, yAxisIndex: 1, data: types.map((k) => f.byType[k].amountCny), label: { show: true, position: "right", formatter: (p: { value: number }) => money(p.value) } },
    ],
  };
  const byChain: Option = {
    tooltip: {
      trigger: "axis", axisPointer: { type: "shadow" },
      formatter: (ps: { dataIndex: number }[]) => {
        const c = chains[ps[0]?.dataIndex ?? 0]!;
        return `${html(c.chain)}<br/>${html(count(c.count))} · ${html(money(c.amountCny))}`;
      },
    },
    grid: { left: 100, right: 90, bottom: 30, top: 20 },
    xAxis: { type: "value", splitNumber: 3, ...moneyAxis },
    yAxis: { type: "category", data: chains.map((c) => c.chain) },
    series: [{ type: "bar", data: chains.map((c) => c.amountCny), label: { show: true, position: "right", formatter: (p: { value: number }) => money(p.value) } }],
  };
  const fulfilment: Option = {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 90, right: 40, bottom: 30, top: 20 },
    xAxis: { type: "value", name: t("deals.tonnes"), splitNumber: 3, axisLabel: { formatter: (v: number) => formatNumber(v, locale) } },
    yAxis: { type: "category", data: [t("dashboard.delivered"), t("dashboard.called_off"), t("dashboard.agreed")] },
    series: [{ type: "bar", data: [f.fulfilment.deliveredT, f.fulfilment.calledOffT, f.fulfilment.agreedT], label: { show: true, position: "right", formatter: (p: { value: number }) => formatNumber(p.value, locale) } }],
  };
  const flows: Option = {
    tooltip: { trigger: "item", formatter: (p: { dataType: string; data: { source?: string; target?: string; value?: number }; name: string; value?: number }) =>
      p.dataType === "edge"
        ? `${html(names.get(p.data.source!) ?? "")} → ${html(names.get(p.data.target!) ?? "")}<br/>${html(money(p.data.value ?? 0))}`
        : `${html(names.get(p.name) ?? p.name)}<br/>${html(money(p.value ?? 0))}` },
    series: [{
      type: "sankey", left: 10, right: 220, top: 10, bottom: 10, nodeGap: 14, nodeWidth: 14, emphasis: { focus: "adjacency" },
      label: { formatter: (p: { name: string }) => names.get(p.name) ?? p.name, fontSize: 12 },
      lineStyle: { color: "gradient", curveness: 0.5, opacity: 0.4 },
      data: [...names.keys()].map((name) => ({ name })),
      links: topFlows.map((flow) => ({ source: sellerNode(flow.seller), target: flow.buyer, value: flow.amountCny })),
    }],
  };

  return (
    <div className="grid gap-6 lg:grid-cols-2">
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
        <Chart option={byChain} label={t("dashboard.by_chain")} height={Math.max(220, chains.length * 40 + 60)} />
        <ChartData caption={t("dashboard.by_chain")} testId="data-by-chain" head={[t("dashboard.chain"), t("dashboard.count"), t("dashboard.amount")]}
          rows={[...f.byChain.map((c) => [c.chain, c.count, money(c.amountCny)]),
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
          <Chart option={flows} label={t("dashboard.flows")} height={Math.max(320, Math.max(sellers, buyers) * 38 + 20)} />
          <ChartData caption={t("dashboard.flows")} testId="data-flows" head={[t("agreement.seller_short"), t("agreement.buyer_short"), t("dashboard.count"), t("dashboard.amount")]}
            rows={topFlows.map((x) => [x.seller, x.buyer, x.count, money(x.amountCny)])} />
          {otherFlows.length > 0 ? (
            <div className="mt-4">
              <h3 className="mb-2 text-sm font-semibold text-slate-800">{t("dashboard.flows_rest", { count: otherFlows.length })}</h3>
              <div className="max-h-96 overflow-y-auto">
                <Table caption={t("dashboard.flows_rest", { count: otherFlows.length })}>
                  <thead><tr><th className={th}>{t("agreement.seller_short")}</th><th className={th}>{t("agreement.buyer_short")}</th><th className={th}>{t("dashboard.count")}</th><th className={th}>{t("dashboard.amount")}</th></tr></thead>
                  <tbody className="divide-y divide-slate-100" data-testid="flows-rest">
                    {otherFlows.map((x) => (
                      <tr key={`${x.sellerId}-${x.buyerId}`}>
                        <td className={td} translate="no">{x.seller}</td>
                        <td className={td} translate="no">{x.buyer}</td>
                        <td className={td}>{x.count}</td>
                        <td className={`${td} whitespace-nowrap`}>{money(x.amountCny)}</td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </div>
            </div>
          ) : null}
        </Card>
      </div>
    </div>
  );
}
