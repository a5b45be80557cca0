import { ENTERPRISE_COLUMNS } from "@/server/enterprises/import";
import { templateCsv, type ImportColumn } from "./table";

/** The downloadable import templates (`/api/templates/<kind>`): Chinese labels, an example row. */
export const IMPORT_TEMPLATES: Record<string, { filename: string; columns: ImportColumn[]; example: string[][] }> = {
  enterprises: {
    filename: "enterprise-directory-template.csv",
    columns: ENTERPRISE_COLUMNS,
    example: [["91320600MA1P5K8Q33", "示例化工有限公司", "BJHG", "有机新材料；精细化工", "江苏省南通市示例路1号"]],
  },
};

export function templateFile(kind: string): { filename: string; body: string } | null {
  const template = IMPORT_TEMPLATES[kind];
  if (!template) return null;
  return { filename: template.filename, body: templateCsv(template.columns, template.example) };
}
