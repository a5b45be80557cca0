import type { Db } from "@/db";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { todayInChina } from "@/server/compliance/compliance";
import { AppError } from "@/server/errors";
import { notify } from "@/server/notifications/notification.service";
import { fen } from "@/server/numeric";
import type { ConfirmSigningInput } from "./agreement.schemas";
import { NOT_A_PARTY, proposerSide, requireDraftForSigning } from "./agreement-checks";
import { findAgreement } from "./find-agreement";
import { sidesOf, unverifiedRefusal } from "./signing";
import { updateAgreementRecord } from "./write-agreement";

/**
 * 确认签约: an admin of the party that did not propose confirms the proposed draft, which becomes
 * signed today. The total the confirmer was shown must still be the total.
 */
export async function confirmSigning(db: Db, actor: Actor, input: ConfirmSigningInput) {
  const { agreement, parties, scope } = await findAgreement(db, input.id);
  authorize(actor, { type: "deal.view", ...scope });
  const sides = sidesOf(actor, parties);
  if (sides.length === 0) throw new AppError("FORBIDDEN", NOT_A_PARTY);
  requireDraftForSigning(agreement);
  const proposed = proposerSide(agreement, parties);
  if (!proposed) {
    throw new AppError("CONFLICT", { zh: "该协议尚未提交签约，请先由一方提交", en: "This agreement has not been proposed for signing yet" });
  }
  const side = proposed === "buyer" ? "seller" : "buyer";
  if (!sides.includes(side)) {
    throw new AppError("FORBIDDEN", { zh: "签约须由对方企业确认，提交方不能自行确认", en: "The other party must confirm: the proposing party cannot sign alone" });
  }
  if (!can(actor, { type: "agreement.confirm", side, ...scope })) {
    throw new AppError("FORBIDDEN", { zh: "只有企业管理员可以确认签约", en: "Only an enterprise admin may confirm a signing" });
  }
  if (fen(input.totalAmountCny) !== fen(agreement.totalAmountCny)) {
    throw new AppError("CONFLICT", { zh: "协议金额已变更，请刷新后重新确认", en: "The agreement's total has changed: reload it and confirm again" });
  }
  const unverified = unverifiedRefusal(parties);
  if (unverified) throw new AppError("FORBIDDEN", unverified);
  const signedOn = todayInChina();
  const confirmer = parties[side];
  const proposer = parties[proposed];
  return db.transaction(async (tx) => {
    // the signing rules (bounds, the compliance of controlled lines) are checked again by the writer as it signs
    const after = await updateAgreementRecord(tx, actor, agreement.id, {
      status: "signed", signedOn, confirmedBy: actor.userId, confirmedAt: new Date(),
    }, {
      action: "confirm",
      expect: { status: "draft", proposedAt: agreement.proposedAt!, totalAmountCny: agreement.totalAmountCny },
      audit: {
        before: { status: "draft", proposedBy: agreement.proposedBy, proposedByEnterpriseId: agreement.proposedByEnterpriseId, proposedAt: agreement.proposedAt },
        after: { status: "signed", signedOn, side, enterpriseId: confirmer.enterpriseId, totalAmountCny: agreement.totalAmountCny },
      },
    });
    await notify(tx, { enterpriseId: proposer.enterpriseId }, "agreement.status", {
      zh: `${confirmer.name} 已确认签约，协议 ${agreement.ref} 已签署`, en: `${confirmer.name} confirmed: agreement ${agreement.ref} is signed`, href: `/agreements/${agreement.id}`,
    });
    return after;
  });
}
