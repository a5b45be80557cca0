import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { inquiries, quotes } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { notify } from "@/server/notifications/notification.service";
import { authorSide, findInquiry } from "./find-inquiry";

/** Either party closes a thread that led nowhere; pending quotes lapse with it. */
export async function closeInquiry(db: Db, actor: Actor, id: number) {
  const { inquiry, parties, scope } = await findInquiry(db, id);
  authorize(actor, { type: "inquiry.post", ...scope });
  if (inquiry.status === "closed") return { id };
  const author = authorSide(actor, parties);
  const other = author === parties.buyer ? parties.seller : parties.buyer;
  await db.transaction(async (tx) => {
    await tx.update(inquiries).set({ status: "closed" }).where(eq(inquiries.id, id));
    const lapsed = await tx
      .update(quotes).set({ status: "rejected" }).where(and(eq(quotes.inquiryId, id), eq(quotes.status, "pending")))
      .returning({ id: quotes.id });
    await recordAudit(tx, actor, { entity: "inquiry", entityId: id, action: "close", before: { status: inquiry.status }, after: { status: "closed", quotesDeclined: lapsed.map((q) => q.id) } });
    await notify(tx, { enterpriseId: other.enterpriseId }, "inquiry.closed", {
      zh: `${author.name} 关闭了询价“${inquiry.subject}”`, en: `${author.name} closed the inquiry "${inquiry.subject}"`, href: `/inquiries/${id}`,
    });
  });
  return { id };
}
