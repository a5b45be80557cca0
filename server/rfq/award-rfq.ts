import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, inquiries, quotes, rfqs } from "@/db/schema";
import { formatQuantity } from "@/i18n";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { todayInChina } from "@/server/compliance/compliance";
import { AppError } from "@/server/errors";
import { acceptQuote } from "@/server/inquiries/accept-quote";
import { quoteView } from "@/server/inquiries/quote-view";
import { notify } from "@/server/notifications/notification.service";
import { tonnes } from "@/server/numeric";
import { findRfq } from "./find-rfq";
import type { AwardRfqInput } from "./rfq.schemas";

/** Thousandths (kilograms of a tonne), so volumes add up exactly. */
const milli = (v: number | string) => Math.round(Number(v) * 1000);

/**
 * The buyer awards an RFQ: the whole volume to one supplier, or split between several. Each award
 * is a pending, unexpired quote of one of the RFQ's threads (one per supplier), for at most what
 * that supplier quoted, and together they are at most the RFQ's volume. Each award is accepted as
 * a single quote is (`acceptQuote`, for the awarded volume): its agreement draft is created and the
 * supplier told. Every other invited supplier is thanked: its thread closes, its pending quotes are
 * declined. All or nothing, in one transaction.
 */
export async function awardRfq(db: Db, actor: Actor, input: AwardRfqInput) {
  const { rfq, buyer } = await findRfq(db, input.rfqId);
  authorize(actor, { type: "rfq.award", buyer });
  if (rfq.status !== "open") throw new AppError("CONFLICT", { zh: "该询价已授标", en: "This request was already awarded" });
  const total = input.awards.reduce((s, a) => s + milli(a.volumeT), 0);
  if (total > milli(rfq.volume)) {
    throw new AppError("INVALID", {
      zh: `授标数量合计 ${formatQuantity(total / 1000, rfq.unit, "zh")}，超过询价数量 ${formatQuantity(rfq.volume, rfq.unit, "zh")}`,
      en: `The awarded volumes add up to ${formatQuantity(total / 1000, rfq.unit, "en")}, more than the ${formatQuantity(rfq.volume, rfq.unit, "en")} requested`,
    });
  }
  const quoteIds = input.awards.map((a) => a.quoteId);
  const rows = await db
    .select({ quote: quotes, rfqId: inquiries.rfqId, supplierName: enterprises.name })
    .from(quotes)
    .innerJoin(inquiries, eq(inquiries.id, quotes.inquiryId))
    .innerJoin(enterprises, eq(enterprises.id, inquiries.supplierEnterpriseId))
    .where(inArray(quotes.id, quoteIds));
  const today = todayInChina();
  const seen = new Set<number>();
  for (const award of input.awards) {
    const row = rows.find((r) => r.quote.id === award.quoteId);
    if (!row || row.rfqId !== rfq.id) throw new AppError("INVALID", { zh: "所选报价不属于本次询价", en: "A chosen quote does not answer this request" });
    if (seen.has(row.quote.inquiryId)) throw new AppError("INVALID", { zh: "每家供应商只能授标一次", en: "Each supplier can be awarded once" });
    seen.add(row.quote.inquiryId);
    const status = quoteView(row.quote, today).status;
    if (status !== "pending") {
      throw new AppError("CONFLICT", status === "expired"
        ? { zh: `${row.supplierName} 的报价已过有效期`, en: `The quote of ${row.supplierName} has expired` }
        : { zh: `${row.supplierName} 的报价已处理`, en: `The quote of ${row.supplierName} was already decided` });
    }
    if (milli(award.volumeT) > milli(row.quote.quantity)) {
      throw new AppError("INVALID", {
        zh: `授予 ${row.supplierName} 的数量超过其报价数量 ${formatQuantity(row.quote.quantity, row.quote.unit, "zh")}`,
        en: `The volume awarded to ${row.supplierName} exceeds the ${formatQuantity(row.quote.quantity, row.quote.unit, "en")} it quoted`,
      });
    }
  }

  return db.transaction(async (tx) => {
    // a concurrent second award finds the request no longer open
    const [taken] = await tx
      .update(rfqs)
      .set({ status: "awarded", awardedAt: new Date() })
      .where(and(eq(rfqs.id, rfq.id), eq(rfqs.status, "open")))
      .returning({ id: rfqs.id });
    if (!taken) throw new AppError("CONFLICT", { zh: "该询价已授标", en: "This request was already awarded" });
    const awarded: { quoteId: number; supplierName: string; volumeT: string; agreementId: number; ref: string }[] = [];
    for (const award of input.awards) {
      const { agreementId, ref } = await acceptQuote(tx, actor, { quoteId: award.quoteId, volumeT: award.volumeT, agreementType: input.agreementType });
      const row = rows.find((r) => r.quote.id === award.quoteId)!;
      awarded.push({ quoteId: award.quoteId, supplierName: row.supplierName, volumeT: tonnes(award.volumeT), agreementId, ref });
    }
    // everyone else is thanked, and their threads close
    const winners = [...seen];
    const others = await tx
      .select({ id: inquiries.id, supplierId: inquiries.supplierEnterpriseId })
      .from(inquiries)
      .where(and(eq(inquiries.rfqId, rfq.id), notInArray(inquiries.id, winners)));
    for (const other of others) {
      await tx.update(inquiries).set({ status: "closed" }).where(eq(inquiries.id, other.id));
      await tx.update(quotes).set({ status: "rejected" }).where(and(eq(quotes.inquiryId, other.id), eq(quotes.status, "pending")));
      await notify(tx, { enterpriseId: other.supplierId }, "rfq.not_awarded", {
        zh: `感谢您参与“${rfq.subject}”的询价。本次已选定其他供应商，期待今后继续合作。`,
        en: `Thank you for taking part in the request "${rfq.subject}". Another supplier was chosen this time; we look forward to working with you again.`,
        href: `/inquiries/${other.id}`,
      });
    }
    await recordAudit(tx, actor, {
      entity: "rfq", entityId: rfq.id, action: "award",
      before: { status: "open" },
      after: { status: "awarded", awards: awarded.map(({ quoteId, volumeT, agreementId }) => ({ quoteId, volumeT, agreementId })), declined: others.map((o) => o.id) },
    });
    return { id: rfq.id, awarded, declined: others.length };
  });
}
