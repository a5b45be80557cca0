import { asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { agreements, events, parks } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { AppError, notFound } from "@/server/errors";
import type { CreateEventInput } from "./agreement.schemas";
import { listAgreements } from "./agreement.service";

/**
 * Park matchmaking events (对接会). That an event took place, and how many agreements worth how much
 * were signed there, is public (parks announce it); the agreements themselves are shown to those who
 * may see each of them.
 */
export async function listEvents(db: Db, actor: Actor, input: { parkId?: number }) {
  const rows = await db
    .select({
      id: events.id, name: events.name, heldOn: events.heldOn, place: events.place, parkId: events.parkId, parkName: parks.name,
      agreements: sql<number>`(SELECT count(*)::int FROM ${agreements} a WHERE a.event_id = "event"."id" AND a.status <> 'draft')`,
      amountCny: sql<string>`(SELECT coalesce(sum(a.total_amount_cny), 0)::text FROM ${agreements} a WHERE a.event_id = "event"."id" AND a.status <> 'draft')`,
      enterprises: sql<number>`(SELECT count(DISTINCT x)::int FROM ${agreements} a, unnest(ARRAY[a.buyer_enterprise_id, a.seller_enterprise_id]) x WHERE a.event_id = "event"."id" AND a.status <> 'draft')`,
    })
    .from(events)
    .leftJoin(parks, eq(parks.id, events.parkId))
    .where(input.parkId ? eq(events.parkId, input.parkId) : undefined)
    .orderBy(desc(events.heldOn), desc(events.id))
    .limit(200);
  const parkIds = actor.platformAdmin ? null : actor.parkIds;
  return {
    items: rows,
    allowed: {
      create: can(actor, { type: "event.create", parkId: parkIds?.[0] ?? null }),
    },
  };
}

export async function getEvent(db: Db, actor: Actor, input: { id: number; page: number; pageSize: number }) {
  const [event] = await db
    .select({ id: events.id, name: events.name, heldOn: events.heldOn, place: events.place, description: events.description, parkId: events.parkId, parkName: parks.name })
    .from(events)
    .leftJoin(parks, eq(parks.id, events.parkId))
    .where(eq(events.id, input.id));
  if (!event) throw notFound({ zh: "签约活动", en: "Event" });
  const [figures] = await db
    .select({
      agreements: sql<number>`count(*)::int`,
      amountCny: sql<string>`coalesce(sum(${agreements.totalAmountCny}), 0)::text`,
      enterprises: sql<number>`(SELECT count(DISTINCT x)::int FROM ${agreements} a, unnest(ARRAY[a.buyer_enterprise_id, a.seller_enterprise_id]) x WHERE a.event_id = ${input.id} AND a.status <> 'draft')`,
    })
    .from(agreements)
    .where(sql`${agreements.eventId} = ${input.id} AND ${agreements.status} <> 'draft'`);
  const visible = actor.userId || actor.platformAdmin
    ? await listAgreements(db, actor, { eventId: input.id, page: input.page, pageSize: input.pageSize })
    : null;
  return { ...event, figures: figures!, agreements: visible };
}

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

/** Events to choose from in forms and filters. */
export async function eventOptions(db: Db) {
  return db.select({ id: events.id, name: events.name, heldOn: events.heldOn }).from(events).orderBy(desc(events.heldOn), asc(events.name)).limit(500);
}
