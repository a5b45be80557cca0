import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { inquiries } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { notFound } from "@/server/errors";
import { dealScope, loadParties, type PartyView } from "@/server/agreements/parties";

const INQUIRY = { zh: "询价", en: "Inquiry" };

/** A thread with its two parties and their scope for the policy; NOT_FOUND when there is none. */
export async function findInquiry(db: Db, id: number) {
  const [row] = await db.select().from(inquiries).where(eq(inquiries.id, id));
  if (!row) throw notFound(INQUIRY);
  const parties = await loadParties(db, row.buyerEnterpriseId, row.supplierEnterpriseId);
  return { inquiry: row, parties, scope: dealScope(parties) };
}

/** The side of the thread the actor writes for. */
export function authorSide(actor: Actor, parties: { buyer: PartyView; seller: PartyView }): PartyView {
  const own = new Set(actor.enterprises.map((e) => e.enterpriseId));
  return own.has(parties.buyer.enterpriseId) ? parties.buyer : parties.seller;
}
