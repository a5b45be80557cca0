import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, inquiries, products, quotes } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { todayInChina } from "@/server/compliance/compliance";
import { env } from "@/server/env";
import { distanceKm } from "@/server/matching/score";
import { findInquiry } from "./find-inquiry";
import { landedPricePerTonne } from "./landed-price";
import { quoteView } from "./quote-view";
import { casOfProduct } from "./resolve-source";

type Point = { lat: string | null; lng: string | null } | undefined;
const km = (a: Point, b: Point) =>
  a?.lat != null && a.lng != null && b?.lat != null && b.lng != null
    ? distanceKm({ lat: Number(a.lat), lng: Number(a.lng) }, { lat: Number(b.lat), lng: Number(b.lng) })
    : null;

/**
 * The buyer's side-by-side view: pending and accepted quotes of every open thread of the buyer about
 * the same demand (or, without one, the same substance), so offers from several suppliers compare.
 * Ranked on 含税到厂价 per tonne (landed-price.ts: VAT added to 不含税 prices, a freight estimate
 * from the straight-line distance between the two enterprises at PARKLINK_FREIGHT_CNY_PER_TONNE_KM
 * added to 出厂自提 quotes), with each quote's own terms and the assumptions applied.
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
    .select({
      quote: quotes, inquiryId: inquiries.id, inquiryStatus: inquiries.status, supplierId: inquiries.supplierEnterpriseId,
      supplierName: enterprises.name, supplierNameEn: enterprises.nameEn, supplierParkId: enterprises.parkId, supplierLat: enterprises.lat, supplierLng: enterprises.lng,
    })
    .from(quotes)
    .innerJoin(inquiries, eq(inquiries.id, quotes.inquiryId))
    .innerJoin(enterprises, eq(enterprises.id, inquiries.supplierEnterpriseId))
    .where(and(eq(inquiries.buyerEnterpriseId, inquiry.buyerEnterpriseId), ne(inquiries.status, "closed"), sameThing, inArray(quotes.status, ["pending", "accepted"])))
    .orderBy(asc(quotes.id));
  const [buyer] = await db.select({ parkId: enterprises.parkId, lat: enterprises.lat, lng: enterprises.lng }).from(enterprises).where(eq(enterprises.id, inquiry.buyerEnterpriseId));
  const today = todayInChina();
  const freightCnyPerTonneKm = env.PARKLINK_FREIGHT_CNY_PER_TONNE_KM;
  return rows
    .map((r) => {
      const distance = km(buyer, { lat: r.supplierLat, lng: r.supplierLng });
      return {
        ...quoteView(r.quote, today),
        supplier: { id: r.supplierId, name: r.supplierName, nameEn: r.supplierNameEn, inPark: buyer?.parkId != null && r.supplierParkId === buyer.parkId },
        distanceKm: distance === null ? null : Math.round(distance * 10) / 10,
        landed: landedPricePerTonne(r.quote, { distanceKm: distance, freightCnyPerTonneKm }),
        threadAccepted: r.inquiryStatus === "accepted",
      };
    })
    .sort((a, b) => a.landed.cnyPerTonne - b.landed.cnyPerTonne || a.id - b.id);
}
