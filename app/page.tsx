import Link from "next/link";
import { SearchBox } from "@/app/_components/search-box";
import { SearchExamples } from "@/app/_components/search-examples";
import { ButtonLink, Stat } from "@/app/_components/ui";
import { formatCny, formatNumber } from "@/i18n";
import { placeName } from "@/i18n/place-name";
import { getT } from "@/i18n/server";
import { isTranslated, parkName } from "@/i18n/vocabulary";
import { api } from "@/server/api/server";

export const dynamic = "force-dynamic";

/** What the platform is, for a first-time visitor, with live figures. */
export default async function HomePage() {
  const { t, locale } = await getT();
  const caller = await api();
  const [figures, parks, me] = await Promise.all([caller.stats.home(), caller.park.list(), caller.user.me()]);

  return (
    <div className="space-y-10">
      <section className="rounded-2xl bg-gradient-to-br from-brand-700 to-brand-500 px-6 py-12 text-white sm:px-10">
        <p className="text-sm font-medium uppercase tracking-widest text-brand-100">{t("home.kicker")}</p>
        <h1 className="mt-2 max-w-3xl text-3xl font-bold leading-tight sm:text-4xl">{t("home.title")}</h1>
        <p className="mt-4 max-w-3xl text-brand-50">{t("home.lead")}</p>
        <div className="mt-6 max-w-3xl">
          <SearchBox id="home-search" tone="dark" examples={[]} />
          <SearchExamples tone="dark" />
        </div>
        <div className="mt-6 flex flex-wrap gap-3">
          {me ? (
            <Link href="/home" className="rounded-md bg-white px-4 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50">{t("home.cta_workspace")}</Link>
          ) : (
            <Link href="/signin" className="rounded-md bg-white px-4 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50">{t("home.cta_signin")}</Link>
          )}
          <Link href="/enterprises" className="rounded-md border border-white/60 px-4 py-2 text-sm font-semibold text-white hover:bg-white/10">{t("home.cta_directory")}</Link>
        </div>
      </section>

      <section aria-labelledby="figures">
        <h2 id="figures" className="mb-3 text-lg font-semibold">{t("home.figures_title")}</h2>
        <div className="grid grid-cols-2 gap-4 md:grid-cols-5">
          <Stat label={t("home.figure_parks")} value={formatNumber(figures.parks, locale)} />
          <Stat label={t("home.figure_enterprises")} value={formatNumber(figures.enterprises, locale)} />
          <Stat label={t("home.figure_products")} value={formatNumber(figures.products, locale)} />
          <Stat label={t("home.figure_agreements")} value={formatNumber(figures.agreements, locale)} />
          <Stat label={t("home.figure_amount")} value={formatCny(figures.amountCny, locale)} />
        </div>
      </section>

      <section aria-labelledby="how" className="grid gap-4 md:grid-cols-3">
        <h2 id="how" className="sr-only">{t("home.how_title")}</h2>
        {(["enterprise", "procurement", "park"] as const).map((kind) => (
          <div key={kind} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h3 className="font-semibold text-brand-700">{t(`home.role_${kind}_title`)}</h3>
            <p className="mt-2 text-sm text-slate-600">{t(`home.role_${kind}_body`)}</p>
          </div>
        ))}
      </section>

      {parks.length ? (
        <section aria-labelledby="parks">
          <h2 id="parks" className="mb-3 text-lg font-semibold">{t("home.parks_title")}</h2>
          <ul className="grid gap-4 md:grid-cols-3">
            {parks.map((p) => (
              <li key={p.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <Link href={`/enterprises?park=${p.id}`} className="font-medium break-words text-slate-900 hover:text-brand-700" translate={isTranslated(parkName(p, locale), locale) ? undefined : "no"}>
                  {parkName(p, locale)}
                </Link>
                <p className="mt-1 text-sm text-slate-600">
                  {p.code}{p.city ? ` · ${placeName(p.city, locale)}` : ""} · {t("home.park_enterprises", { count: p.enterprises })}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {!me ? (
        <section className="flex flex-wrap items-center justify-between gap-4 rounded-lg border border-slate-200 bg-white p-6">
          <p className="text-slate-700">{t("home.join")}</p>
          <ButtonLink href="/signin">{t("home.cta_signin")}</ButtonLink>
        </section>
      ) : null}
    </div>
  );
}
