import type { Metadata } from "next";
import { pageId } from "@/app/_components/page-id";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Heading, listedNames } from "@/app/_catalogue/names";
import { Card, Notice } from "@/app/_components/ui";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { DemandForm } from "../../demand-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("demand.edit") };
}

export default async function EditDemandPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId((await params).id);
  const { t, locale } = await getT();
  const result = await attempt(async () => (await api()).demand.get({ id }));
  if (!result.ok) return <Refusal failure={result} from={`/demands/${id}/edit`} />;
  const d = result.data;
  if (!d.allowed.edit) {
    return <Notice tone="warning">{t("demand.cannot_edit")}</Notice>;
  }
  const text = (v: string | null) => v ?? "";
  return (
    <div className="mx-auto max-w-4xl">
      <Heading title={t("demand.edit")} description={listedNames(d.substanceName, d.substanceEn, locale).primary} />
      <Card>
        <DemandForm
          enterpriseId={d.enterpriseId}
          demandId={d.id}
          draft={d.status === "draft"}
          initial={{
            substanceName: d.substanceName, cas: text(d.cas), quantity: String(Number(d.quantity)), unit: d.unit === "kg" ? "kg" : "t",
            grade: text(d.grade), minPurityPct: d.minPurityPct === null ? "" : String(Number(d.minPurityPct)), deliveryFrom: text(d.deliveryFrom),
            deliveryTo: text(d.deliveryTo), place: text(d.place),
            targetPriceCnyPerUnit: d.targetPriceCnyPerUnit === null ? "" : String(Number(d.targetPriceCnyPerUnit)), taxBasis: d.taxBasis,
            recurrence: d.recurrence, expiresOn: text(d.expiresOn), note: text(d.note),
            acceptsByproducts: d.acceptsByproducts,
          }}
        />
      </Card>
    </div>
  );
}
