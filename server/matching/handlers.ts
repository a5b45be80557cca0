import { inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { supplyOffers } from "@/db/schema";
import type { OutboxHandlers } from "@/server/jobs/outbox";
import {
  demandsConcerningByproducts, demandsConcerningEnterprises, demandsConcerningProducts, refreshDemandMatches,
} from "./refresh";

const numbers = (ids: string[]) => ids.map(Number).filter((n) => Number.isInteger(n) && n > 0);

async function offersToProducts(db: Db, offerIds: number[]): Promise<number[]> {
  if (offerIds.length === 0) return [];
  const rows = await db.select({ productId: supplyOffers.productId }).from(supplyOffers).where(inArray(supplyOffers.id, offerIds));
  return rows.map((r) => r.productId);
}

/**
 * The match listener of each event (server/jobs/topics.ts): every change that can add, remove or
 * re-rank a supply candidate recomputes the suggestions of the open demands it concerns. All of
 * them are idempotent: a retry recomputes the same suggestions and notifies nobody twice.
 */
export const MATCH_HANDLERS = {
  "demands:match": async (db, ids) => {
    await refreshDemandMatches(db, numbers(ids));
  },
  "products:match": async (db, ids) => {
    await refreshDemandMatches(db, await demandsConcerningProducts(db, numbers(ids)));
  },
  "offers:match": async (db, ids) => {
    await refreshDemandMatches(db, await demandsConcerningProducts(db, await offersToProducts(db, numbers(ids))));
  },
  "byproducts:match": async (db, ids) => {
    await refreshDemandMatches(db, await demandsConcerningByproducts(db, numbers(ids)));
  },
  "licences:match": async (db, ids) => {
    await refreshDemandMatches(db, await demandsConcerningEnterprises(db, numbers(ids)));
  },
  "enterprises:match": async (db, ids) => {
    await refreshDemandMatches(db, await demandsConcerningEnterprises(db, numbers(ids)));
  },
} satisfies OutboxHandlers;
