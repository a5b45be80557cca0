import type { Metadata } from "next";
import Link from "next/link";
import { attempt, Refusal } from "@/app/_components/refusal";
import { EnterpriseName, Heading } from "@/app/_catalogue/names";
import { messageWith } from "@/app/_components/user-text";
import { Card } from "@/app/_components/ui";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { catalogueEnterprise } from "../enterprise-param";
import { CatalogueImport } from "./catalogue-import";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("catalogue.import_title") };
}

/** Catalogue import: upload a file, watch it land (the page may be left and come back), see each bad row. */
export default async function CatalogueImportPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { t, locale } = await getT();
  const params = await searchParams;
  const caller = await api();
  const enterpriseId = await catalogueEnterprise(caller, params.enterprise);
  if (!enterpriseId) return <Refusal failure={{ ok: false, code: "UNAUTHORIZED", message: null }} from="/enterprise/products/import" />;
  const result = await attempt(() => caller.catalogue.importJobs({ enterpriseId, limit: 10 }));
  if (!result.ok) return <Refusal failure={result} from="/enterprise/products/import" />;
  const { enterprise, items, allowed } = result.data;
  const back = params.enterprise ? `/enterprise/products?enterprise=${enterpriseId}` : "/enterprise/products";
  const job = Number(params.job);
  const running = items.find((j) => j.status === "queued" || j.status === "running");

  return (
    <div className="space-y-6">
      <Heading
        title={t("catalogue.import_title")}
        description={messageWith(t, "catalogue.import_description", { enterprise: <EnterpriseName enterprise={enterprise} locale={locale} /> })}
        actions={<Link href={back} className="text-sm text-brand-700 hover:underline">{t("catalogue.back")}</Link>}
      />
      <Card>
        <CatalogueImport
          enterpriseId={enterpriseId}
          canImport={allowed.import}
          initialJob={Number.isInteger(job) && job > 0 ? job : running?.id ?? null}
          recent={items.map((j) => ({ id: j.id, filename: j.filename, status: j.status, createdAt: j.createdAt.toISOString(), inserted: j.inserted, updated: j.updated, rejectedCount: j.rejectedCount, stalled: j.stalled, totalRows: j.totalRows }))}
        />
      </Card>
    </div>
  );
}
