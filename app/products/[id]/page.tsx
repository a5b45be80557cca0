import type { Metadata } from "next";
import Link from "next/link";
import { formLabel, gradeLabel, purityLabel, tonnesLabel } from "@/app/_components/catalogue-labels";
import { Formula } from "@/app/_components/formula";
import { HazardBadges } from "@/app/_components/hazard-badges";
import { pageId } from "@/app/_components/page-id";
import { attempt, Refusal } from "@/app/_components/refusal";
import { EnterpriseName, Heading, productNames, Vocab } from "@/app/_catalogue/names";
import { Badge, ButtonLink, Card, EmptyState, Notice } from "@/app/_components/ui";
import { formatDate, formatYuan } from "@/i18n";
import { getT } from "@/i18n/server";
import { parkName } from "@/i18n/vocabulary";
import { api } from "@/server/api/server";
import { parseDbId } from "@/server/zod";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseDbId((await params).id);
  const result = id !== null ? await attempt(async () => (await api()).catalogue.product({ id })) : null;
  const { locale } = await getT();
  return { title: result?.ok ? (locale === "en" ? result.data.substance?.nameEn : null) ?? result.data.name : undefined };
}

const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** A product: specs, substance and hazard flags for everyone; supplier, quantities, prices and documents as compliance allows. */
export default async function ProductPage({ params }: Props) {
  const id = pageId((await params).id);
  const { t, locale } = await getT();
  const caller = await api();
  const result = await attempt(() => caller.catalogue.product({ id }));
  if (!result.ok) return <Refusal failure={result} from={`/products/${id}`} />;
  const p = result.data;
  const me = p.restricted ? await caller.user.me() : null;
  const s = p.substance;
  const names = productNames(p.name, s, locale);
  const row = (label: string, value: React.ReactNode) => (
    <div><dt className="text-slate-500">{label}</dt><dd className="mt-0.5 text-slate-900">{value}</dd></div>
  );

  return (
    <div className="space-y-6">
      <Heading
        title={names.primary}
        description={locale === "en" ? names.secondary : s ? <>{s.nameZh ? <span lang="zh">{s.nameZh}</span> : null}{s.nameZh && s.nameEn ? " · " : null}{s.nameEn ? <span lang="en">{s.nameEn}</span> : null}</> : undefined}
        actions={
          <>
            {p.cas ? <ButtonLink href={`/search?q=${encodeURIComponent(p.cas)}`} variant="secondary">{t("product.same_substance")}</ButtonLink> : null}
            {p.allowed.inquire ? <ButtonLink href={`/inquiries/new?product=${p.id}`}>{t("product.inquire")}</ButtonLink> : null}
            {p.allowed.inquire ? <ButtonLink href={`/inquiries/new/sample?product=${p.id}`} variant="secondary">{t("sample.request_action")}</ButtonLink> : null}
            {p.allowed.edit ? <ButtonLink href={`/enterprise/products/${p.id}`}>{t("product.edit")}</ButtonLink> : null}
          </>
        }
      />
      {p.retired ? <Notice tone="warning">{t("product.retired_notice")}</Notice> : null}
      {p.supplierState === "blocked" ? (
        <Notice tone="error">{t("product.blocked_notice", { date: formatDate(p.licenceValidUntil, locale) })}</Notice>
      ) : p.supplierState === "licence_missing" ? (
        <Notice tone="warning">{t("product.licence_missing_notice")}</Notice>
      ) : null}
      {p.restricted ? (
        <Notice tone="info">
          {t(me ? "product.restricted_member" : "product.restricted_visitor")}{" "}
          {!me ? <Link className="underline" href={`/signin?callbackUrl=/products/${p.id}`}>{t("nav.signin")}</Link> : null}
        </Notice>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={t("product.specs")}>
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              {row("CAS", <span className="font-mono">{p.cas ?? t("product.no_cas")}</span>)}
              {p.sku ? row(t("catalogue.field.sku"), <span className="font-mono">{p.sku}</span>) : null}
              {row(t("catalogue.field.grade"), gradeLabel(t, p.grade))}
              {row(t("catalogue.field.purity"), purityLabel(p.purityPct))}
              {row(t("catalogue.field.form"), formLabel(t, p.form))}
              {p.restricted ? null : (
                <>
                  {row(t("catalogue.field.packaging"), p.packaging ? <span translate="no">{p.packaging}</span> : "—")}
                  {row(t("catalogue.field.capacity"), p.capacityTpy === null ? "—" : t("catalogue.per_year", { value: tonnesLabel(t, p.capacityTpy) }))}
                  {row(t("catalogue.field.available"), tonnesLabel(t, p.availableT))}
                  {row(t("catalogue.field.price"), p.priceCnyPerT === null ? "—" : t("catalogue.per_tonne", { price: formatYuan(p.priceCnyPerT, locale) }))}
                </>
              )}
              {row(t("product.updated"), formatDate(p.updatedAt, locale))}
            </dl>
            {p.description ? <p className="mt-4 whitespace-pre-line break-words text-sm text-slate-700" translate="no">{p.description}</p> : null}
          </Card>

          <Card title={t("product.substance")}>
            {s ? (
              <div className="space-y-3 text-sm">
                <HazardBadges flags={s} t={t} />
                {!s.hazardous && !s.highlyToxic && !s.explosivePrecursor && !s.precursorCategory ? <p className="text-slate-600">{t("product.not_listed")}</p> : null}
                <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
                  {row(t("product.name_zh"), s.nameZh ? <span lang="zh">{s.nameZh}</span> : "—")}
                  {row(t("product.name_en"), s.nameEn ? <span lang="en">{s.nameEn}</span> : "—")}
                  {s.formula ? row(t("product.formula"), <Link href={`/search?q=${encodeURIComponent(s.formula)}`} className="hover:underline"><Formula value={s.formula} /></Link>) : null}
                </dl>
                {s.aliases.length ? (
                  <div>
                    <h3 className="text-slate-500">{t("product.aliases")}</h3>
                    <ul className="mt-1 flex flex-wrap gap-1.5" translate="no">
                      {s.aliases.slice(0, 24).map((a) => <li key={a}><Badge>{a}</Badge></li>)}
                      {s.aliases.length > 24 ? <li className="text-xs text-slate-500">{t("product.more_aliases", { count: s.aliases.length - 24 })}</li> : null}
                    </ul>
                  </div>
                ) : null}
              </div>
            ) : (
              <EmptyState title={t("product.no_substance")}>{t("product.no_substance_hint")}</EmptyState>
            )}
          </Card>
        </div>

        <div className="space-y-6">
          <Card title={t("product.supplier")}>
            {p.enterprise ? (
              <div className="space-y-2 text-sm">
                <Link href={`/enterprises/${p.enterprise.id}`} className="font-medium break-words text-brand-700 hover:underline">
                  <EnterpriseName enterprise={p.enterprise} locale={locale} />
                </Link>
                <p className="font-mono text-xs text-slate-500">{p.enterprise.uscc}</p>
                <div className="flex flex-wrap gap-1.5">
                  {p.park ? <Badge tone="blue"><Vocab text={parkName(p.park, locale)} locale={locale} /></Badge> : <Badge>{t("directory.external")}</Badge>}
                  {p.enterprise.verified ? <Badge tone="green">{t("enterprise.verified")}</Badge> : <Badge tone="amber">{t("enterprise.unverified")}</Badge>}
                </div>
              </div>
            ) : (
              <p className="text-sm text-slate-500">{t("search.restricted")}</p>
            )}
          </Card>
          <Card title={t("product.documents")}>
            {p.restricted ? (
              <p className="text-sm text-slate-500">{t("product.documents_restricted")}</p>
            ) : p.documents.length === 0 ? (
              <EmptyState title={t("product.no_documents")} />
            ) : (
              <ul className="space-y-2 text-sm">
                {p.documents.map((d) => (
                  <li key={d.id} className="flex items-center justify-between gap-2">
                    <a href={`/api/documents/${d.id}`} className="flex items-center gap-2 text-brand-700 hover:underline">
                      <Badge tone="blue">{t(`catalogue.document_kind.${d.kind}`)}</Badge>
                      <span className="break-all" translate="no">{d.filename}</span>
                    </a>
                    <span className="shrink-0 text-xs text-slate-500">{sizeLabel(d.sizeBytes)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}
