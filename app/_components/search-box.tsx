import { getT } from "@/i18n/server";
import { buttonClass, inputClass } from "./ui";

/** A search box that opens the search page (works without JavaScript). */
export async function SearchBox({ id = "home-search" }: { id?: string }) {
  const { t } = await getT();
  return (
    <form action="/search" role="search" className="flex flex-wrap items-end gap-3">
      <div className="min-w-56 flex-1">
        <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">{t("search.label")}</label>
        <input id={id} name="q" maxLength={100} placeholder={t("search.placeholder")} className={inputClass} />
      </div>
      <button type="submit" className={buttonClass()}>{t("search.submit")}</button>
    </form>
  );
}
