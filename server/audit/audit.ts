import { sql } from "drizzle-orm";
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

/**
 * Several entries of one actor at once (a writer storing many rows), in the caller's transaction:
 * one statement and one JSON parameter per 5,000 entries (a row of parameters per entry cost a
 * large import a fifth of its time).
 */
export async function recordAudits(db: Db, actor: Actor, entries: AuditEntry[]) {
  for (let i = 0; i < entries.length; i += 5000) {
    const rows = entries.slice(i, i + 5000).map((entry) => ({
      entity: entry.entity,
      entity_id: String(entry.entityId),
      action: entry.action,
      before: entry.before ?? null,
      after: entry.after ?? null,
    }));
    await db.execute(sql`
      INSERT INTO ${auditLog} (actor_user_id, entity, entity_id, action, before, after)
      SELECT ${actor.userId}::int, x.entity, x.entity_id, x.action, x.before, x.after
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(entity text, entity_id text, action text, before jsonb, after jsonb)`);
  }
}
