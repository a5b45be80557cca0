import type { Metadata } from "next";
import Link from "next/link";
import { attempt, Refusal } from "@/app/_components/refusal";
import { VerifyToggle } from "@/app/_components/verify-toggle";
import { Card, EmptyState, PageHeader, Stat, inputClass, buttonClass } from "@/app/_components/ui";
import { formatDate, formatNumber } from "@/i18n";
import { getT } from "@/i18n/server";
import { isTranslated, parkName } from "@/i18n/vocabulary";
import { messageWith } from "@/app/_components/user-text";
import { api } from "@/server/api/server";
import { queryId } from "@/app/_components/page-id";
import { DirectoryImport, RegisterEnterpriseForm } from "./forms";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("park.title") };
}

/** Park staff's home: the park's figures, enterprises waiting for verification, registration and import. */
export default async function ParkHome({ searchParams }: { searchParams: Promise<{ park?: string }> }) {
  const { t, locale } = await getT();
  const caller = await api();
  const me = await caller.user.me();
  if (!me) return <Refusal failure={{ ok: false, code: "UNAUTHORIZED", message: null }} from="/park" />;
  const { parks } = await caller.park.choices({ purpose: "manage" });
  const chosen = queryId((await searchParams).park) || me.park?.id || parks[0]?.id;
  if (!chosen) {
    return me.platformAdmin ? <EmptyState title={t("park.no_parks")}><Link className="text-brand-700 underline" href="/admin">{t("nav.admin")}</Link></EmptyState>
      : <Refusal failure={{ ok: false, code: "FORBIDDEN", message: null }} />;
  }
  const result = await attempt(() => caller.park.overview({ parkId: chosen }));
  if (!result.ok) return <Refusal failure={result} />;
  const { park, figures } = result.data;
  const [waiting, licenceTodo, applications] = await Promise.all([
    caller.enterprise.unverified({ parkId: park.id }),
    caller.licence.parkTodo({ parkId: park.id }),
    caller.application.list({ status: "pending" }),
  ]);

  return (
    <div className="space-y-6">
      <PageHeader
        title={parkName(park, locale)}
        description={t("park.description")}
        actions={
          parks.length > 1 ? (
            <form action="/park" className="flex items-center gap-2">
              <label htmlFor="park-choice" className="sr-only">{t("directory.park_label")}</label>
              <select id="park-choice" name="park" defaultValue={park.id} className={inputClass}>
                {parks.map((p) => <option key={p.id} value={p.id} translate={isTranslated(parkName(p, locale), locale) ? undefined : "no"}>{parkName(p, locale)}</option>)}
              </select>
              <button type="submit" className={buttonClass("secondary")}>{t("park.switch")}</button>
            </form>
          ) : null
        }
      />
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label={t("park.figure_enterprises")} value={formatNumber(figures.enterprises, locale)} />
        <Stat label={t("park.figure_verified")} value={formatNumber(figures.verified, locale)} />
        <Stat label={t("park.figure_products")} value={formatNumber(figures.products, locale)} />
        <Stat label={t("park.figure_agreements")} value={formatNumber(figures.agreements, locale)} />
      </div>

      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card title={t("allocation.title")} actions={<Link href={`/park/allocation${parks.length > 1 ? `?park=${park.id}` : ""}`} className="text-sm text-brand-700 hover:underline">{t("allocation.open")}</Link>}>
          <p className="text-sm text-slate-600">{t("allocation.teaser")}</p>
        </Card>
        <Card title={t("licences.todo_title")}>
          {licenceTodo.waiting.length + licenceTodo.expired.length + licenceTodo.suppliers.length === 0 ? (
            <EmptyState title={t("licences.todo_empty")} />
          ) : (
            <ul className="space-y-2 text-sm" data-testid="licence-todo">
              {licenceTodo.suppliers.map((s) => (
                <li key={`s-${s.enterprise.id}`}>
                  <Link href={`/enterprises/${s.enterprise.id}/manage`} className="font-medium hover:text-brand-700" translate="no">{s.enterprise.name}</Link>
                  <span className={s.state === "blocked" ? "ml-2 text-red-700" : "ml-2 text-amber-700"}>
                    {/* product names are typed by the enterprise: user content inside the message */}
                    {messageWith(t, s.state === "blocked" ? "licences.todo_blocked" : "licences.todo_missing", { products: s.products.slice(0, 3).join(locale === "zh" ? "、" : ", ") })}
                  </span>
                </li>
              ))}
              {licenceTodo.waiting.map((l) => (
                <li key={`w-${l.id}`}>
                  <Link href={`/enterprises/${l.enterprise.id}/manage`} className="font-medium hover:text-brand-700" translate="no">{l.enterprise.name}</Link>
                  <span className="ml-2 text-slate-600">{messageWith(t, "licences.todo_verify", { number: l.number }, { type: t(`licence.${l.type}`) })}</span>
                </li>
              ))}
              {licenceTodo.expired.map((l) => (
                <li key={`e-${l.id}`}>
                  <Link href={`/enterprises/${l.enterprise.id}/manage`} className="font-medium hover:text-brand-700" translate="no">{l.enterprise.name}</Link>
                  <span className="ml-2 text-red-700">{t("licences.todo_expired", { type: t(`licence.${l.type}`), date: formatDate(l.validUntil, locale) })}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card title={t("dashboard.park_card")}>
        <div className="flex flex-wrap gap-2">
          <Link href={`/park/dashboard?park=${park.id}`} className={buttonClass()}>{t("nav.dashboard")}</Link>
          <Link href="/agreements/import" className={buttonClass("secondary")}>{t("agreement.import_title")}</Link>
          <Link href="/agreements/new" className={buttonClass("secondary")}>{t("agreement.new_title")}</Link>
          <Link href="/events" className={buttonClass("secondary")}>{t("nav.events")}</Link>
          <Link href={`/park/ledger?park=${park.id}`} className={buttonClass("secondary")}>{t("nav.ledger")}</Link>
          <Link href={`/park/linkage?park=${park.id}`} className={buttonClass("secondary")}>{t("insights.title")}</Link>
          <Link href={`/park/chain-map?park=${park.id}`} className={buttonClass("secondary")}>{t("nav.chain_map")}</Link>
          <Link href={`/handbook?park=${park.id}`} className={buttonClass("secondary")}>{t("nav.handbook")}</Link>
        </div>
      </Card>

      <Card title={t("application.park_card")} actions={<Link href="/park/applications" className="text-sm text-brand-700 hover:underline">{t("application.open")}</Link>}>
        <p className="text-sm text-slate-700" data-testid="applications-pending">{t("application.park_card_pending", { count: formatNumber(applications.length, locale) })}</p>
      </Card>

      <Card title={t("park.waiting_title")} actions={<Link href={`/enterprises?park=${park.id}`} className="text-sm text-brand-700 hover:underline">{t("park.all_enterprises")}</Link>}>
        {waiting.length === 0 ? (
          <EmptyState title={t("park.waiting_empty")} />
        ) : (
          <ul className="divide-y divide-slate-100">
            {waiting.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <div>
                  <Link href={`/enterprises/${e.id}/manage`} className="font-medium hover:text-brand-700" translate="no">{e.name}</Link>
                  <div className="text-xs text-slate-500"><span className="font-mono">{e.uscc}</span> · {t("park.registered_on", { date: formatDate(e.createdAt, locale) })}</div>
                </div>
                <VerifyToggle id={e.id} verified={false} />
              </li>
            ))}
          </ul>
        )}
      </Card>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2 [&>*]:min-w-0">
        <Card title={t("park.register_title")}>
          <RegisterEnterpriseForm parks={parks.map((p) => ({ id: p.id, name: parkName(p, locale) }))} defaultParkId={park.id} />
        </Card>
        <Card title={t("park.import_title")}>
          <DirectoryImport />
        </Card>
      </div>
    </div>
  );
}
