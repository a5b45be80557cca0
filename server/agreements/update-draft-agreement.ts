import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { agreementLines, agreements } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { enqueue } from "@/server/jobs/outbox";
import { sumMoney } from "@/server/numeric";
import type { UpdateDraftInput } from "./agreement.schemas";
import { changedByOthers, notDraft, requireEvent } from "./agreement-checks";
import { lineAmounts, requireWithinBounds } from "./agreement-lines";
import { findAgreement } from "./find-agreement";
import { notifyOtherParties } from "./notify-parties";

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
  requireWithinBounds(lines);
  const total = sumMoney(lines.map((l) => l.amountCny));
  const withdrawn = agreement.proposedAt !== null;
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(agreements)
      .set({
        type: input.type, title: input.title, startOn: input.startOn ?? null, endOn: input.endOn ?? null, eventId, totalAmountCny: total,
        proposedBy: null, proposedByEnterpriseId: null, proposedAt: null,
      })
      .where(and(eq(agreements.id, agreement.id), eq(agreements.status, "draft")))
      .returning({ id: agreements.id, ref: agreements.ref });
    if (!after) throw changedByOthers();
    const previous = await tx.select().from(agreementLines).where(eq(agreementLines.agreementId, agreement.id));
    const productAt = new Map(previous.map((l) => [l.lineNo, l]));
    await tx.delete(agreementLines).where(eq(agreementLines.agreementId, agreement.id));
    await tx.insert(agreementLines).values(lines.map((l, i) => {
      const old = productAt.get(i + 1);
      const sameProduct = old && old.productName === l.productName && old.cas === l.cas;
      return { agreementId: agreement.id, lineNo: i + 1, ...l, productId: sameProduct ? old.productId : null };
    }));
    await recordAudit(tx, actor, {
      entity: "agreement", entityId: agreement.id, action: "edit",
      before: { type: agreement.type, title: agreement.title, totalAmountCny: agreement.totalAmountCny, lines: previous.length },
      after: { type: input.type, title: input.title, totalAmountCny: total, lines: lines.length, ...(withdrawn ? { proposalWithdrawn: true } : {}) },
    });
    await enqueue(tx, "agreements", [agreement.id]);
    await notifyOtherParties(tx, actor, parties, "agreement.edited", withdrawn
      ? { zh: `协议草稿 ${agreement.ref} 已修改，签约提交已撤回`, en: `Draft agreement ${agreement.ref} was changed; its proposal for signing was withdrawn`, href: `/agreements/${agreement.id}` }
      : { zh: `协议草稿 ${agreement.ref} 已修改`, en: `Draft agreement ${agreement.ref} was changed`, href: `/agreements/${agreement.id}` });
    return after;
  });
}
