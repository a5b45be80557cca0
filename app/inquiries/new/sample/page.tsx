import type { Metadata } from "next";
import Link from "next/link";
import { HazardBadges } from "@/app/_components/hazard-badges";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Badge, Card, EmptyState, Notice, PageHeader } from "@/app/_components/ui";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { DealCard } from "@/app/agreements/headings";
import { EnterpriseName, enterpriseName, ProductLabel } from "@/app/agreements/names";
import { messageWith } from "@/app/_components/user-text";
import { SampleRequestForm } from "./form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("sample.new_title") };
}

type Source = { kind: "product" | "match"; id: number };

/** The entry point names exactly one of product or match, as a positive id. */
function sourceOf(params: Record<string, string | undefined>): Source | null {
  const given = (["product", "match"] as const).filter((k) => params[k] !== undefined);
  if (given.length !== 1) return null;
  const kind = given[0]!;
  const raw = params[kind]!;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) <= 0) return null;
  return { kind, id: Number(raw) };
}

/** 索样: a buyer asks a supplier for a sample of a product (`?product=`) or of a match of its demand (`?match=`). */
export default async function NewSampleRequestPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { t, locale } = await getT();
  const source = sourceOf(await searchParams);
  if (!source) {
    return (
      <div className="mx-auto max-w-2xl">
        <PageHeader title={t("sample.new_title")} />
        <EmptyState title={t("sample.new_no_source")}>{t("sample.new_no_source_hint")}</EmptyState>
      </div>
    );
  }
  const from = `/inquiries/new/sample?${source.kind}=${source.id}`;
  const result = await attempt(async () => (await api()).sample.prepare(source));
  if (!result.ok) return <Refusal failure={result} from={from} />;
  const p = result.data;
  // in English the dictionary's English name of what is asked for, where it has one
  const what = (locale === "en" ? p.substance?.nameEn : null) ?? p.what;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title={t("sample.new_title")} description={t("sample.new_description")} />
      <Card title={t("inquiry.about")}>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <div><dt className="text-slate-500">{t("inquiry.buyer")}</dt><dd>{p.buyer ? <EnterpriseName e={p.buyer} locale={locale} /> : <span className="text-slate-500">{t("inquiry.party_hidden")}</span>}</dd></div>
          <div>
            <dt className="text-slate-500">{t("inquiry.seller")}</dt>
            <dd className="flex flex-wrap items-center gap-2">
              {p.seller ? <EnterpriseName e={p.seller} locale={locale} /> : <span className="text-slate-500">{t("inquiry.party_hidden")}</span>}
              {p.seller && p.buyer && p.seller.parkId !== null && p.seller.parkId === p.buyer.parkId ? <Badge tone="green">{t("deals.in_park")}</Badge> : null}
            </dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-slate-500">{t("inquiry.what")}</dt>
            <dd><ProductLabel productName={p.what} substance={p.substance} locale={locale} />{p.cas ? <span className="ml-2 font-mono text-xs text-slate-500">CAS {p.cas}</span> : null}</dd>
          </div>
          {p.flags && p.tier !== "none" ? <div className="sm:col-span-2"><dt className="text-slate-500">{t("inquiry.hazards")}</dt><dd><HazardBadges flags={p.flags} t={t} /></dd></div> : null}
        </dl>
      </Card>
      {p.refusal ? <Notice tone="error"><strong>{t("sample.refused")}</strong> {p.refusal[locale]}</Notice> : null}
      {!p.refusal && p.supplierLicenceMissing ? <Notice tone="warning">{t("inquiry.licence_missing")}</Notice> : null}
      {p.existingSampleId ? (
        <Notice tone="info">
          {t("sample.existing")}{" "}
          <Link className="underline" href={`/inquiries/${p.existingSampleId}`}>{t("sample.open_existing")}</Link>
        </Notice>
      ) : null}
      {p.allowed.request && p.seller ? (
        <DealCard id="sample-to" title={messageWith(t, "sample.to", { name: enterpriseName(p.seller, locale) })}>
          <SampleRequestForm source={source} subject={t("sample.default_subject", { what }).slice(0, 120)} />
        </DealCard>
      ) : null}
    </div>
  );
}
