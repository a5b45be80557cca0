import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { agreements, enterprises, parks, products } from "@/db/schema";

/** Live figures for the home page. */
export async function homeFigures(db: Db) {
  const [row] = await db
    .select({
      parks: sql<number>`(SELECT count(*)::int FROM ${parks})`,
      enterprises: sql<number>`(SELECT count(*)::int FROM ${enterprises})`,
      products: sql<number>`(SELECT count(*)::int FROM ${products} WHERE ${products.retiredAt} IS NULL)`,
      agreements: sql<number>`(SELECT count(*)::int FROM ${agreements} WHERE ${agreements.status} <> 'draft')`,
      amountCny: sql<string>`(SELECT coalesce(sum(${agreements.totalAmountCny}), 0)::text FROM ${agreements} WHERE ${agreements.status} <> 'draft')`,
    })
    .from(sql`(SELECT 1) AS one`);
  return row!;
}
