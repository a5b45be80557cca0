import type { Db } from "@/db";
import { agreementDocuments } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { decodeUpload } from "@/server/upload";
import type { AddDocumentInput } from "./agreement.schemas";
import { findAgreement } from "./find-agreement";

/** Attaches a document (the signed scan, an annex) to an agreement; either party or park staff. */
export async function addDocument(db: Db, actor: Actor, input: AddDocumentInput) {
  const { agreement, scope } = await findAgreement(db, input.agreementId);
  authorize(actor, { type: "agreement.manage", ...scope });
  const file = decodeUpload(input.file, { zh: "文件", en: "file", enPlural: "Files" });
  return db.transaction(async (tx) => {
    const [doc] = await tx
      .insert(agreementDocuments)
      .values({ agreementId: agreement.id, ...file, uploadedBy: actor.userId })
      .returning({ id: agreementDocuments.id, filename: agreementDocuments.filename });
    await recordAudit(tx, actor, { entity: "agreement", entityId: agreement.id, action: "document", after: { documentId: doc!.id, filename: doc!.filename } });
    return doc!;
  });
}
