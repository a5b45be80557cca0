import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { agreements, events, parks } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { signedSql } from "./signed";

/**
 * Park matchmaking events (对接会). That an event took place, and how many agreements worth how much
 * were signed there, is public (parks announce it); the agreements themselves are shown to those who
 * may see each of them.
 */
export async function listEvents(db: Db, actor: Actor, input: { parkId?: number }) {
  const rows = await db
    .select({
      id: events.id, name: events.name, heldOn: events.heldOn, place: events.place, parkId: events.parkId, parkName: parks.name, parkNameEn: parks.nameEn,
      agreements: sql<number>`(SELECT count(*)::int FROM ${agreements} a WHERE a.event_id = "event"."id" AND ${signedSql("a")})`,
      amountCny: sql<string>`(SELECT coalesce(sum(a.total_amount_cny), 0)::text FROM ${agreements} a WHERE a.event_id = "event"."id" AND ${signedSql("a")})`,
      enterprises: sql<number>`(SELECT count(DISTINCT x)::int FROM ${agreements} a, unnest(ARRAY[a.buyer_enterprise_id, a.seller_enterprise_id]) x WHERE a.event_id = "event"."id" AND ${signedSql("a")})`,
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
