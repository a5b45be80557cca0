import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { agreementDocuments } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { notFound } from "@/server/errors";
import { findAgreement } from "./find-agreement";

/** A document's bytes, for those who may see its agreement. */
export async function getDocument(db: Db, actor: Actor, id: number) {
  const [doc] = await db.select().from(agreementDocuments).where(eq(agreementDocuments.id, id));
  if (!doc) throw notFound({ zh: "文件", en: "Document" });
  const { scope } = await findAgreement(db, doc.agreementId);
  authorize(actor, { type: "deal.view", ...scope });
  return { filename: doc.filename, contentType: doc.contentType, content: doc.content.toString("base64") };
}
