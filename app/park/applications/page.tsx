import type { Metadata } from "next";
import Link from "next/link";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Badge, Card, EmptyState, PageHeader } from "@/app/_components/ui";
import { formatDate } from "@/i18n";
import { getT } from "@/i18n/server";
import { isTranslated, parkName } from "@/i18n/vocabulary";
import { api } from "@/server/api/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("application.review_title") };
}

const STATUSES = ["pending", "approved", "rejected"] as const;
type Status = (typeof STATUSES)[number];

/** Park staff (their parks') and platform admins (all, external ones included): applications to join. */
export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const { t, locale } = await getT();
  const raw = (await searchParams).status;
  const status: Status = STATUSES.includes(raw as Status) ? (raw as Status) : "pending";
  const result = await attempt(async () => (await api()).application.list({ status }));
  if (!result.ok) return <Refusal failure={result} from="/park/applications" />;
  const items = result.data;
  return (
    <div className="space-y-6">
      <PageHeader title={t("application.review_title")} description={t("application.review_description")} />
      <nav aria-label={t("application.review_title")} className="flex flex-wrap gap-2">
        {STATUSES.map((s) => (
          <Link key={s} href={`/park/applications${s === "pending" ? "" : `?status=${s}`}`} aria-current={s === status ? "page" : undefined}
            className={`rounded-full px-3 py-1 text-sm ${s === status ? "bg-brand-700 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`}>
            {t(`application.status.${s}`)}
          </Link>
        ))}
      </nav>
      <Card>
        {items.length === 0 ? (
          <EmptyState title={t("application.empty", { status })} />
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="applications">
            {items.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div className="min-w-0">
                  <Link href={`/park/applications/${a.id}`} className="font-medium break-words hover:text-brand-700" translate="no">{a.name}</Link>
                  <div className="text-xs text-slate-500">
                    <span className="font-mono">{a.uscc}</span> · {a.park ? <span translate={isTranslated(parkName(a.park, locale), locale) ? undefined : "no"}>{parkName(a.park, locale)}</span> : t("application.external_park")}
                    {" · "}{t("application.submitted_on", { date: formatDate(a.createdAt, locale) })}
                  </div>
                </div>
                <span className="flex items-center gap-2">
                  <Badge tone={a.status === "approved" ? "green" : a.status === "rejected" ? "red" : "amber"}>{t(`application.status.${a.status}`)}</Badge>
                  <Link href={`/park/applications/${a.id}`} className="text-sm text-brand-700 underline">{t(a.status === "pending" ? "application.open" : "application.view")}</Link>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
