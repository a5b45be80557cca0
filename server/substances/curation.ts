import { and, count, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { products, substances, users } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { AppError, notFound } from "@/server/errors";
import { enqueue } from "@/server/jobs/outbox";
import { z } from "@/server/zod";
import { normalizeCas } from "./cas";
import { readAliases } from "./substance.service";

/**
 * Park staff's corrections to the substance dictionary: a better Chinese or English name, an alias
 * the shipped lists lack, a shipped alias that is wrong. They live in the `curated_*` columns, which
 * a reload of the shipped files never touches, and reach every product of the substance in the
 * search index through the outbox.
 */

const name = z.string().trim().min(1).max(120).nullish().transform((v) => v || null);
const alias = z.string().trim().min(1).max(120);

export const curateSubstanceInput = z.object({
  cas: z.string().trim().min(5).max(20),
  /** null: use the shipped name */
  nameZh: name,
  nameEn: name,
  /** aliases added by park staff (the whole list) */
  aliases: z.array(alias).max(50).default([]),
  /** shipped aliases to leave out (the whole list) */
  hiddenAliases: z.array(alias).max(200).default([]),
});
export type CurateSubstanceInput = z.infer<typeof curateSubstanceInput>;

const SUBSTANCE = (cas: string) => ({ zh: `CAS 号 ${cas} 对应的物质`, en: `Substance with CAS ${cas}` });

async function findSubstance(db: Db, cas: string) {
  const normal = normalizeCas(cas);
  const [row] = normal ? await db.select().from(substances).where(eq(substances.cas, normal)) : [];
  if (!row) throw notFound(SUBSTANCE(cas));
  return row;
}

/** A substance as park staff edit it: the shipped names and aliases beside their corrections. */
export async function getSubstanceForCuration(db: Db, actor: Actor, cas: string) {
  authorize(actor, { type: "dictionary.curate" });
  const row = await findSubstance(db, cas);
  const [[curator], [used], [effective]] = await Promise.all([
    row.curatedBy ? db.select({ name: users.name }).from(users).where(eq(users.id, row.curatedBy)) : Promise.resolve([]),
    db.select({ n: count() }).from(products).where(eq(products.cas, row.cas)),
    db.select({ aliases: sql<string[]>`${readAliases('"substance"')}` }).from(substances).where(eq(substances.cas, row.cas)),
  ]);
  return {
    cas: row.cas,
    shipped: { nameZh: row.nameZh, nameEn: row.nameEn, aliases: row.aliases },
    curated: { nameZh: row.curatedNameZh, nameEn: row.curatedNameEn, aliases: row.curatedAliases, hiddenAliases: row.curatedHiddenAliases },
    /** what search and lookup read */
    effective: { nameZh: row.curatedNameZh ?? row.nameZh, nameEn: row.curatedNameEn ?? row.nameEn, aliases: effective?.aliases ?? [] },
    flags: { hazardous: row.hazardous, highlyToxic: row.highlyToxic, explosivePrecursor: row.explosivePrecursor, precursorCategory: row.precursorCategory },
    curatedBy: curator?.name ?? null,
    curatedAt: row.curatedAt,
    products: used?.n ?? 0,
  };
}

/** Saves park staff's corrections of one substance and announces them to search. */
export async function curateSubstance(db: Db, actor: Actor, input: CurateSubstanceInput) {
  authorize(actor, { type: "dictionary.curate" });
  const row = await findSubstance(db, input.cas);
  const unique = (list: string[]) => [...new Map(list.map((a) => [a.toLowerCase(), a])).values()];
  const hidden = unique(input.hiddenAliases);
  const strange = hidden.filter((a) => !row.aliases.includes(a));
  if (strange.length) {
    throw new AppError("INVALID", {
      zh: `只能隐藏随附词典中的别名：${strange.join("、")}`,
      en: `Only aliases of the shipped dictionary can be left out: ${strange.join(", ")}`,
    }, { field: "hiddenAliases" });
  }
  const curated = {
    curatedNameZh: input.nameZh && input.nameZh !== row.nameZh ? input.nameZh : null,
    curatedNameEn: input.nameEn && input.nameEn !== row.nameEn ? input.nameEn : null,
    curatedAliases: unique(input.aliases).filter((a) => !row.aliases.includes(a)),
    curatedHiddenAliases: hidden,
  };
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(substances)
      .set({ ...curated, curatedBy: actor.userId, curatedAt: new Date() })
      .where(eq(substances.cas, row.cas))
      .returning();
    await enqueue(tx, "substances", [row.cas]);
    await recordAudit(tx, actor, {
      entity: "substance", entityId: row.cas, action: "curate",
      before: { nameZh: row.curatedNameZh, nameEn: row.curatedNameEn, aliases: row.curatedAliases, hiddenAliases: row.curatedHiddenAliases },
      after: curated,
    });
    return { cas: after!.cas, ...curated };
  });
}

/** The substances park staff have corrected, most recent first. */
export async function listCuratedSubstances(db: Db, actor: Actor, input: { page: number; pageSize: number }) {
  authorize(actor, { type: "dictionary.curate" });
  const where = and(isNotNull(substances.curatedAt));
  const [items, [total]] = await Promise.all([
    db
      .select({
        cas: substances.cas, nameZh: sql<string | null>`coalesce(${substances.curatedNameZh}, ${substances.nameZh})`,
        nameEn: sql<string | null>`coalesce(${substances.curatedNameEn}, ${substances.nameEn})`,
        addedAliases: substances.curatedAliases, hiddenAliases: substances.curatedHiddenAliases, curatedAt: substances.curatedAt,
        curatedBy: users.name,
      })
      .from(substances)
      .leftJoin(users, eq(users.id, substances.curatedBy))
      .where(where)
      .orderBy(desc(substances.curatedAt))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(substances).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}
