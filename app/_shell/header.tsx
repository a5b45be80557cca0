import Link from "next/link";
import { getT } from "@/i18n/server";
import { parkName } from "@/i18n/vocabulary";
import { api } from "@/server/api/server";
import { LocaleSwitch } from "./locale-switch";
import { MobileMenu } from "./mobile-menu";
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
  const who = me ? (me.enterprise ? (locale === "en" && me.enterprise.nameEn ? me.enterprise.nameEn : me.enterprise.name) : me.park ? parkName(me.park, locale) : null) : null;

  const role = me ? (me.enterprise ? t(`roles.${me.enterprise.role}`) : t(`kinds.${me.kind}`)) : null;
  const bellLabel = unread ? t("notifications.title_unread", { count: unread }) : t("notifications.title");
  // the account in two lines: the person, then the enterprise or park (user content) and the role
  const account = (testId?: string) => me ? (
    <>
      <span className="block font-medium break-words" data-testid={testId} translate="no">{me.name}</span>
      <span className="block text-xs break-words text-slate-600">{who ? <span translate="no">{who}</span> : t("nav.platform_admin")} · {role}</span>
    </>
  ) : null;

  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t("nav.skip")}
      </a>
      <div className="mx-auto flex max-w-7xl items-center gap-3 px-4 py-3 sm:gap-4">
        <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold text-brand-700">
          <span aria-hidden lang="zh" className="flex h-8 w-8 items-center justify-center rounded-md bg-brand-600 text-white">园</span>
          <span>{t("app.name")}</span>
        </Link>
        <nav aria-label={t("nav.main")} className="hidden flex-1 lg:block">
          <NavLinks items={items} moreLabel={t("nav.more")} />
        </nav>
        <div className="ml-auto flex min-w-0 items-center gap-3">
          <div className="hidden sm:block"><LocaleSwitch /></div>
          {me?.enterprise ? (
            <Link
              href="/notifications"
              className="relative shrink-0 rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
              aria-label={bellLabel}
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
            <div className="hidden min-w-0 items-center gap-3 text-sm sm:flex">
              <span className="min-w-0 max-w-56 text-right leading-tight">{account("signed-in-user")}</span>
              <Link href="/signout" className="shrink-0 rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100">{t("nav.signout")}</Link>
            </div>
          ) : (
            <Link href="/signin" className="hidden shrink-0 rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 sm:inline-block">
              {t("nav.signin")}
            </Link>
          )}
          <MobileMenu label={t("nav.menu")}>
            {me ? (
              <div className="mb-2 border-b border-slate-200 px-3 pb-2 text-sm leading-tight sm:hidden" data-testid="menu-account">{account()}</div>
            ) : null}
            <nav aria-label={t("nav.main")}>
              <NavLinks items={items} vertical />
            </nav>
            <div className="mt-2 space-y-1 border-t border-slate-200 pt-2">
              {me?.enterprise ? (
                <Link href="/notifications" className="block rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">{bellLabel}</Link>
              ) : null}
              <div className="flex items-center justify-between gap-2 px-3 py-1.5 text-sm text-slate-600 sm:hidden">
                <span aria-hidden>{t("nav.language")}</span>
                <LocaleSwitch />
              </div>
              {me ? (
                <Link href="/signout" className="block rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">{t("nav.signout")}</Link>
              ) : (
                <Link href="/signin" className="block rounded-md px-3 py-2 text-sm font-medium text-brand-700 hover:bg-slate-100">{t("nav.signin")}</Link>
              )}
            </div>
          </MobileMenu>
        </div>
      </div>
    </header>
  );
}
