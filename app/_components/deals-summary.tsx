import "server-only";
import Link from "next/link";
import { formatCny, formatDate } from "@/i18n";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { Card, EmptyState, Stat } from "./ui";

/** An enterprise user's deals at a glance: unread replies, threads to answer, quotes to decide, recent agreements. */
export async function DealsSummary() {
  const { t, locale } = await getT();
  const caller = await api();
  const [summary, recent] = await Promise.all([caller.inquiry.summary(), caller.agreement.list({ page: 1, pageSize: 5 })]);
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label={t("inquiry.widget_unread")} value={String(summary.unread)} />
        <Stat label={t("inquiry.widget_open")} value={String(summary.open)} />
        <Stat label={t("inquiry.widget_to_answer")} value={String(summary.quotesToAnswer)} />
        <Stat label={t("inquiry.widget_to_decide")} value={String(summary.quotesToDecide)} />
      </div>
      <Card
        title={t("agreement.widget_title")}
        actions={<span className="flex gap-3 text-sm"><Link href="/inquiries" className="text-brand-700 hover:underline">{t("nav.inquiries")}</Link><Link href="/agreements" className="text-brand-700 hover:underline">{t("agreement.widget_all", { count: recent.total })}</Link></span>}
      >
        {recent.items.length === 0 ? (
          <EmptyState title={t("agreement.empty")} />
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {recent.items.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link href={`/agreements/${a.id}`} className="font-medium hover:text-brand-700" translate="no">{a.title}</Link>
                <span className="text-slate-500">{t(`agreement.status.${a.status}`)} · {formatCny(a.totalAmountCny, locale)} · {formatDate(a.signedOn, locale)}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
