import { translator, type Locale } from "@/i18n";
import { AppError, type Bilingual } from "@/server/errors";
import { searchApiPath, searchInputFromUrl, searchProductsInput, type SearchProductsQuery } from "@/server/search/search.schemas";

/**
 * A saved search is the search page's own query string (`q=异丙醇&grade=electronic&mine=1`): read
 * by the search API's reader (`searchInputFromUrl`) and written back by its writer
 * (`searchApiPath`), so every filter the search page knows, now or later, is kept, and the same
 * search always reads the same (page and page size are not part of it).
 */

export const SAVED_SEARCH_INVALID: Bilingual = { zh: "无法保存：搜索条件无效", en: "Cannot save: the search is not valid" };

/** The search a saved query string means, and that string in its one written form. */
export function readSavedParams(raw: string): { query: SearchProductsQuery; params: string } {
  const url = new URLSearchParams(raw.replace(/^.*\?/, ""));
  url.delete("page");
  url.delete("pageSize");
  const parsed = searchProductsInput.safeParse(searchInputFromUrl(url));
  if (!parsed.success) throw new AppError("INVALID", SAVED_SEARCH_INVALID);
  const params = searchApiPath({ ...parsed.data, page: undefined, pageSize: undefined }).replace(/^[^?]*\?/, "");
  return { query: parsed.data, params };
}

/** Whether there is anything to watch: words, or at least one filter. */
export function watchesSomething(params: string): boolean {
  return new URLSearchParams(params).size > 0;
}

const KNOWN = new Set(["q", "park", "chain", "grade", "form", "hazard", "in", "mine", "page", "pageSize"]);

/**
 * How a saved search reads to people, in one language: "异丙醇 · 电子级 · 只看本园区". Filters the
 * search page learns later show as `key=value`, except purity, which reads "≥ 99.5 %".
 */
export function describeSearch(params: string, locale: Locale): string {
  const t = translator(locale);
  const p = new URLSearchParams(params);
  const parts: string[] = [];
  const q = p.get("q");
  if (q) parts.push(q);
  for (const [key, value] of p) {
    if (/purity/i.test(key) && !/max/i.test(key)) parts.push(t("alerts.min_purity", { value }));
    else if (!KNOWN.has(key)) parts.push(`${key}=${value}`);
  }
  const grade = p.get("grade");
  if (grade) parts.push(t(`catalogue.grade.${grade}`));
  const form = p.get("form");
  if (form) parts.push(t(`catalogue.form.${form}`));
  const hazard = p.get("hazard");
  if (hazard) parts.push(t(`hazard.${hazard}`));
  const chain = p.get("chain");
  if (chain) parts.push(t("alerts.chain", { chain }));
  const park = p.get("park");
  if (park) parts.push(t("alerts.park", { park }));
  const inPark = p.get("in");
  if (inPark === "park") parts.push(t("alerts.in_park"));
  if (inPark === "outside") parts.push(t("alerts.outside_parks"));
  if (p.get("mine") === "1") parts.push(t("alerts.only_my_park"));
  if (parts.length === 0) return t("alerts.all_products");
  // the words first, then the conditions: "异丙醇 ≥ 99.5 %, only my park"
  const [first, ...rest] = parts;
  const words = q ? first! : null;
  const conditions = q ? rest : parts;
  const joined = conditions.join(locale === "zh" ? "，" : ", ");
  return words ? (conditions.length ? `${words}${/^≥/.test(conditions[0]!) ? " " : locale === "zh" ? "，" : ", "}${joined}` : words) : joined;
}

export const bilingualLabel = (params: string): Bilingual => ({ zh: describeSearch(params, "zh"), en: describeSearch(params, "en") });
