"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { Table, td, th } from "@/app/_components/ui";
import { formatCny, formatNumber, formatPercent } from "@/i18n";
import { useI18n } from "@/i18n/client";
import { chainNames, isTranslated } from "@/i18n/vocabulary";
import type { LinkageRow } from "@/server/reports/linkage";

/** An enterprise by its English name in English where it has one, else as registered. */
const nameIn = (r: LinkageRow, locale: string) => (locale === "en" && r.nameEn ? r.nameEn : r.name);

type Key = "name" | "purchaseCny" | "inParkPurchaseCny" | "inParkPurchaseShare" | "salesCny" | "inParkSalesCny" | "inParkSalesShare"
  | "inParkPartners" | "openDemands" | "openDemandInParkT";

const COLUMNS: { key: Key; label: string }[] = [
  { key: "name", label: "enterprise" },
  { key: "purchaseCny", label: "purchase" },
  { key: "inParkPurchaseCny", label: "in_park_purchase" },
  { key: "inParkPurchaseShare", label: "purchase_share" },
  { key: "salesCny", label: "sales" },
  { key: "inParkSalesCny", label: "in_park_sales" },
  { key: "inParkSalesShare", label: "sales_share" },
  { key: "inParkPartners", label: "partners" },
  { key: "openDemands", label: "open_demands" },
  { key: "openDemandInParkT", label: "in_park_t" },
];

/**
 * The linkage table, sorted by any column (click its header; again to reverse). An empty share
 * (no purchase, no sale) sorts last in either direction: it is no figure, not a small one.
 */
export function LinkageTable({ rows }: { rows: LinkageRow[] }) {
  const { t, locale } = useI18n();
  const [sort, setSort] = useState<{ key: Key; dir: 1 | -1 }>({ key: "inParkPurchaseShare", dir: -1 });
  const sorted = useMemo(() => {
    const collator = new Intl.Collator(locale === "zh" ? "zh-CN" : "en");
    return [...rows].sort((a, b) => {
      if (sort.key === "name") return sort.dir * collator.compare(nameIn(a, locale), nameIn(b, locale));
      const x = a[sort.key], y = b[sort.key];
      if (x === null || y === null) return x === y ? collator.compare(a.name, b.name) : x === null ? 1 : -1;
      return sort.dir * (x - y) || collator.compare(a.name, b.name);
    });
  }, [rows, sort, locale]);
  const cell = (r: LinkageRow, key: Key) => {
    switch (key) {
      case "purchaseCny": case "inParkPurchaseCny": case "salesCny": case "inParkSalesCny":
        return formatCny(r[key], locale);
      case "inParkPurchaseShare": case "inParkSalesShare":
        return r[key] === null ? <span title={t(`insights.def.${key === "inParkPurchaseShare" ? "purchase_share" : "sales_share"}`)}>{t("insights.no_value")}</span> : formatPercent(r[key], locale);
      case "openDemandInParkT":
        return r.openDemands ? `${formatNumber(r.openDemandInParkT, locale)} / ${formatNumber(r.openDemandT, locale)}` : t("insights.no_value");
      default:
        return formatNumber(r[key] as number, locale);
    }
  };
  return (
    <Table caption={t("insights.title")}>
      <thead>
        <tr>
          {COLUMNS.map((c) => {
            const label = t(`insights.col.${c.label}`);
            const active = sort.key === c.key;
            return (
              <th key={c.key} className={th} aria-sort={active ? (sort.dir === 1 ? "ascending" : "descending") : "none"} scope="col">
                <button
                  type="button" className="inline-flex items-center gap-1 uppercase hover:text-slate-800"
                  title={t("insights.sort_by", { column: label })}
                  onClick={() => setSort((s) => ({ key: c.key, dir: s.key === c.key ? (s.dir === 1 ? -1 : 1) : c.key === "name" ? 1 : -1 }))}
                >
                  {label}
                  <span aria-hidden="true">{active ? (sort.dir === 1 ? "▲" : "▼") : "↕"}</span>
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100" data-testid="linkage-rows">
        {sorted.map((r) => (
          <tr key={r.id} data-uscc={r.uscc}>
            <td className={`${td} min-w-48`}>
              <Link href={`/enterprises/${r.id}`} className="font-medium hover:text-brand-700" translate="no">{nameIn(r, locale)}</Link>
              <div className="text-xs text-slate-500">
                <span className="font-mono">{r.uscc}</span>
                {r.chains.length ? <> · <span translate={isTranslated(chainNames(r.chains, locale), locale) ? undefined : "no"}>{chainNames(r.chains, locale)}</span></> : null}
              </div>
            </td>
            {COLUMNS.slice(1).map((c) => <td key={c.key} className={`${td} whitespace-nowrap text-right tabular-nums`}>{cell(r, c.key)}</td>)}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
