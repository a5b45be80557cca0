import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { textArray } from "@/server/matching/sql-arrays";

/**
 * Writes park staff's changes to the regulated lists (`regulated_list_change`) into the substance
 * flags the whole product reads (`highly_toxic`, `explosive_precursor`, `precursor_category`): for
 * each substance and list, the latest change in effect on `today` (by effective date, then by when
 * it was recorded) decides: an addition sets the flag (or the 易制毒 category), a removal clears it.
 * Lists without a change in effect keep the shipped value. Idempotent, so the reference load, the
 * service and the worker's sweep (a change dated in the future takes effect on its day) all call
 * it. Returns the CAS numbers whose flags it changed.
 */
export async function applyRegulatedChanges(db: Db, today: string, casList?: readonly string[]): Promise<string[]> {
  const only = casList ? sql`AND cas = ANY(${textArray(casList)})` : sql``;
  const rows = await db.execute<{ cas: string }>(sql`
    WITH latest AS (
      SELECT DISTINCT ON (cas, list) cas, list, action, category
      FROM regulated_list_change
      WHERE effective_on <= ${today}::date ${only}
      ORDER BY cas, list, effective_on DESC, id DESC
    ), wanted AS (
      SELECT cas,
        bool_or(list = 'highly_toxic') AS has_toxic, bool_or(list = 'highly_toxic' AND action = 'add') AS toxic,
        bool_or(list = 'explosive_precursor') AS has_explosive, bool_or(list = 'explosive_precursor' AND action = 'add') AS explosive,
        bool_or(list = 'precursor') AS has_precursor, max(category) FILTER (WHERE list = 'precursor' AND action = 'add') AS category
      FROM latest GROUP BY cas
    ), next AS (
      SELECT s.cas,
        CASE WHEN w.has_toxic THEN w.toxic ELSE s.highly_toxic END AS highly_toxic,
        CASE WHEN w.has_explosive THEN w.explosive ELSE s.explosive_precursor END AS explosive_precursor,
        CASE WHEN w.has_precursor THEN w.category ELSE s.precursor_category END AS precursor_category
      FROM substance s JOIN wanted w ON w.cas = s.cas
    )
    UPDATE substance s
    SET highly_toxic = n.highly_toxic, explosive_precursor = n.explosive_precursor, precursor_category = n.precursor_category, updated_at = now()
    FROM next n
    WHERE s.cas = n.cas
      AND (s.highly_toxic, s.explosive_precursor, s.precursor_category) IS DISTINCT FROM (n.highly_toxic, n.explosive_precursor, n.precursor_category)
    RETURNING s.cas`);
  return rows.map((r) => r.cas);
}
