import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { enterpriseApplications } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import type { RejectApplicationInput } from "./application.schemas";
import { alreadyDecided } from "./approve-application";
import { findApplication } from "./find-application";

/** Rejects an application to join with its reason (required); nothing else is created. */
export async function rejectApplication(db: Db, actor: Actor, input: RejectApplicationInput) {
  const before = await findApplication(db, input.id);
  authorize(actor, { type: "application.review", parkId: before.parkId });
  return db.transaction(async (tx) => {
    const application = await findApplication(tx, input.id, { lock: true });
    if (application.status !== "pending") throw alreadyDecided();
    const now = new Date();
    await tx
      .update(enterpriseApplications)
      .set({ status: "rejected", reason: input.reason, reviewedBy: actor.userId, reviewedAt: now })
      .where(eq(enterpriseApplications.id, application.id));
    await recordAudit(tx, actor, {
      entity: "enterprise_application", entityId: application.id, action: "reject",
      before: { status: "pending" }, after: { status: "rejected", reason: input.reason },
    });
    return { id: application.id, status: "rejected" as const, reason: input.reason, reviewedAt: now };
  });
}
