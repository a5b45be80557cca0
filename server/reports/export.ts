import ExcelJS from "exceljs";
import { translator, type Locale } from "@/i18n";
import { chainName } from "@/i18n/vocabulary";
import type { Db } from "@/db";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { ledgerRows, listLabel, type LedgerRow } from "./ledger.service";
import type { LedgerInput, ReportFilters } from "./report.schemas";
import { reportFigures, type ReportFigures } from "./report.service";

/** An XLSX file, base64, as tRPC carries it; the download routes turn it into bytes. */
export interface ExportFile {
  filename: string;
  contentType: string;
  content: string;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const TYPE_ZH = { framework: "框架协议", contract: "供货合同", order: "采购订单" } as const;

function sheet(workbook: ExcelJS.Workbook, name: string, header: string[], rows: (string | number | null)[][], widths: number[] = []) {
  const ws = workbook.addWorksheet(name);
  ws.addRow(header).font = { bold: true };
  for (const row of rows) ws.addRow(row);
  header.forEach((_, i) => (ws.getColumn(i + 1).width = widths[i] ?? 18));
  ws.views = [{ state: "frozen", ySplit: 1 }];
  return ws;
}

async function toFile(workbook: ExcelJS.Workbook, filename: string): Promise<ExportFile> {
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { filename, contentType: XLSX, content: buffer.toString("base64") };
}

/**
 * The dashboard's labels are written "中文 English": the Chinese export keeps both (as it always
 * did), the English export (asked for from the English UI) the English part only.
 */
const english = (label: string) => label.replace(/^[^ -~]+\s*/, "");

/**
 * The dashboard's figures as a workbook. In English: English sheet names and headers, chains and
 * agreement types in English, enterprises by their English name where they have one; the figures
 * are the same in both.
 */
export function dashboardWorkbook(r: ReportFigures, locale: Locale = "zh"): ExcelJS.Workbook {
  const en = locale === "en";
  const L = (label: string) => (en ? english(label) : label);
  const all = en ? "all" : "全部 / all";
  const typeName = (k: keyof typeof TYPE_ZH) => (en ? translator("en")(`agreement.type.${k}`) : `${TYPE_ZH[k]} ${k}`);
  const chain = (c: string) => chainName(c, locale);
  const wb = new ExcelJS.Workbook();
  wb.creator = "ParkLink";
  sheet(wb, L("概览 Summary"), [L("指标 Figure"), L("数值 Value")], ([
    ["园区 Park", r.filters.parkCode ?? all],
    ["期间 Period", r.filters.from || r.filters.to ? `${r.filters.from ?? "…"} – ${r.filters.to ?? "…"}` : all],
    ["产业链 Chain", r.filters.chain ? chain(r.filters.chain) : all],
    ["协议数 Agreements", r.agreements],
    ["协议金额（元）Amount (CNY)", r.amountCny],
    ["协议金额（万元）Amount (10k CNY)", Math.round(r.amountCny / 100) / 100],
    ["园内配套金额（元）In-park amount (CNY)", r.inParkAmountCny],
    ["园内配套占比 In-park share", r.inParkShare],
    ["参与签约企业 Enterprises in agreements", r.enterprises],
    ["活跃企业 Active enterprises", r.enterprisesActive],
    ["供需信息 Listings", r.listings.total],
    ["匹配 Matches", r.matches],
    ["询价 Inquiries", r.inquiries],
    ["框架协议约定量（吨）Framework agreed (t)", r.fulfilment.agreedT],
    ["已下单量（吨）Called off (t)", r.fulfilment.calledOffT],
    ["已交付量（吨）Delivered (t)", r.fulfilment.deliveredT],
    ["下单履约率 Called-off rate", r.fulfilment.calledOffRate],
  ] as [string, string | number][]).map(([label, value]) => [L(label), value]), [36, 24]);
  const counted = [L("协议数 Count"), L("金额（元）Amount (CNY)")];
  sheet(wb, L("按类型 By type"), [L("类型 Type"), ...counted],
    (Object.keys(r.byType) as (keyof typeof r.byType)[]).map((k) => [typeName(k), r.byType[k].count, r.byType[k].amountCny]));
  // an agreement counts under every chain of both parties: the distinct totals close the sheet
  sheet(wb, L("按产业链 By chain"), [L("产业链 Chain"), ...counted], [
    ...r.byChain.map((c) => [chain(c.chain), c.count, c.amountCny]),
    [],
    [L("各链相加（一份协议计入双方的每条产业链）Sum of chains (an agreement under every chain of both parties)"), null, r.chainTotals.attributedAmountCny],
    [L("去重合计 Distinct total"), r.chainTotals.count, r.chainTotals.amountCny],
    [L("未标注产业链 Without a chain"), r.chainTotals.unattributed.count, r.chainTotals.unattributed.amountCny],
  ]);
  sheet(wb, L("按月份 By month"), [L("月份 Month"), ...counted], r.byMonth.map((m) => [m.month, m.count, m.amountCny]));
  sheet(wb, L("供应流向 Flows"), [L("供应方 Seller"), L("采购方 Buyer"), ...counted],
    r.flows.map((f) => [en ? f.sellerEn ?? f.seller : f.seller, en ? f.buyerEn ?? f.buyer : f.buyer, f.count, f.amountCny]), [32, 32, 12, 20]);
  return wb;
}

/** The dashboard as XLSX, in the language of the UI that asks (Chinese by default). */
export async function exportDashboard(db: Db, actor: Actor, filters: ReportFilters, locale: Locale = "zh"): Promise<ExportFile> {
  authorize(actor, { type: "report.view", parkId: filters.parkId ?? null });
  const figures = await reportFigures(db, filters);
  const name = ["dashboard", figures.filters.parkCode ?? "all", figures.filters.from, figures.filters.to].filter(Boolean).join("-");
  return toFile(dashboardWorkbook(figures, locale), `${name}.xlsx`);
}

/** The columns of every ledger sheet, in the order the regulation lists them; the correction relation after them. */
export const LEDGER_COLUMNS = [
  "日期 Date", "供货单位 Seller", "供货单位统一社会信用代码 Seller USCC", "供货单位地址 Seller address",
  "购买单位 Buyer", "购买单位统一社会信用代码 Buyer USCC", "购买单位地址 Buyer address",
  "品名 Substance", "CAS号 CAS", "类别 List", "数量（吨）Quantity (t)", "用途 Purpose",
  "经办人 Agent", "经办人身份证号码 Agent ID number",
  "记录号 Record", "更正记录号 Corrects record", "已被更正为 Corrected by", "协议编号 Agreement", "更正原因 Reason",
];

/** The same columns for the English UI's export. */
export const LEDGER_COLUMNS_EN = [
  "Date", "Seller", "Seller USCC", "Seller address",
  "Buyer", "Buyer USCC", "Buyer address",
  "Substance", "CAS", "List", "Quantity (t)", "Purpose",
  "Agent", "Agent ID number",
  "Record", "Corrects record", "Corrected by", "Agreement", "Reason",
];

/**
 * One sheet per list (剧毒, 易制爆, 易制毒; a substance on two lists is on both), and the other
 * hazardous substances when asked. In English (the English UI's export) the headers, sheets and
 * lists are English and substances go by the dictionary's English name (the recorded name where
 * the dictionary has none); names of parties, addresses, purposes and the figures are as recorded.
 */
export function ledgerWorkbook(rows: LedgerRow[], options: { otherHazardous?: boolean; locale?: Locale } = {}): ExcelJS.Workbook {
  const locale = options.locale ?? "zh";
  const zh = locale === "zh";
  const wb = new ExcelJS.Workbook();
  wb.creator = "ParkLink";
  const line = (r: LedgerRow) => [
    r.date, r.seller.name, r.seller.uscc, r.seller.address, r.buyer.name, r.buyer.uscc, r.buyer.address,
    zh ? r.substance : r.substanceEn ?? r.substance, r.cas, listLabel(r, locale), r.quantityT, r.purpose, r.agentName, r.agentIdNumber,
    r.id, r.correctsId, r.correctedBy, r.ref, r.reason,
  ];
  const widths = [12, 30, 22, 30, 30, 22, 30, 16, 12, 14, 12, 20, 10, 22, 8, 10, 10, 18, 24];
  const sheets: [string, (r: LedgerRow) => boolean][] = [
    [zh ? "剧毒" : "Highly toxic", (r) => r.lists.includes("toxic")],
    [zh ? "易制爆" : "Explosive precursors", (r) => r.lists.includes("explosive")],
    [zh ? "易制毒" : "Drug precursors", (r) => r.lists.includes("precursor")],
  ];
  if (options.otherHazardous) sheets.push([zh ? "其他危险化学品" : "Other hazardous chemicals", (r) => r.lists.length === 0]);
  for (const [name, on] of sheets) sheet(wb, name, zh ? LEDGER_COLUMNS : LEDGER_COLUMNS_EN, rows.filter(on).map(line), widths);
  return wb;
}

/**
 * The flow ledger as XLSX: the agent's full ID number for the staff of a party's park (policy),
 * masked for anyone else; in the reader's language (`locale`, Chinese when not given).
 */
export async function exportLedger(db: Db, actor: Actor, input: Omit<LedgerInput, "page" | "pageSize"> & { locale?: Locale }): Promise<ExportFile> {
  authorize(actor, { type: "report.view", parkId: input.parkId ?? null });
  const rows = await ledgerRows(db, actor, input, { reveal: true });
  return toFile(ledgerWorkbook(rows, { otherHazardous: input.list === "hazardous", locale: input.locale }), `flow-ledger${input.list ? `-${input.list}` : ""}${input.from ? `-${input.from}` : ""}${input.to ? `-${input.to}` : ""}.xlsx`);
}
