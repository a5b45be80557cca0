import type { Metadata } from "next";
import { Card, PageHeader } from "@/app/_components/ui";
import { Refusal } from "@/app/_components/refusal";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { AgreementImport } from "./form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("agreement.import_title") };
}

/** Park staff import the agreements signed at an event from a spreadsheet. */
export default async function ImportAgreementsPage() {
  const { t } = await getT();
  const me = await (await api()).user.me();
  if (!me) return <Refusal failure={{ ok: false, code: "UNAUTHORIZED", message: null }} from="/agreements/import" />;
  if (me.kind !== "park" && me.kind !== "admin") return <Refusal failure={{ ok: false, code: "FORBIDDEN", message: null }} />;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader title={t("agreement.import_title")} description={t("agreement.import_description")} />
      <Card><AgreementImport /></Card>
    </div>
  );
}
