import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { agreements, enterprises, parks, products } from "@/db/schema";
import { signedSql } from "@/server/agreements/signed";

/** Live figures for the home page; agreements by the one rule of signed (server/agreements/signed.ts). */
export async function homeFigures(db: Db) {
  const [row] = await db
    .select({
      parks: sql<number>`(SELECT count(*)::int FROM ${parks})`,
      enterprises: sql<number>`(SELECT count(*)::int FROM ${enterprises})`,
      products: sql<number>`(SELECT count(*)::int FROM ${products} WHERE ${products.retiredAt} IS NULL)`,
      agreements: sql<number>`(SELECT count(*)::int FROM ${agreements} WHERE ${signedSql()})`,
      amountCny: sql<string>`(SELECT coalesce(sum(${agreements.totalAmountCny}), 0)::text FROM ${agreements} WHERE ${signedSql()})`,
    })
    .from(sql`(SELECT 1) AS one`);
  return row!;
}
