import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { demands, supplyOffers } from "@/db/schema";
import { todayInChina } from "@/server/compliance/compliance";
import { systemActor } from "@/server/auth/actor";
import { expireListingRecords } from "./write-listing";

/**
 * Listings expire on their date: a demand after its `expiresOn`, a supply offer after its
 * `validUntil` (China's calendar). Reads treat such a listing as expired at once (`effective*`);
 * `expireListings` also writes the status down through the listing writer (audited as the
 * system's, announced), so the search index and the match suggestions drop it. Idempotent; called
 * before listing an enterprise's listings and by the match refresh.
 */
export async function expireListings(db: Db, options: { enterpriseId?: number; today?: string } = {}) {
  const today = options.today ?? todayInChina();
  return db.transaction((tx) => expireListingRecords(tx, systemActor, { enterpriseId: options.enterpriseId, today }));
}

/** A demand's status as of today: an open demand past its date reads as expired. */
export const effectiveDemandStatus = (today: string) =>
  sql<"draft" | "open" | "closed" | "expired">`CASE WHEN ${demands.status} = 'open' AND ${demands.expiresOn} < ${today}::date THEN 'expired'::listing_status ELSE ${demands.status} END`;

export const effectiveOfferStatus = (today: string) =>
  sql<"draft" | "open" | "closed" | "expired">`CASE WHEN ${supplyOffers.status} = 'open' AND ${supplyOffers.validUntil} < ${today}::date THEN 'expired'::listing_status ELSE ${supplyOffers.status} END`;

/** Whether a demand is open as of today (matched, shown to suppliers). */
export const demandIsOpen = (today: string) =>
  sql`${demands.status} = 'open' AND (${demands.expiresOn} IS NULL OR ${demands.expiresOn} >= ${today}::date)`;
