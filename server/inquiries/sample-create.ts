import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { inquiries, inquiryMessages, matches, sampleRequests } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/audit";
import { AppError } from "@/server/errors";
import { notify } from "@/server/notifications/notification.service";
import { tonnes } from "@/server/numeric";
import { formatQuantity } from "@/i18n";
import { UNVERIFIED } from "./prepare-inquiry";
import { resolveSource } from "./resolve-source";
import { prepareSample } from "./sample-prepare";
import type { RequestSampleInput } from "./sample.schemas";

/**
 * 索样: a member of the buying enterprise asks the supplier for a sample: a sample inquiry (kind
 * `sample`), its first message stating what, how much, where and why, and its `sample_request` in
 * state `requested`. Gated like an inquiry (`prepareSample`: the compliance rules of controlled
 * substances, verified members only for hazardous ones); audited; the supplier is told.
 */
export async function requestSample(db: Db, actor: Actor, input: RequestSampleInput) {
  const prepared = await prepareSample(db, actor, input.source);
  const { buyer, seller } = prepared;
  if (prepared.refusal || !buyer || !seller) throw new AppError("FORBIDDEN", prepared.refusal ?? UNVERIFIED);
  const r = await resolveSource(db, actor, input.source);
  const amount = { zh: formatQuantity(input.quantity, input.unit, "zh"), en: formatQuantity(input.quantity, input.unit, "en") };
  const subject = input.subject ?? `${prepared.what} 样品申请`;
  const body = [
    `申请样品 Sample request：${prepared.what} ${amount.zh}`,
    `用途 Purpose：${input.purpose}`,
    `收样地址 Delivery address：${input.deliveryAddress}`,
    input.note,
  ].filter(Boolean).join("\n");
  return db.transaction(async (tx) => {
    const [inquiry] = await tx
      .insert(inquiries)
      .values({
        kind: "sample", buyerEnterpriseId: buyer.enterpriseId, supplierEnterpriseId: seller.enterpriseId,
        productId: r.productId, demandId: r.demandId, matchId: r.matchId, subject, createdBy: actor.userId,
      })
      .returning({ id: inquiries.id });
    const inquiryId = inquiry!.id;
    await tx.insert(inquiryMessages).values({ inquiryId, authorUserId: actor.userId, authorEnterpriseId: buyer.enterpriseId, body });
    const [sample] = await tx
      .insert(sampleRequests)
      .values({
        inquiryId, quantity: tonnes(input.quantity), unit: input.unit, deliveryAddress: input.deliveryAddress, purpose: input.purpose,
        requestedBy: actor.userId,
      })
      .returning();
    if (r.matchId) {
      await tx.update(matches).set({ status: "contacted" }).where(and(eq(matches.id, r.matchId), eq(matches.status, "suggested")));
    }
    await recordAudit(tx, actor, {
      entity: "sample_request", entityId: sample!.id, action: "requested",
      after: { inquiryId, quantity: sample!.quantity, unit: sample!.unit, deliveryAddress: sample!.deliveryAddress, purpose: sample!.purpose },
    });
    await notify(tx, { enterpriseId: seller.enterpriseId }, "sample.requested", {
      zh: `${buyer.name} 申请 ${prepared.what} 样品 ${amount.zh}`,
      en: `${buyer.name} asks for a sample of ${prepared.what} (${amount.en})`,
      href: `/inquiries/${inquiryId}`,
    });
    return { id: inquiryId };
  });
}

