/*
 * The rules of trust signals as plain data and pure functions (no database), so the pages show the
 * very thresholds the badges are computed with. The figures and their definitions: trust.ts.
 */

/** The window of the response and delivery figures, in days. */
export const TRUST_WINDOW_DAYS = 90;
/** An unanswered inquiry younger than this is not counted yet, in hours. */
export const RESPONSE_GRACE_HOURS = 24;

/** 快速响应: median first response at most this many hours … */
export const FAST_RESPONSE_MAX_MEDIAN_HOURS = 24;
/** … over at least this many inquiries received in the window … */
export const FAST_RESPONSE_MIN_INQUIRIES = 3;
/** … of which at least this share was answered (answering one inquiry in ten quickly is not fast response). */
export const FAST_RESPONSE_MIN_RATE = 0.8;
/** 履约: at least this share of the call-offs due in the window delivered on time … */
export const ON_TIME_MIN_RATE = 0.95;
/** … over at least this many call-offs due. */
export const ON_TIME_MIN_CALL_OFFS = 5;
/** 资料齐全: at least this share of its active products carry a TDS or an SDS (at least one product). */
export const DOCUMENTED_MIN_SHARE = 0.8;

export const TRUST_BADGES = ["verified", "fast_response", "on_time", "documented"] as const;
export type TrustBadge = (typeof TRUST_BADGES)[number];

export interface TrustSignals {
  enterpriseId: number;
  /** verified by its park */
  verified: boolean;
  response: {
    /** inquiries received in the window (unanswered ones younger than the grace period left out) */
    received: number;
    answered: number;
    /** answered / received, 0–1; null without inquiries */
    rate: number | null;
    /** median hours from an inquiry to the supplier's first message or quote, one decimal; null when none was answered */
    medianHours: number | null;
  };
  delivery: {
    /** call-offs due in the window */
    due: number;
    onTime: number;
    /** onTime / due, 0–1; null when none was due */
    rate: number | null;
  };
  /** share (0–1) of active products with a TDS or SDS; null without active products */
  documentedShare: number | null;
  /** the day it joined the platform (China date) */
  memberSince: string;
  /** full years on the platform */
  years: number;
  /** the badges earned, in TRUST_BADGES order */
  badges: TrustBadge[];
}

/** The badges these figures earn (pure: the thresholds above, nothing else). */
export function badgesOf(s: Omit<TrustSignals, "badges" | "enterpriseId" | "memberSince" | "years">): TrustBadge[] {
  const earned: Record<TrustBadge, boolean> = {
    verified: s.verified,
    fast_response:
      s.response.medianHours !== null && s.response.rate !== null &&
      s.response.received >= FAST_RESPONSE_MIN_INQUIRIES &&
      s.response.medianHours <= FAST_RESPONSE_MAX_MEDIAN_HOURS &&
      s.response.rate >= FAST_RESPONSE_MIN_RATE,
    on_time: s.delivery.rate !== null && s.delivery.due >= ON_TIME_MIN_CALL_OFFS && s.delivery.rate >= ON_TIME_MIN_RATE,
    documented: s.documentedShare !== null && s.documentedShare >= DOCUMENTED_MIN_SHARE,
  };
  return TRUST_BADGES.filter((b) => earned[b]);
}

/** Full years between two China dates (YYYY-MM-DD): a birthday count, not days / 365. */
export function fullYears(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  const years = ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
  return Math.max(0, years);
}
