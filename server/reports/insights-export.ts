import ExcelJS from "exceljs";
import { formatDateTime, translator, type Locale } from "@/i18n";
import { chainName, chainNames } from "@/i18n/vocabulary";
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

/** The units, written "中文 English" like the labels, in English. */
const UNIT_EN: Record<string, string> = {
  "吨 t": "t", "吨公里 t·km": "t·km", "吨 CO₂e t CO₂e": "t CO₂e", "kg CO₂e/吨公里 kg CO₂e/t·km": "kg CO₂e/t·km", "公里 km": "km",
};

const MONEY = "#,##0.00";
const PERCENT = "0.0%";
const TONNES = "#,##0.###";

function header(ws: ExcelJS.Worksheet, names: readonly string[], widths: number[]) {
  ws.addRow([...names]).font = { bold: true };
  names.forEach((_, i) => (ws.getColumn(i + 1).width = widths[i] ?? 18));
  ws.views = [{ state: "frozen", ySplit: 1 }];
}

/** The labels whose English part itself starts with a word shared with the Chinese ("CO₂e"). */
const ENGLISH_OF: Record<string, string> = {
  "减少 CO₂e（吨）CO₂e avoided (t)": "CO₂e avoided (t)",
  "按签约量：减少 CO₂e Contracted: CO₂e avoided": "Contracted: CO₂e avoided",
};
/** Labels are written "中文 English": the English workbook keeps what follows the last Chinese character. */
const english = (label: string) => ENGLISH_OF[label] ?? label.replace(/^.*[\u3000-\u9fff\uff00-\uffef]/, "").trim();

/**
 * 产业关联度 and the green outcomes as one XLSX workbook, headers in Chinese and English (as the
 * dashboard's export) — or, asked for from the English UI (`locale` "en"), in English only with
 * chains in English, the park by its English name and enterprises by theirs where they have one
 * (the figures the same): the linkage table (amounts in yuan, shares as percentages, an empty cell
 * where there is no purchase or no sale), what each figure means, the green figures with how each
 * is computed, and the green figures by month and by chain. Compiled at `now`, in China time.
 */
export async function insightsWorkbook(l: Linkage, g: GreenFigures, now = new Date(), locale: Locale = "zh"): Promise<Buffer> {
  const zh = translator("zh"), en = translator("en");
  const inEnglish = locale === "en";
  const L = (label: string) => (inEnglish ? english(label) : label);
  const all = inEnglish ? "all" : "全部 / all";
  const U = (unit: string) => (inEnglish ? UNIT_EN[unit] ?? unit : unit);
  const wb = new ExcelJS.Workbook();
  wb.creator = "ParkLink";
  wb.created = now;

  const summary = wb.addWorksheet(L("概览 Summary"));
  header(summary, [L("项目 Item"), L("内容 Value")], [28, 60]);
  summary.addRows([
    [L("园区 Park"), inEnglish ? `${l.park.nameEn ?? l.park.name} (${l.park.code})` : `${l.park.name}${l.park.nameEn ? ` / ${l.park.nameEn}` : ""} (${l.park.code})`],
    [L("期间 Period"), l.filters.from || l.filters.to ? `${l.filters.from ?? "…"} – ${l.filters.to ?? "…"}` : all],
    [L("产业链 Chain"), l.filters.chain ? chainName(l.filters.chain, locale) : all],
    [L("编制时间（北京时间）Compiled (China time)"), formatDateTime(now, locale)],
  ]);

  const table = wb.addWorksheet(L("产业关联度 Linkage"));
  header(table, LINKAGE_COLUMNS.map(L), [22, 32, 16, 16, 18, 14, 16, 18, 14, 12, 10, 12, 14]);
  for (const e of l.enterprises) {
    const row = table.addRow([
      e.uscc, inEnglish ? e.nameEn ?? e.name : e.name, chainNames(e.chains, locale), e.purchaseCny, e.inParkPurchaseCny, e.inParkPurchaseShare,
      e.salesCny, e.inParkSalesCny, e.inParkSalesShare, e.inParkPartners, e.openDemands, e.openDemandT, e.openDemandInParkT,
    ]);
    for (const c of [4, 5, 7, 8]) row.getCell(c).numFmt = MONEY;
    for (const c of [6, 9]) row.getCell(c).numFmt = PERCENT;
    for (const c of [12, 13]) row.getCell(c).numFmt = TONNES;
  }

  const defs = wb.addWorksheet(L("指标说明 Definitions"));
  header(defs, inEnglish ? ["Figure", "Definition"] : ["指标 Figure", "说明", "Definition"], inEnglish ? [28, 70] : [28, 70, 70]);
  const defined: [string, string][] = [
    ["col.purchase", "def.purchase"], ["col.in_park_purchase", "def.in_park_purchase"], ["col.purchase_share", "def.purchase_share"],
    ["col.sales", "def.sales"], ["col.in_park_sales", "def.in_park_sales"], ["col.sales_share", "def.sales_share"],
    ["col.partners", "def.partners"], ["col.open_demands", "def.open_demands"], ["col.in_park_t", "def.in_park_t"],
  ];
  for (const [col, def] of defined) {
    defs.addRow(inEnglish ? [en(`insights.${col}`), en(`insights.${def}`)] : [`${zh(`insights.${col}`)} ${en(`insights.${col}`)}`, zh(`insights.${def}`), en(`insights.${def}`)]);
  }

  // explanations: both languages in Chinese (as before), English only in English
  const how = (text: { zh: string; en: string }) => (inEnglish ? [text.en] : [text.zh, text.en]);
  const greenSheet = wb.addWorksheet(L("绿色成效 Green"));
  header(greenSheet, inEnglish ? ["Figure", "Value", "Unit", "How it is computed"] : ["指标 Figure", "数值 Value", "单位 Unit", "计算方法", "How it is computed"],
    inEnglish ? [34, 16, 14, 80] : [34, 16, 14, 80, 80]);
  greenSheet.addRow([L("口径 Basis"), L("实际交付量 delivered"), "", ...how(g.how.basis)]);
  for (const [label, key, unit, explained] of GREEN_ROWS) {
    greenSheet.addRow([L(label), g[key], U(unit), ...how(g.how[explained])]).getCell(2).numFmt = TONNES;
  }
  const more: [string, number, string, { zh: string; en: string }][] = [
    ["按签约量：园内吨数 Contracted: in-park tonnes", g.contracted.inParkTonnes, "吨 t", g.how.contracted],
    ["按签约量：减少吨公里 Contracted: tonne-km avoided", g.contracted.tonneKmAvoided, "吨公里 t·km", g.how.contracted],
    ["按签约量：减少 CO₂e Contracted: CO₂e avoided", g.contracted.co2eTonnesAvoided, "吨 CO₂e t CO₂e", g.how.contracted],
    ["按签约量：副产品 Contracted: by-products", g.contracted.byproductTonnesReused, "吨 t", g.how.contracted],
    ["按默认运距计的吨数 Tonnes at the default distance", g.tonnesAtDefaultDistance, "吨 t", g.settings.haulSource],
    ["缺少坐标未计入的吨数 Tonnes without coordinates", g.tonnesWithoutCoordinates, "吨 t", { zh: "", en: "" }],
    ["排放因子 Emission factor", g.settings.kgCo2ePerTkm, "kg CO₂e/吨公里 kg CO₂e/t·km", g.settings.factorSource],
    ["默认运距 Default distance", g.settings.defaultHaulKm, "公里 km", g.settings.haulSource],
  ];
  for (const [label, value, unit, explained] of more) greenSheet.addRow([L(label), value, U(unit), ...how(explained)]);

  const figureHeader = ["园内采购交付量（吨）In-park tonnes", "减少吨公里 Tonne-km avoided", "减少 CO₂e（吨）CO₂e avoided (t)", "副产品再利用（吨）By-products reused (t)"].map(L);
  const byMonth = wb.addWorksheet(L("绿色-按月 Green by month"));
  header(byMonth, [L("月份 Month"), ...figureHeader], [12, 20, 20, 20, 22]);
  for (const m of g.byMonth) byMonth.addRow([m.month, m.inParkTonnes, m.tonneKmAvoided, m.co2eTonnesAvoided, m.byproductTonnesReused]);
  byMonth.addRow([]);
  byMonth.addRow(how(g.how.byMonth));
  const byChain = wb.addWorksheet(L("绿色-按产业链 Green by chain"));
  header(byChain, [L("产业链 Chain"), ...figureHeader], [16, 20, 20, 20, 22]);
  for (const c of g.byChain) byChain.addRow([chainName(c.chain, locale), c.inParkTonnes, c.tonneKmAvoided, c.co2eTonnesAvoided, c.byproductTonnesReused]);
  byChain.addRow([]);
  byChain.addRow(how(g.how.byChain));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
