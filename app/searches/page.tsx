import type { Metadata } from "next";
import Link from "next/link";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Badge, ButtonLink, EmptyState, PageHeader } from "@/app/_components/ui";
import { formatDate } from "@/i18n";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { SavedSearchActions } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("alerts.title") };
}

/** The signed-in user's saved searches, in one place: open, pause or resume, delete. */
export default async function SavedSearchesPage() {
  const { t, locale } = await getT();
  const result = await attempt(async () => (await api()).savedSearch.list());
  if (!result.ok) return <Refusal failure={result} from="/searches" />;
  const items = result.data;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("alerts.title")} description={t("alerts.description")} actions={<ButtonLink variant="secondary" size="sm" href="/search">{t("alerts.go_search")}</ButtonLink>} />
      {items.length === 0 ? (
        <EmptyState title={t("alerts.empty")} />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label={t("alerts.title")}>
          {items.map((s) => (
            <li key={s.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3" data-testid="saved-search">
              <div className="min-w-0">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={s.href} className="font-medium text-slate-900 hover:text-brand-700" translate="no">{s.label[locale]}</Link>
                  {s.paused ? <Badge tone="amber">{t("alerts.state_paused")}</Badge> : <Badge tone="green">{t("alerts.state_active")}</Badge>}
                </div>
                <div className="mt-0.5 text-xs text-slate-500">
                  {t("alerts.saved_on", { date: formatDate(s.createdAt, locale) })}
                  {" · "}
                  {s.lastNotifiedOn ? t("alerts.last_notified", { date: formatDate(s.lastNotifiedOn, locale) }) : t("alerts.never_notified")}
                </div>
              </div>
              <SavedSearchActions id={s.id} paused={s.paused} label={s.label[locale]} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
