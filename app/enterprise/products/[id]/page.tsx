import type { Metadata } from "next";
import Link from "next/link";
import { pageId } from "@/app/_components/page-id";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Heading, productNames } from "@/app/_catalogue/names";
import { Card, Notice } from "@/app/_components/ui";
import { formatDate } from "@/i18n";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { DocumentsPanel } from "../documents-panel";
import { ProductForm } from "../product-form";
import { RetireButton } from "../retire-button";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("catalogue.edit_title") };
}

const text = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));

/** Edit one product of the enterprise's catalogue, and its documents. */
export default async function EditProductPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId((await params).id);
  const { t, locale } = await getT();
  const result = await attempt(async () => (await api()).catalogue.product({ id }));
  if (!result.ok) return <Refusal failure={result} from={`/enterprise/products/${id}`} />;
  const p = result.data;
  if (!p.allowed.edit || p.sku === null) return <Refusal failure={{ ok: false, code: "FORBIDDEN", message: null }} />;

  const names = productNames(p.name, p.substance, locale);
  return (
    <div className="space-y-6">
      <Heading
        title={names.primary}
        description={t("catalogue.edit_description")}
        actions={
          <span className="flex items-center gap-3">
            <Link href={`/products/${p.id}`} className="text-sm text-brand-700 hover:underline">{t("catalogue.view_public")}</Link>
            <RetireButton id={p.id} retired={p.retired} name={p.name} />
          </span>
        }
      />
      {p.retired ? <Notice tone="warning">{t("product.retired_notice")}</Notice> : null}
      {p.supplierState === "blocked" ? <Notice tone="error">{t("product.blocked_notice", { date: formatDate(p.licenceValidUntil, locale) })}</Notice> : null}
      {p.supplierState === "licence_missing" ? <Notice tone="warning">{t("product.licence_missing_notice")}</Notice> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("catalogue.product_details")} className="lg:col-span-2">
          <ProductForm
            mode="edit"
            enterpriseId={p.enterprise?.id ?? 0}
            productId={p.id}
            initial={{
              sku: p.sku, name: p.name, cas: text(p.cas), grade: text(p.grade), purityPct: p.purityPct === null ? "" : String(Number(p.purityPct)),
              form: text(p.form), packaging: text(p.packaging), capacityTpy: p.capacityTpy === null ? "" : String(Number(p.capacityTpy)),
              availableT: p.availableT === null ? "" : String(Number(p.availableT)), priceCnyPerT: p.priceCnyPerT === null ? "" : String(Number(p.priceCnyPerT)),
              description: text(p.description),
            }}
          />
        </Card>
        <Card title={t("product.documents")}>
          <DocumentsPanel productId={p.id} documents={p.documents} />
        </Card>
      </div>
    </div>
  );
}
