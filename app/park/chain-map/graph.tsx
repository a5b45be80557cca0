"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { GraphChart } from "echarts/charts";
import { LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { buttonClass } from "@/app/_components/ui";
import { useI18n } from "@/i18n/client";
import { chainName } from "@/i18n/vocabulary";

// canvas, not SVG: the PNG export is the canvas's own picture (getDataURL)
echarts.use([GraphChart, LegendComponent, TooltipComponent, CanvasRenderer]);

const FONT = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", system-ui, sans-serif';
/** One colour per industry chain (server/enterprises/enterprise.schemas.ts INDUSTRY_CHAINS), then grey for none. */
const CHAIN_COLORS = ["#17724f", "#2f6fb0", "#8e44ad", "#d68910", "#0e8f8f", "#7d5a3c", "#c2417a", "#5b6f2d"];
const NO_CHAIN = "#64748b";
const EXTERNAL = "#cbd5e1";
const GAP = "#dc2626";
const SUBSTANCE = "#0f172a";

export interface GraphNode {
  id: string;
  name: string;
  kind: "enterprise" | "external" | "gap" | "substance";
  chain: string | null;
  /** 0–1: the node's amount (or tonnes, for a gap) against the largest */
  weight: number;
  /** where a click goes */
  href: string | null;
  /** tooltip lines, plain text (escaped here) */
  tip: string[];
}

export interface GraphLink {
  source: string;
  target: string;
  /** 0–1, against the largest */
  weight: number;
  kind: "in_park" | "external" | "gap";
  tip: string[];
}

/** ECharts puts a tooltip formatter's answer into the page as HTML: every text goes through this first. */
const html = (text: string) => echarts.format.encodeHTML(text);

/**
 * The chain map as an interactive force graph (ECharts, canvas): node size by signed amount,
 * colour by chain, outsiders grey with a ring, gaps red diamonds, arrows seller → buyer. A click on
 * a node opens its page; hovering a node or a link shows its figures. `chains` fixes the colours.
 */
export function ChainGraph({ nodes, links, chains, label, filename, height = 560 }: {
  nodes: GraphNode[]; links: GraphLink[]; chains: string[]; label: string; filename: string; height?: number;
}) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const box = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, undefined, { renderer: "canvas" });
    chartRef.current = chart;
    const colorOf = (chain: string | null) => (chain && chains.includes(chain) ? CHAIN_COLORS[chains.indexOf(chain) % CHAIN_COLORS.length]! : NO_CHAIN);
    const usedChains = chains.filter((c) => nodes.some((n) => n.kind === "enterprise" && n.chain === c));
    const categories = [
      // the legend names the chains in the reader's language (the colours stay keyed by the chain itself)
      ...usedChains.map((c) => ({ name: chainName(c, locale), itemStyle: { color: colorOf(c) } })),
      ...(nodes.some((n) => n.kind === "enterprise" && !n.chain) ? [{ name: t("chain_map.legend_no_chain"), itemStyle: { color: NO_CHAIN } }] : []),
      ...(nodes.some((n) => n.kind === "external") ? [{ name: t("chain_map.legend_external"), itemStyle: { color: EXTERNAL, borderColor: "#475569", borderWidth: 2 } }] : []),
      ...(nodes.some((n) => n.kind === "gap") ? [{ name: t("chain_map.legend_gap"), itemStyle: { color: GAP }, symbol: "diamond" }] : []),
      ...(nodes.some((n) => n.kind === "substance") ? [{ name: t("chain_map.legend_substance"), itemStyle: { color: SUBSTANCE }, symbol: "roundRect" }] : []),
    ];
    const categoryOf = (n: GraphNode) => {
      const name = n.kind === "enterprise" ? (n.chain ? chainName(n.chain, locale) : t("chain_map.legend_no_chain"))
        : n.kind === "external" ? t("chain_map.legend_external") : n.kind === "gap" ? t("chain_map.legend_gap") : t("chain_map.legend_substance");
      return Math.max(0, categories.findIndex((c) => c.name === name));
    };
    const many = nodes.length > 80;
    const data = nodes.map((n) => {
      const size = n.kind === "substance" ? 36 : n.kind === "gap" ? 14 + 18 * Math.sqrt(n.weight) : 10 + (many ? 30 : 40) * Math.sqrt(n.weight);
      return {
        id: n.id, name: n.name, tip: n.tip, href: n.href, category: categoryOf(n),
        symbol: n.kind === "gap" ? "diamond" : n.kind === "substance" ? "roundRect" : "circle",
        symbolSize: size,
        itemStyle: n.kind === "external" ? { color: EXTERNAL, borderColor: "#475569", borderWidth: 2 }
          : n.kind === "gap" ? { color: GAP } : n.kind === "substance" ? { color: SUBSTANCE } : { color: colorOf(n.chain) },
        label: { show: n.kind !== "enterprise" && n.kind !== "external" ? true : size >= (many ? 22 : 18) },
        cursor: n.href ? "pointer" : "default",
      };
    });
    const edges = links.map((l) => ({
      source: l.source, target: l.target, tip: l.tip,
      lineStyle: {
        width: l.kind === "gap" ? 1.5 : 1 + 7 * Math.sqrt(l.weight),
        color: l.kind === "gap" ? GAP : l.kind === "external" ? "#94a3b8" : "#17724f",
        type: l.kind === "gap" ? "dashed" : "solid",
        opacity: 0.7,
        curveness: 0.15,
      },
    }));
    chart.setOption({
      textStyle: { fontFamily: FONT },
      tooltip: {
        className: "chart-tooltip",
        confine: true,
        formatter: (p: { data: { tip?: string[] } }) => (p.data.tip ?? []).map(html).join("<br/>"),
      },
      legend: [{ data: categories.map((c) => c.name), top: 0, left: 0, type: "scroll" }],
      series: [{
        type: "graph", layout: "force", roam: true, draggable: true, top: 40,
        categories, data, links: edges,
        edgeSymbol: ["none", "arrow"], edgeSymbolSize: 8,
        label: { position: "right", fontSize: 11, color: "#1e293b", formatter: "{b}" },
        labelLayout: { hideOverlap: true },
        emphasis: { focus: "adjacency", label: { show: true }, lineStyle: { opacity: 1 } },
        force: { repulsion: many ? 90 : 180, edgeLength: many ? [30, 110] : [50, 150], gravity: many ? 0.12 : 0.08, friction: 0.2 },
      }],
    });
    chart.on("click", (p) => {
      const href = (p.data as { href?: string | null } | undefined)?.href;
      if (p.dataType === "node" && href) router.push(href);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [nodes, links, chains, router, t, locale]);

  const exportPng = () => {
    const chart = chartRef.current;
    if (!chart) return;
    const a = document.createElement("a");
    a.href = chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#ffffff" });
    a.download = filename;
    a.click();
  };

  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">{t("chain_map.graph_hint")}</p>
        <button type="button" className={buttonClass("secondary", "sm")} onClick={exportPng}>{t("chain_map.export_png")}</button>
      </div>
      {/* as wide as the page and at most three quarters of the screen high (a phone); the tables below list the same flows */}
      <div ref={box} role="img" aria-label={label} data-testid="chain-graph" style={{ height: `min(${height}px, 75vh)` }} className="w-full min-w-0 overflow-hidden rounded-md border border-slate-200 bg-white" />
    </div>
  );
}
