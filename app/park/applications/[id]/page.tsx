import type { Metadata } from "next";
import Link from "next/link";
import { formatBytes } from "@/app/_components/file-picker";
import { pageId } from "@/app/_components/page-id";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Badge, Card, Notice } from "@/app/_components/ui";
import { formatDateTime } from "@/i18n";
import { getT } from "@/i18n/server";
import { chainName, isTranslated, parkName } from "@/i18n/vocabulary";
import { messageWith } from "@/app/_components/user-text";
import { api } from "@/server/api/server";
import { ReviewActions } from "./review-actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("application.review_title") };
}

/** One application to join, with its business licence scan in view, and the reviewer's decision. */
export default async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { t, locale } = await getT();
  const id = pageId((await params).id);
  const result = await attempt(async () => (await api()).application.byId({ id }));
  if (!result.ok) return <Refusal failure={result} />;
  const a = result.data;
  const scanHref = `/api/applications/${a.id}/scan`;
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid gap-1 py-2 sm:grid-cols-3">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="text-sm text-slate-900 break-words sm:col-span-2">{value}</dd>
    </div>
  );
  return (
    <div className="space-y-6">
      <Link href="/park/applications" className="text-sm text-brand-700 underline">{t("application.back")}</Link>
      <div className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900" translate="no">{a.name}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("application.submitted_on", { date: formatDateTime(a.createdAt, locale) })}</p>
      </div>
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-2">
        <Card title={t("application.details")} actions={<Badge tone={a.status === "approved" ? "green" : a.status === "rejected" ? "red" : "amber"}>{t(`application.status.${a.status}`)}</Badge>}>
          <dl className="divide-y divide-slate-100">
            {row(t("enterprise.uscc"), <span className="font-mono">{a.uscc}</span>)}
            {row(t("enterprise.name"), <span translate="no">{a.name}</span>)}
            {row(t("application.park"), a.park ? <span translate={isTranslated(parkName(a.park, locale), locale) ? undefined : "no"}>{parkName(a.park, locale)}</span> : t("application.external_park"))}
            {row(t("application.chains"), a.chains.length ? a.chains.map((c, i) => <span key={c} translate={isTranslated(chainName(c, locale), locale) ? undefined : "no"}>{i ? (locale === "zh" ? "、" : ", ") : ""}{chainName(c, locale)}</span>) : "—")}
            {row(t("application.contact_name"), <span translate="no">{a.contactName}</span>)}
            {row(t("application.contact_phone"), <a className="text-brand-700 underline" href={`tel:${a.contactPhone.replace(/[^0-9+]/g, "")}`}>{a.contactPhone}</a>)}
            {row(t("application.contact_email"), <span translate="no">{a.contactEmail}</span>)}
          </dl>
          {a.status === "rejected" && a.reason ? <Notice tone="warning">{messageWith(t, "application.rejected_reason", { reason: a.reason })}</Notice> : null}
          {a.status !== "pending" ? (
            <p className="mt-3 text-xs text-slate-500">
              {a.reviewer ? messageWith(t, "application.decided_by", { name: a.reviewer }, { date: formatDateTime(a.reviewedAt, locale) }) : t("application.decided_on", { date: formatDateTime(a.reviewedAt, locale) })}
              {a.enterpriseId ? <>{" · "}<Link className="text-brand-700 underline" href={`/enterprises/${a.enterpriseId}/manage`}>{t("application.go_enterprise")}</Link></> : null}
            </p>
          ) : null}
          {a.allowed.review ? (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <ReviewActions id={a.id} name={a.name} contactEmail={a.contactEmail} />
            </div>
          ) : null}
        </Card>
        <Card title={t("application.scan_title")} actions={<a href={scanHref} target="_blank" rel="noopener" className="text-sm text-brand-700 underline">{t("application.scan_open")}</a>}>
          {a.scan.contentType === "application/pdf" ? (
            <p className="text-sm text-slate-700" data-testid="scan">
              <a href={scanHref} target="_blank" rel="noopener" className="text-brand-700 underline" translate="no">{a.scan.filename}</a>
              {" · "}{t("application.scan_pdf", { size: formatBytes(a.scan.sizeBytes) })}
            </p>
          ) : (
            <img src={scanHref} alt={t("application.scan_alt", { name: a.name })} data-testid="scan" className="max-h-[70vh] w-full rounded border border-slate-200 object-contain" />
          )}
        </Card>
      </div>
    </div>
  );
}
