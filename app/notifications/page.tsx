import type { Metadata } from "next";
import Link from "next/link";
import { attempt, Refusal } from "@/app/_components/refusal";
import { ButtonLink, EmptyState, PageHeader, Pagination } from "@/app/_components/ui";
import { formatDateTime } from "@/i18n";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { messageWith, UserText } from "@/app/_components/user-text";
import { MarkAllRead } from "./mark-all-read";
import { noticeMessage, storedTextParts } from "./notice-text";
import { pageNumber } from "@/app/_components/page-id";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("notifications.title") };
}

const PAGE_SIZE = 20;

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { t, locale } = await getT();
  const page = pageNumber((await searchParams).page);
  const result = await attempt(async () => (await api()).notification.list({ page, pageSize: PAGE_SIZE }));
  if (!result.ok) return <Refusal failure={result} from="/notifications" />;
  const { items, total } = result.data;
  // written in the reader's language from the notice's kind and values where it has them (notice-text.ts)
  const text = (n: (typeof items)[number]) => {
    const message = noticeMessage(n.kind, n.notice, locale);
    if (message) return messageWith(t, message.key, message.content, message.vars);
    return storedTextParts(n.notice[locale], locale).map((part, i) => (part.user ? <UserText key={i}>{part.text}</UserText> : part.text));
  };

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={t("notifications.title")}
        actions={
          <>
            <ButtonLink variant="ghost" size="sm" href="/searches">{t("alerts.manage")}</ButtonLink>
            {items.some((n) => !n.read) ? <MarkAllRead /> : null}
          </>
        }
      />
      {items.length === 0 ? (
        <EmptyState title={t("notifications.empty")} />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {items.map((n) => (
            <li key={n.id} className={`flex items-start justify-between gap-3 px-4 py-3 ${n.read ? "" : "bg-brand-50/60"}`}>
              <div className="min-w-0 break-words">
                {n.notice.href ? (
                  <Link href={n.notice.href} className="text-sm font-medium text-slate-900 hover:text-brand-700">{text(n)}</Link>
                ) : (
                  <span className="text-sm font-medium text-slate-900">{text(n)}</span>
                )}
                <div className="text-xs text-slate-500"><time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt, locale)}</time></div>
              </div>
              {!n.read ? (
                <span className="mt-1 flex shrink-0 items-center" data-testid="unread-dot">
                  <span className="h-2 w-2 rounded-full bg-brand-600" aria-hidden />
                  <span className="sr-only">{t("notifications.unread")}</span>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={page} pageSize={PAGE_SIZE} total={total} hrefFor={(p) => `/notifications?page=${p}`}
        labels={{ previous: t("pagination.previous"), next: t("pagination.next"), status: t("pagination.status", { page, pages: Math.ceil(total / PAGE_SIZE) }) }}
      />
    </div>
  );
}
