import type { Db } from "@/db";
import { auditLog } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";

/** Records who changed what; call inside the transaction that makes the change. */
export async function recordAudit(
  db: Db,
  actor: Actor,
  entry: { entity: string; entityId: string | number; action: string; before?: unknown; after?: unknown },
) {
  await db.insert(auditLog).values({
    actorUserId: actor.userId,
    entity: entry.entity,
    entityId: String(entry.entityId),
    action: entry.action,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
