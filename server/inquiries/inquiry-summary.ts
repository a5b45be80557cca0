import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { inquiries, inquiryMessages, quotes } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { todayInChina } from "@/server/compliance/compliance";

/** Unread inquiry messages and open threads of the actor's enterprises, for the role homes. */
export async function inquirySummary(db: Db, actor: Actor) {
  const own = actor.enterprises.map((e) => e.enterpriseId);
  if (own.length === 0) return { unread: 0, open: 0, quotesToAnswer: 0, quotesToDecide: 0 };
  const [row] = await db.execute<{ unread: number; open: number; to_answer: number; to_decide: number }>(sql`
    SELECT
      (SELECT count(*)::int FROM ${inquiryMessages} m JOIN ${inquiries} i ON i.id = m.inquiry_id
        WHERE m.read_at IS NULL AND m.author_enterprise_id NOT IN ${own}
          AND (i.buyer_enterprise_id IN ${own} OR i.supplier_enterprise_id IN ${own})) AS unread,
      (SELECT count(*)::int FROM ${inquiries} i WHERE i.status IN ('open', 'quoted')
          AND (i.buyer_enterprise_id IN ${own} OR i.supplier_enterprise_id IN ${own})) AS open,
      (SELECT count(*)::int FROM ${inquiries} i WHERE i.status = 'open' AND i.kind = 'quote' AND i.supplier_enterprise_id IN ${own}) AS to_answer,
      (SELECT count(*)::int FROM ${quotes} q JOIN ${inquiries} i ON i.id = q.inquiry_id
        WHERE q.status = 'pending' AND i.buyer_enterprise_id IN ${own}
          AND (q.valid_until IS NULL OR q.valid_until >= ${todayInChina()})) AS to_decide`);
  return { unread: row!.unread, open: row!.open, quotesToAnswer: row!.to_answer, quotesToDecide: row!.to_decide };
}
