import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { inquiryAttachments, inquiryMessages } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { notFound } from "@/server/errors";
import { findInquiry } from "./find-inquiry";

/** An attachment's bytes, for the two enterprises and their park's staff only. */
export async function getAttachment(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select({ file: inquiryAttachments, inquiryId: inquiryMessages.inquiryId })
    .from(inquiryAttachments)
    .innerJoin(inquiryMessages, eq(inquiryMessages.id, inquiryAttachments.messageId))
    .where(eq(inquiryAttachments.id, id));
  if (!row) throw notFound({ zh: "附件", en: "Attachment" });
  const { scope } = await findInquiry(db, row.inquiryId);
  authorize(actor, { type: "deal.view", ...scope });
  return { filename: row.file.filename, contentType: row.file.contentType, content: row.file.content.toString("base64") };
}
