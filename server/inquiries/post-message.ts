import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { inquiries, inquiryAttachments, inquiryMessages } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { AppError } from "@/server/errors";
import { notify } from "@/server/notifications/notification.service";
import { decodeUpload } from "@/server/upload";
import { authorSide, findInquiry } from "./find-inquiry";
import type { PostMessageInput } from "./inquiry.schemas";

const ATTACHMENT = { zh: "附件", en: "attachment", enPlural: "Attachments" };

/** Either party writes in the thread, with at most one attachment; the other side is told. */

export async function postMessage(db: Db, actor: Actor, input: PostMessageInput) {
  const { inquiry, parties, scope } = await findInquiry(db, input.inquiryId);
  authorize(actor, { type: "inquiry.post", ...scope });
  if (inquiry.status === "closed") throw new AppError("CONFLICT", { zh: "询价已关闭", en: "This inquiry is closed" });
  const file = input.attachment ? decodeUpload(input.attachment, ATTACHMENT) : null;
  const author = authorSide(actor, parties);
  const other = author === parties.buyer ? parties.seller : parties.buyer;
  return db.transaction(async (tx) => {
    const [message] = await tx
      .insert(inquiryMessages)
      .values({ inquiryId: inquiry.id, authorUserId: actor.userId, authorEnterpriseId: author.enterpriseId, body: input.body })
      .returning({ id: inquiryMessages.id });
    if (file) await tx.insert(inquiryAttachments).values({ messageId: message!.id, ...file });
    await tx.update(inquiries).set({ updatedAt: new Date() }).where(eq(inquiries.id, inquiry.id));
    await notify(tx, { enterpriseId: other.enterpriseId }, "inquiry.message", {
      zh: `${author.name} 在询价“${inquiry.subject}”中回复了您`,
      en: `${author.name} replied in "${inquiry.subject}"`,
      href: `/inquiries/${inquiry.id}`,
    });
    return { id: message!.id };
  });
}
