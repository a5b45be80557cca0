import { and, asc, eq, like } from "drizzle-orm";
import type { Db } from "@/db";
import { auditLog, outbox } from "@/db/schema";

/**
 * What a write left behind for one entity, as `db` (a transaction, or the pool) sees it: its audit
 * entries (action and actor) and its outbox rows (topics). The writers' tests read it inside the
 * writing transaction, where no worker can have drained the outbox yet, and after it.
 */
export async function tracesOf(db: Db, entity: { audit: string; event: string; id: number }) {
  const [audit, announced] = await Promise.all([
    db.select({ action: auditLog.action, actorUserId: auditLog.actorUserId }).from(auditLog)
      .where(and(eq(auditLog.entity, entity.audit), eq(auditLog.entityId, String(entity.id))))
      .orderBy(asc(auditLog.id)),
    db.select({ topic: outbox.topic }).from(outbox)
      .where(and(like(outbox.topic, `${entity.event}:%`), eq(outbox.entityId, String(entity.id))))
      .orderBy(asc(outbox.topic)),
  ]);
  return { audit: audit.map((a) => a.action), actors: audit.map((a) => a.actorUserId), outbox: announced.map((o) => o.topic) };
}

/** Rolls the transaction back once `work` is done, handing back what `work` returned. */
export async function inRolledBackTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  let result: T | undefined;
  const rollback = new Error("rolled back by the test");
  await db.transaction(async (tx) => {
    result = await work(tx);
    throw rollback;
  }).catch((e: unknown) => {
    if (e !== rollback) throw e;
  });
  return result as T;
}
