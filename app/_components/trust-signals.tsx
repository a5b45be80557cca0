import { formatDate, formatNumber, type Locale, type Translate } from "@/i18n";
import {
  DOCUMENTED_MIN_SHARE, FAST_RESPONSE_MAX_MEDIAN_HOURS, FAST_RESPONSE_MIN_INQUIRIES, FAST_RESPONSE_MIN_RATE, ON_TIME_MIN_CALL_OFFS,
  ON_TIME_MIN_RATE, RESPONSE_GRACE_HOURS, TRUST_WINDOW_DAYS, type TrustBadge, type TrustSignals,
} from "@/server/enterprises/trust-rules";

/*
 * Trust signals (server/enterprises/trust.ts) as the pages show them: the badges earned, the
 * figures, and beside each its definition — written out, not in a hover tooltip, so a phone reads
 * it too (the compact form keeps them behind a "how it's computed" disclosure one tap away). The
 * thresholds in the definitions are the very constants the badges are computed with.
 */

const pct = (share: number) => Math.round(share * 100);

const BADGE_STYLE: Record<TrustBadge, string> = {
  verified: "border-emerald-300 bg-emerald-50 text-emerald-800",
  fast_response: "border-sky-300 bg-sky-50 text-sky-800",
  on_time: "border-indigo-300 bg-indigo-50 text-indigo-800",
  documented: "border-amber-300 bg-amber-50 text-amber-900",
};

export function badgeDefinition(badge: TrustBadge, t: Translate): string {
  const days = TRUST_WINDOW_DAYS;
  switch (badge) {
    case "verified": return t("trust.badge_def.verified");
    case "fast_response": return t("trust.badge_def.fast_response", { days, min: FAST_RESPONSE_MIN_INQUIRIES, rate: pct(FAST_RESPONSE_MIN_RATE), hours: FAST_RESPONSE_MAX_MEDIAN_HOURS });
    case "on_time": return t("trust.badge_def.on_time", { days, min: ON_TIME_MIN_CALL_OFFS, rate: pct(ON_TIME_MIN_RATE) });
    case "documented": return t("trust.badge_def.documented", { share: pct(DOCUMENTED_MIN_SHARE) });
  }
}

/** One figure: its label, its value (or why there is none) and its definition. */
interface Figure { key: string; label: string; value: string; definition: string; missing: boolean }

export function trustFigures(trust: TrustSignals, t: Translate, locale: Locale): Figure[] {
  const days = TRUST_WINDOW_DAYS;
  const r = trust.response;
  const d = trust.delivery;
  return [
    { key: "verified", label: t("trust.verified"), value: t(trust.verified ? "trust.verified_yes" : "trust.verified_no"), definition: t("trust.verified_def"), missing: false },
    {
      key: "response_rate", label: t("trust.response_rate"), missing: r.rate === null,
      value: r.rate === null ? t("trust.no_inquiries", { days }) : t("trust.response_rate_value", { rate: pct(r.rate), answered: r.answered, received: r.received }),
      definition: t("trust.response_rate_def", { days, grace: RESPONSE_GRACE_HOURS }),
    },
    {
      key: "median", label: t("trust.median"), missing: r.medianHours === null,
      value: r.medianHours !== null ? t("trust.median_value", { hours: formatNumber(r.medianHours, locale) }) : t(r.received > 0 ? "trust.no_answers" : "trust.no_inquiries", { days }),
      definition: t("trust.median_def", { days }),
    },
    {
      key: "on_time", label: t("trust.on_time"), missing: d.rate === null,
      value: d.rate === null ? t("trust.no_call_offs", { days }) : t("trust.on_time_value", { rate: pct(d.rate), onTime: d.onTime, due: d.due }),
      definition: t("trust.on_time_def", { days }),
    },
    {
      key: "documents", label: t("trust.documents"), missing: trust.documentedShare === null,
      value: trust.documentedShare === null ? t("trust.no_products") : t("trust.documents_value", { share: pct(trust.documentedShare) }),
      definition: t("trust.documents_def"),
    },
    {
      key: "years", label: t("trust.years"), missing: false,
      value: t("trust.years_value", { years: trust.years }),
      definition: t("trust.years_def", { date: formatDate(trust.memberSince, locale) }),
    },
  ];
}

/** The badges earned, each carrying its definition (as its accessible description and title). */
export function TrustBadges({ trust, t, skipVerified = false }: { trust: TrustSignals; t: Translate; skipVerified?: boolean }) {
  const badges = trust.badges.filter((b) => !(skipVerified && b === "verified"));
  if (badges.length === 0) return null;
  return (
    <span className="inline-flex flex-wrap gap-1" aria-label={t("trust.badges")}>
      {badges.map((b) => (
        <span key={b} data-testid={`trust-badge-${b}`} title={badgeDefinition(b, t)} className={`inline-flex items-center rounded border px-1.5 py-0.5 text-xs font-medium ${BADGE_STYLE[b]}`}>
          {t(`trust.badge.${b}`)}
        </span>
      ))}
    </span>
  );
}

/**
 * The compact form, for a search hit or a match candidate: badges, the figures that have a base in
 * one short line, and every definition one tap away.
 */
export function TrustSummary({ trust, t, locale, skipVerified = false }: { trust: TrustSignals; t: Translate; locale: Locale; skipVerified?: boolean }) {
  const short: string[] = [];
  if (trust.response.rate !== null) short.push(t("trust.short_response", { rate: pct(trust.response.rate) }));
  if (trust.response.medianHours !== null) short.push(t("trust.short_median", { hours: formatNumber(trust.response.medianHours, locale) }));
  if (trust.delivery.rate !== null) short.push(t("trust.short_on_time", { rate: pct(trust.delivery.rate) }));
  short.push(t("trust.short_years", { years: trust.years }));
  return (
    <div className="space-y-1 text-xs text-slate-600" data-testid="trust-summary">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <TrustBadges trust={trust} t={t} skipVerified={skipVerified} />
        <span>{short.join(" · ")}</span>
      </div>
      <details className="group">
        <summary className="cursor-pointer select-none text-brand-700 hover:underline">{t("trust.how")}</summary>
        <TrustDefinitions trust={trust} t={t} locale={locale} />
      </details>
    </div>
  );
}

function TrustDefinitions({ trust, t, locale }: { trust: TrustSignals; t: Translate; locale: Locale }) {
  return (
    <div className="mt-1 space-y-2 rounded-md bg-slate-50 p-2 text-xs leading-relaxed text-slate-700">
      <p className="text-slate-500">{t("trust.computed_note")}</p>
      <dl className="space-y-1.5">
        {trustFigures(trust, t, locale).map((f) => (
          <div key={f.key}>
            <dt className="font-medium">{f.label}: <span className={f.missing ? "font-normal text-slate-500" : ""}>{f.value}</span></dt>
            <dd className="text-slate-500">{f.definition}</dd>
          </div>
        ))}
      </dl>
      <dl className="space-y-1.5 border-t border-slate-200 pt-2">
        {(["verified", "fast_response", "on_time", "documented"] as const).map((b) => (
          <div key={b}>
            <dt className="font-medium">{t(`trust.badge.${b}`)}{trust.badges.includes(b) ? " ✓" : ""}</dt>
            <dd className="text-slate-500">{badgeDefinition(b, t)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** The full form, for the enterprise profile: badges with their definitions, then every figure with its own. */
export function TrustPanel({ trust, t, locale }: { trust: TrustSignals; t: Translate; locale: Locale }) {
  return (
    <div className="space-y-4" data-testid="trust-panel">
      <p className="text-xs text-slate-500">{t("trust.computed_note")}</p>
      {trust.badges.length === 0 ? (
        <p className="text-sm text-slate-500">{t("trust.none_earned")}</p>
      ) : (
        <ul className="space-y-2" aria-label={t("trust.badges")}>
          {trust.badges.map((b) => (
            <li key={b} className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:gap-3">
              <span data-testid={`trust-badge-${b}`} className={`inline-flex w-fit items-center rounded border px-2 py-0.5 text-sm font-medium ${BADGE_STYLE[b]}`}>{t(`trust.badge.${b}`)}</span>
              <span className="text-xs text-slate-600">{badgeDefinition(b, t)}</span>
            </li>
          ))}
        </ul>
      )}
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        {trustFigures(trust, t, locale).map((f) => (
          <div key={f.key} data-testid={`trust-figure-${f.key}`}>
            <dt className="text-slate-500">{f.label}</dt>
            <dd className={f.missing ? "text-slate-500" : "font-medium text-slate-900"}>{f.value}</dd>
            <dd className="mt-0.5 text-xs text-slate-500">{f.definition}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
