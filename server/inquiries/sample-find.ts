import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { inquiries, inquiryMessages, sampleRequests } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { recordAudit } from "@/server/audit/audit";
import { AppError, notFound, type Bilingual } from "@/server/errors";
import { notify } from "@/server/notifications/notification.service";
import { findInquiry } from "./find-inquiry";

export type SampleStatus = (typeof sampleRequests.$inferSelect)["status"];
export type SampleStep = Exclude<SampleStatus, "requested">;

/** The order of the states; a sample moves one step forward at a time. */
export const SAMPLE_ORDER: SampleStatus[] = ["requested", "sent", "received", "evaluated"];
/** the state a step leaves */
export const STEP_FROM: Record<SampleStep, SampleStatus> = { sent: "requested", received: "sent", evaluated: "received" };
/** the step after a state, if any */
export const nextStep = (status: SampleStatus): SampleStep | null => {
  const next = SAMPLE_ORDER[SAMPLE_ORDER.indexOf(status) + 1];
  return (next as SampleStep | undefined) ?? null;
};

export const SAMPLE_STATE: Record<SampleStatus, Bilingual> = {
  requested: { zh: "已申请", en: "requested" },
  sent: { zh: "已寄出", en: "sent" },
  received: { zh: "已收到", en: "received" },
  evaluated: { zh: "已评估", en: "evaluated" },
};

/** what a step does, for "须先寄出" */
const STEP_VERB: Record<SampleStep, Bilingual> = {
  sent: { zh: "寄出样品", en: "sent" },
  received: { zh: "确认收到样品", en: "received" },
  evaluated: { zh: "评估样品", en: "evaluated" },
};

const SAMPLE = { zh: "样品申请", en: "Sample request" };

/** A sample inquiry with its two parties, their scope for the policy and its sample row; NOT_FOUND when it is none. */
export async function findSample(db: Db, inquiryId: number) {
  const found = await findInquiry(db, inquiryId);
  const [sample] = await db.select().from(sampleRequests).where(eq(sampleRequests.inquiryId, inquiryId));
  if (!sample || found.inquiry.kind !== "sample") throw notFound(SAMPLE);
  return { ...found, sample };
}

/**
 * Moves a sample one step on (`to`), after the policy allowed the actor that step: refuses a step
 * out of order (skipping one, or going back) and a closed thread; then, in one transaction, the
 * row's new state (only if it still is the state it leaves, so two clicks at once move it once),
 * a line in the thread from the acting side, the audit entry and the other side's notice.
 */
export async function advanceSample(
  db: Db,
  actor: Actor,
  inquiryId: number,
  to: SampleStep,
  step: {
    set: Partial<typeof sampleRequests.$inferInsert>;
    /** the line written in the thread, both languages */
    message: Bilingual;
    notice: (subject: string) => Bilingual;
    /** checked after the order, before anything is written */
    guard?: (found: Awaited<ReturnType<typeof findSample>>) => Promise<void>;
  },
) {
  const found = await findSample(db, inquiryId);
  const { inquiry, parties, scope, sample } = found;
  authorize(actor, { type: "sample.advance", to, ...scope });
  if (inquiry.status === "closed") throw new AppError("CONFLICT", { zh: "询价已关闭", en: "This inquiry is closed" });
  const from = STEP_FROM[to];
  if (sample.status !== from) throw outOfOrder(sample.status, to);
  await step.guard?.(found);
  const author = to === "sent" ? parties.seller : parties.buyer;
  const other = to === "sent" ? parties.buyer : parties.seller;
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(sampleRequests)
      .set({ ...step.set, status: to })
      .where(and(eq(sampleRequests.id, sample.id), eq(sampleRequests.status, from)))
      .returning();
    if (!updated) throw outOfOrder(to, to); // someone else moved it first
    await tx.insert(inquiryMessages).values({
      inquiryId, authorUserId: actor.userId, authorEnterpriseId: author.enterpriseId, body: `${step.message.zh}\n${step.message.en}`,
    });
    await tx.update(inquiries).set({ updatedAt: new Date() }).where(eq(inquiries.id, inquiryId));
    await recordAudit(tx, actor, {
      entity: "sample_request", entityId: sample.id, action: to,
      before: { status: sample.status }, after: { status: to, ...step.set },
    });
    const notice = step.notice(inquiry.subject);
    await notify(tx, { enterpriseId: other.enterpriseId }, `sample.${to}`, { ...notice, href: `/inquiries/${inquiryId}` });
    return { inquiryId, status: updated.status };
  });
}

/** A step asked for out of order: going back (or again), or skipping a state. */
function outOfOrder(current: SampleStatus, to: SampleStep): AppError {
  const state = SAMPLE_STATE[current];
  if (SAMPLE_ORDER.indexOf(current) >= SAMPLE_ORDER.indexOf(to)) {
    return new AppError("CONFLICT", {
      zh: `样品已是“${state.zh}”状态，不能再标记为“${SAMPLE_STATE[to].zh}”`,
      en: `The sample is already ${state.en}: it cannot be marked ${SAMPLE_STATE[to].en} again`,
    });
  }
  // a skipped step: what has to happen first (`to` is received or evaluated here, so the state it leaves is a step)
  const first = STEP_VERB[STEP_FROM[to] as SampleStep];
  return new AppError("CONFLICT", {
    zh: `样品目前为“${state.zh}”，须先${first.zh}，才能标记为“${SAMPLE_STATE[to].zh}”`,
    en: `The sample is ${state.en}: it must be ${first.en} before it can be marked ${SAMPLE_STATE[to].en}`,
  });
}
