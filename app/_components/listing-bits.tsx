import type { Locale, Translate } from "@/i18n";
import { Badge } from "./ui";

/** Small pieces of the listing and match views. Server and client components may use them. */

const STATUS_TONE = { draft: "slate", open: "green", closed: "slate", expired: "amber" } as const;

export function ListingStatus({ status, t }: { status: "draft" | "open" | "closed" | "expired"; t: Translate }) {
  return <Badge tone={STATUS_TONE[status]}>{t(`listing.status_${status}`)}</Badge>;
}

const COMPLIANCE_TONE = { ok: "green", needs_licence: "amber", blocked: "red" } as const;

export function ComplianceBadge({ state, t }: { state: "ok" | "needs_licence" | "blocked"; t: Translate }) {
  return <Badge tone={COMPLIANCE_TONE[state]}>{t(`match.state_${state}`)}</Badge>;
}

/** The reasons behind a score on one line: "同园区 · CAS一致 · 可供量覆盖 120%". */
export function Reasons({ reasons, locale }: { reasons: { code: string; zh: string; en: string }[]; locale: Locale }) {
  const warn = new Set(["grade_below", "purity_below", "supplier_licence_missing", "supplier_licence_expired", "buyer_licence_needed", "stale"]);
  return (
    <p className="text-sm leading-relaxed" data-testid="match-reasons">
      {reasons.map((r, i) => (
        <span key={`${r.code}-${i}`}>
          {i > 0 ? <span className="text-slate-400"> · </span> : null}
          <span className={warn.has(r.code) ? "text-amber-700" : r.code === "same_park" ? "font-medium text-emerald-700" : "text-slate-700"}>{r[locale]}</span>
        </span>
      ))}
    </p>
  );
}

/** Quantities in tonnes (or the listing's unit), without trailing zeros. */
export function formatQuantity(value: number | string | null | undefined, unit: string, locale: Locale): string {
  if (value === null || value === undefined || value === "") return "—";
  const n = typeof value === "string" ? Number(value) : value;
  const text = n.toLocaleString(locale === "zh" ? "zh-CN" : "en", { maximumFractionDigits: 3 });
  if (unit === "kg") return `${text} kg`;
  return locale === "zh" ? `${text} 吨` : `${text} t`;
}

/** A date N days from today in China's calendar, as YYYY-MM-DD (form defaults). */
export function isoDateIn(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
