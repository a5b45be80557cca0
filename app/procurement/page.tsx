import type { Metadata } from "next";
import Link from "next/link";
import { DealsSummary } from "@/app/_components/deals-summary";
import { Refusal } from "@/app/_components/refusal";
import { formatQuantity } from "@/app/_components/listing-bits";
import { SearchBox } from "@/app/_components/search-box";
import { EnterpriseName, Heading, messageNaming, SubstanceName, Vocab } from "@/app/_catalogue/names";
import { messageWith } from "@/app/_components/user-text";
import { Badge, ButtonLink, Card, EmptyState } from "@/app/_components/ui";
import { getT } from "@/i18n/server";
import { chainNames, parkName } from "@/i18n/vocabulary";
import { api } from "@/server/api/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("workspace.procurement_title") };
}

/** Procurement staff's home: find partners, in their own park first. */
export default async function ProcurementHome() {
  const { t, locale } = await getT();
  const caller = await api();
  const me = await caller.user.me();
  if (!me) return <Refusal failure={{ ok: false, code: "UNAUTHORIZED", message: null }} from="/procurement" />;
  if (!me.enterprise) return <Refusal failure={{ ok: false, code: "FORBIDDEN", message: null }} />;
  const profile = await caller.enterprise.profile({ id: me.enterprise.id });
  const neighbours = profile.park ? await caller.enterprise.list({ parkId: profile.park.id, pageSize: 8 }) : null;
  const demands = await caller.demand.list({ enterpriseId: me.enterprise.id, status: "open", pageSize: 5 });

  return (
    <div className="space-y-6">
      <Heading
        title={messageWith(t, "workspace.welcome", { name: me.name })}
        description={messageWith(t, "workspace.procurement_description", { enterprise: <EnterpriseName enterprise={profile} locale={locale} /> })}
        actions={demands.allowed.create ? <ButtonLink href="/demands/new">{t("demand.new")}</ButtonLink> : null}
      />
      <Card title={t("search.home_title")}>
        <SearchBox />
        <p className="mt-2 text-xs text-slate-500">{t("search.home_hint")}</p>
        {profile.park ? (
          <p className="mt-2 text-sm"><Link className="text-brand-700 hover:underline" href="/search?mine=1">{messageNaming(t, "search.home_in_park", "park", parkName(profile.park, locale), locale)}</Link></p>
        ) : null}
      </Card>
      <Card title={t("demand.open_title")} actions={<Link href="/demands" className="text-sm text-brand-700 hover:underline">{t("workspace.see_all")}</Link>}>
        {demands.items.length === 0 ? (
          <EmptyState title={t("demand.none_open")}>{t("demand.none_open_hint")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {demands.items.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link href={`/demands/${d.id}`} className="text-sm font-medium text-slate-800 hover:text-brand-700">
                  <SubstanceName name={d.substanceName} nameEn={d.substanceEn} locale={locale} /> · {formatQuantity(d.quantity, d.unit, locale)}
                </Link>
                <span className="flex gap-1">
                  <Badge tone={d.suppliers ? "blue" : "slate"}>{t("demand.supplier_count", { count: d.suppliers })}</Badge>
                  {d.inPark ? <Badge tone="green">{t("demand.in_park_count", { count: d.inPark })}</Badge> : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <DealsSummary />
      {neighbours ? (
        <Card>
          <div className="mb-4 flex items-center justify-between gap-2">
            <h2 className="text-base font-semibold text-slate-900">{messageNaming(t, "workspace.park_partners", "park", parkName(profile.park!, locale), locale)}</h2>
            <Link href={`/enterprises?park=${profile.park!.id}`} className="text-sm text-brand-700 hover:underline">{t("workspace.see_all")}</Link>
          </div>
          <ul className="grid gap-2 sm:grid-cols-2">
            {neighbours.items.filter((n) => n.id !== profile.id).map((n) => (
              <li key={n.id}>
                <Link href={`/enterprises/${n.id}`} className="text-sm text-slate-800 hover:text-brand-700"><EnterpriseName enterprise={n} locale={locale} /></Link>
                <Vocab className="ml-2 text-xs text-slate-500" text={chainNames(n.chains, locale)} locale={locale} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
