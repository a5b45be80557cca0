import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { agreements, events, parks } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { notFound } from "@/server/errors";
import { listAgreements } from "./list-agreements";
import { signedSql } from "./signed";

/** One event, its public figures, and the agreements signed there that the actor may see. */
export async function getEvent(db: Db, actor: Actor, input: { id: number; page: number; pageSize: number }) {
  const [event] = await db
    .select({ id: events.id, name: events.name, heldOn: events.heldOn, place: events.place, description: events.description, parkId: events.parkId, parkName: parks.name, parkNameEn: parks.nameEn })
    .from(events)
    .leftJoin(parks, eq(parks.id, events.parkId))
    .where(eq(events.id, input.id));
  if (!event) throw notFound({ zh: "签约活动", en: "Event" });
  const [figures] = await db
    .select({
      agreements: sql<number>`count(*)::int`,
      amountCny: sql<string>`coalesce(sum(${agreements.totalAmountCny}), 0)::text`,
      enterprises: sql<number>`(SELECT count(DISTINCT x)::int FROM ${agreements} a, unnest(ARRAY[a.buyer_enterprise_id, a.seller_enterprise_id]) x WHERE a.event_id = ${input.id} AND ${signedSql("a")})`,
    })
    .from(agreements)
    .where(sql`${agreements.eventId} = ${input.id} AND ${signedSql()}`);
  const visible = actor.userId || actor.platformAdmin
    ? await listAgreements(db, actor, { eventId: input.id, page: input.page, pageSize: input.pageSize })
    : null;
  return { ...event, figures: figures!, agreements: visible };
}
