import ExcelJS from "exceljs";
import { formatDateTime, translator } from "@/i18n";
import type { GreenFigures } from "./green";
import type { Linkage } from "./linkage";

/** The linkage table's columns, in Chinese and English (the XLSX and the CLI's table read them). */
export const LINKAGE_COLUMNS = [
  "统一社会信用代码 USCC", "企业 Enterprise", "产业链 Chains",
  "采购额（元）Purchases (CNY)", "园内采购额（元）In-park purchases (CNY)", "园内采购占比 In-park purchase share",
  "销售额（元）Sales (CNY)", "园内销售额（元）In-park sales (CNY)", "园内销售占比 In-park sales share",
  "园内合作伙伴 In-park partners", "未结需求 Open demands", "需求量（吨）Demand (t)", "园内可满足（吨）Met in park (t)",
] as const;

/** The green figures' sheet rows: label, value, unit, and the explanation they go with. */
const GREEN_ROWS = [
  ["园内采购交付量 Delivered in-park purchases", "inParkTonnes", "吨 t", "inParkTonnes"],
  ["减少的运输周转量 Tonne-km avoided", "tonneKmAvoided", "吨公里 t·km", "tonneKmAvoided"],
  ["减少的二氧化碳当量 CO₂e avoided", "co2eTonnesAvoided", "吨 CO₂e t CO₂e", "co2eTonnesAvoided"],
  ["副产品再利用量 By-products reused", "byproductTonnesReused", "吨 t", "byproductTonnesReused"],
] as const;

const MONEY = "#,##0.00";
const PERCENT = "0.0%";
const TONNES = "#,##0.###";

function header(ws: ExcelJS.Worksheet, names: readonly string[], widths: number[]) {
  ws.addRow([...names]).font = { bold: true };
  names.forEach((_, i) => (ws.getColumn(i + 1).width = widths[i] ?? 18));
  ws.views = [{ state: "frozen", ySplit: 1 }];
}

/**
 * 产业关联度 and the green outcomes as one XLSX workbook, headers in Chinese and English (as the
 * dashboard's export): the linkage table (amounts in yuan, shares as percentages, an empty cell
 * where there is no purchase or no sale), what each figure means, the green figures with how each
 * is computed, and the green figures by month and by chain. Compiled at `now`, in China time.
 */
export async function insightsWorkbook(l: Linkage, g: GreenFigures, now = new Date()): Promise<Buffer> {
  const zh = translator("zh"), en = translator("en");
  const wb = new ExcelJS.Workbook();
  wb.creator = "ParkLink";
  wb.created = now;

  const summary = wb.addWorksheet("概览 Summary");
  header(summary, ["项目 Item", "内容 Value"], [28, 60]);
  summary.addRows([
    ["园区 Park", `${l.park.name}${l.park.nameEn ? ` / ${l.park.nameEn}` : ""} (${l.park.code})`],
    ["期间 Period", l.filters.from || l.filters.to ? `${l.filters.from ?? "…"} – ${l.filters.to ?? "…"}` : "全部 / all"],
    ["产业链 Chain", l.filters.chain ?? "全部 / all"],
    ["编制时间（北京时间）Compiled (China time)", formatDateTime(now, "zh")],
  ]);

  const table = wb.addWorksheet("产业关联度 Linkage");
  header(table, LINKAGE_COLUMNS, [22, 32, 16, 16, 18, 14, 16, 18, 14, 12, 10, 12, 14]);
  for (const e of l.enterprises) {
    const row = table.addRow([
      e.uscc, e.name, e.chains.join("、"), e.purchaseCny, e.inParkPurchaseCny, e.inParkPurchaseShare,
      e.salesCny, e.inParkSalesCny, e.inParkSalesShare, e.inParkPartners, e.openDemands, e.openDemandT, e.openDemandInParkT,
    ]);
    for (const c of [4, 5, 7, 8]) row.getCell(c).numFmt = MONEY;
    for (const c of [6, 9]) row.getCell(c).numFmt = PERCENT;
    for (const c of [12, 13]) row.getCell(c).numFmt = TONNES;
  }

  const defs = wb.addWorksheet("指标说明 Definitions");
  header(defs, ["指标 Figure", "说明", "Definition"], [28, 70, 70]);
  const defined: [string, string][] = [
    ["col.purchase", "def.purchase"], ["col.in_park_purchase", "def.in_park_purchase"], ["col.purchase_share", "def.purchase_share"],
    ["col.sales", "def.sales"], ["col.in_park_sales", "def.in_park_sales"], ["col.sales_share", "def.sales_share"],
    ["col.partners", "def.partners"], ["col.open_demands", "def.open_demands"], ["col.in_park_t", "def.in_park_t"],
  ];
  for (const [col, def] of defined) defs.addRow([`${zh(`insights.${col}`)} ${en(`insights.${col}`)}`, zh(`insights.${def}`), en(`insights.${def}`)]);

  const greenSheet = wb.addWorksheet("绿色成效 Green");
  header(greenSheet, ["指标 Figure", "数值 Value", "单位 Unit", "计算方法", "How it is computed"], [34, 16, 14, 80, 80]);
  greenSheet.addRow(["口径 Basis", "实际交付量 delivered", "", g.how.basis.zh, g.how.basis.en]);
  for (const [label, key, unit, how] of GREEN_ROWS) {
    greenSheet.addRow([label, g[key], unit, g.how[how].zh, g.how[how].en]).getCell(2).numFmt = TONNES;
  }
  greenSheet.addRow(["按签约量：园内吨数 Contracted: in-park tonnes", g.contracted.inParkTonnes, "吨 t", g.how.contracted.zh, g.how.contracted.en]);
  greenSheet.addRow(["按签约量：减少吨公里 Contracted: tonne-km avoided", g.contracted.tonneKmAvoided, "吨公里 t·km", g.how.contracted.zh, g.how.contracted.en]);
  greenSheet.addRow(["按签约量：减少 CO₂e Contracted: CO₂e avoided", g.contracted.co2eTonnesAvoided, "吨 CO₂e t CO₂e", g.how.contracted.zh, g.how.contracted.en]);
  greenSheet.addRow(["按签约量：副产品 Contracted: by-products", g.contracted.byproductTonnesReused, "吨 t", g.how.contracted.zh, g.how.contracted.en]);
  greenSheet.addRow(["按默认运距计的吨数 Tonnes at the default distance", g.tonnesAtDefaultDistance, "吨 t", g.settings.haulSource.zh, g.settings.haulSource.en]);
  greenSheet.addRow(["缺少坐标未计入的吨数 Tonnes without coordinates", g.tonnesWithoutCoordinates, "吨 t", "", ""]);
  greenSheet.addRow(["排放因子 Emission factor", g.settings.kgCo2ePerTkm, "kg CO₂e/吨公里 kg CO₂e/t·km", g.settings.factorSource.zh, g.settings.factorSource.en]);
  greenSheet.addRow(["默认运距 Default distance", g.settings.defaultHaulKm, "公里 km", g.settings.haulSource.zh, g.settings.haulSource.en]);

  const figureHeader = ["园内采购交付量（吨）In-park tonnes", "减少吨公里 Tonne-km avoided", "减少 CO₂e（吨）CO₂e avoided (t)", "副产品再利用（吨）By-products reused (t)"];
  const byMonth = wb.addWorksheet("绿色-按月 Green by month");
  header(byMonth, ["月份 Month", ...figureHeader], [12, 20, 20, 20, 22]);
  for (const m of g.byMonth) byMonth.addRow([m.month, m.inParkTonnes, m.tonneKmAvoided, m.co2eTonnesAvoided, m.byproductTonnesReused]);
  byMonth.addRow([]);
  byMonth.addRow([g.how.byMonth.zh, g.how.byMonth.en]);
  const byChain = wb.addWorksheet("绿色-按产业链 Green by chain");
  header(byChain, ["产业链 Chain", ...figureHeader], [16, 20, 20, 20, 22]);
  for (const c of g.byChain) byChain.addRow([c.chain, c.inParkTonnes, c.tonneKmAvoided, c.co2eTonnesAvoided, c.byproductTonnesReused]);
  byChain.addRow([]);
  byChain.addRow([g.how.byChain.zh, g.how.byChain.en]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
