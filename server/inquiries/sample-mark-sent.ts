import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { demands } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { dealCompliance } from "./compliance-check";
import { casOfProduct } from "./resolve-source";
import { advanceSample } from "./sample-find";
import type { MarkSampleSentInput } from "./sample.schemas";

/**
 * The supplier marks the sample sent, with its tracking note (carrier and waybill number). A
 * controlled substance is checked again before it leaves: a sample is a shipment, and a licence
 * may have lapsed since the request.
 */
export async function markSampleSent(db: Db, actor: Actor, input: MarkSampleSentInput) {
  return advanceSample(db, actor, input.inquiryId, "sent", {
    set: { sentAt: new Date(), sentBy: actor.userId, trackingNote: input.trackingNote },
    message: { zh: `样品已寄出：${input.trackingNote}`, en: `Sample sent: ${input.trackingNote}` },
    notice: (subject) => ({
      zh: `“${subject}”的样品已寄出：${input.trackingNote}`,
      en: `The sample for "${subject}" is on its way: ${input.trackingNote}`,
    }),
    guard: async ({ inquiry }) => {
      const [demand] = inquiry.demandId ? await db.select({ cas: demands.cas }).from(demands).where(eq(demands.id, inquiry.demandId)) : [];
      const cas = (await casOfProduct(db, inquiry.productId)) ?? demand?.cas ?? null;
      const check = await dealCompliance(db, cas, inquiry.buyerEnterpriseId, inquiry.supplierEnterpriseId);
      if (check.refusal) {
        throw new AppError("FORBIDDEN", {
          zh: `管控化学品样品暂不能寄出：${check.refusal.zh}`,
          en: `This controlled substance's sample cannot be sent now: ${check.refusal.en}`,
        }, { compliance: check.state });
      }
    },
  });
}
