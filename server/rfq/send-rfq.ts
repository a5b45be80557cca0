import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { demands, inquiries, inquiryMessages, matches, rfqs } from "@/db/schema";
import { formatQuantity } from "@/i18n";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { todayInChina } from "@/server/compliance/compliance";
import { AppError, notFound, type Bilingual } from "@/server/errors";
import { prepareInquiry } from "@/server/inquiries/prepare-inquiry";
import { resolveSource } from "@/server/inquiries/resolve-source";
import { notify } from "@/server/notifications/notification.service";
import { tonnes } from "@/server/numeric";
import type { SendRfqInput } from "./rfq.schemas";

/** Why one ticked candidate was not invited. */
export interface RfqRefusal {
  matchId: number;
  /** null when the buyer may not learn who it is (a hazardous candidate for an unverified buyer) */
  supplierName: string | null;
  reason: Bilingual;
}

const NOT_A_CANDIDATE: Bilingual = { zh: "不是该采购需求的匹配供应商", en: "Not a matched supplier of this demand" };
const ALREADY_INVITED: Bilingual = { zh: "该供应商已在本次询价中", en: "This supplier is already invited in this request" };

/**
 * The buyer sends one request for quotation about its demand to the ranked candidates it ticked.
 * Each candidate is checked exactly as a single inquiry from the match would be (`prepareInquiry`:
 * compliance, licences, verification); one that would be refused is reported with the reason and
 * the others are invited, each with an ordinary inquiry thread of its own (it sees nothing of the
 * others), told in the app. Refused as a whole when nobody could be invited.
 */
export async function sendRfq(db: Db, actor: Actor, input: SendRfqInput) {
  const [demand] = await db.select().from(demands).where(eq(demands.id, input.demandId));
  if (!demand) throw notFound({ zh: "采购需求", en: "Demand" });
  authorize(actor, { type: "rfq.send", enterpriseId: demand.enterpriseId });
  if (demand.status !== "open") throw new AppError("CONFLICT", { zh: "该采购需求已关闭", en: "This demand is no longer open" });
  if (input.deadline <= todayInChina()) {
    throw new AppError("INVALID", { zh: "报价截止日期须晚于今天", en: "The deadline must be after today" });
  }

  const invited: { matchId: number; supplierId: number; supplierName: string; productId: number | null }[] = [];
  const refused: RfqRefusal[] = [];
  for (const matchId of input.matchIds) {
    const [match] = await db.select({ demandId: matches.demandId }).from(matches).where(eq(matches.id, matchId));
    if (!match || match.demandId !== demand.id) {
      refused.push({ matchId, supplierName: null, reason: NOT_A_CANDIDATE });
      continue;
    }
    const source = { kind: "match" as const, id: matchId };
    let prepared: Awaited<ReturnType<typeof prepareInquiry>>;
    try {
      prepared = await prepareInquiry(db, actor, source);
    } catch (e) {
      // e.g. the buyer's own enterprise as a candidate: that one is refused, not the request
      if (!(e instanceof AppError)) throw e;
      refused.push({ matchId, supplierName: null, reason: e.messages });
      continue;
    }
    const seller = prepared.seller;
    if (prepared.refusal || !seller) {
      refused.push({ matchId, supplierName: seller?.name ?? null, reason: prepared.refusal ?? NOT_A_CANDIDATE });
      continue;
    }
    if (invited.some((i) => i.supplierId === seller.enterpriseId)) {
      refused.push({ matchId, supplierName: seller.name, reason: ALREADY_INVITED });
      continue;
    }
    const r = await resolveSource(db, actor, source);
    invited.push({ matchId, supplierId: seller.enterpriseId, supplierName: seller.name, productId: r.productId });
  }
  if (invited.length === 0) {
    throw new AppError("FORBIDDEN", { zh: "所选供应商均不能接收询价", en: "None of the chosen suppliers can be sent this request" }, { refused });
  }

  const volume = input.volume ?? Number(demand.quantity);
  const subject = input.subject ?? `${demand.substanceName} 询价`;
  const qty = { zh: formatQuantity(volume, demand.unit, "zh"), en: formatQuantity(volume, demand.unit, "en") };
  const body =
    `群发询价：${demand.substanceName} ${qty.zh}，请于 ${input.deadline}（含）前报价。` +
    `\nRequest for quotation: ${demand.substanceName}, ${qty.en}; please quote by ${input.deadline} (inclusive).` +
    (input.note ? `\n\n${input.note}` : "");

  return db.transaction(async (tx) => {
    const [rfq] = await tx
      .insert(rfqs)
      .values({
        buyerEnterpriseId: demand.enterpriseId, demandId: demand.id, subject, volume: tonnes(volume), unit: demand.unit,
        deadline: input.deadline, note: input.note, createdBy: actor.userId,
      })
      .returning({ id: rfqs.id });
    const rfqId = rfq!.id;
    for (const i of invited) {
      const [inquiry] = await tx
        .insert(inquiries)
        .values({
          buyerEnterpriseId: demand.enterpriseId, supplierEnterpriseId: i.supplierId, productId: i.productId, demandId: demand.id,
          matchId: i.matchId, rfqId, subject, createdBy: actor.userId,
        })
        .returning({ id: inquiries.id });
      await tx.insert(inquiryMessages).values({ inquiryId: inquiry!.id, authorUserId: actor.userId, authorEnterpriseId: demand.enterpriseId, body });
      await tx.update(matches).set({ status: "contacted" }).where(eq(matches.id, i.matchId));
      await notify(tx, { enterpriseId: i.supplierId }, "rfq.invited", {
        zh: `收到询价“${subject}”（${qty.zh}），请于 ${input.deadline} 前报价`,
        en: `Request for quotation "${subject}" (${qty.en}): please quote by ${input.deadline}`,
        href: `/inquiries/${inquiry!.id}`,
      });
    }
    await recordAudit(tx, actor, {
      entity: "rfq", entityId: rfqId, action: "send",
      after: { demandId: demand.id, deadline: input.deadline, volume: tonnes(volume), invited: invited.map((i) => i.supplierId), refused: refused.map((r) => r.matchId) },
    });
    return { id: rfqId, invited: invited.map(({ matchId, supplierId, supplierName }) => ({ matchId, supplierId, supplierName })), refused };
  });
}
