import { AGREEMENT_COLUMNS } from "@/server/agreements/import-agreements";
import { CATALOGUE_COLUMNS } from "@/server/catalogue/import";
import { ENTERPRISE_COLUMNS } from "@/server/enterprises/import";
import { templateCsv, type ImportColumn } from "./table";

/**
 * The downloadable import templates (`/api/templates/<kind>`): Chinese labels (or both label and
 * key, "产品编码 (sku)"), an example row.
 */
export const IMPORT_TEMPLATES: Record<string, { filename: string; columns: ImportColumn[]; example: string[][]; bothHeadings?: boolean }> = {
  enterprises: {
    filename: "enterprise-directory-template.csv",
    columns: ENTERPRISE_COLUMNS,
    example: [["91320600MA1P5K8Q33", "示例化工有限公司", "BJHG", "有机新材料；精细化工", "江苏省南通市示例路1号"]],
  },
  agreements: {
    filename: "agreements-template.csv",
    columns: AGREEMENT_COLUMNS,
    example: [
      ["BJHG-2026-101", "框架协议", "丙烯酸年度供应框架协议", "91320600MA1XXXXXX0", "91320600MA1YYYYYY0", "79-10-7", "丙烯酸", "6000", "39000000", "2026-05-18", "2026年产业链战略合作签约大会", "2026-06-01", "2027-05-31"],
      ["BJHG-2026-101", "框架协议", "丙烯酸年度供应框架协议", "91320600MA1XXXXXX0", "91320600MA1YYYYYY0", "141-32-2", "丙烯酸丁酯", "1000", "9200000", "2026-05-18", "2026年产业链战略合作签约大会", "2026-06-01", "2027-05-31"],
    ],
  },
  catalogue: {
    filename: "product-catalogue-template.csv",
    columns: CATALOGUE_COLUMNS,
    bothHeadings: true,
    example: [
      ["IPA-001", "异丙醇 IPA 99.9%", "67-63-0", "电子级", "99.9", "液体", "200L桶", "5000", "300", "13500", "电子级异丙醇，金属离子≤10ppb"],
      ["H2SO4-98", "工业硫酸 98%", "7664-93-9", "工业级", "98", "液体", "槽车", "100000", "8000", "450", ""],
    ],
  },
};

export function templateFile(kind: string): { filename: string; body: string } | null {
  const template = IMPORT_TEMPLATES[kind];
  if (!template) return null;
  return { filename: template.filename, body: templateCsv(template.columns, template.example, { bothHeadings: template.bothHeadings }) };
}
