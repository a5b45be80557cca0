import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { products, savedSearches } from "@/db/schema";
import { enqueue } from "@/server/jobs/outbox";
import type { SupplyChange } from "@/server/jobs/topics";

/**
 * What the writers of products and offers (server/catalogue/write-product.ts,
 * server/listings/write-listing.ts) announce for saved searches' alerts, in their transaction,
 * beside the search sync: a product or an open offer that is new (or back on sale), and one whose
 * price went down, with the price it had. Nothing is announced while nobody has an active saved
 * search, so imports cost nothing extra then.
 */

/** Whether anyone has an active saved search (the check is one index probe). */
async function anyoneWatching(tx: Db): Promise<boolean> {
  const [row] = await tx.select({ id: savedSearches.id }).from(savedSearches).where(isNull(savedSearches.pausedAt)).limit(1);
  return row !== undefined;
}

const cheaper = (before: string | null, after: string | null) => before !== null && after !== null && Number(after) < Number(before);

type ProductState = { id: number; priceCnyPerT: string | null; retiredAt: Date | null };

/**
 * Before products are written in bulk (the catalogue import's upsert): the prices they have now,
 * by sku, when anyone watches. `changes` then tells, from the rows written, what to announce.
 */
export async function watchProducts(tx: Db, enterpriseId: number, skus: string[]) {
  const watching = await anyoneWatching(tx);
  const before = new Map<string, ProductState>();
  if (watching && skus.length) {
    for (let i = 0; i < skus.length; i += 5000) {
      const rows = await tx
        .select({ sku: products.sku, id: products.id, priceCnyPerT: products.priceCnyPerT, retiredAt: products.retiredAt })
        .from(products)
        .where(and(eq(products.enterpriseId, enterpriseId), inArray(products.sku, skus.slice(i, i + 5000))));
      for (const r of rows) before.set(r.sku, r);
    }
  }
  return {
    watching,
    changes(written: (ProductState & { sku: string; inserted: boolean })[]): SupplyChange[] {
      if (!watching) return [];
      return written.flatMap((w): SupplyChange[] => {
        if (w.retiredAt !== null) return [];
        if (w.inserted) return [`product:${w.id}:new`];
        const was = before.get(w.sku);
        return was && cheaper(was.priceCnyPerT, w.priceCnyPerT) ? [`product:${w.id}:drop:${was.priceCnyPerT}`] : [];
      });
    },
  };
}

/** A product changed one at a time: back on sale is new, a lower price is a drop. */
export function productChange(before: ProductState, after: ProductState): SupplyChange[] {
  if (after.retiredAt !== null) return [];
  if (before.retiredAt !== null) return [`product:${after.id}:new`];
  return cheaper(before.priceCnyPerT, after.priceCnyPerT) ? [`product:${after.id}:drop:${before.priceCnyPerT}`] : [];
}

type OfferState = { id: number; status: string; priceCnyPerUnit: string | null };

/** An offer written: opened (new, published or reposted) is new, an open offer at a lower price is a drop. */
export function offerChange(before: OfferState | null, after: OfferState): SupplyChange[] {
  if (after.status !== "open") return [];
  if (!before || before.status !== "open") return [`offer:${after.id}:new`];
  return cheaper(before.priceCnyPerUnit, after.priceCnyPerUnit) ? [`offer:${after.id}:drop:${before.priceCnyPerUnit}`] : [];
}

/** Announces the changes to the saved searches' alerts, in the writer's transaction, when anyone watches. */
export async function announceSupply(tx: Db, changes: SupplyChange[], options: { watching?: boolean } = {}) {
  if (changes.length === 0) return;
  if (!(options.watching ?? (await anyoneWatching(tx)))) return;
  await enqueue(tx, "supply", changes);
}

/** Reads an announcement back (null for one this release does not know). */
export function parseSupplyChange(text: string): { kind: "product" | "offer"; id: number; change: "new" | "drop"; was: number | null } | null {
  const m = /^(product|offer):(\d+):(new|drop)(?::([\d.]+))?$/.exec(text);
  if (!m) return null;
  return { kind: m[1] as "product" | "offer", id: Number(m[2]), change: m[3] as "new" | "drop", was: m[4] ? Number(m[4]) : null };
}
