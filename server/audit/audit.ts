import type { Db } from "@/db";
import { auditLog } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";

export interface AuditEntry {
  entity: string;
  entityId: string | number;
  action: string;
  before?: unknown;
  after?: unknown;
}

/** Records who changed what; call inside the transaction that makes the change. */
export async function recordAudit(db: Db, actor: Actor, entry: AuditEntry) {
  await recordAudits(db, actor, [entry]);
}

/** Several entries of one actor at once (a writer storing many rows), in the caller's transaction. */
export async function recordAudits(db: Db, actor: Actor, entries: AuditEntry[]) {
  for (let i = 0; i < entries.length; i += 2000) {
    await db.insert(auditLog).values(entries.slice(i, i + 2000).map((entry) => ({
      actorUserId: actor.userId,
      entity: entry.entity,
      entityId: String(entry.entityId),
      action: entry.action,
      before: entry.before ?? null,
      after: entry.after ?? null,
    })));
  }
}
