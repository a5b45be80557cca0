import { asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { agreements, enterprises, inquiries, quotes } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { todayInChina } from "@/server/compliance/compliance";
import { env } from "@/server/env";
import { landedPricePerTonne } from "@/server/inquiries/landed-price";
import { quoteView } from "@/server/inquiries/quote-view";
import { distanceKm } from "@/server/matching/score";
import { findRfq } from "./find-rfq";

type Point = { lat: string | null; lng: string | null } | undefined;
const km = (a: Point, b: Point) =>
  a?.lat != null && a.lng != null && b?.lat != null && b.lng != null
    ? distanceKm({ lat: Number(a.lat), lng: Number(a.lng) }, { lat: Number(b.lat), lng: Number(b.lng) })
    : null;

/**
 * What a supplier's row of the matrix says: `awaiting` (no quote yet), `quoted` (a pending quote),
 * `expired` (its quote's validity passed), `awarded`, `declined` (closed without award).
 */
export type RfqRowState = "awaiting" | "quoted" | "expired" | "awarded" | "declined";

/**
 * The buyer's matrix of an RFQ: one row per invited supplier with its latest quote (price,
 * quantity, validity, status, 含税到厂价 with its assumptions), the live quotes ranked on 含税到厂价
 * per tonne (server/inquiries/landed-price.ts, as the single-thread comparison does; 1 = best), the
 * suppliers who have not answered after them. The buyer's side only: a supplier reads its own thread.
 */
export async function getRfq(db: Db, actor: Actor, id: number, now = new Date()) {
  const { rfq, buyer } = await findRfq(db, id);
  authorize(actor, { type: "rfq.view", buyer });
  const threads = await db
    .select({
      id: inquiries.id, status: inquiries.status, supplierId: inquiries.supplierEnterpriseId, supplierName: enterprises.name, supplierNameEn: enterprises.nameEn,
      supplierParkId: enterprises.parkId, lat: enterprises.lat, lng: enterprises.lng,
    })
    .from(inquiries)
    .innerJoin(enterprises, eq(enterprises.id, inquiries.supplierEnterpriseId))
    .where(eq(inquiries.rfqId, rfq.id))
    .orderBy(asc(inquiries.id));
  const quoteRows = threads.length
    ? await db.select().from(quotes).where(inArray(quotes.inquiryId, threads.map((t) => t.id))).orderBy(desc(quotes.createdAt), desc(quotes.id))
    : [];
  const accepted = quoteRows.filter((q) => q.status === "accepted").map((q) => q.id);
  // the agreement draft each award became
  const drafts = accepted.length
    ? await db.select({ id: agreements.id, ref: agreements.ref, quoteId: agreements.quoteId }).from(agreements).where(inArray(agreements.quoteId, accepted))
    : [];
  const [buyerPlace] = await db.select({ lat: enterprises.lat, lng: enterprises.lng }).from(enterprises).where(eq(enterprises.id, buyer.enterpriseId));
  const freightCnyPerTonneKm = env.PARKLINK_FREIGHT_CNY_PER_TONNE_KM;
  const today = todayInChina(now);
  const rows = threads.map((t) => {
    const mine = quoteRows.filter((q) => q.inquiryId === t.id);
    // the accepted quote once awarded, else the newest
    const latest = mine.find((q) => q.status === "accepted") ?? mine[0] ?? null;
    const quote = latest ? quoteView(latest, today) : null;
    const state: RfqRowState =
      quote?.status === "accepted" ? "awarded"
        : t.status === "closed" || quote?.status === "rejected" ? "declined"
          : quote?.status === "expired" ? "expired"
            : quote ? "quoted" : "awaiting";
    const distance = km(buyerPlace, t);
    return {
      landed: latest ? landedPricePerTonne(latest, { distanceKm: distance, freightCnyPerTonneKm }) : null,
      distanceKm: distance === null ? null : Math.round(distance * 10) / 10,
      inquiryId: t.id, supplier: { id: t.supplierId, name: t.supplierName, nameEn: t.supplierNameEn, inPark: buyer.parkId !== null && t.supplierParkId === buyer.parkId },
      state, quote, rank: null as number | null, quoteCount: mine.length,
      agreement: drafts.find((d) => latest && d.quoteId === latest.id) ?? null,
    };
  });
  const live = rows.filter((r) => r.quote && (r.state === "quoted" || r.state === "awarded"));
  live.sort((a, b) => a.landed!.cnyPerTonne - b.landed!.cnyPerTonne || a.inquiryId - b.inquiryId);
  live.forEach((r, i) => (r.rank = i + 1));
  const rest = rows.filter((r) => !live.includes(r));
  const order: RfqRowState[] = ["expired", "awaiting", "declined"];
  rest.sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state) || a.inquiryId - b.inquiryId);
  const open = rfq.status === "open";
  return {
    id: rfq.id, subject: rfq.subject, demandId: rfq.demandId, volume: rfq.volume, unit: rfq.unit, deadline: rfq.deadline,
    note: rfq.note, status: rfq.status, awardedAt: rfq.awardedAt, createdAt: rfq.createdAt,
    buyer: { id: buyer.enterpriseId, name: buyer.name, nameEn: buyer.nameEn },
    pastDeadline: rfq.deadline < today,
    answered: rows.filter((r) => r.quote).length,
    rows: [...live, ...rest],
    allowed: { award: open && can(actor, { type: "rfq.award", buyer }) },
  };
}
