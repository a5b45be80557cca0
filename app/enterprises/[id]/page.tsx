import type { Metadata } from "next";
import Link from "next/link";
import { gradeLabel, purityLabel } from "@/app/_components/catalogue-labels";
import { HazardBadges } from "@/app/_components/hazard-badges";
import { pageId, pageNumber } from "@/app/_components/page-id";
import { attempt, Refusal } from "@/app/_components/refusal";
import { TrustPanel } from "@/app/_components/trust-signals";
import { EnterpriseName, Heading, productNames, Vocab } from "@/app/_catalogue/names";
import { messageWith } from "@/app/_components/user-text";
import { Badge, ButtonLink, buttonClass, Card, EmptyState, inputClass, Pagination, Table, td, th } from "@/app/_components/ui";
import { formatDate, formatUnitPrice } from "@/i18n";
import { getT } from "@/i18n/server";
import { chainName, parkName } from "@/i18n/vocabulary";
import { api } from "@/server/api/server";
import { parseDbId } from "@/server/zod";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseDbId((await params).id);
  const result = id !== null ? await attempt(async () => (await api()).enterprise.profile({ id })) : null;
  const { locale } = await getT();
  return { title: result?.ok ? (locale === "en" ? result.data.nameEn : null) ?? result.data.name : undefined };
}

const PAGE_SIZE = 20;
const STATE_TONE = { valid: "green", expiring: "amber", expired: "red", no_expiry: "slate" } as const;

/**
 * An enterprise's public profile: who it is, its park verification, its licences on file (type and
 * validity; the numbers only for those the policy lets see them), the products it lists —
 * searchable and paged on the server — and the way into an inquiry about each of them.
 */
export default async function EnterpriseProfilePage({ params, searchParams }: Props) {
  const id = pageId((await params).id);
  const query = await searchParams;
  const q = query.q?.trim().slice(0, 60) || undefined;
  const page = pageNumber(query.page);
  const { t, locale } = await getT();
  const caller = await api();
  const result = await attempt(() => caller.enterprise.profile({ id }));
  if (!result.ok) return <Refusal failure={result} />;
  const e = result.data;
  const [listed, me] = await Promise.all([caller.enterprise.products({ enterpriseId: id, q, page, pageSize: PAGE_SIZE }), caller.user.me()]);
  const self = `/enterprises/${id}`;
  const hrefFor = (p: number) => {
    const next = new URLSearchParams();
    if (q) next.set("q", q);
    if (p > 1) next.set("page", String(p));
    const s = next.toString();
    return `${self}${s ? `?${s}` : ""}#products`;
  };

  const inquiryAction = e.allowed.inquire && listed.total > 0
    ? <ButtonLink href="#products">{t("enterprise.inquire_pick")}</ButtonLink>
    : !me ? <ButtonLink href={`/signin?callbackUrl=${encodeURIComponent(self)}`}>{t("enterprise.signin_to_inquire")}</ButtonLink> : null;

  return (
    <div className="space-y-6">
      <Heading
        title={<EnterpriseName enterprise={e} locale={locale} />}
        description={e.description ? <span translate="no">{e.description}</span> : undefined}
        actions={<>
          {inquiryAction}
          {e.allowed.manage ? <ButtonLink href={`/enterprises/${id}/manage`} variant="secondary">{t("enterprise.manage")}</ButtonLink> : null}
        </>}
      />
      <Card title={t("enterprise.profile")}>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <div><dt className="text-slate-500">{t("enterprise.uscc")}</dt><dd className="font-mono">{e.uscc}</dd></div>
          <div><dt className="text-slate-500">{t("enterprise.park")}</dt><dd>{e.park ? <Vocab text={parkName(e.park, locale)} locale={locale} /> : t("directory.external")}</dd></div>
          <div><dt className="text-slate-500">{t("enterprise.chains")}</dt><dd className="flex flex-wrap gap-1">{e.chains.length ? e.chains.map((c) => <Badge key={c}><Vocab text={chainName(c, locale)} locale={locale} /></Badge>) : "—"}</dd></div>
          <div><dt className="text-slate-500">{t("enterprise.address")}</dt><dd translate="no">{e.address ?? "—"}</dd></div>
          <div>
            <dt className="text-slate-500">{t("enterprise.status")}</dt>
            <dd className="flex flex-wrap items-center gap-2">
              {e.verified ? <Badge tone="green">{t("enterprise.verified")}</Badge> : <Badge tone="amber">{t("enterprise.unverified")}</Badge>}
              <span className="text-xs text-slate-500">{e.verifiedOn ? t("enterprise.verified_on", { date: formatDate(e.verifiedOn, locale) }) : t("enterprise.unverified_hint")}</span>
            </dd>
          </div>
        </dl>
      </Card>

      <Card title={t("trust.title")}>
        <TrustPanel trust={e.trust} t={t} locale={locale} />
      </Card>

      <Card title={t("enterprise.licences")}>
        {e.licences.length === 0 ? (
          <p className="text-sm text-slate-500">{t("enterprise.no_licences")}</p>
        ) : (
          <>
            <Table caption={t("enterprise.licences")}>
              <thead><tr>
                <th className={th}>{t("enterprise.licence_type")}</th>
                <th className={th}>{t("enterprise.licence_validity")}</th>
                <th className={th}>{t("enterprise.licence_checked")}</th>
                {e.allowed.licenceNumbers ? <th className={th}>{t("enterprise.licence_number")}</th> : null}
              </tr></thead>
              <tbody className="divide-y divide-slate-100">
                {e.licences.map((l) => (
                  <tr key={l.id}>
                    <td className={td}>{t(`licence.${l.type}`)}</td>
                    <td className={td}><Badge tone={STATE_TONE[l.state]}>{t(`licences.state_${l.state}`, { date: formatDate(l.validUntil, locale) })}</Badge></td>
                    <td className={td}>{l.verified ? <Badge tone="green">{t("licences.verified")}</Badge> : <Badge tone="amber">{t("licences.unverified")}</Badge>}</td>
                    {e.allowed.licenceNumbers ? <td className={`${td} font-mono`} translate="no">{l.number}{l.scope ? <div className="font-sans text-xs text-slate-500">{l.scope}</div> : null}</td> : null}
                  </tr>
                ))}
              </tbody>
            </Table>
            {!e.allowed.licenceNumbers ? <p className="mt-2 text-xs text-slate-500">{t("enterprise.licences_public_hint")}</p> : null}
          </>
        )}
      </Card>

      <section id="products" aria-labelledby="products-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="products-title" className="mb-4 text-base font-semibold text-slate-900">{t("enterprise.products_title")}</h2>
        <form action={self} role="search" className="mb-4 flex flex-wrap items-end gap-3">
          <div className="min-w-56 flex-1">
            <label htmlFor="profile-q" className="mb-1 block text-sm font-medium text-slate-700">{t("enterprise.products_search_label")}</label>
            <input id="profile-q" name="q" defaultValue={q} maxLength={60} placeholder={t("enterprise.products_search_placeholder")} className={inputClass} />
          </div>
          <button type="submit" className={buttonClass("secondary")}>{t("enterprise.products_search")}</button>
          {q ? <Link href={`${self}#products`} className="text-sm text-brand-700 underline">{t("enterprise.products_show_all")}</Link> : null}
        </form>
        {listed.items.length === 0 ? (
          <EmptyState title={q ? t("enterprise.products_none_found", { q }) : t("enterprise.products_empty")} />
        ) : (
          <>
            <p className="mb-2 text-sm text-slate-500">{t("enterprise.products_count", { count: listed.total })}</p>
            <Table caption={t("enterprise.products_title")}>
              <thead><tr>
                <th className={th}>{t("enterprise.product_name")}</th>
                <th className={th}>CAS</th>
                <th className={th}>{t("enterprise.product_grade")}</th>
                <th className={th}>{t("enterprise.product_purity")}</th>
                <th className={th}>{t("enterprise.product_price")}</th>
                {listed.allowed.inquire ? <th className={th}><span className="sr-only">{t("enterprise.inquire")}</span></th> : null}
              </tr></thead>
              <tbody className="divide-y divide-slate-100">
                {listed.items.map((p) => {
                  const names = productNames(p.name, p.substance, locale);
                  return (
                  <tr key={p.id}>
                    <td className={`${td} min-w-40`}>
                      <Link href={`/products/${p.id}`} className="font-medium text-slate-900 hover:text-brand-700">{names.primary}</Link>
                      {p.substance ? <div className="mt-0.5 flex flex-wrap items-center gap-1 text-xs text-slate-500">{names.secondary}<HazardBadges flags={p.substance} t={t} /></div> : null}
                    </td>
                    <td className={`${td} font-mono`}>{p.cas ?? "—"}</td>
                    <td className={td}>{gradeLabel(t, p.grade)}</td>
                    <td className={td}>{purityLabel(p.purityPct)}</td>
                    <td className={`${td} whitespace-nowrap`}>{p.priceCnyPerT === null ? t("enterprise.price_on_request") : formatUnitPrice(p.priceCnyPerT, "t", locale)}</td>
                    {listed.allowed.inquire ? (
                      <td className={td}>
                        <Link href={`/inquiries/new?product=${p.id}`} className="whitespace-nowrap text-brand-700 underline underline-offset-2" aria-labelledby={`product-${p.id}-inquire`}>{t("enterprise.inquire")}</Link>
                        {/* the link's name: "Inquire about <product>", the product's typed name marked as user content */}
                        <span id={`product-${p.id}-inquire`} hidden>{messageWith(t, "enterprise.inquire_about", { name: p.name })}</span>
                      </td>
                    ) : null}
                  </tr>
                  );
                })}
              </tbody>
            </Table>
            <Pagination
              page={page} pageSize={PAGE_SIZE} total={listed.total} hrefFor={hrefFor}
              labels={{ previous: t("pagination.previous"), next: t("pagination.next"), status: t("pagination.status", { page, pages: Math.ceil(listed.total / PAGE_SIZE) }) }}
            />
          </>
        )}
      </section>
    </div>
  );
}
