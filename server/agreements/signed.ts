import { sql, type SQL } from "drizzle-orm";

/**
 * The one rule of "signed", for every figure and every list total (home page, dashboard, CLI
 * `report`, the XLSX export, events, the park overview, the agreements list):
 *
 *   an agreement counts when it has a signing date and was signed — it is signed, active,
 *   completed, or terminated after it was signed.
 *
 * A draft never counts, whatever happens to it later: a draft terminated without signing keeps no
 * signing date (the writer clears it, server/agreements/write-agreement.ts), so it stays out.
 * `countsAsSigned` (TypeScript) and `signedSql` (SQL) say the same thing; a test checks them
 * against each other over every status, with and without a date.
 */
export const SIGNED_STATUSES = ["signed", "active", "completed", "terminated"] as const;

export function countsAsSigned(agreement: { status: string; signedOn: string | Date | null }): boolean {
  return agreement.signedOn !== null && (SIGNED_STATUSES as readonly string[]).includes(agreement.status);
}

const ALIAS = /^[a-z_][a-z0-9_]*$/;

/**
 * The rule as an SQL condition on the agreement table under `alias` (e.g. `"a"`, or `"agreement"`
 * for the table unaliased in a drizzle query).
 */
export function signedSql(alias = "agreement"): SQL {
  if (!ALIAS.test(alias)) throw new Error(`bad SQL alias ${alias}`);
  const statuses = SIGNED_STATUSES.map((s) => `'${s}'`).join(", ");
  return sql.raw(`("${alias}"."status" IN (${statuses}) AND "${alias}"."signed_on" IS NOT NULL)`);
}
