import type { Metadata } from "next";
import Link from "next/link";
import { ListingStatus, formatQuantity } from "@/app/_components/listing-bits";
import { attempt, Refusal } from "@/app/_components/refusal";
import { listedNames } from "@/app/_catalogue/names";
import { ButtonLink, EmptyState, PageHeader, Pagination, Table, td, th } from "@/app/_components/ui";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { ByproductActions } from "./byproduct-form";
import { pageNumber } from "@/app/_components/page-id";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("byproduct.list_title") };
}

const PAGE_SIZE = 20;

/** The enterprise's by-products and waste streams offered to other plants (循环经济). */
export default async function ByproductsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { t, locale } = await getT();
  const page = pageNumber((await searchParams).page);
  const caller = await api();
  const me = await caller.user.me();
  if (!me) return <Refusal failure={{ ok: false, code: "UNAUTHORIZED", message: null }} from="/byproducts" />;
  if (!me.enterprise) return <Refusal failure={{ ok: false, code: "FORBIDDEN", message: null }} />;
  const result = await attempt(() => caller.byproduct.list({ enterpriseId: me.enterprise!.id, status: "all", page, pageSize: PAGE_SIZE }));
  if (!result.ok) return <Refusal failure={result} />;
  const { items, total, allowed } = result.data;
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("byproduct.list_title")}
        description={t("byproduct.list_description")}
        actions={allowed.create ? <ButtonLink href="/byproducts/new">{t("byproduct.new")}</ButtonLink> : null}
      />
      {items.length === 0 ? (
        <EmptyState title={t("byproduct.empty")}>
          {allowed.create ? <Link href="/byproducts/new" className="text-brand-700 underline">{t("byproduct.new")}</Link> : null}
        </EmptyState>
      ) : (
        <>
          <Table caption={t("byproduct.list_title")}>
            <thead>
              <tr>
                <th className={th}>{t("byproduct.name")}</th>
                <th className={th}>{t("listing.status")}</th>
                <th className={th}>{t("byproduct.monthly_volume")}</th>
                <th className={th}>{t("byproduct.waste_code")}</th>
                <th className={th}><span className="sr-only">{t("listing.actions")}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 bg-white">
              {items.map((b) => {
                const names = listedNames(b.name, b.substanceEn, locale);
                return (
                <tr key={b.id}>
                  <td className={`${td} min-w-40`}>
                    <Link href={`/byproducts/${b.id}`} className="font-medium text-brand-700 hover:underline">{names.primary}</Link>
                    {names.secondary ? <div className="text-xs text-slate-500">{names.secondary}</div> : null}
                    {b.cas ? <div className="font-mono text-xs text-slate-500">{b.cas}</div> : null}
                  </td>
                  <td className={td}><ListingStatus status={b.status} t={t} /></td>
                  <td className={`${td} whitespace-nowrap`}>{formatQuantity(b.monthlyVolumeT, "t", locale)}</td>
                  <td className={`${td} font-mono`} translate="no">{b.wasteCode ?? "—"}</td>
                  <td className={td}>{allowed.create ? <ByproductActions id={b.id} close={b.status !== "closed"} repost={b.status !== "open"} /> : null}</td>
                </tr>
                );
              })}
            </tbody>
          </Table>
          <Pagination
            page={page} pageSize={PAGE_SIZE} total={total} hrefFor={(p) => (p > 1 ? `/byproducts?page=${p}` : "/byproducts")}
            labels={{ previous: t("pagination.previous"), next: t("pagination.next"), status: t("pagination.status", { page, pages: Math.ceil(total / PAGE_SIZE) }) }}
          />
        </>
      )}
    </div>
  );
}
