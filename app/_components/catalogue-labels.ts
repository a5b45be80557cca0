import type { Translate } from "@/i18n";

/** Catalogue values as people read them: grade and form words, purity, tonnes, price per tonne. */
export const gradeLabel = (t: Translate, grade: string | null | undefined) => (grade ? t(`catalogue.grade.${grade}`) : "—");
export const formLabel = (t: Translate, form: string | null | undefined) => (form ? t(`catalogue.form.${form}`) : "—");

export function purityLabel(purity: number | string | null | undefined): string {
  if (purity === null || purity === undefined || purity === "") return "—";
  return `${Number(purity).toLocaleString("en", { maximumFractionDigits: 3 })}%`;
}

export function tonnesLabel(t: Translate, value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  return t("catalogue.tonnes", { value: Number(value).toLocaleString("zh-CN", { maximumFractionDigits: 3 }) });
}
