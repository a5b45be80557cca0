import { and, count, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { notifications } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import type { Bilingual } from "@/server/errors";

/**
 * In-app notifications for an enterprise (every member sees them) or one user in it. A notice
 * carries its text in both languages and where it leads. Call `notify` inside the transaction of
 * the change it announces.
 */
export interface Notice extends Bilingual {
  /** a path inside the app, e.g. /inquiries/12 */
  href?: string;
}

export async function notify(db: Db, target: { enterpriseId: number; userId?: number | null }, kind: string, notice: Notice) {
  await db.insert(notifications).values({ enterpriseId: target.enterpriseId, userId: target.userId ?? null, kind, payload: notice });
}

/** Notices addressed to the actor: to their enterprises as a whole, or to them in person. */
function mine(actor: Actor) {
  const ids = actor.enterprises.map((e) => e.enterpriseId);
  if (!actor.userId || ids.length === 0) return sql`false`;
  return and(inArray(notifications.enterpriseId, ids), or(isNull(notifications.userId), eq(notifications.userId, actor.userId)));
}

export async function listNotifications(db: Db, actor: Actor, input: { page: number; pageSize: number }) {
  const where = mine(actor);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(notifications).where(where),
  ]);
  return {
    items: items.map((n) => ({ id: n.id, kind: n.kind, notice: n.payload as Notice, read: n.readAt !== null, createdAt: n.createdAt })),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export async function unreadCount(db: Db, actor: Actor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(and(mine(actor), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks the given notices (or all of the actor's) read; notices of others are left alone. */
export async function markRead(db: Db, actor: Actor, input: { ids?: number[] }) {
  const scope = input.ids?.length ? and(mine(actor), inArray(notifications.id, input.ids)) : mine(actor);
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(scope, isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: rows.length };
}
