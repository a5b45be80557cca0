import type { Metadata } from "next";
import { Refusal } from "@/app/_components/refusal";
import { Card, PageHeader } from "@/app/_components/ui";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { ByproductForm } from "../byproduct-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("byproduct.new") };
}

export default async function NewByproductPage() {
  const { t } = await getT();
  const me = await (await api()).user.me();
  if (!me) return <Refusal failure={{ ok: false, code: "UNAUTHORIZED", message: null }} from="/byproducts/new" />;
  if (!me.enterprise) return <Refusal failure={{ ok: false, code: "FORBIDDEN", message: null }} />;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("byproduct.new")} description={t("byproduct.list_description")} />
      <Card><ByproductForm enterpriseId={me.enterprise.id} /></Card>
    </div>
  );
}
