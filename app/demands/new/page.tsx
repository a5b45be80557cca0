import type { Metadata } from "next";
import { Refusal } from "@/app/_components/refusal";
import { Card, PageHeader } from "@/app/_components/ui";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { DemandForm } from "../demand-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("demand.new") };
}

export default async function NewDemandPage() {
  const { t } = await getT();
  const me = await (await api()).user.me();
  if (!me) return <Refusal failure={{ ok: false, code: "UNAUTHORIZED", message: null }} from="/demands/new" />;
  if (!me.enterprise) return <Refusal failure={{ ok: false, code: "FORBIDDEN", message: null }} />;
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title={t("demand.new")} description={t("demand.new_description", { enterprise: me.enterprise.name })} />
      <Card><DemandForm enterpriseId={me.enterprise.id} /></Card>
    </div>
  );
}
