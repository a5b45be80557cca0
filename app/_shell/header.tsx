import Link from "next/link";
import { getT } from "@/i18n/server";
import { parkName } from "@/i18n/vocabulary";
import { api } from "@/server/api/server";
import { LocaleSwitch } from "./locale-switch";
import { NAV } from "./nav";
import { NavLinks } from "./nav-links";

/** The site header: brand, the navigation of this kind of user, language, account. */
export async function SiteHeader() {
  const { t, locale } = await getT();
  const caller = await api();
  const me = await caller.user.me();
  const unread = me?.enterprise ? await caller.notification.unread() : 0;
  const kind = me?.kind ?? "visitor";
  const items = NAV[kind].map((item) => ({ href: item.href, label: t(item.key), more: item.more }));
  const who = me ? (me.enterprise?.name ?? (me.park ? parkName(me.park, locale) : null)) : null;

  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t("nav.skip")}
      </a>
      <div className="mx-auto flex max-w-7xl items-center gap-4 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold text-brand-700">
          <span aria-hidden lang="zh" className="flex h-8 w-8 items-center justify-center rounded-md bg-brand-600 text-white">园</span>
          <span>{t("app.name")}</span>
        </Link>
        <nav aria-label={t("nav.main")} className="hidden flex-1 lg:block">
          <NavLinks items={items} moreLabel={t("nav.more")} />
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <LocaleSwitch />
          {me?.enterprise ? (
            <Link
              href="/notifications"
              className="relative rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
              aria-label={unread ? t("notifications.title_unread", { count: unread }) : t("notifications.title")}
            >
              <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
                <path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8" />
                <path d="M10.3 20a1.94 1.94 0 0 0 3.4 0" />
              </svg>
              {unread ? (
                <span className="absolute -right-1 -top-1 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold text-white" data-testid="unread-count">
                  {unread > 99 ? "99+" : unread}
                </span>
              ) : null}
            </Link>
          ) : null}
          {me ? (
            <div className="hidden items-center gap-3 text-sm sm:flex">
              <span className="text-right leading-tight">
                <span className="block font-medium" data-testid="signed-in-user" translate="no">{me.name}</span>
                <span className="block text-xs text-slate-500">{who ? <span translate="no">{who}</span> : t("nav.platform_admin")} · {me.enterprise ? t(`roles.${me.enterprise.role}`) : t(`kinds.${me.kind}`)}</span>
              </span>
              <Link href="/signout" className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100">{t("nav.signout")}</Link>
            </div>
          ) : (
            <Link href="/signin" className="hidden rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 sm:inline-block">
              {t("nav.signin")}
            </Link>
          )}
          <details className="relative lg:hidden">
            <summary className="cursor-pointer list-none rounded-md border border-slate-300 px-2 py-1 text-sm" aria-label={t("nav.menu")}>☰</summary>
            <nav aria-label={t("nav.main")} className="absolute right-0 z-20 mt-2 w-56 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
              <NavLinks items={[...items, me ? { href: "/signout", label: t("nav.signout") } : { href: "/signin", label: t("nav.signin") }]} vertical />
            </nav>
          </details>
        </div>
      </div>
    </header>
  );
}
