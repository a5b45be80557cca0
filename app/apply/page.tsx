import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/ui";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { INDUSTRY_CHAINS } from "@/server/enterprises/enterprise.schemas";
import { ApplyForm } from "./apply-form";
import { StatusLookup } from "./status-lookup";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("application.title") };
}

/** 入驻申请: an enterprise outside the platform applies to join (no account needed). */
export default async function ApplyPage() {
  const { t } = await getT();
  const parks = await (await api()).park.list();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title={t("application.title")} description={t("application.intro")} />
      <ApplyForm parks={parks.map((p) => ({ id: p.id, name: p.name, nameEn: p.nameEn }))} chains={[...INDUSTRY_CHAINS]} />
      <StatusLookup />
      <p className="text-sm text-slate-600">
        {t("application.have_account")} <Link href="/signin" className="text-brand-700 underline">{t("application.signin")}</Link>
      </p>
    </div>
  );
}
