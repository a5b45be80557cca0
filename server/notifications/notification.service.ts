import { and, count, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { notifications, substances } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import type { Bilingual } from "@/server/errors";
import { substanceView } from "@/server/substances/substance.service";

/**
 * In-app notifications for an enterprise (every member sees them) or one user in it. A notice
 * carries its text in both languages and where it leads. Call `notify` inside the transaction of
 * the change it announces.
 *
 * A notice that embeds names should also carry `values`: the page then writes it from the
 * message `notifications.kinds.<kind>` in the reader's language (plural forms by `count`, names
 * as user content marked translate=no, a substance by the dictionary's English name in English);
 * the stored `zh` / `en` text is the fallback for kinds without such a message (and older rows).
 */
export interface Notice extends Bilingual {
  /** a path inside the app, e.g. /inquiries/12 */
  href?: string;
  values?: NoticeValues;
}

export interface NoticeValues {
  /** chooses the message's plural form (`…_one` / `…_other`) */
  count?: number;
  /** user content shown as typed: product names, subjects, enterprise names */
  names?: Record<string, string>;
  /** a substance as the notice's subject named it, and its CAS (read in English from the dictionary) */
  substance?: { name: string; cas: string | null; nameEn?: string | null };
  /** a quantity and its unit ("t", "kg") */
  quantity?: { value: number; unit: string };
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
  const notices = items.map((n) => n.payload as Notice);
  const english = await substanceNamesEn(db, notices.flatMap((n) => (n.values?.substance?.cas ? [n.values.substance.cas] : [])));
  return {
    items: items.map((n, i) => {
      const notice = notices[i]!;
      const substance = notice.values?.substance;
      return {
        id: n.id, kind: n.kind, read: n.readAt !== null, createdAt: n.createdAt,
        notice: substance ? { ...notice, values: { ...notice.values, substance: { ...substance, nameEn: (substance.cas && english.get(substance.cas)) ?? null } } } : notice,
      };
    }),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** The dictionary's English names (park staff's corrections first) of these CAS numbers. */
async function substanceNamesEn(db: Db, cas: string[]): Promise<Map<string, string>> {
  if (cas.length === 0) return new Map();
  const rows = await db.select({ cas: substanceView.cas, nameEn: substanceView.nameEn }).from(substances).where(inArray(substances.cas, [...new Set(cas)]));
  return new Map(rows.flatMap((r) => (r.nameEn ? [[r.cas, r.nameEn] as const] : [])));
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
