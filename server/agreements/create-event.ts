import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { events, parks } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { AppError, notFound } from "@/server/errors";
import type { CreateEventInput } from "./agreement.schemas";

/** Park staff announce a matchmaking event (对接会) of their park. */
export async function createEvent(db: Db, actor: Actor, input: CreateEventInput) {
  authorize(actor, { type: "event.create", parkId: input.parkId });
  if (input.parkId) {
    const [park] = await db.select({ id: parks.id }).from(parks).where(eq(parks.id, input.parkId));
    if (!park) throw notFound({ zh: "园区", en: "Park" });
  }
  return db.transaction(async (tx) => {
    const [clash] = await tx.select({ id: events.id }).from(events).where(eq(events.name, input.name));
    if (clash) throw new AppError("CONFLICT", { zh: `已有同名活动“${input.name}”`, en: `An event named "${input.name}" already exists` });
    const [event] = await tx.insert(events).values({ ...input, heldOn: input.heldOn ?? null }).returning();
    await recordAudit(tx, actor, { entity: "event", entityId: event!.id, action: "create", after: event });
    return event!;
  });
}
