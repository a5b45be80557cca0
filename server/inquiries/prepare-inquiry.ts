import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db";
import { inquiries, substances } from "@/db/schema";
import { substanceView } from "@/server/substances/substance.service";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { AppError, type Bilingual } from "@/server/errors";
import { loadParties, type PartyView } from "@/server/agreements/parties";
import { dealCompliance } from "./compliance-check";
import type { InquirySource } from "./inquiry.schemas";
import { casOfProduct, resolveSource } from "./resolve-source";

/**
 * Everything the "new inquiry" page needs: the two enterprises, what is asked for, and whether the
 * compliance rules let the inquiry go out (and why not). Refuses inquiring with one's own enterprise.
 * For a hazardous substance, a viewer the policy keeps from seeing who trades it (an unverified
 * member) learns nothing of the other side: it is never loaded, `seller` (or `buyer`) is null and
 * the refusal says why.
 */
export async function prepareInquiry(db: Db, actor: Actor, source: InquirySource) {
  const r = await resolveSource(db, actor, source);
  authorize(actor, { type: "inquiry.create", enterpriseId: r.initiatorId });
  if (r.buyerId === r.sellerId) {
    throw new AppError("INVALID", { zh: "不能向本企业询价", en: "You cannot send an inquiry to your own enterprise" });
  }
  const side = r.initiatorId === r.buyerId ? ("buyer" as const) : ("seller" as const);
  const counterpartId = side === "buyer" ? r.sellerId : r.buyerId;
  const cas = r.cas ?? (await casOfProduct(db, r.productId));
  const compliance = await dealCompliance(db, cas, r.buyerId, r.sellerId);
  const hidden = compliance.tier !== "none" && !can(actor, { type: "hazardous.viewDetails", enterpriseId: counterpartId });
  const substance = await dictionaryNames(db, cas);
  /** `what` is the product's or demand's own name (user content); `substance` the dictionary's names of its CAS, if known */
  const common = { source, side, cas, what: r.what, substance, flags: compliance.flags, tier: compliance.tier, taxBasis: r.taxBasis };
  if (hidden) {
    // the initiator is one of the actor's enterprises, none of them verified: refused, and nothing of the other side is told
    const { buyer: initiator } = await loadParties(db, r.initiatorId, r.initiatorId);
    return {
      ...common,
      buyer: side === "buyer" ? initiator : null,
      seller: side === "seller" ? initiator : null,
      // a demand's quantity is the hidden buyer's
      quantity: side === "buyer" ? r.quantity : null,
      unit: r.unit,
      supplierLicenceMissing: false,
      refusal: UNVERIFIED,
      existingInquiryId: null,
      allowed: { create: false },
    };
  }
  const parties = await loadParties(db, r.buyerId, r.sellerId);
  const initiator = side === "buyer" ? parties.buyer : parties.seller;
  // inquiring about a hazardous substance is for verified enterprises: the one inquiring, not merely another of the actor's
  const regulated = compliance.tier !== "none" &&
    !can(actor, { type: "inquiry.regulated", enterpriseId: initiator.enterpriseId, verified: initiator.verified });
  const refusal: Bilingual | null = compliance.refusal ?? (regulated ? UNVERIFIED : null);
  const [existing] = await db
    .select({ id: inquiries.id })
    .from(inquiries)
    .where(and(
      eq(inquiries.kind, "quote"), eq(inquiries.buyerEnterpriseId, r.buyerId), eq(inquiries.supplierEnterpriseId, r.sellerId), ne(inquiries.status, "closed"),
      r.matchId ? eq(inquiries.matchId, r.matchId) : r.demandId ? eq(inquiries.demandId, r.demandId) : eq(inquiries.productId, r.productId ?? -1),
    ))
    .limit(1);
  return {
    ...common,
    buyer: parties.buyer as PartyView | null,
    seller: parties.seller as PartyView | null,
    quantity: r.quantity,
    unit: r.unit,
    supplierLicenceMissing: compliance.supplierLicenceMissing,
    refusal,
    /** an open thread about the same thing between the same two enterprises */
    existingInquiryId: (existing?.id ?? null) as number | null,
    allowed: { create: refusal === null },
  };
}

export const UNVERIFIED: Bilingual = {
  zh: "危险化学品的询价仅限经园区审核的会员企业：请先联系园区完成企业审核。",
  en: "Inquiries about hazardous chemicals are for verified member enterprises only: ask your park to verify your enterprise first.",
};

/** The dictionary's Chinese and English names of a CAS number (park staff's corrections first), null when unknown. */
async function dictionaryNames(db: Db, cas: string | null): Promise<{ nameZh: string | null; nameEn: string | null } | null> {
  if (!cas) return null;
  const [row] = await db.select({ nameZh: substanceView.nameZh, nameEn: substanceView.nameEn }).from(substances).where(eq(substances.cas, cas));
  return row ?? null;
}
