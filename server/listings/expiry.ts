import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { demands, supplyOffers } from "@/db/schema";
import { todayInChina } from "@/server/compliance/compliance";
import { systemActor } from "@/server/auth/actor";
import { expireListingRecords } from "./write-listing";

/** The advisory lock of the expiry sweep: one app instance sweeps at a time, the others skip the turn. */
const SWEEP_LOCK = 7311045;

/**
 * Listings expire on their date: a demand after its `expiresOn`, a supply offer after its
 * `validUntil` (China's calendar). Reads treat such a listing as expired at once (`effective*`,
 * `demandIsOpen`) and never write; this sweep, run by the background worker (worker.ts), writes
 * the status down and announces the change in the same transaction, so the match suggestions
 * drop it. Idempotent. An instance that finds another one sweeping skips its turn
 * (`swept: false`).
 */
export async function sweepExpiredListings(db: Db, options: { today?: string } = {}) {
  const today = options.today ?? todayInChina();
  return db.transaction(async (tx) => {
    const [lock] = await tx.execute<{ ok: boolean }>(sql`SELECT pg_try_advisory_xact_lock(${SWEEP_LOCK}) AS ok`);
    if (!lock?.ok) return { swept: false, demands: 0, offers: 0 };
    return { swept: true, ...(await expireListingRecords(tx, systemActor, { today })) };
  });
}

/** A demand's status as of today: an open demand past its date reads as expired. */
export const effectiveDemandStatus = (today: string) =>
  sql<"draft" | "open" | "closed" | "expired">`CASE WHEN ${demands.status} = 'open' AND ${demands.expiresOn} < ${today}::date THEN 'expired'::listing_status ELSE ${demands.status} END`;

export const effectiveOfferStatus = (today: string) =>
  sql<"draft" | "open" | "closed" | "expired">`CASE WHEN ${supplyOffers.status} = 'open' AND ${supplyOffers.validUntil} < ${today}::date THEN 'expired'::listing_status ELSE ${supplyOffers.status} END`;

/** Whether a demand is open as of today (matched, shown to suppliers). */
export const demandIsOpen = (today: string) =>
  sql`${demands.status} = 'open' AND (${demands.expiresOn} IS NULL OR ${demands.expiresOn} >= ${today}::date)`;
