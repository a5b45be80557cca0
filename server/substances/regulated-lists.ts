import { and, count, desc, eq, inArray, isNotNull, or, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { demands, regulatedListChanges, substances, users } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { todayInChina } from "@/server/compliance/compliance";
import { AppError, notFound } from "@/server/errors";
import { enqueue } from "@/server/jobs/outbox";
import { z } from "@/server/zod";
import { normalizeCas } from "./cas";
import { applyRegulatedChanges } from "./regulated-apply";

/**
 * Park staff maintain the regulated lists (剧毒, 易制爆, 易制毒 categories 1–3), because the State
 * Council adds substances every few years: each change names the substance, the list, add or
 * remove, the date it takes effect and why. Changes are appended, never edited; the latest change
 * in effect decides (server/substances/regulated-apply.ts), over the shipped files and after every
 * reload of them. A change in effect reaches search (the substance's products) and the stored
 * match suggestions (its demands) through the outbox; one dated in the future takes effect on its
 * day through the worker's sweep.
 */

export const REGULATED_LISTS = ["highly_toxic", "explosive_precursor", "precursor"] as const;

export const changeRegulatedListInput = z
  .object({
    cas: z.string().trim().min(5).max(20),
    list: z.enum(REGULATED_LISTS),
    action: z.enum(["add", "remove"]),
    /** 易制毒 category of an addition to the precursor list */
    category: z.number().int().min(1).max(3).nullish().transform((v) => v ?? null),
    effectiveOn: z.iso.date(),
    reason: z.string().trim().min(2, { error: "field.required" }).max(500),
  })
  .superRefine((v, ctx) => {
    if (v.list === "precursor" && v.action === "add" && v.category === null) {
      ctx.addIssue({ code: "custom", path: ["category"], message: "field.required" });
    }
  });
export type ChangeRegulatedListInput = z.input<typeof changeRegulatedListInput>;

export const listRegulatedChangesInput = z.object({
  cas: z.string().trim().max(20).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});

const flagsColumns = {
  hazardous: substances.hazardous, highlyToxic: substances.highlyToxic,
  explosivePrecursor: substances.explosivePrecursor, precursorCategory: substances.precursorCategory,
};

/** Records one change to a regulated list, audited; applies it at once when it is already in effect. */
export async function changeRegulatedList(db: Db, actor: Actor, input: ChangeRegulatedListInput) {
  authorize(actor, { type: "regulatedList.maintain" });
  const cas = normalizeCas(input.cas);
  const [substance] = cas
    ? await db.select({ cas: substances.cas, nameZh: substances.nameZh, ...flagsColumns }).from(substances).where(eq(substances.cas, cas))
    : [];
  if (!substance) throw notFound({ zh: `CAS 号 ${input.cas} 对应的物质`, en: `Substance with CAS ${input.cas}` });
  const category = input.list === "precursor" && input.action === "add" ? (input.category ?? null) : null;
  if (input.category != null && category === null) {
    throw new AppError("INVALID", { zh: "只有加入易制毒目录时才填写类别", en: "A category is given only when adding to the precursor list" }, { field: "category" });
  }
  if (input.list === "precursor" && input.action === "add" && ![1, 2, 3].includes(category ?? 0)) {
    throw new AppError("INVALID", { zh: "加入易制毒目录须注明类别（第一、二或三类）", en: "Adding to the precursor list needs its category (1, 2 or 3)" }, { field: "category" });
  }
  const today = todayInChina();
  return db.transaction(async (tx) => {
    const [change] = await tx
      .insert(regulatedListChanges)
      .values({ cas: substance.cas, list: input.list, action: input.action, category, effectiveOn: input.effectiveOn, reason: input.reason, createdBy: actor.userId })
      .returning();
    const changed = await applyRegulatedChanges(tx, today, [substance.cas]);
    const [after] = await tx.select(flagsColumns).from(substances).where(eq(substances.cas, substance.cas));
    await recordAudit(tx, actor, {
      entity: "substance", entityId: substance.cas, action: `regulated_list.${input.action}`,
      before: { hazardous: substance.hazardous, highlyToxic: substance.highlyToxic, explosivePrecursor: substance.explosivePrecursor, precursorCategory: substance.precursorCategory },
      after: { change: { id: change!.id, list: input.list, category, effectiveOn: input.effectiveOn, reason: input.reason }, flags: after },
    });
    if (changed.length) await announce(tx, changed);
    return { change: change!, flags: after!, inEffect: input.effectiveOn <= today };
  });
}

/** Tells search (the products) and the match refresh (the demands) that these substances' flags changed. */
async function announce(tx: Db, casList: string[]) {
  await enqueue(tx, "substances", casList);
  const affected = await tx.select({ id: demands.id }).from(demands).where(inArray(demands.cas, casList));
  await enqueue(tx, "demands", affected.map((d) => d.id));
}

/**
 * The changes whose day has come: applies every change in effect today (idempotent) and announces
 * the substances whose flags it changed. Run by the worker's minute sweep.
 */
export async function applyDueRegulatedChanges(db: Db, today = todayInChina()) {
  return db.transaction(async (tx) => {
    const changed = await applyRegulatedChanges(tx, today);
    if (changed.length) await announce(tx, changed);
    return changed;
  });
}

/** Park staff's changes to the regulated lists, latest first (optionally of one substance). */
export async function listRegulatedChanges(db: Db, actor: Actor, input: z.input<typeof listRegulatedChangesInput>) {
  authorize(actor, { type: "regulatedList.maintain" });
  const { page, pageSize, cas } = listRegulatedChangesInput.parse(input);
  const filters: SQL[] = [];
  if (cas) {
    const normal = normalizeCas(cas);
    filters.push(normal ? eq(regulatedListChanges.cas, normal) : eq(regulatedListChanges.cas, cas));
  }
  const where = filters.length ? and(...filters) : undefined;
  const today = todayInChina();
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: regulatedListChanges.id, cas: regulatedListChanges.cas, list: regulatedListChanges.list, action: regulatedListChanges.action,
        category: regulatedListChanges.category, effectiveOn: regulatedListChanges.effectiveOn, reason: regulatedListChanges.reason,
        createdAt: regulatedListChanges.createdAt, by: users.name, nameZh: substances.nameZh, nameEn: substances.nameEn,
      })
      .from(regulatedListChanges)
      .innerJoin(substances, eq(substances.cas, regulatedListChanges.cas))
      .leftJoin(users, eq(users.id, regulatedListChanges.createdBy))
      .where(where)
      .orderBy(desc(regulatedListChanges.createdAt), desc(regulatedListChanges.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(regulatedListChanges).where(where),
  ]);
  return { items: items.map((i) => ({ ...i, inEffect: i.effectiveOn <= today })), total: total?.n ?? 0, page, pageSize };
}

/** How many substances each regulated list holds now (for the page's header). */
export async function regulatedListCounts(db: Db, actor: Actor) {
  authorize(actor, { type: "regulatedList.maintain" });
  const rows = await db
    .select({ highlyToxic: substances.highlyToxic, explosivePrecursor: substances.explosivePrecursor, precursorCategory: substances.precursorCategory, n: count() })
    .from(substances)
    .where(or(eq(substances.highlyToxic, true), eq(substances.explosivePrecursor, true), isNotNull(substances.precursorCategory)))
    .groupBy(substances.highlyToxic, substances.explosivePrecursor, substances.precursorCategory);
  const out = { highlyToxic: 0, explosivePrecursor: 0, precursor1: 0, precursor2: 0, precursor3: 0 };
  for (const r of rows) {
    if (r.highlyToxic) out.highlyToxic += r.n;
    if (r.explosivePrecursor) out.explosivePrecursor += r.n;
    if (r.precursorCategory) out[`precursor${r.precursorCategory as 1 | 2 | 3}`] += r.n;
  }
  return out;
}
