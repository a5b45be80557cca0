import type { Metadata } from "next";
import Link from "next/link";
import { DealsSummary } from "@/app/_components/deals-summary";
import { attempt, Refusal } from "@/app/_components/refusal";
import { EnterpriseName, Heading, Vocab } from "@/app/_catalogue/names";
import { messageWith } from "@/app/_components/user-text";
import { Badge, ButtonLink, Card, Stat } from "@/app/_components/ui";
import { formatNumber } from "@/i18n";
import { getT } from "@/i18n/server";
import { chainNames, parkName } from "@/i18n/vocabulary";
import { api } from "@/server/api/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("workspace.enterprise_title") };
}

/** Enterprise staff's home: their enterprise at a glance and what to do next. */
export default async function EnterpriseHome() {
  const { t, locale } = await getT();
  const caller = await api();
  const me = await caller.user.me();
  if (!me) return <Refusal failure={{ ok: false, code: "UNAUTHORIZED", message: null }} from="/enterprise" />;
  if (!me.enterprise) return <Refusal failure={{ ok: false, code: "FORBIDDEN", message: null }} />;
  const [result, catalogue] = await Promise.all([
    attempt(() => caller.enterprise.private({ id: me.enterprise!.id })),
    attempt(() => caller.catalogue.list({ enterpriseId: me.enterprise!.id, pageSize: 1 })),
  ]);
  if (!result.ok) return <Refusal failure={result} />;
  const e = result.data;
  const park = e.park ? parkName(e.park, locale) : null;
  const [buyers, offers] = await Promise.all([
    caller.match.forSupplier({ enterpriseId: e.id, pageSize: 1 }),
    caller.offer.list({ enterpriseId: e.id, status: "open", pageSize: 1 }),
  ]);

  return (
    <div className="space-y-6">
      <Heading
        title={messageWith(t, "workspace.welcome", { name: me.name })}
        description={t("workspace.enterprise_description")}
        actions={<ButtonLink href={`/enterprises/${e.id}/manage`} variant="secondary">{t("enterprise.manage")}</ButtonLink>}
      />
      <Card>
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-base font-semibold break-words text-slate-900"><EnterpriseName enterprise={e} locale={locale} /></h2>
          {e.verifiedAt ? <Badge tone="green">{t("enterprise.verified")}</Badge> : <Badge tone="amber">{t("enterprise.unverified")}</Badge>}
        </div>
        <p className="text-sm text-slate-600">
          {park ? <Vocab text={park} locale={locale} /> : t("directory.external")} · <span className="font-mono">{e.uscc}</span>
        </p>
        {!e.verifiedAt ? <p className="mt-2 text-sm text-amber-800">{t("workspace.unverified_hint")}</p> : null}
      </Card>
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label={t("workspace.members")} value={formatNumber(e.members.length, locale)} />
        <Stat label={t("workspace.licences")} value={formatNumber(e.licences.length, locale)} />
        <Stat label={t("workspace.chains")} value={chainNames(e.chains, locale) || "—"} />
      </div>
      {catalogue.ok ? (
        <Card
          title={t("catalogue.title")}
          actions={<Link href="/enterprise/products" className="text-sm text-brand-700 hover:underline">{t("catalogue.open")}</Link>}
        >
          <div className="grid gap-4 sm:grid-cols-3">
            <Stat label={t("catalogue.listed_products")} value={formatNumber(catalogue.data.counts.active, locale)} />
            <Stat label={t("catalogue.retired_products")} value={formatNumber(catalogue.data.counts.retired, locale)} />
            <Stat label={t("catalogue.hidden_products")} value={formatNumber(catalogue.data.counts.blocked, locale)} hint={catalogue.data.counts.blocked ? t("catalogue.hidden_hint") : undefined} />
          </div>
          {catalogue.data.counts.licenceMissing ? <p className="mt-3 text-sm text-amber-800">{t("catalogue.licence_missing_summary", { count: catalogue.data.counts.licenceMissing })}</p> : null}
          {catalogue.data.allowed.edit ? (
            <div className="mt-4 flex flex-wrap gap-2">
              <ButtonLink href="/enterprise/products/import">{t("catalogue.import")}</ButtonLink>
              <ButtonLink href="/enterprise/products/new" variant="secondary">{t("catalogue.new")}</ButtonLink>
            </div>
          ) : null}
        </Card>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Card title={t("match.buyers_title")} actions={<Link href="/matches/buyers" className="text-sm text-brand-700 hover:underline">{t("workspace.see_all")}</Link>}>
          <p className="text-sm text-slate-700">{t("workspace.buyers_count", { count: buyers.total })}</p>
        </Card>
        <Card title={t("offer.list_title")} actions={<Link href="/offers" className="text-sm text-brand-700 hover:underline">{t("workspace.see_all")}</Link>}>
          <p className="text-sm text-slate-700">{t("workspace.offers_count", { count: offers.total })}</p>
          {offers.allowed.create ? <Link href="/offers/new" className="mt-2 inline-block text-sm text-brand-700 hover:underline">{t("offer.new")}</Link> : null}
        </Card>
      </div>
      <DealsSummary />
      <Card title={t("workspace.next_steps")}>
        <ul className="list-inside list-disc space-y-1 text-sm text-slate-700">
          <li><Link className="text-brand-700 hover:underline" href={`/enterprises/${e.id}/manage`}>{t("workspace.step_profile")}</Link></li>
          <li><Link className="text-brand-700 hover:underline" href={`/enterprises/${e.id}`}>{t("workspace.step_public")}</Link></li>
          <li><Link className="text-brand-700 hover:underline" href="/byproducts">{t("workspace.step_byproducts")}</Link></li>
          <li><Link className="text-brand-700 hover:underline" href="/demands">{t("workspace.step_demands")}</Link></li>
        </ul>
      </Card>
    </div>
  );
}
