import { and, count, desc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { savedSearches } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { AppError, notFound } from "@/server/errors";
import { bilingualLabel, readSavedParams, watchesSomething } from "./label";

/**
 * Saved searches (订阅搜索): a signed-in member keeps a search of the product search page, and is
 * told in the app when something matching is listed or gets cheaper (./alerts.ts). A saved search
 * is its owner's alone: nobody else lists, pauses or deletes it (the policy's `savedSearch.manage`,
 * answered "not found" so that nobody learns whose searches exist).
 */

const SAVED_SEARCH = { zh: "订阅搜索", en: "Saved search" };
/** The most searches one person keeps. */
export const MAX_SAVED_SEARCHES = 50;

type Row = typeof savedSearches.$inferSelect;

function view(row: Row) {
  return {
    id: row.id,
    params: row.params,
    /** the search page with this search */
    href: `/search?${row.params}`,
    label: bilingualLabel(row.params),
    paused: row.pausedAt !== null,
    lastNotifiedOn: row.lastNotifiedOn,
    createdAt: row.createdAt,
  };
}
export type SavedSearchView = ReturnType<typeof view>;

/**
 * Saves a search for the actor, its alerts going through one of the actor's enterprises (the first
 * when none is named). Saving a search already saved gives it back as it is.
 */
export async function saveSearch(db: Db, actor: Actor, input: { params: string; enterpriseId?: number }) {
  const enterpriseId = input.enterpriseId ?? actor.enterprises[0]?.enterpriseId;
  if (enterpriseId === undefined && actor.userId !== null) {
    throw new AppError("FORBIDDEN", {
      zh: "订阅提醒通过您所在企业的消息通知发送，只有企业成员可以订阅搜索",
      en: "Alerts reach you through your enterprise's notifications: only members of an enterprise can save searches",
    });
  }
  authorize(actor, { type: "savedSearch.alert", enterpriseId: enterpriseId ?? -1 });
  const { params } = readSavedParams(input.params);
  if (!watchesSomething(params)) {
    throw new AppError("INVALID", { zh: "请先输入要订阅的搜索词或筛选条件", en: "Type a search or choose a filter to save" });
  }
  const userId = actor.userId!;
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(savedSearches).where(and(eq(savedSearches.userId, userId), eq(savedSearches.params, params)));
    if (existing) return view(existing);
    const [kept] = await tx.select({ n: count() }).from(savedSearches).where(eq(savedSearches.userId, userId));
    if ((kept?.n ?? 0) >= MAX_SAVED_SEARCHES) {
      throw new AppError("INVALID", {
        zh: `最多保存 ${MAX_SAVED_SEARCHES} 条订阅搜索，请先删除不需要的`,
        en: `You can keep at most ${MAX_SAVED_SEARCHES} saved searches: delete one first`,
      });
    }
    const [row] = await tx.insert(savedSearches).values({ userId, enterpriseId: enterpriseId!, params }).onConflictDoNothing().returning();
    // saved twice at once: the other call's row is the one
    const saved = row ?? (await tx.select().from(savedSearches).where(and(eq(savedSearches.userId, userId), eq(savedSearches.params, params))))[0]!;
    await recordAudit(tx, actor, { entity: "saved_search", entityId: saved.id, action: "create", after: { params, enterpriseId } });
    return view(saved);
  });
}

/** The actor's own saved searches, newest first. */
export async function listSavedSearches(db: Db, actor: Actor) {
  if (actor.userId === null) return [];
  const rows = await db.select().from(savedSearches).where(eq(savedSearches.userId, actor.userId)).orderBy(desc(savedSearches.createdAt), desc(savedSearches.id));
  return rows.filter((r) => can(actor, { type: "savedSearch.manage", ownerUserId: r.userId })).map(view);
}

/** One of the actor's own saved searches, locked for a change; another's reads as not found. */
async function findOwn(db: Db, actor: Actor, id: number): Promise<Row> {
  if (actor.userId === null) authorize(actor, { type: "savedSearch.manage", ownerUserId: -1 });
  const [row] = await db.select().from(savedSearches).where(eq(savedSearches.id, id)).for("update");
  if (!row || !can(actor, { type: "savedSearch.manage", ownerUserId: row.userId })) throw notFound(SAVED_SEARCH);
  return row;
}

/** Pauses a saved search's alerts (the search is kept) or resumes them. */
export async function setSavedSearchPaused(db: Db, actor: Actor, input: { id: number; paused: boolean }) {
  return db.transaction(async (tx) => {
    const row = await findOwn(tx, actor, input.id);
    if ((row.pausedAt !== null) === input.paused) return view(row);
    const [after] = await tx
      .update(savedSearches)
      .set({ pausedAt: input.paused ? new Date() : null })
      .where(eq(savedSearches.id, row.id))
      .returning();
    await recordAudit(tx, actor, { entity: "saved_search", entityId: row.id, action: input.paused ? "pause" : "resume" });
    return view(after!);
  });
}

export async function deleteSavedSearch(db: Db, actor: Actor, input: { id: number }) {
  return db.transaction(async (tx) => {
    const row = await findOwn(tx, actor, input.id);
    await tx.delete(savedSearches).where(eq(savedSearches.id, row.id));
    await recordAudit(tx, actor, { entity: "saved_search", entityId: row.id, action: "delete", before: { params: row.params } });
    return { deleted: row.id };
  });
}
