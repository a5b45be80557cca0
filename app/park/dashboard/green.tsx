import { Card, EmptyState, Stat, Table, td, th } from "@/app/_components/ui";
import { formatNumber, type Locale, type Translate } from "@/i18n";
import { chainName, isTranslated } from "@/i18n/vocabulary";
import type { GreenFigures } from "@/server/reports/green";

const n = (value: number, locale: Locale, digits = 1) =>
  value.toLocaleString(locale === "zh" ? "zh-CN" : "en", { maximumFractionDigits: digits });

/**
 * The dashboard's green outcomes (server/reports/green.ts): the four figures on delivered tonnes,
 * the contracted ones beside them, by month and by chain, and how each figure is computed.
 */
export function GreenSection({ g, t, locale, exportHref }: { g: GreenFigures; t: Translate; locale: Locale; exportHref: string }) {
  const tonnes = (v: number) => t("insights.green.tonnes", { value: n(v, locale) });
  const how = (k: keyof GreenFigures["how"]) => g.how[k][locale];
  return (
    <Card title={t("insights.green.title")} actions={<a href={exportHref} className="text-sm text-brand-700 hover:underline" download>{t("insights.export")}</a>}>
      <div className="space-y-4" data-testid="green-outcomes">
        <p className="text-sm text-slate-600">{t("insights.green.description")}</p>
        <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
          <Stat label={t("insights.green.in_park_tonnes")} value={tonnes(g.inParkTonnes)}
            hint={g.tonnesAtDefaultDistance > 0 ? t("insights.green.default_distance", { tonnes: n(g.tonnesAtDefaultDistance, locale) }) : undefined} />
          <Stat label={t("insights.green.tonne_km")} value={t("insights.green.tonne_km_value", { value: n(g.tonneKmAvoided, locale, 0) })}
            hint={g.tonnesWithoutCoordinates > 0 ? t("insights.green.no_coordinates", { tonnes: n(g.tonnesWithoutCoordinates, locale) }) : undefined} />
          <Stat label={t("insights.green.co2e")} value={t("insights.green.co2e_value", { value: n(g.co2eTonnesAvoided, locale, 2) })} />
          <Stat label={t("insights.green.byproduct")} value={tonnes(g.byproductTonnesReused)} />
        </div>
        <p className="text-sm text-slate-600">
          {t("insights.green.contracted", {
            tonnes: n(g.contracted.inParkTonnes, locale), tkm: n(g.contracted.tonneKmAvoided, locale, 0),
            co2e: n(g.contracted.co2eTonnesAvoided, locale, 2), byproduct: n(g.contracted.byproductTonnesReused, locale),
          })}
        </p>
        <details className="rounded-md border border-slate-200 p-3 text-sm" open>
          <summary className="cursor-pointer font-medium text-slate-800">{t("insights.green.how")}</summary>
          <dl className="mt-2 space-y-2" data-testid="green-how">
            {([["basis", "insights.green.how"], ["inParkTonnes", "insights.green.in_park_tonnes"], ["tonneKmAvoided", "insights.green.tonne_km"],
              ["co2eTonnesAvoided", "insights.green.co2e"], ["byproductTonnesReused", "insights.green.byproduct"], ["contracted", "insights.green.how"]] as const).map(([k, label]) => (
              <div key={k}>
                {k === "basis" || k === "contracted" ? null : <dt className="font-medium text-slate-700">{t(label)}</dt>}
                <dd className="text-slate-600">{how(k)}</dd>
              </div>
            ))}
          </dl>
        </details>
        {g.inParkTonnes === 0 && g.byproductTonnesReused === 0 ? <EmptyState title={t("insights.green.empty")} /> : (
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2 [&>*]:min-w-0">
            <div>
              <h3 className="mb-1 text-sm font-semibold text-slate-800">{t("insights.green.by_month")}</h3>
              <p className="mb-2 text-xs text-slate-500">{how("byMonth")}</p>
              <GreenTable first={t("insights.green.month")} rows={g.byMonth.map((m) => ({ key: m.month, ...m }))} t={t} locale={locale} />
            </div>
            <div>
              <h3 className="mb-1 text-sm font-semibold text-slate-800">{t("insights.green.by_chain")}</h3>
              <p className="mb-2 text-xs text-slate-500">{how("byChain")}</p>
              <GreenTable first={t("insights.green.chain")} rows={g.byChain.map((c) => ({ key: c.chain, ...c, label: chainName(c.chain, locale) }))} t={t} locale={locale} />
            </div>
          </div>
        )}
      </div>
    </Card>
  );
}

function GreenTable({ first, rows, t, locale }: {
  first: string; t: Translate; locale: Locale;
  rows: { key: string; label?: string; inParkTonnes: number; tonneKmAvoided: number; co2eTonnesAvoided: number; byproductTonnesReused: number }[];
}) {
  return (
    <Table caption={first}>
      <thead>
        <tr>
          <th className={th}>{first}</th><th className={th}>{t("insights.green.in_park_tonnes")}</th><th className={th}>{t("insights.green.tonne_km")}</th>
          <th className={th}>{t("insights.green.co2e")}</th><th className={th}>{t("insights.green.byproduct")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.key}>
            <td className={`${td} whitespace-nowrap`} translate={isTranslated(r.label ?? r.key, locale) ? undefined : "no"}>{r.label ?? r.key}</td>
            <td className={`${td} text-right tabular-nums`}>{formatNumber(r.inParkTonnes, locale)}</td>
            <td className={`${td} text-right tabular-nums`}>{n(r.tonneKmAvoided, locale, 0)}</td>
            <td className={`${td} text-right tabular-nums`}>{n(r.co2eTonnesAvoided, locale, 2)}</td>
            <td className={`${td} text-right tabular-nums`}>{formatNumber(r.byproductTonnesReused, locale)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
