import type { Db } from "@/db";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { todayInChina } from "@/server/compliance/compliance";
import { AppError } from "@/server/errors";
import type { ChangeStatusInput } from "./agreement.schemas";
import { requireSigningDate, SIGN_DIRECTLY_REFUSED, STATUS_ZH } from "./agreement-checks";
import { canTransition } from "./call-offs";
import { findAgreement } from "./find-agreement";
import { notifyOtherParties } from "./notify-parties";
import { updateAgreementRecord } from "./write-agreement";

/**
 * signed → active → completed, or terminated from any open state, by the parties' admins or park
 * staff; draft → signed only as park staff's record of a signing (parties propose and confirm).
 * Each change audited.
 */
export async function changeAgreementStatus(db: Db, actor: Actor, input: ChangeStatusInput) {
  const { agreement, parties, scope } = await findAgreement(db, input.id);
  if (input.to === "signed") {
    authorize(actor, { type: "deal.view", ...scope });
    if (!can(actor, { type: "agreement.recordSigned", ...scope })) throw new AppError("FORBIDDEN", SIGN_DIRECTLY_REFUSED);
  } else {
    authorize(actor, { type: "agreement.changeStatus", to: input.to, ...scope });
  }
  if (!canTransition(agreement.status, input.to)) {
    throw new AppError("CONFLICT", {
      zh: `协议当前为“${STATUS_ZH[agreement.status]}”，不能改为“${STATUS_ZH[input.to]}”`,
      en: `An agreement that is ${agreement.status} cannot become ${input.to}`,
    });
  }
  const signedOn = input.to === "signed" ? requireSigningDate(input.signedOn ?? todayInChina()) : agreement.signedOn;
  return db.transaction(async (tx) => {
    // signing: the writer checks the bounds and the compliance of controlled lines
    const after = await updateAgreementRecord(tx, actor, agreement.id, { status: input.to, signedOn }, {
      action: input.to,
      expect: { status: agreement.status },
      audit: { before: { status: agreement.status }, after: { status: input.to, signedOn, reason: input.reason ?? null } },
    });
    await notifyOtherParties(tx, actor, parties, "agreement.status", {
      zh: `协议 ${agreement.ref} 已${STATUS_ZH[input.to]}`, en: `Agreement ${agreement.ref} is now ${input.to}`, href: `/agreements/${agreement.id}`,
    });
    return after;
  });
}
