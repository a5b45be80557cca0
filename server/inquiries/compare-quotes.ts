import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, inquiries, products, quotes } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { todayInChina } from "@/server/compliance/compliance";
import { findInquiry } from "./find-inquiry";
import { quoteView } from "./quote-view";
import { casOfProduct } from "./resolve-source";

/**
 * The buyer's side-by-side view: pending and accepted quotes of every open thread of the buyer about
 * the same demand (or, without one, the same substance), so offers from several suppliers compare.
 */
export async function compareQuotes(db: Db, actor: Actor, inquiryId: number) {
  const { inquiry, scope } = await findInquiry(db, inquiryId);
  authorize(actor, { type: "quote.accept", ...scope });
  const cas = inquiry.demandId
    ? null
    : (await casOfProduct(db, inquiry.productId));
  const sameThing = inquiry.demandId
    ? eq(inquiries.demandId, inquiry.demandId)
    : cas
      ? sql`(SELECT p.cas FROM ${products} p WHERE p.id = "inquiry"."product_id") = ${cas}`
      : eq(inquiries.id, inquiry.id);
  const rows = await db
    .select({ quote: quotes, inquiryId: inquiries.id, inquiryStatus: inquiries.status, supplierId: inquiries.supplierEnterpriseId, supplierName: enterprises.name, supplierParkId: enterprises.parkId })
    .from(quotes)
    .innerJoin(inquiries, eq(inquiries.id, quotes.inquiryId))
    .innerJoin(enterprises, eq(enterprises.id, inquiries.supplierEnterpriseId))
    .where(and(eq(inquiries.buyerEnterpriseId, inquiry.buyerEnterpriseId), ne(inquiries.status, "closed"), sameThing, inArray(quotes.status, ["pending", "accepted"])))
    .orderBy(asc(quotes.priceCnyPerUnit), asc(quotes.id));
  const [buyer] = await db.select({ parkId: enterprises.parkId }).from(enterprises).where(eq(enterprises.id, inquiry.buyerEnterpriseId));
  const today = todayInChina();
  return rows.map((r) => ({
    ...quoteView(r.quote, today),
    supplier: { id: r.supplierId, name: r.supplierName, inPark: buyer?.parkId != null && r.supplierParkId === buyer.parkId },
    threadAccepted: r.inquiryStatus === "accepted",
  }));
}
