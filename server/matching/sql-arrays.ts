import { sql } from "drizzle-orm";

/**
 * A JavaScript list as one PostgreSQL array parameter. (drizzle's `sql` spreads a list into
 * separate parameters, which suits `IN (…)` but not `= ANY(…)`, `&&` or `unnest`.) Passed as JSON,
 * so any text is safe.
 */
export const textArray = (values: readonly string[]) =>
  sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))::text[]`;

export const intArray = (values: readonly number[]) =>
  sql`ARRAY(SELECT (jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))::int)::int[]`;
