import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { substances } from "@/db/schema";
import { notFound } from "@/server/errors";
import { normalizeCas } from "./cas";

/** A substance as everyone reads it: park staff's corrections take precedence over the shipped names. */
export type SubstanceView = {
  cas: string;
  nameZh: string | null;
  nameEn: string | null;
  aliases: string[];
  hazardous: boolean;
  highlyToxic: boolean;
  explosivePrecursor: boolean;
  precursorCategory: number | null;
};

/**
 * A substance's aliases as everyone reads them: the shipped ones park staff did not strike out,
 * and the ones they added. `s` is the SQL name of the substance table in the query.
 */
export const readAliases = (s: string) =>
  sql.raw(`(SELECT coalesce(array_agg(DISTINCT a ORDER BY a), '{}') FROM unnest(${s}.aliases || ${s}.curated_aliases) AS a WHERE NOT (a = ANY(${s}.curated_hidden_aliases)))`);

/** The columns of the substance view (shipped names with park staff's corrections), for selects. */
export const substanceView = {
  cas: substances.cas,
  nameZh: sql<string | null>`coalesce(${substances.curatedNameZh}, ${substances.nameZh})`,
  nameEn: sql<string | null>`coalesce(${substances.curatedNameEn}, ${substances.nameEn})`,
  aliases: sql<string[]>`${readAliases('"substance"')}`,
  hazardous: substances.hazardous,
  highlyToxic: substances.highlyToxic,
  explosivePrecursor: substances.explosivePrecursor,
  precursorCategory: substances.precursorCategory,
};
const view = substanceView;

export async function getSubstance(db: Db, cas: string): Promise<SubstanceView> {
  const normal = normalizeCas(cas);
  const [row] = normal ? await db.select(view).from(substances).where(eq(substances.cas, normal)) : [];
  if (!row) throw notFound({ zh: `CAS 号 ${cas} 对应的物质`, en: `Substance with CAS ${cas}` });
  return row;
}

/**
 * Dictionary lookup for autocomplete: a CAS number (with or without hyphens) finds its substance;
 * a name finds substances whose Chinese or English name or alias equals it, starts with it or
 * contains it, in that order, shorter names first.
 */
export async function lookupSubstances(db: Db, input: { q: string; limit?: number }): Promise<SubstanceView[]> {
  const q = input.q.trim();
  const limit = input.limit ?? 10;
  if (!q) return [];
  const cas = normalizeCas(q);
  if (cas) return db.select(view).from(substances).where(eq(substances.cas, cas));

  const term = q.toLowerCase();
  const like = `%${term.replace(/[%_\\]/g, "\\$&")}%`;
  const prefix = `${term.replace(/[%_\\]/g, "\\$&")}%`;
  const rows = await db.execute<SubstanceView & { rank: number }>(sql`
    WITH names AS (
      SELECT s.cas, lower(n) AS name
      FROM ${substances} s,
           unnest(ARRAY[coalesce(s.curated_name_zh, s.name_zh), coalesce(s.curated_name_en, s.name_en)] || s.aliases || s.curated_aliases) AS n
      WHERE n IS NOT NULL AND lower(n) LIKE ${like} AND NOT (n = ANY(s.curated_hidden_aliases))
    ), ranked AS (
      SELECT cas, min(CASE WHEN name = ${term} THEN 0 WHEN name LIKE ${prefix} THEN 1 ELSE 2 END * 1000 + length(name)) AS rank
      FROM names GROUP BY cas
    )
    SELECT s.cas,
           coalesce(s.curated_name_zh, s.name_zh) AS "nameZh",
           coalesce(s.curated_name_en, s.name_en) AS "nameEn",
           ${readAliases("s")} AS aliases,
           s.hazardous, s.highly_toxic AS "highlyToxic", s.explosive_precursor AS "explosivePrecursor",
           s.precursor_category AS "precursorCategory", r.rank
    FROM ranked r JOIN ${substances} s ON s.cas = r.cas
    ORDER BY r.rank, s.cas
    LIMIT ${limit}`);
  return rows.map(({ rank: _rank, ...s }) => s);
}
