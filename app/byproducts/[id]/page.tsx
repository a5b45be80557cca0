import type { Metadata } from "next";
import Link from "next/link";
import { ListingStatus, Reasons, formatQuantity } from "@/app/_components/listing-bits";
import { pageId } from "@/app/_components/page-id";
import { attempt, Refusal } from "@/app/_components/refusal";
import { EnterpriseName, Heading, listedNames, SubstanceName } from "@/app/_catalogue/names";
import { Badge, ButtonLink, Card, EmptyState } from "@/app/_components/ui";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { ByproductActions } from "../byproduct-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("byproduct.takers_title") };
}

/** One by-product: who can take it — matched demands and enterprises whose processes use the substance. */
export default async function ByproductPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId((await params).id);
  const { t, locale } = await getT();
  const caller = await api();
  const result = await attempt(() => caller.byproduct.get({ id }));
  if (!result.ok) return <Refusal failure={result} from={`/byproducts/${id}`} />;
  const b = result.data;
  const [takers, matched] = await Promise.all([
    caller.match.takers({ byproductId: id }),
    caller.match.forSupplier({ enterpriseId: b.enterpriseId, byproductId: id, pageSize: 5 }),
  ]);
  const names = listedNames(b.name, b.substanceEn, locale);
  return (
    <div className="space-y-6">
      <Heading
        title={names.primary}
        description={<>{names.secondary ? <>{names.secondary} · </> : null}{t("byproduct.takers_description")}</>}
        actions={b.allowed.edit ? <ButtonLink href={`/byproducts/${id}/edit`} variant="secondary">{t("listing.edit")}</ButtonLink> : null}
      />
      <Card>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <dl className="grid flex-1 grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
            <div><dt className="text-slate-500">CAS</dt><dd className="font-mono">{b.cas ?? "—"}</dd></div>
            <div><dt className="text-slate-500">{t("byproduct.waste_code")}</dt><dd className="font-mono" translate="no">{b.wasteCode ?? "—"}</dd></div>
            <div><dt className="text-slate-500">{t("byproduct.monthly_volume")}</dt><dd>{formatQuantity(b.monthlyVolumeT, "t", locale)}</dd></div>
            <div><dt className="text-slate-500">{t("listing.status")}</dt><dd><ListingStatus status={b.status} t={t} /></dd></div>
          </dl>
          <ByproductActions id={b.id} close={b.allowed.close} repost={b.allowed.repost} />
        </div>
        {b.composition ? <p className="mt-3 text-sm text-slate-600">{t("byproduct.composition")}{locale === "zh" ? "：" : ": "}<span translate="no">{b.composition}</span></p> : null}
      </Card>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2 [&>*]:min-w-0">
        <Card title={t("byproduct.matched_demands")} actions={matched.total > 0 ? <Link href={`/matches/buyers?byproduct=${id}`} className="text-sm text-brand-700 hover:underline">{t("workspace.see_all")}</Link> : null}>
          {matched.items.length === 0 ? (
            <EmptyState title={t("byproduct.no_demands")} />
          ) : (
            <ul className="divide-y divide-slate-100">
              {matched.items.map((m) => (
                <li key={m.id} className="space-y-1 py-2">
                  <div className="flex flex-wrap items-center gap-2 text-sm">
                    <span className="font-medium">{m.buyer ? <EnterpriseName enterprise={m.buyer} locale={locale} /> : t("match.buyer_hidden")}</span>
                    {m.inPark ? <Badge tone="green">{t("match.in_park")}</Badge> : null}
                    <span className="text-slate-600"><SubstanceName name={m.demand.substanceName} nameEn={m.demand.substanceEn} locale={locale} /> · {formatQuantity(m.demand.quantity, m.demand.unit, locale)}</span>
                  </div>
                  <Reasons reasons={m.reasons} locale={locale} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("byproduct.process_takers")}>
          {takers.processes.length === 0 ? (
            <EmptyState title={t("byproduct.no_takers")} />
          ) : (
            <ul className="divide-y divide-slate-100">
              {takers.processes.map((p) => (
                <li key={p.enterprise.id} className="space-y-1 py-2">
                  <div className="flex flex-wrap items-center gap-2 text-sm">
                    <Link href={`/enterprises/${p.enterprise.id}`} className="font-medium hover:text-brand-700"><EnterpriseName enterprise={p.enterprise} locale={locale} /></Link>
                    {p.boughtT !== null ? <span className="text-slate-600">{t("byproduct.bought", { qty: formatQuantity(p.boughtT, "t", locale) })}</span> : null}
                  </div>
                  <Reasons reasons={p.reasons} locale={locale} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
