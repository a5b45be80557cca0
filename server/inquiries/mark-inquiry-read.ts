import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { inquiryMessages } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { findInquiry } from "./find-inquiry";

/** Marks the other side's messages read for the actor's enterprise (opening the thread). */
export async function markInquiryRead(db: Db, actor: Actor, id: number) {
  const { scope } = await findInquiry(db, id);
  authorize(actor, { type: "deal.view", ...scope });
  const own = actor.enterprises.map((e) => e.enterpriseId);
  const mineInThread = own.filter((e) => e === scope.buyer.enterpriseId || e === scope.seller.enterpriseId);
  if (mineInThread.length === 0) return { marked: 0 }; // park staff reading do not mark the parties' messages
  const rows = await db
    .update(inquiryMessages)
    .set({ readAt: new Date() })
    .where(and(eq(inquiryMessages.inquiryId, id), isNull(inquiryMessages.readAt), sql`${inquiryMessages.authorEnterpriseId} NOT IN ${mineInThread}`))
    .returning({ id: inquiryMessages.id });
  return { marked: rows.length };
}
