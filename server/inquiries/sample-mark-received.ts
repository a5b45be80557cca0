import type { Db } from "@/db";
import type { Actor } from "@/server/auth/actor";
import { advanceSample } from "./sample-find";
import type { SampleInquiryInput } from "./sample.schemas";

/** The buyer confirms the sample arrived; the supplier is told. */
export async function markSampleReceived(db: Db, actor: Actor, input: SampleInquiryInput) {
  return advanceSample(db, actor, input.inquiryId, "received", {
    set: { receivedAt: new Date(), receivedBy: actor.userId },
    message: { zh: "样品已收到。", en: "Sample received." },
    notice: (subject) => ({ zh: `对方已收到“${subject}”的样品`, en: `The sample for "${subject}" has arrived` }),
  });
}
