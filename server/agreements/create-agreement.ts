import type { Db } from "@/db";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { AppError } from "@/server/errors";
import type { CreateAgreementInput } from "./agreement.schemas";
import { requireEvent, requireSigningDate, SIGN_DIRECTLY_REFUSED } from "./agreement-checks";
import { lineAmounts } from "./agreement-lines";
import { notifyOtherParties } from "./notify-parties";
import { dealScope, loadParties } from "./parties";
import { insertAgreement } from "./write-agreement";

/**
 * Either party creates a draft; park staff of a party's park (and platform admins), recording what
 * was signed at an event, may create it signed. A party member asking for `signed` is refused with
 * the reason: between enterprises signing takes a proposal and the other party's confirmation.
 */
export async function createAgreement(db: Db, actor: Actor, input: CreateAgreementInput) {
  const parties = await loadParties(db, input.buyerEnterpriseId, input.sellerEnterpriseId);
  const scope = dealScope(parties);
  authorize(actor, { type: "agreement.create", ...scope });
  const status = input.status ?? "draft";
  if (status === "signed" && !can(actor, { type: "agreement.recordSigned", ...scope })) throw new AppError("FORBIDDEN", SIGN_DIRECTLY_REFUSED);
  const signedOn = status === "signed" ? requireSigningDate(input.signedOn) : null;
  const lines = lineAmounts(input.lines);
  const eventId = await requireEvent(db, input.eventId);
  // the writer checks the bounds, and for a signed record the compliance of controlled lines
  return db.transaction(async (tx) => {
    const created = await insertAgreement(tx, actor, {
      ref: input.ref, type: input.type, title: input.title, buyerEnterpriseId: input.buyerEnterpriseId,
      sellerEnterpriseId: input.sellerEnterpriseId, status, signedOn,
      startOn: input.startOn ?? null, endOn: input.endOn ?? null, eventId, lines,
    });
    await notifyOtherParties(tx, actor, parties, "agreement.created", {
      zh: `已登记协议 ${created.ref}：${input.title}`, en: `Agreement ${created.ref} recorded: ${input.title}`, href: `/agreements/${created.id}`,
    });
    return created;
  });
}
