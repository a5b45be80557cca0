"use client";

import { useEffect, useRef } from "react";
import { BarChart, LineChart, PieChart, SankeyChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { Card } from "@/app/_components/ui";
import { formatCny } from "@/i18n";
import { useI18n } from "@/i18n/client";
import type { ReportFigures } from "@/server/reports/report.service";

echarts.use([BarChart, LineChart, PieChart, SankeyChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

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

const wan = (n: number) => Math.round(n / 100) / 100;

export function DashboardCharts({ figures: f }: { figures: ReportFigures }) {
  const { t, locale } = useI18n();
  const money = (n: number) => formatCny(n, locale);
  const unit = t("dashboard.unit_wan");
  const types = (["framework", "contract", "order"] as const).filter((k) => f.byType[k].count > 0);
  const chains = [...f.byChain].reverse();
  const names = new Map<string, string>();
  // two columns (sellers left, buyers right) so the flow never loops back
  const sellerNode = (name: string) => `${name}\u2060`;
  for (const flow of f.flows) {
    names.set(sellerNode(flow.seller), flow.seller);
    names.set(flow.buyer, flow.buyer);
  }

  const byMonth: Option = {
    tooltip: { trigger: "axis" },
    legend: { top: 0, data: [t("dashboard.amount_wan"), t("dashboard.count")] },
    grid: { left: 60, right: 50, bottom: 30, top: 56 },
    xAxis: { type: "category", data: f.byMonth.map((m) => m.month) },
    yAxis: [{ type: "value", name: unit }, { type: "value", name: t("dashboard.count_unit"), minInterval: 1 }],
    series: [
      { name: t("dashboard.amount_wan"), type: "bar", data: f.byMonth.map((m) => wan(m.amountCny)) },
      { name: t("dashboard.count"), type: "line", yAxisIndex: 1, data: f.byMonth.map((m) => m.count) },
    ],
  };
  const byType: Option = {
    tooltip: { trigger: "item", formatter: (p: { name: string; value: number; percent: number }) => `${html(p.name)}<br/>${html(money(p.value))} (${html(p.percent)}%)` },
    legend: { bottom: 0 },
    series: [{
      type: "pie", radius: ["40%", "68%"], label: { formatter: "{b}\n{d}%" },
      data: types.map((k) => ({ name: `${t(`agreement.type.${k}`)} ${f.byType[k].count}`, value: f.byType[k].amountCny })),
    }],
  };
  const byChain: Option = {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 100, right: 40, bottom: 30, top: 20 },
    xAxis: { type: "value", name: unit },
    yAxis: { type: "category", data: chains.map((c) => c.chain) },
    series: [{ type: "bar", data: chains.map((c) => wan(c.amountCny)), label: { show: true, position: "right" } }],
  };
  const fulfilment: Option = {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 90, right: 40, bottom: 30, top: 20 },
    xAxis: { type: "value", name: t("deals.tonnes") },
    yAxis: { type: "category", data: [t("dashboard.delivered"), t("dashboard.called_off"), t("dashboard.agreed")] },
    series: [{ type: "bar", data: [f.fulfilment.deliveredT, f.fulfilment.calledOffT, f.fulfilment.agreedT], label: { show: true, position: "right" } }],
  };
  const flows: Option = {
    tooltip: { trigger: "item", formatter: (p: { dataType: string; data: { source?: string; target?: string; value?: number }; name: string }) =>
      p.dataType === "edge"
        ? `${html(names.get(p.data.source!) ?? "")} → ${html(names.get(p.data.target!) ?? "")}<br/>${html(money(p.data.value ?? 0))}`
        : html(names.get(p.name) ?? p.name) },
    series: [{
      type: "sankey", left: 10, right: 190, top: 10, bottom: 10, nodeGap: 6, emphasis: { focus: "adjacency" },
      label: { formatter: (p: { name: string }) => names.get(p.name) ?? p.name, fontSize: 11 },
      lineStyle: { color: "gradient", curveness: 0.5, opacity: 0.4 },
      data: [...names.keys()].map((name) => ({ name })),
      links: f.flows.map((flow) => ({ source: sellerNode(flow.seller), target: flow.buyer, value: flow.amountCny })),
    }],
  };

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title={t("dashboard.by_month")}><Chart option={byMonth} label={t("dashboard.by_month")} /></Card>
      <Card title={t("dashboard.by_type")}><Chart option={byType} label={t("dashboard.by_type")} /></Card>
      <Card title={t("dashboard.by_chain")}><Chart option={byChain} label={t("dashboard.by_chain")} height={Math.max(220, chains.length * 40 + 60)} /></Card>
      <Card title={t("dashboard.fulfilment")}>
        <p className="mb-2 text-sm text-slate-600">
          {t("dashboard.fulfilment_summary", { frameworks: f.fulfilment.frameworks, rate: `${Math.round(f.fulfilment.calledOffRate * 1000) / 10}%`, delivered: `${Math.round(f.fulfilment.deliveredRate * 1000) / 10}%` })}
        </p>
        <Chart option={fulfilment} label={t("dashboard.fulfilment")} height={220} />
      </Card>
      <div className="lg:col-span-2">
        <Card title={t("dashboard.flows")}>
          <p className="mb-2 text-sm text-slate-600">{t("dashboard.flows_hint")}</p>
          <Chart option={flows} label={t("dashboard.flows")} height={Math.max(360, names.size * 18)} />
        </Card>
      </div>
    </div>
  );
}
