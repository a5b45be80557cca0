import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { substances } from "@/db/schema";

/**
 * The dictionary's English names of the given CAS numbers (park staff's correction first, then the
 * shipped name), for views and exports of the English UI; a CAS without an English name is absent.
 */
export async function englishNamesByCas(db: Db, cas: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(cas.filter((c): c is string => Boolean(c)))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ cas: substances.cas, nameEn: sql<string | null>`coalesce(${substances.curatedNameEn}, ${substances.nameEn})` })
    .from(substances)
    .where(inArray(substances.cas, wanted));
  return new Map(rows.filter((r) => r.nameEn).map((r) => [r.cas, r.nameEn!]));
}
