import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { todayInChina } from "@/server/compliance/compliance";
import { intArray } from "@/server/matching/sql-arrays";
import { badgesOf, fullYears, RESPONSE_GRACE_HOURS, TRUST_WINDOW_DAYS, type TrustSignals } from "./trust-rules";

/*
 * Trust signals (信用信号): figures computed from what enterprises do on the platform, never typed
 * in and never bought, and the badges earned from them. Computed for a batch of enterprises in one
 * SQL statement (a page of search hits, a page of match candidates, one profile), so a list never
 * asks once per row. A figure without a base — no inquiry received, no call-off due — is null,
 * never a made-up 0 or 100 %.
 *
 * The definitions (the pages show them beside each figure, i18n `trust.*_definition`):
 *
 * - verified: its park's staff verified the enterprise (营业执照 and details checked), and it has
 *   not changed its name since.
 * - response: the inquiries it received as the supplier in the last TRUST_WINDOW_DAYS days. One is
 *   answered when the supplier wrote a message in it or sent a quote; its response time is from the
 *   inquiry's creation to the first of those. The response rate is answered / received; the median
 *   is over the answered ones. An inquiry still unanswered but younger than RESPONSE_GRACE_HOURS is
 *   not counted yet (a supplier is not marked down for an inquiry that arrived an hour ago).
 * - on-time delivery: the call-offs of its agreements as the seller whose due date (要求交货日期)
 *   fell in the last TRUST_WINDOW_DAYS days, up to yesterday (China time). One is on time when its
 *   effective shipments (those no correction replaced) delivered on or before the due date add up to
 *   at least the ordered quantity. Call-offs without a due date, or not due yet, are not counted.
 * - documents: the share of its active (not retired) products that carry a TDS or an SDS.
 * - years on the platform: full years since the enterprise was created on the platform.
 */

export * from "./trust-rules";

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

type Row = {
  id: number;
  verified: boolean;
  member_since: string;
  received: number | null;
  answered: number | null;
  median_seconds: number | string | null;
  due: number | null;
  on_time: number | null;
  active_products: number | null;
  documented_products: number | null;
} & Record<string, unknown>;

/**
 * The trust signals of these enterprises, by id, in one SQL statement whatever their number.
 * Unknown ids are left out. `now` is for tests that look at another moment.
 */
export async function trustSignals(db: Db, enterpriseIds: readonly number[], now = new Date()): Promise<Map<number, TrustSignals>> {
  const ids = [...new Set(enterpriseIds)];
  const result = new Map<number, TrustSignals>();
  if (ids.length === 0) return result;
  const today = todayInChina(now);
  const dueFrom = addDays(today, -TRUST_WINDOW_DAYS);
  const at = now.toISOString();
  const rows = await db.execute<Row>(sql`
    WITH ids AS (SELECT ${intArray(ids)} AS ids),
    inquiry_answer AS (
      SELECT i.supplier_enterprise_id AS enterprise_id, i.created_at,
        LEAST(
          (SELECT min(m.created_at) FROM inquiry_message m WHERE m.inquiry_id = i.id AND m.author_enterprise_id = i.supplier_enterprise_id),
          (SELECT min(q.created_at) FROM quote q WHERE q.inquiry_id = i.id)
        ) AS answered_at
      FROM inquiry i, ids
      WHERE i.supplier_enterprise_id = ANY(ids.ids)
        AND i.created_at >= ${at}::timestamptz - make_interval(days => ${TRUST_WINDOW_DAYS})
        AND i.created_at <= ${at}::timestamptz
    ),
    response AS (
      SELECT enterprise_id,
        count(*)::int AS received,
        count(answered_at)::int AS answered,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - created_at)) AS median_seconds
      FROM inquiry_answer
      WHERE answered_at IS NOT NULL OR created_at <= ${at}::timestamptz - make_interval(hours => ${RESPONSE_GRACE_HOURS})
      GROUP BY enterprise_id
    ),
    call_off_due AS (
      SELECT a.seller_enterprise_id AS enterprise_id, c.ordered_t,
        (SELECT coalesce(sum(s.quantity_t), 0) FROM shipment s
          WHERE s.call_off_id = c.id AND s.delivered_on <= c.due_on
            AND NOT EXISTS (SELECT 1 FROM shipment x WHERE x.corrects_id = s.id)) AS delivered_by_due
      FROM call_off_order c JOIN agreement a ON a.id = c.agreement_id, ids
      WHERE a.seller_enterprise_id = ANY(ids.ids) AND c.due_on >= ${dueFrom}::date AND c.due_on < ${today}::date
    ),
    delivery AS (
      SELECT enterprise_id, count(*)::int AS due, count(*) FILTER (WHERE delivered_by_due >= ordered_t)::int AS on_time
      FROM call_off_due GROUP BY enterprise_id
    ),
    -- from the documents to their products: a supplier may list tens of thousands of products, and
    -- how many are active the database keeps counted (enterprise_catalogue, migration 0020)
    documented AS (
      SELECT p.enterprise_id, count(DISTINCT p.id)::int AS documented_products
      FROM product_document d JOIN product p ON p.id = d.product_id, ids
      WHERE d.kind IN ('tds', 'sds') AND p.enterprise_id = ANY(ids.ids) AND p.retired_at IS NULL
      GROUP BY p.enterprise_id
    ),
    documents AS (
      SELECT c.enterprise_id, c.active_products, coalesce(dd.documented_products, 0) AS documented_products
      FROM enterprise_catalogue c
      JOIN ids ON c.enterprise_id = ANY(ids.ids)
      LEFT JOIN documented dd ON dd.enterprise_id = c.enterprise_id
    )
    SELECT e.id, e.verified_at IS NOT NULL AS verified,
      to_char(e.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS member_since,
      r.received, r.answered, r.median_seconds, d.due, d.on_time, p.active_products, p.documented_products
    FROM enterprise e
    CROSS JOIN ids
    LEFT JOIN response r ON r.enterprise_id = e.id
    LEFT JOIN delivery d ON d.enterprise_id = e.id
    LEFT JOIN documents p ON p.enterprise_id = e.id
    WHERE e.id = ANY(ids.ids)`);
  for (const row of rows) {
    const received = row.received ?? 0;
    const answered = row.answered ?? 0;
    const due = row.due ?? 0;
    const onTime = row.on_time ?? 0;
    const active = row.active_products ?? 0;
    const figures = {
      verified: row.verified,
      response: {
        received, answered,
        rate: received > 0 ? answered / received : null,
        medianHours: row.median_seconds === null ? null : Math.round(Number(row.median_seconds) / 360) / 10,
      },
      delivery: { due, onTime, rate: due > 0 ? onTime / due : null },
      documentedShare: active > 0 ? (row.documented_products ?? 0) / active : null,
    };
    result.set(row.id, {
      enterpriseId: row.id,
      ...figures,
      memberSince: row.member_since,
      years: fullYears(row.member_since, today),
      badges: badgesOf(figures),
    });
  }
  return result;
}

/** The trust signals of one enterprise (a profile), or null for an unknown id. */
export async function trustSignalsOf(db: Db, enterpriseId: number, now = new Date()): Promise<TrustSignals | null> {
  return (await trustSignals(db, [enterpriseId], now)).get(enterpriseId) ?? null;
}

/**
 * How old the trust signals on a list (search hits, match candidates) may be. Every search asks
 * for the signals of its page's suppliers, and the same suppliers come back search after search:
 * under load that statement was most of PostgreSQL's share of a search (bench/load.ts). Signals
 * over 90 days do not turn in a minute; a profile (`trustSignalsOf`) is always computed afresh.
 */
export const LIST_TRUST_MAX_AGE_MS = 60_000;
/** Enterprises remembered at most (a page has 20 suppliers; this is thousands of pages' worth). */
const LIST_TRUST_ENTRIES = 20_000;
const listed = new Map<number, { at: number; signals: TrustSignals | null }>();

/**
 * The trust signals of a list's enterprises, each computed at most LIST_TRUST_MAX_AGE_MS ago in
 * this process; the ones not remembered, or too old, in one statement. Unknown ids are left out.
 */
export async function listTrustSignals(db: Db, enterpriseIds: readonly number[], nowMs = Date.now()): Promise<Map<number, TrustSignals>> {
  const result = new Map<number, TrustSignals>();
  const missing: number[] = [];
  for (const id of new Set(enterpriseIds)) {
    const known = listed.get(id);
    if (known && nowMs - known.at < LIST_TRUST_MAX_AGE_MS) {
      if (known.signals) result.set(id, known.signals);
    } else missing.push(id);
  }
  if (missing.length === 0) return result;
  const fresh = await trustSignals(db, missing, new Date(nowMs));
  for (const id of missing) {
    const signals = fresh.get(id) ?? null;
    listed.delete(id); // re-inserted last: the map's order is oldest first
    listed.set(id, { at: nowMs, signals });
    if (signals) result.set(id, signals);
  }
  for (const id of listed.keys()) {
    if (listed.size <= LIST_TRUST_ENTRIES) break;
    listed.delete(id);
  }
  return result;
}
