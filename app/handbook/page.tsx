import type { Metadata } from "next";
import Link from "next/link";
import { HazardBadges } from "@/app/_components/hazard-badges";
import { attempt, Refusal } from "@/app/_components/refusal";
import { EmptyState, Notice, buttonClass, inputClass } from "@/app/_components/ui";
import { formatDate, formatNumber, formatYuan } from "@/i18n";
import { getT } from "@/i18n/server";
import { chainName, isTranslated, parkName, substanceName } from "@/i18n/vocabulary";
import { api } from "@/server/api/server";
import { queryId } from "@/app/_components/page-id";
import { PrintButton } from "./print-button";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("handbook.title") };
}

/** Hides the site's header and footer and the controls when printing or saving as PDF. */
const PRINT_CSS = `
@media print {
  body header, body footer, .no-print { display: none !important; }
  main { max-width: none !important; padding: 0 !important; }
  body { background: white !important; }
  .handbook-section { break-before: page; }
  .handbook-section:first-of-type { break-before: auto; }
  .handbook-enterprise { break-inside: avoid; }
  @page { size: A4; margin: 16mm 14mm; }
}`;

/** The supply-chain product handbook (供应链产品信息手册): the park's catalogue by chain and enterprise, printable. */
export default async function HandbookPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { t, locale } = await getT();
  const params = await searchParams;
  const caller = await api();
  const me = await caller.user.me();
  if (!me) return <Refusal failure={{ ok: false, code: "UNAUTHORIZED", message: null }} from="/handbook" />;
  const parks = await caller.park.list();
  const profile = me.enterprise ? await caller.enterprise.profile({ id: me.enterprise.id }) : null;
  const parkId = queryId(params.park) ?? me.park?.id ?? profile?.park?.id ?? parks[0]?.id;
  if (!parkId) return <EmptyState title={t("park.no_parks")} />;
  const chain = params.chain?.trim().slice(0, 20) || undefined;
  const result = await attempt(() => caller.report.handbook({ parkId, chain }));
  if (!result.ok) return <Refusal failure={result} from="/handbook" />;
  const h = result.data;
  const unit = t("deals.tonnes");
  /** marks text that stayed Chinese in English (a fallback) as user content */
  const mark = (text: string) => (isTranslated(text, locale) ? undefined : ("no" as const));
  const chainOf = (chain: string) => (chain ? chainName(chain, locale) : t("chain_map.legend_no_chain"));
  const park = parkName(h.park, locale);

  return (
    <article className="space-y-8">
      <style>{PRINT_CSS}</style>
      <form className="no-print grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:flex sm:flex-wrap sm:items-end" action="/handbook">
        <div>
          <label htmlFor="park" className="mb-1 block text-sm font-medium text-slate-700">{t("directory.park_label")}</label>
          <select id="park" name="park" defaultValue={parkId} className={inputClass}>
            {parks.map((p) => <option key={p.id} value={p.id} translate={mark(parkName(p, locale))}>{parkName(p, locale)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="chain" className="mb-1 block text-sm font-medium text-slate-700">{t("dashboard.chain")}</label>
          <select id="chain" name="chain" defaultValue={chain ?? ""} className={inputClass}>
            <option value="">{t("common.all")}</option>
            {h.chains.map((c) => <option key={c} value={c} translate={mark(chainOf(c))}>{chainOf(c)}</option>)}
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>{t("dashboard.apply")}</button>
        <PrintButton />
        <a className={buttonClass("secondary")} href={`/api/reports/handbook?${new URLSearchParams({ park: String(parkId), ...(chain ? { chain } : {}) })}`} download>{t("handbook.download_xlsx")}</a>
      </form>

      <div className="border-b-2 border-brand-600 pb-4 text-center">
        <p className="text-sm text-slate-500">
          {locale === "zh" ? <>{h.park.name}{h.park.nameEn ? ` · ${h.park.nameEn}` : ""}</> : <span translate={mark(park)}>{park}</span>}
        </p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight">{t("handbook.title")}</h1>
        <p className="mt-2 text-sm text-slate-600">
          {t("handbook.subtitle", { products: h.products, chains: h.sections.length, date: formatDate(new Date(), locale) })}
          {h.chain ? <> · <span translate={mark(chainOf(h.chain))}>{chainOf(h.chain)}</span></> : null}
        </p>
      </div>
      {h.hazardousHidden ? <div className="no-print"><Notice tone="info">{t("handbook.hidden")}</Notice></div> : null}
      {h.sections.length === 0 ? <EmptyState title={t("handbook.empty")} /> : null}

      <nav aria-label={t("handbook.contents")} className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-sm font-semibold">{t("handbook.contents")}</h2>
        <ol className="list-inside list-decimal text-sm sm:columns-2">
          {h.sections.map((s) => (
            <li key={s.chain}>
              <a className="hover:text-brand-700" href={`#chain-${s.chain}`} translate={mark(chainOf(s.chain))}>{chainOf(s.chain)}</a>{" "}
              <span className="text-slate-500">{locale === "zh" ? `（${s.enterprises.length}）` : `(${s.enterprises.length})`}</span>
            </li>
          ))}
        </ol>
      </nav>

      {h.sections.map((s) => (
        <section key={s.chain} id={`chain-${s.chain}`} className="handbook-section space-y-4" aria-labelledby={`chain-${s.chain}-title`}>
          <h2 id={`chain-${s.chain}-title`} className="border-l-4 border-brand-600 pl-3 text-xl font-semibold" translate={mark(chainOf(s.chain))}>{chainOf(s.chain)}</h2>
          {s.enterprises.map((e) => (
            <div key={e.id} className="handbook-enterprise rounded-lg border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 id={`enterprise-${e.id}`} className="text-base font-semibold" translate="no">{locale === "en" && e.nameEn ? e.nameEn : e.name}</h3>
                <span className="font-mono text-xs text-slate-500">{e.uscc}</span>
              </div>
              <p className="mt-1 text-xs text-slate-600">
                <span translate="no">{[e.address, e.contactName, e.contactPhone].filter(Boolean).join(" · ")}</span>
                {e.chains.length > 1 ? <> · {e.chains.map((c, i) => <span key={c} translate={mark(chainOf(c))}>{i ? (locale === "zh" ? "、" : ", ") : ""}{chainOf(c)}</span>)}</> : null}
              </p>
              {/* a phone scrolls the table inside its own box (focusable, named, for the keyboard), product first */}
              <div className="relative mt-3 overflow-x-auto print:overflow-visible" tabIndex={0} role="region" aria-labelledby={`enterprise-${e.id}`}>
              <table className="w-full text-left text-xs">
                <thead className="border-b border-slate-200 text-slate-500">
                  <tr>
                    <th className="py-1 pr-2 font-medium">{t("handbook.product")}</th>
                    <th className="py-1 pr-2 font-medium">CAS</th>
                    <th className="py-1 pr-2 font-medium">{t("handbook.grade")}</th>
                    <th className="py-1 pr-2 font-medium">{t("handbook.purity")}</th>
                    <th className="py-1 pr-2 font-medium">{t("handbook.packaging")}</th>
                    <th className="py-1 pr-2 font-medium">{t("handbook.capacity")}</th>
                    <th className="py-1 pr-2 font-medium">{t("handbook.price")}</th>
                    {h.allowed.inquire ? <th className="no-print py-1 font-medium"><span className="sr-only">{t("inquiry.send")}</span></th> : null}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {e.products.map((p) => (
                    <tr key={p.id}>
                      <td className="min-w-36 py-1 pr-2">
                        <span id={`product-${p.id}`}>
                        {locale === "zh" ? (
                          <>{p.name}{p.substance && p.substance !== p.name ? <span className="text-slate-500">（{p.substance}）</span> : null}</>
                        ) : p.substanceEn ? (
                          <>{substanceName({ name: p.name, nameEn: p.substanceEn }, locale)}{isTranslated(p.name, locale) && p.name === p.substanceEn ? null : <span className="block text-slate-500" translate="no">{p.name}</span>}</>
                        ) : (
                          <span translate={mark(p.name)}>{p.name}</span>
                        )}
                        </span>{" "}
                        <HazardBadges flags={p.flags} t={t} />
                      </td>
                      <td className="py-1 pr-2 font-mono">{p.cas ?? "—"}</td>
                      <td className="py-1 pr-2">{p.grade ? t(`handbook.grades.${p.grade}`) : "—"}</td>
                      <td className="py-1 pr-2">{p.purityPct ? `${Number(p.purityPct)}%` : "—"}</td>
                      <td className="py-1 pr-2" translate={p.packaging ? mark(p.packaging) : undefined}>{p.packaging ?? "—"}</td>
                      <td className="py-1 pr-2">{p.capacityTpy ? `${formatNumber(Number(p.capacityTpy), locale)} ${unit}/${t("handbook.year")}` : "—"}</td>
                      <td className="py-1 pr-2">{p.priceCnyPerT ? `${formatYuan(p.priceCnyPerT, locale)}/${t("deals.tonne")}` : "—"}</td>
                      {h.allowed.inquire ? (
                        <td className="no-print py-1">
                          {h.allowed.ownEnterpriseIds.includes(e.id) ? null : <Link className="whitespace-nowrap text-brand-700 hover:underline" href={`/inquiries/new?product=${p.id}`} id={`inquire-${p.id}`} aria-labelledby={`inquire-${p.id} product-${p.id}`}>{t("handbook.inquire")}</Link>}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
              </div>
            </div>
          ))}
        </section>
      ))}
    </article>
  );
}
