import type { Metadata } from "next";
import Link from "next/link";
import { HazardBadges } from "@/app/_components/hazard-badges";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Badge, Card, EmptyState, Notice, PageHeader } from "@/app/_components/ui";
import { formatNumber } from "@/i18n";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { DealCard } from "@/app/agreements/headings";
import { EnterpriseName, enterpriseName, ProductLabel } from "@/app/agreements/names";
import { messageWith } from "@/app/_components/user-text";
import { NewInquiryForm } from "./form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("inquiry.new_title") };
}

type Source = { kind: "match" | "product" | "demand"; id: number };

/** The entry point must name exactly one of match, product or demand, as a positive id. */
function sourceOf(params: Record<string, string | undefined>): Source | null {
  const given = (["match", "product", "demand"] as const).filter((k) => params[k] !== undefined);
  if (given.length !== 1) return null;
  const kind = given[0]!;
  const raw = params[kind]!;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) <= 0) return null;
  return { kind, id: Number(raw) };
}

/** A new inquiry from a match (`?match=`), a product (`?product=`) or, for a supplier, a buyer's demand (`?demand=`). */
export default async function NewInquiryPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { t, locale } = await getT();
  const params = await searchParams;
  const source = sourceOf(params);
  if (!source) {
    return (
      <div className="mx-auto max-w-2xl">
        <PageHeader title={t("inquiry.new_title")} />
        <EmptyState title={t("inquiry.new_no_source")}>{t("inquiry.new_no_source_hint")}</EmptyState>
      </div>
    );
  }
  const from = `/inquiries/new?${source.kind}=${source.id}`;
  const result = await attempt(async () => (await api()).inquiry.prepare(source));
  if (!result.ok) return <Refusal failure={result} from={from} />;
  const p = result.data;
  const counterpart = p.side === "buyer" ? p.seller : p.buyer;
  // in English the dictionary's English name of what is asked for, where it has one
  const what = (locale === "en" ? p.substance?.nameEn : null) ?? p.what;
  const subject = t(p.side === "buyer" ? "inquiry.default_subject_buy" : "inquiry.default_subject_sell", { what });
  const body = p.side === "buyer"
    ? t("inquiry.default_body_buy", {
        what, quantity: p.quantity ? `${formatNumber(Number(p.quantity), locale)} ${p.unit === "t" ? t("deals.tonnes") : p.unit}` : t("inquiry.quantity_tbd"),
        // the demand's tax basis, so the inquiry never asks otherwise than the demand (含税 without one)
        basis: t(`terms.${p.taxBasis ?? "incl_vat"}`),
      })
    : t("inquiry.default_body_sell", { what });

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title={t("inquiry.new_title")} description={t(p.side === "buyer" ? "inquiry.new_description_buy" : "inquiry.new_description_sell")} />
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
          <div><dt className="text-slate-500">{t("inquiry.what")}</dt><dd><ProductLabel productName={p.what} substance={p.substance} locale={locale} />{p.cas ? <span className="ml-2 font-mono text-xs text-slate-500">CAS {p.cas}</span> : null}</dd></div>
          <div><dt className="text-slate-500">{t("inquiry.quantity")}</dt><dd>{p.quantity ? `${formatNumber(Number(p.quantity), locale)} ${p.unit === "t" ? t("deals.tonnes") : p.unit}` : "—"}</dd></div>
          {p.taxBasis ? <div><dt className="text-slate-500">{t("terms.tax_basis")}</dt><dd>{t(`terms.${p.taxBasis}`)}</dd></div> : null}
          {p.flags ? <div className="sm:col-span-2"><dt className="text-slate-500">{t("inquiry.hazards")}</dt><dd><HazardBadges flags={p.flags} t={t} />{p.tier === "none" ? "—" : null}</dd></div> : null}
        </dl>
      </Card>
      {p.refusal ? <Notice tone="error"><strong>{t("inquiry.refused")}</strong> {p.refusal[locale]}</Notice> : null}
      {!p.refusal && p.supplierLicenceMissing ? <Notice tone="warning">{t("inquiry.licence_missing")}</Notice> : null}
      {p.existingInquiryId ? (
        <Notice tone="info">
          {t("inquiry.existing")}{" "}
          <Link className="underline" href={`/inquiries/${p.existingInquiryId}`}>{t("inquiry.open_existing")}</Link>
        </Notice>
      ) : null}
      {p.allowed.create && counterpart ? (
        <DealCard id="inquiry-to" title={messageWith(t, "inquiry.to", { name: enterpriseName(counterpart, locale) })}>
          <NewInquiryForm source={source} defaults={{ subject, body }} />
        </DealCard>
      ) : null}
    </div>
  );
}
