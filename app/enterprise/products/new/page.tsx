import type { Metadata } from "next";
import Link from "next/link";
import { attempt, Refusal } from "@/app/_components/refusal";
import { EnterpriseName, Heading } from "@/app/_catalogue/names";
import { messageWith } from "@/app/_components/user-text";
import { Card } from "@/app/_components/ui";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { catalogueEnterprise } from "../enterprise-param";
import { emptyProduct, ProductForm } from "../product-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("catalogue.new") };
}

/** Add one product to the catalogue by hand (many at once: the import). */
export default async function NewProductPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { t, locale } = await getT();
  const params = await searchParams;
  const caller = await api();
  const enterpriseId = await catalogueEnterprise(caller, params.enterprise);
  if (!enterpriseId) return <Refusal failure={{ ok: false, code: "UNAUTHORIZED", message: null }} from="/enterprise/products/new" />;
  const result = await attempt(() => caller.catalogue.list({ enterpriseId, pageSize: 1 }));
  if (!result.ok) return <Refusal failure={result} />;
  if (!result.data.allowed.edit) return <Refusal failure={{ ok: false, code: "FORBIDDEN", message: null }} />;
  const back = params.enterprise ? `/enterprise/products?enterprise=${enterpriseId}` : "/enterprise/products";

  return (
    <div className="space-y-6">
      <Heading
        title={t("catalogue.new")}
        description={messageWith(t, "catalogue.new_description", { enterprise: <EnterpriseName enterprise={result.data.enterprise} locale={locale} /> })}
        actions={<Link href={back} className="text-sm text-brand-700 hover:underline">{t("catalogue.back")}</Link>}
      />
      <Card>
        <ProductForm mode="create" enterpriseId={enterpriseId} initial={emptyProduct} />
      </Card>
    </div>
  );
}
