import type { Metadata } from "next";
import { pageId } from "@/app/_components/page-id";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Heading, listedNames } from "@/app/_catalogue/names";
import { Card, Notice } from "@/app/_components/ui";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { ByproductForm } from "../../byproduct-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("byproduct.edit") };
}

export default async function EditByproductPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId((await params).id);
  const { t, locale } = await getT();
  const result = await attempt(async () => (await api()).byproduct.get({ id }));
  if (!result.ok) return <Refusal failure={result} from={`/byproducts/${id}/edit`} />;
  const b = result.data;
  if (!b.allowed.edit) return <Notice tone="warning">{t("byproduct.cannot_edit")}</Notice>;
  return (
    <div className="mx-auto max-w-3xl">
      <Heading title={t("byproduct.edit")} description={listedNames(b.name, b.substanceEn, locale).primary} />
      <Card>
        <ByproductForm
          enterpriseId={b.enterpriseId} byproductId={b.id} draft={b.status === "draft"}
          initial={{
            name: b.name, cas: b.cas ?? "", wasteCode: b.wasteCode ?? "", composition: b.composition ?? "",
            monthlyVolumeT: b.monthlyVolumeT === null ? "" : String(Number(b.monthlyVolumeT)), place: b.place ?? "",
          }}
        />
      </Card>
    </div>
  );
}
