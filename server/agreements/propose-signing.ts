import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { agreementLines } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { AppError } from "@/server/errors";
import { notify } from "@/server/notifications/notification.service";
import { formatCny } from "@/i18n";
import type { ProposeSigningInput } from "./agreement.schemas";
import { NOT_A_PARTY, requireDraftForSigning, requireSignable } from "./agreement-checks";
import { requireWithinBounds } from "./agreement-lines";
import { findAgreement } from "./find-agreement";
import { sidesOf, unverifiedRefusal } from "./signing";
import { updateAgreementRecord } from "./write-agreement";

/**
 * 提交签约: a party proposes the draft for signing; the other party confirms it (confirmSigning).
 * The proposer is an admin of either party, the buyer's procurement or the seller's staff
 * (policy.ts); both parties must be verified, and controlled lines need the buyer's licence.
 */
export async function proposeSigning(db: Db, actor: Actor, input: ProposeSigningInput) {
  const { agreement, parties, scope } = await findAgreement(db, input.id);
  authorize(actor, { type: "deal.view", ...scope });
  const sides = sidesOf(actor, parties);
  if (sides.length === 0) throw new AppError("FORBIDDEN", NOT_A_PARTY);
  const side = sides.find((s) => can(actor, { type: "agreement.propose", side: s, ...scope }));
  if (!side) {
    throw new AppError("FORBIDDEN", {
      zh: "只有企业管理员、采购方的采购人员或供应方的业务人员可以提交签约",
      en: "Only an enterprise admin, the buyer's procurement or the seller's staff may propose a signing",
    });
  }
  requireDraftForSigning(agreement);
  if (agreement.proposedAt !== null) {
    throw new AppError("CONFLICT", { zh: "该协议已提交签约，等待对方确认", en: "This agreement is already proposed for signing and awaits the other party" });
  }
  const lines = await db.select().from(agreementLines).where(eq(agreementLines.agreementId, agreement.id));
  const unverified = unverifiedRefusal(parties);
  if (unverified) throw new AppError("FORBIDDEN", unverified);
  requireWithinBounds(lines);
  await requireSignable(db, parties, lines);
  const proposer = parties[side];
  const other = side === "buyer" ? parties.seller : parties.buyer;
  return db.transaction(async (tx) => {
    const written = await updateAgreementRecord(tx, actor, agreement.id, {
      proposedBy: actor.userId, proposedByEnterpriseId: proposer.enterpriseId, proposedAt: new Date(),
    }, {
      action: "propose",
      expect: { status: "draft", proposedAt: null, totalAmountCny: agreement.totalAmountCny },
      audit: { after: { side, enterpriseId: proposer.enterpriseId, totalAmountCny: agreement.totalAmountCny } },
    });
    const after = { id: written.id, proposedAt: written.proposedAt };
    await notify(tx, { enterpriseId: other.enterpriseId }, "agreement.proposed", {
      zh: `${proposer.name} 提交了协议 ${agreement.ref} 的签约（${formatCny(agreement.totalAmountCny, "zh")}），请确认`,
      en: `${proposer.name} proposed agreement ${agreement.ref} for signing (${formatCny(agreement.totalAmountCny, "en")}): please confirm`,
      href: `/agreements/${agreement.id}`,
    });
    return after;
  });
}
