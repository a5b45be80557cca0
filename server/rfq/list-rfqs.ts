import { and, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { inquiries, quotes, rfqs } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import type { ListRfqsInput } from "./rfq.schemas";

/** The RFQs of the actor's own enterprises (optionally about one demand), newest first, with how many answered. */
export async function listRfqs(db: Db, actor: Actor, input: ListRfqsInput) {
  const own = actor.enterprises.map((e) => e.enterpriseId);
  if (own.length === 0) return [];
  const rows = await db
    .select({
      id: rfqs.id, subject: rfqs.subject, demandId: rfqs.demandId, volume: rfqs.volume, unit: rfqs.unit, deadline: rfqs.deadline,
      status: rfqs.status, createdAt: rfqs.createdAt,
      invited: sql<number>`count(DISTINCT ${inquiries.id})`.mapWith(Number),
      answered: sql<number>`count(DISTINCT ${quotes.inquiryId})`.mapWith(Number),
    })
    .from(rfqs)
    .leftJoin(inquiries, eq(inquiries.rfqId, rfqs.id))
    .leftJoin(quotes, eq(quotes.inquiryId, inquiries.id))
    .where(and(inArray(rfqs.buyerEnterpriseId, own), input.demandId ? eq(rfqs.demandId, input.demandId) : isNotNull(rfqs.id)))
    .groupBy(rfqs.id)
    .orderBy(desc(rfqs.createdAt), desc(rfqs.id))
    .limit(100);
  return rows;
}
