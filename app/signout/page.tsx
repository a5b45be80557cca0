import type { Metadata } from "next";
import { getT } from "@/i18n/server";
import { SignOutButton } from "./signout-button";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("auth.signout_title") };
}

export default async function SignOutPage() {
  const { t } = await getT();
  return (
    <div className="mx-auto max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm">
      <h1 className="text-xl font-semibold">{t("auth.signout_title")}</h1>
      <p className="text-sm text-slate-600">{t("auth.signout_body")}</p>
      <SignOutButton />
    </div>
  );
}
