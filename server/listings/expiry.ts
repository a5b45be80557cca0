import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { demands, supplyOffers } from "@/db/schema";
import { todayInChina } from "@/server/compliance/compliance";
import { enqueue } from "@/server/jobs/outbox";

/**
 * Listings expire on their date: a demand after its `expiresOn`, a supply offer after its
 * `validUntil` (China's calendar). Reads treat such a listing as expired at once (`effective*`);
 * `expireListings` also writes the status down and announces the change, so the search index and
 * the match suggestions drop it. Idempotent; called before listing an enterprise's listings and by
 * the match refresh.
 */
export async function expireListings(db: Db, options: { enterpriseId?: number; today?: string } = {}) {
  const today = options.today ?? todayInChina();
  const scope = (column: typeof demands.enterpriseId | typeof supplyOffers.enterpriseId) =>
    options.enterpriseId ? eq(column, options.enterpriseId) : undefined;
  const expiredDemands = await db
    .update(demands)
    .set({ status: "expired" })
    .where(and(eq(demands.status, "open"), lt(demands.expiresOn, today), scope(demands.enterpriseId)))
    .returning({ id: demands.id });
  const expiredOffers = await db
    .update(supplyOffers)
    .set({ status: "expired" })
    .where(and(eq(supplyOffers.status, "open"), lt(supplyOffers.validUntil, today), scope(supplyOffers.enterpriseId)))
    .returning({ id: supplyOffers.id });
  await enqueue(db, "demands", expiredDemands.map((d) => d.id));
  await enqueue(db, "offers", expiredOffers.map((o) => o.id));
  return { demands: expiredDemands.length, offers: expiredOffers.length };
}

/** A demand's status as of today: an open demand past its date reads as expired. */
export const effectiveDemandStatus = (today: string) =>
  sql<"draft" | "open" | "closed" | "expired">`CASE WHEN ${demands.status} = 'open' AND ${demands.expiresOn} < ${today}::date THEN 'expired'::listing_status ELSE ${demands.status} END`;

export const effectiveOfferStatus = (today: string) =>
  sql<"draft" | "open" | "closed" | "expired">`CASE WHEN ${supplyOffers.status} = 'open' AND ${supplyOffers.validUntil} < ${today}::date THEN 'expired'::listing_status ELSE ${supplyOffers.status} END`;

/** Whether a demand is open as of today (matched, shown to suppliers). */
export const demandIsOpen = (today: string) =>
  sql`${demands.status} = 'open' AND (${demands.expiresOn} IS NULL OR ${demands.expiresOn} >= ${today}::date)`;
