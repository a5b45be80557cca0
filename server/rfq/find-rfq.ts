import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, rfqs } from "@/db/schema";
import { notFound } from "@/server/errors";

export const RFQ = { zh: "群发询价", en: "Request for quotation" };

/** An RFQ with its buyer as the policy reads it; NOT_FOUND when there is none. */
export async function findRfq(db: Db, id: number) {
  const [row] = await db
    .select({ rfq: rfqs, buyerName: enterprises.name, buyerNameEn: enterprises.nameEn, buyerParkId: enterprises.parkId })
    .from(rfqs)
    .innerJoin(enterprises, eq(enterprises.id, rfqs.buyerEnterpriseId))
    .where(eq(rfqs.id, id));
  if (!row) throw notFound(RFQ);
  return { rfq: row.rfq, buyer: { enterpriseId: row.rfq.buyerEnterpriseId, parkId: row.buyerParkId, name: row.buyerName, nameEn: row.buyerNameEn } };
}
