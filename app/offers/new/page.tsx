import type { Metadata } from "next";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Card, PageHeader } from "@/app/_components/ui";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { OfferForm } from "../offer-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("offer.new") };
}

export default async function NewOfferPage() {
  const { t } = await getT();
  const caller = await api();
  const me = await caller.user.me();
  if (!me) return <Refusal failure={{ ok: false, code: "UNAUTHORIZED", message: null }} from="/offers/new" />;
  if (!me.enterprise) return <Refusal failure={{ ok: false, code: "FORBIDDEN", message: null }} />;
  const products = await attempt(() => caller.offer.products({ enterpriseId: me.enterprise!.id }));
  if (!products.ok) return <Refusal failure={products} />;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("offer.new")} description={t("offer.new_description")} />
      <Card><OfferForm enterpriseId={me.enterprise.id} products={products.data} /></Card>
    </div>
  );
}
