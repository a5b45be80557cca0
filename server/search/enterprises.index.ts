import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, parks, products } from "@/db/schema";

/** The `enterprises` index: the public profile of each enterprise (never its hazardous products). */
export interface EnterpriseDoc {
  id: number;
  name: string;
  nameEn: string | null;
  uscc: string;
  parkId: number | null;
  parkCode: string | null;
  parkName: string | null;
  inPark: boolean;
  chains: string[];
  verified: boolean;
  address: string | null;
  description: string | null;
  products: number;
}

function enterpriseQuery(db: Db) {
  return db
    .select({
      id: enterprises.id, name: enterprises.name, nameEn: enterprises.nameEn, uscc: enterprises.uscc,
      parkId: parks.id, parkCode: parks.code, parkName: parks.name, chains: enterprises.chains,
      verified: sql<boolean>`${enterprises.verifiedAt} IS NOT NULL`, address: enterprises.address, description: enterprises.description,
      products: sql<number>`(SELECT count(*)::int FROM ${products} WHERE ${products.enterpriseId} = ${enterprises.id} AND ${products.retiredAt} IS NULL)`,
    })
    .from(enterprises)
    .leftJoin(parks, eq(parks.id, enterprises.parkId));
}

const toDoc = (row: Awaited<ReturnType<typeof enterpriseQuery>>[number]): EnterpriseDoc => ({ ...row, inPark: row.parkId !== null });

export async function loadEnterpriseDocuments(db: Db, ids: number[]): Promise<EnterpriseDoc[]> {
  if (ids.length === 0) return [];
  return (await enterpriseQuery(db).where(inArray(enterprises.id, ids))).map(toDoc);
}

export async function* allEnterpriseDocuments(db: Db, pageSize = 5000): AsyncGenerator<EnterpriseDoc[]> {
  let after = 0;
  for (;;) {
    const rows = await enterpriseQuery(db).where(gt(enterprises.id, after)).orderBy(asc(enterprises.id)).limit(pageSize);
    if (rows.length === 0) return;
    after = rows.at(-1)!.id;
    yield rows.map(toDoc);
  }
}

/** The live products of these enterprises (their documents carry the enterprise's name, park and licences). */
export async function productIdsOf(db: Db, enterpriseIds: number[]): Promise<number[]> {
  if (enterpriseIds.length === 0) return [];
  const rows = await db
    .select({ id: products.id })
    .from(products)
    .where(and(inArray(products.enterpriseId, enterpriseIds), isNull(products.retiredAt)));
  return rows.map((r) => r.id);
}
