import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { inquiries, inquiryMessages, matches } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { notify } from "@/server/notifications/notification.service";
import type { CreateInquiryInput } from "./inquiry.schemas";
import { prepareInquiry, UNVERIFIED } from "./prepare-inquiry";
import { resolveSource } from "./resolve-source";

/** Opens a thread after `prepareInquiry` allowed it: the first message, and the other side is told. */

export async function createInquiry(db: Db, actor: Actor, input: CreateInquiryInput) {
  const prepared = await prepareInquiry(db, actor, input.source);
  const { buyer, seller } = prepared;
  if (prepared.refusal || !buyer || !seller) throw new AppError("FORBIDDEN", prepared.refusal ?? UNVERIFIED);
  const initiator = prepared.side === "buyer" ? buyer : seller;
  const other = prepared.side === "buyer" ? seller : buyer;
  const r = await resolveSource(db, actor, input.source);
  return db.transaction(async (tx) => {
    const [inquiry] = await tx
      .insert(inquiries)
      .values({
        buyerEnterpriseId: buyer.enterpriseId, supplierEnterpriseId: seller.enterpriseId,
        productId: r.productId, demandId: r.demandId, matchId: r.matchId, subject: input.subject, createdBy: actor.userId,
      })
      .returning({ id: inquiries.id });
    await tx.insert(inquiryMessages).values({
      inquiryId: inquiry!.id, authorUserId: actor.userId, authorEnterpriseId: initiator.enterpriseId, body: input.body,
    });
    if (r.matchId) {
      await tx.update(matches).set({ status: "contacted" }).where(and(eq(matches.id, r.matchId), eq(matches.status, "suggested")));
    }
    await notify(tx, { enterpriseId: other.enterpriseId }, "inquiry.created", {
      zh: `${initiator.name} 发来询价：${input.subject}`,
      en: `New inquiry from ${initiator.name}: ${input.subject}`,
      href: `/inquiries/${inquiry!.id}`,
    });
    return { id: inquiry!.id };
  });
}
