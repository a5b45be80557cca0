import * as echarts from "echarts/core";
import { formatCny, formatNumber, type Locale, type Translate } from "@/i18n";
import { chainName } from "@/i18n/vocabulary";
import type { ReportFigures } from "@/server/reports/report.service";

type Option = echarts.EChartsCoreOption;

/** How many seller → buyer flows the Sankey draws (the largest by amount); the rest are a table under it. */
export const TOP_FLOWS = 12;

/**
 * ECharts puts what a tooltip formatter returns into the page as HTML: every name in it (enterprise
 * names are typed by their users) goes through this first. Labels are SVG text and need nothing.
 */
const html = (text: string | number) => echarts.format.encodeHTML(String(text));

/**
 * ECharts' `aria`: the chart's container gets `role="img"` and this description as its
 * `aria-label` (the chart itself is drawn, so a screen reader reads only this), in the reader's language.
 */
const aria = (description: string) => ({ aria: { enabled: true, label: { enabled: true, description } } });

/** An enterprise in the reader's language: its English name in English where it has one (else as registered). */
const party = (name: string, nameEn: string | null, locale: Locale) => (locale === "en" && nameEn ? nameEn : name);

/**
 * The dashboard's chart options, built from the figures in the reader's language: chains by
 * their English names in English (axes, tooltips, descriptions), agreement types and axis names
 * from the messages, enterprises by their English names where they have one, and each chart
 * described by `aria` (title and figures) for screen readers.
 */
export function dashboardChartOptions(f: ReportFigures, t: Translate, locale: Locale) {
  const money = (n: number) => formatCny(n, locale);
  const count = (n: number) => t("dashboard.count_value", { count: n });
  const list = (items: string[]) => items.join(locale === "zh" ? "；" : "; ");
  const colon = locale === "zh" ? "：" : ": ";
  const describe = (title: string, items: string[]) => `${title}${colon}${list(items)}`;
  const moneyAxis = { axisLabel: { formatter: (v: number) => money(v) } };
  const types = (["framework", "contract", "order"] as const).filter((k) => f.byType[k].count > 0);
  const typeNames = types.map((k) => t(`agreement.type.${k}`));
  // largest at the top: ECharts draws a category axis bottom-up
  const chains = [...f.byChain].reverse().map((c) => ({ ...c, name: chainName(c.chain, locale) }));
  const topFlows = f.flows.slice(0, TOP_FLOWS).map((x) => ({ ...x, sellerName: party(x.seller, x.sellerEn, locale), buyerName: party(x.buyer, x.buyerEn, locale) }));
  const names = new Map<string, string>();
  // two columns (sellers left, buyers right) so the flow never loops back
  const sellerNode = (id: number) => `s${id}`;
  const buyerNode = (id: number) => `b${id}`;
  for (const flow of topFlows) {
    names.set(sellerNode(flow.sellerId), flow.sellerName);
    names.set(buyerNode(flow.buyerId), flow.buyerName);
  }

  const byMonth: Option = {
    ...aria(describe(t("dashboard.by_month"), f.byMonth.map((m) => `${m.month} ${count(m.count)} · ${money(m.amountCny)}`))),
    tooltip: {
      trigger: "axis",
      formatter: (ps: { dataIndex: number }[]) => {
        const m = f.byMonth[ps[0]?.dataIndex ?? 0]!;
        return `${html(m.month)}<br/>${html(t("dashboard.amount"))}${colon}${html(money(m.amountCny))}<br/>${html(t("dashboard.count"))}${colon}${html(count(m.count))}`;
      },
    },
    legend: { top: 0, data: [t("dashboard.amount"), t("dashboard.count")] },
    grid: { left: 8, right: 8, bottom: 8, top: 56, containLabel: true },
    xAxis: { type: "category", data: f.byMonth.map((m) => m.month) },
    yAxis: [{ type: "value", ...moneyAxis }, { type: "value", name: t("dashboard.count_unit"), minInterval: 1 }],
    series: [
      { name: t("dashboard.amount"), type: "bar", data: f.byMonth.map((m) => m.amountCny) },
      { name: t("dashboard.count"), type: "line", yAxisIndex: 1, data: f.byMonth.map((m) => m.count) },
    ],
  };
  // one row per type, counted twice side by side: how many (left) and how much (right)
  const byType: Option = {
    ...aria(describe(t("dashboard.by_type"), types.map((k, i) => `${typeNames[i]} ${count(f.byType[k].count)} · ${money(f.byType[k].amountCny)}`))),
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
    grid: [{ left: 8, width: "36%", top: 30, bottom: 8, containLabel: true }, { left: "55%", right: 60, top: 30, bottom: 8, containLabel: true }],
    xAxis: [
      { type: "value", gridIndex: 0, minInterval: 1, splitNumber: 2, name: t("dashboard.count_unit") },
      { type: "value", gridIndex: 1, splitNumber: 2, ...moneyAxis },
    ],
    yAxis: [
      { type: "category", gridIndex: 0, data: typeNames, axisLabel: { width: 90, overflow: "break" } },
      { type: "category", gridIndex: 1, data: typeNames, axisLabel: { show: false } },
    ],
    series: [
      { name: t("dashboard.count"), type: "bar", xAxisIndex: 0, yAxisIndex: 0, data: types.map((k) => f.byType[k].count), label: { show: true, position: "right", formatter: (p: { value: number }) => count(p.value) } },
      { name: t("dashboard.amount"), type: "bar", xAxisIndex: 1, yAxisIndex: 1, data: types.map((k) => f.byType[k].amountCny), label: { show: true, position: "right", formatter: (p: { value: number }) => money(p.value) } },
    ],
  };
  const byChain: Option = {
    ...aria(describe(t("dashboard.by_chain"), f.byChain.map((c) => `${chainName(c.chain, locale)} ${count(c.count)} · ${money(c.amountCny)}`))),
    tooltip: {
      trigger: "axis", axisPointer: { type: "shadow" },
      formatter: (ps: { dataIndex: number }[]) => {
        const c = chains[ps[0]?.dataIndex ?? 0]!;
        return `${html(c.name)}<br/>${html(count(c.count))} · ${html(money(c.amountCny))}`;
      },
    },
    grid: { left: 8, right: 80, bottom: 8, top: 20, containLabel: true },
    xAxis: { type: "value", splitNumber: 2, ...moneyAxis },
    yAxis: { type: "category", data: chains.map((c) => c.name), axisLabel: { width: 110, overflow: "break" } },
    series: [{ type: "bar", data: chains.map((c) => c.amountCny), label: { show: true, position: "right", formatter: (p: { value: number }) => money(p.value) } }],
  };
  const steps = [[t("dashboard.agreed"), f.fulfilment.agreedT], [t("dashboard.called_off"), f.fulfilment.calledOffT], [t("dashboard.delivered"), f.fulfilment.deliveredT]] as const;
  const fulfilment: Option = {
    ...aria(describe(t("dashboard.fulfilment"), steps.map(([label, v]) => `${label} ${formatNumber(v, locale)} ${t("deals.tonnes")}`))),
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 60, bottom: 8, top: 30, containLabel: true },
    xAxis: { type: "value", name: t("deals.tonnes"), splitNumber: 2, axisLabel: { formatter: (v: number) => formatNumber(v, locale) } },
    yAxis: { type: "category", data: [...steps].reverse().map(([label]) => label) },
    series: [{ type: "bar", data: [...steps].reverse().map(([, v]) => v), label: { show: true, position: "right", formatter: (p: { value: number }) => formatNumber(p.value, locale) } }],
  };
  const flows: Option = {
    ...aria(describe(t("dashboard.flows"), topFlows.map((x) => `${x.sellerName} → ${x.buyerName} ${money(x.amountCny)}`))),
    tooltip: { trigger: "item", formatter: (p: { dataType: string; data: { source?: string; target?: string; value?: number }; name: string; value?: number }) =>
      p.dataType === "edge"
        ? `${html(names.get(p.data.source!) ?? "")} → ${html(names.get(p.data.target!) ?? "")}<br/>${html(money(p.data.value ?? 0))}`
        : `${html(names.get(p.name) ?? p.name)}<br/>${html(money(p.value ?? 0))}` },
    series: [{
      type: "sankey", left: 10, right: "35%", top: 10, bottom: 10, nodeGap: 14, nodeWidth: 14, emphasis: { focus: "adjacency" },
      label: { formatter: (p: { name: string }) => names.get(p.name) ?? p.name, fontSize: 12, width: 200, overflow: "truncate" },
      lineStyle: { color: "gradient", curveness: 0.5, opacity: 0.4 },
      data: [...names.keys()].map((name) => ({ name })),
      links: topFlows.map((flow) => ({ source: sellerNode(flow.sellerId), target: buyerNode(flow.buyerId), value: flow.amountCny })),
    }],
  };
  return {
    byMonth, byType, byChain, fulfilment, flows, types,
    /** the Sankey's pairs, with the names it shows */
    topFlows,
    sellers: new Set(topFlows.map((x) => x.sellerId)).size,
    buyers: new Set(topFlows.map((x) => x.buyerId)).size,
  };
}
