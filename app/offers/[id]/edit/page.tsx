import type { Metadata } from "next";
import { pageId } from "@/app/_components/page-id";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Card, Notice, PageHeader } from "@/app/_components/ui";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { OfferForm } from "../../offer-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("offer.edit") };
}

export default async function EditOfferPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId((await params).id);
  const { t } = await getT();
  const caller = await api();
  const result = await attempt(() => caller.offer.get({ id }));
  if (!result.ok) return <Refusal failure={result} from={`/offers/${id}/edit`} />;
  const o = result.data;
  if (!o.allowed.edit) return <Notice tone="warning">{t("offer.cannot_edit")}</Notice>;
  const products = await caller.offer.products({ enterpriseId: o.enterpriseId });
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("offer.edit")} />
      <Card>
        <OfferForm
          enterpriseId={o.enterpriseId} offerId={o.id} draft={o.status === "draft"} products={products}
          initial={{
            productId: String(o.productId), quantity: String(Number(o.quantity)), unit: o.unit === "kg" ? "kg" : "t",
            priceCnyPerUnit: o.priceCnyPerUnit === null ? "" : String(Number(o.priceCnyPerUnit)), taxBasis: o.taxBasis, validFrom: o.validFrom ?? "",
            validUntil: o.validUntil ?? "", place: o.place ?? "",
          }}
        />
      </Card>
    </div>
  );
}
