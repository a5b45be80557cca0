import type { Metadata } from "next";
import Link from "next/link";
import { gradeLabel, purityLabel, tonnesLabel } from "@/app/_components/catalogue-labels";
import { HazardBadges } from "@/app/_components/hazard-badges";
import { attempt, Refusal } from "@/app/_components/refusal";
import { EnterpriseName, Heading, productNames } from "@/app/_catalogue/names";
import { messageWith } from "@/app/_components/user-text";
import { Badge, ButtonLink, EmptyState, inputClass, Notice, Pagination, Table, buttonClass, td, th } from "@/app/_components/ui";
import { formatDate, formatYuan } from "@/i18n";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { catalogueEnterprise } from "./enterprise-param";
import { RetireButton } from "./retire-button";
import { pageNumber } from "@/app/_components/page-id";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("catalogue.title") };
}

const PAGE_SIZE = 20;

/** An enterprise's own catalogue: every product with the state that decides whether buyers see it. */
export default async function CataloguePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { t, locale } = await getT();
  const params = await searchParams;
  const caller = await api();
  const enterpriseId = await catalogueEnterprise(caller, params.enterprise);
  if (!enterpriseId) {
    const me = await caller.user.me();
    return me ? (
      <EmptyState title={t("catalogue.choose_enterprise")}><Link href="/enterprises" className="text-brand-700 underline">{t("nav.directory")}</Link></EmptyState>
    ) : (
      <Refusal failure={{ ok: false, code: "UNAUTHORIZED", message: null }} from="/enterprise/products" />
    );
  }
  const page = pageNumber(params.page);
  const status = params.status === "retired" ? "retired" : "active";
  const q = params.q?.trim().slice(0, 100) || undefined;
  const result = await attempt(() => caller.catalogue.list({ enterpriseId, q, status, page, pageSize: PAGE_SIZE }));
  if (!result.ok) return <Refusal failure={result} from="/enterprise/products" />;
  const data = result.data;
  const own = !params.enterprise;
  const link = (path: string, extra: Record<string, string | undefined> = {}) => {
    const query = new URLSearchParams();
    if (!own) query.set("enterprise", String(enterpriseId));
    for (const [k, v] of Object.entries(extra)) if (v) query.set(k, v);
    const text = query.toString();
    return text ? `${path}?${text}` : path;
  };

  return (
    <div className="space-y-6">
      <Heading
        title={t("catalogue.title")}
        description={messageWith(t, "catalogue.description", { enterprise: <EnterpriseName enterprise={data.enterprise} locale={locale} /> })}
        actions={
          data.allowed.edit ? (
            <>
              <ButtonLink href={link("/enterprise/products/import")} variant="secondary">{t("catalogue.import")}</ButtonLink>
              <ButtonLink href={link("/enterprise/products/new")}>{t("catalogue.new")}</ButtonLink>
            </>
          ) : null
        }
      />
      {data.counts.blocked ? <Notice tone="error">{t("catalogue.blocked_summary", { count: data.counts.blocked })}</Notice> : null}
      {data.counts.licenceMissing ? <Notice tone="warning">{t("catalogue.licence_missing_summary", { count: data.counts.licenceMissing })}</Notice> : null}

      <form className="flex flex-wrap items-end gap-3" action="/enterprise/products" role="search">
        {!own ? <input type="hidden" name="enterprise" value={enterpriseId} /> : null}
        <div className="min-w-56 flex-1">
          <label htmlFor="catalogue-q" className="mb-1 block text-sm font-medium text-slate-700">{t("catalogue.filter_label")}</label>
          <input id="catalogue-q" name="q" defaultValue={q} maxLength={100} placeholder={t("catalogue.filter_placeholder")} className={inputClass} />
        </div>
        <div>
          <label htmlFor="catalogue-status" className="mb-1 block text-sm font-medium text-slate-700">{t("catalogue.status_label")}</label>
          <select id="catalogue-status" name="status" defaultValue={status} className={inputClass}>
            <option value="active">{t("catalogue.status_active", { count: data.counts.active })}</option>
            <option value="retired">{t("catalogue.status_retired", { count: data.counts.retired })}</option>
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>{t("catalogue.filter")}</button>
      </form>

      {data.items.length === 0 ? (
        <EmptyState title={q ? t("catalogue.empty_filtered") : status === "retired" ? t("catalogue.empty_retired") : t("catalogue.empty")}>
          {!q && status === "active" && data.allowed.edit ? <Link className="text-brand-700 underline" href={link("/enterprise/products/import")}>{t("catalogue.empty_hint")}</Link> : null}
        </EmptyState>
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white">
          <Table caption={t("catalogue.title")}>
            <thead>
              <tr>
                <th className={th}>{t("catalogue.field.name")}</th>
                <th className={th}>{t("catalogue.visibility")}</th>
                <th className={th}>{t("catalogue.field.sku")}</th>
                <th className={th}>CAS</th>
                <th className={th}>{t("catalogue.field.grade")}</th>
                <th className={th}>{t("catalogue.field.available")}</th>
                <th className={th}>{t("catalogue.field.price")}</th>
                <th className={th}><span className="sr-only">{t("catalogue.actions")}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.items.map((p) => {
                const names = productNames(p.name, p.substance, locale);
                return (
                <tr key={p.id}>
                  <td className={`${td} min-w-40`}>
                    <Link href={`/products/${p.id}`} className="font-medium hover:text-brand-700">{names.primary}</Link>
                    {names.secondary ? <div className="text-xs text-slate-500">{names.secondary}</div> : null}
                    <div className="mt-1"><HazardBadges flags={p.substance} t={t} /></div>
                  </td>
                  <td className={td}>
                    {p.retiredAt ? (
                      <Badge>{t("catalogue.retired_on", { date: formatDate(p.retiredAt, locale) })}</Badge>
                    ) : p.supplierState === "blocked" ? (
                      <span title={t("catalogue.blocked_reason", { date: formatDate(p.licenceValidUntil, locale) })}>
                        <Badge tone="red">{t("catalogue.blocked")}</Badge>
                        <span className="mt-1 block text-xs text-red-700">{t("catalogue.blocked_reason", { date: formatDate(p.licenceValidUntil, locale) })}</span>
                      </span>
                    ) : p.supplierState === "licence_missing" ? (
                      <>
                        <Badge tone="amber">{t("catalogue.licence_missing")}</Badge>
                        <span className="mt-1 block text-xs text-amber-800">{t("catalogue.licence_missing_reason")}</span>
                      </>
                    ) : (
                      <Badge tone="green">{t("catalogue.listed")}</Badge>
                    )}
                  </td>
                  <td className={`${td} font-mono text-xs`}>{p.sku}</td>
                  <td className={`${td} font-mono text-xs`}>{p.cas ?? "—"}</td>
                  <td className={td}>{gradeLabel(t, p.grade)}<div className="text-xs text-slate-500">{purityLabel(p.purityPct)}</div></td>
                  <td className={td}>{tonnesLabel(t, p.availableT)}</td>
                  <td className={`${td} whitespace-nowrap`}>{p.priceCnyPerT === null ? "—" : formatYuan(p.priceCnyPerT, locale)}</td>
                  <td className={`${td} whitespace-nowrap text-right`}>
                    {data.allowed.edit ? (
                      <span className="inline-flex items-center gap-2">
                        <Link href={`/enterprise/products/${p.id}`} className="text-sm text-brand-700 hover:underline">{t("catalogue.edit")}</Link>
                        <RetireButton id={p.id} retired={Boolean(p.retiredAt)} name={p.name} />
                      </span>
                    ) : null}
                  </td>
                </tr>
                );
              })}
            </tbody>
          </Table>
        </div>
      )}
      <Pagination
        page={page}
        pageSize={PAGE_SIZE}
        total={data.total}
        hrefFor={(p) => link("/enterprise/products", { q, status: status === "active" ? undefined : status, page: p > 1 ? String(p) : undefined })}
        labels={{ previous: t("pagination.previous"), next: t("pagination.next"), status: t("pagination.status", { page, pages: Math.ceil(data.total / PAGE_SIZE) }) }}
      />
    </div>
  );
}
