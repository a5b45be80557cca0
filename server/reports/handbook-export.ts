import ExcelJS from "exceljs";
import { formatDateTime, type Locale } from "@/i18n";
import { chainName } from "@/i18n/vocabulary";
import type { handbook } from "./handbook.service";

type Handbook = Awaited<ReturnType<typeof handbook>>;

const GRADES: Record<string, { zh: string; en: string }> = {
  industrial: { zh: "工业级", en: "Industrial" }, reagent: { zh: "试剂级", en: "Reagent" }, electronic: { zh: "电子级", en: "Electronic" },
  pharma: { zh: "医药级", en: "Pharma" }, food: { zh: "食品级", en: "Food" },
};

/** A unit price cell's format: the exact yuan, grouped, with the unit ("15,130 元/吨"); fen only when there are any. */
export const unitPriceFormat = (price: number, locale: Locale) =>
  `#,##0${Number.isInteger(price) ? "" : ".00"} ${locale === "zh" ? '"元/吨"' : '"CNY/t"'}`;

/**
 * The product handbook (供应链产品信息手册) as an XLSX sheet, as the viewer may see it (the handbook
 * service leaves out what the policy hides): one row per product, unit prices as exact numbers
 * shown in 元/吨 (never rounded to 万元), and when it was compiled, in China time. In English the
 * chains are English, a product goes by its substance's English name from the dictionary (the
 * name the enterprise listed it under follows in a last column), the figures are the same.
 */
export async function handbookWorkbook(h: Handbook, locale: Locale, now = new Date()): Promise<Buffer> {
  const zh = locale === "zh";
  const book = new ExcelJS.Workbook();
  book.creator = "ParkLink";
  book.created = now;
  const sheet = book.addWorksheet(zh ? "产品信息手册" : "Product handbook");
  sheet.addRow([zh ? "供应链产品信息手册" : "Supply-chain product handbook", zh ? h.park.name : h.park.nameEn ?? h.park.name]).font = { bold: true };
  sheet.addRow([zh ? "编制时间（北京时间）" : "Compiled (China time)", formatDateTime(now, locale)]);
  sheet.addRow([zh ? "产业链" : "Industry chain", h.chain ? chainName(h.chain, locale) : zh ? "全部" : "All"]);
  sheet.addRow([]);
  const header = sheet.addRow(zh
    ? ["产业链", "企业", "统一社会信用代码", "产品", "CAS号", "规格", "纯度（%）", "年产能（吨）", "单价（元/吨）"]
    : ["Industry chain", "Enterprise", "Credit code", "Product", "CAS", "Grade", "Purity (%)", "Capacity (t/yr)", "Unit price (CNY/t)", "Listed as"]);
  header.font = { bold: true };
  for (const section of h.sections) {
    for (const e of section.enterprises) {
      for (const p of e.products) {
        const price = p.priceCnyPerT === null ? null : Number(p.priceCnyPerT);
        const row = sheet.addRow([
          chainName(section.chain, locale), zh ? e.name : e.nameEn ?? e.name, e.uscc, zh ? p.name : p.substanceEn ?? p.name, p.cas ?? "",
          p.grade ? GRADES[p.grade]?.[locale] ?? p.grade : "",
          p.purityPct === null ? null : Number(p.purityPct), p.capacityTpy === null ? null : Number(p.capacityTpy), price,
          ...(zh ? [] : [p.name]),
        ]);
        if (price !== null) row.getCell(9).numFmt = unitPriceFormat(price, locale);
        if (p.capacityTpy !== null) row.getCell(8).numFmt = Number.isInteger(Number(p.capacityTpy)) ? "#,##0" : "#,##0.0##";
      }
    }
  }
  sheet.columns.forEach((c, i) => (c.width = [14, 32, 22, 28, 14, 10, 10, 14, 18, 28][i] ?? 14));
  sheet.views = [{ state: "frozen", ySplit: 5 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
