import type { Db } from "@/db";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { sumMoney } from "@/server/numeric";
import type { UpdateDraftInput } from "./agreement.schemas";
import { notDraft, requireEvent } from "./agreement-checks";
import { lineAmounts } from "./agreement-lines";
import { findAgreement } from "./find-agreement";
import { notifyOtherParties } from "./notify-parties";
import { updateAgreementRecord } from "./write-agreement";

/**
 * Changes a draft before it is signed: type, title, term, event and lines (the parties and the ref
 * stay). A line kept at its place with the same product keeps its link to the catalogue product.
 * Signed agreements are changed only through their states. Editing a draft proposed for signing
 * withdraws the proposal (the other party would otherwise confirm terms it never saw). Audited;
 * the other party is told.
 */
export async function updateDraftAgreement(db: Db, actor: Actor, input: UpdateDraftInput) {
  const { agreement, parties, scope } = await findAgreement(db, input.id);
  authorize(actor, { type: "agreement.manage", ...scope });
  if (agreement.status !== "draft") throw notDraft(agreement.status);
  const eventId = await requireEvent(db, input.eventId);
  const lines = lineAmounts(input.lines);
  const total = sumMoney(lines.map((l) => l.amountCny));
  const withdrawn = agreement.proposedAt !== null;
  return db.transaction(async (tx) => {
    // the writer checks the bounds, keeps a kept line's product link, audits and announces
    const written = await updateAgreementRecord(tx, actor, agreement.id, {
      type: input.type, title: input.title, startOn: input.startOn ?? null, endOn: input.endOn ?? null, eventId, lines,
      proposedBy: null, proposedByEnterpriseId: null, proposedAt: null,
    }, {
      action: "edit",
      expect: { status: "draft" },
      audit: {
        before: { type: agreement.type, title: agreement.title, totalAmountCny: agreement.totalAmountCny },
        after: { type: input.type, title: input.title, totalAmountCny: total, lines: lines.length, ...(withdrawn ? { proposalWithdrawn: true } : {}) },
      },
    });
    const after = { id: written.id, ref: written.ref };
    await notifyOtherParties(tx, actor, parties, "agreement.edited", withdrawn
      ? { zh: `协议草稿 ${agreement.ref} 已修改，签约提交已撤回`, en: `Draft agreement ${agreement.ref} was changed; its proposal for signing was withdrawn`, href: `/agreements/${agreement.id}` }
      : { zh: `协议草稿 ${agreement.ref} 已修改`, en: `Draft agreement ${agreement.ref} was changed`, href: `/agreements/${agreement.id}` });
    return after;
  });
}
