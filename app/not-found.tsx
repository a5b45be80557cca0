import Link from "next/link";
import { buttonClass } from "@/app/_components/ui";
import { getT } from "@/i18n/server";

export default async function NotFound() {
  const { t } = await getT();
  return (
    <div className="mx-auto max-w-lg space-y-4 py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="text-xl font-semibold">{t("errors.not_found_title")}</h1>
      <p className="text-slate-600">{t("errors.not_found_body")}</p>
      <Link href="/" className={buttonClass("secondary")}>{t("refusal.back_home")}</Link>
    </div>
  );
}
