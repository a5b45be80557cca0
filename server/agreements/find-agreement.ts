import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { agreementLines, agreements, callOffOrders, shipments } from "@/db/schema";
import { notFound } from "@/server/errors";
import { dealScope, loadParties, type PartyView } from "./parties";

const AGREEMENT = { zh: "协议", en: "Agreement" };

export type AgreementRow = typeof agreements.$inferSelect;
export type Parties = { buyer: PartyView; seller: PartyView };

/** An agreement with its two parties and their scope for the policy; NOT_FOUND when there is none. */
export async function findAgreement(db: Db, id: number) {
  const [row] = await db.select().from(agreements).where(eq(agreements.id, id));
  if (!row) throw notFound(AGREEMENT);
  const parties = await loadParties(db, row.buyerEnterpriseId, row.sellerEnterpriseId);
  return { agreement: row, parties, scope: dealScope(parties) };
}

/**
 * Agreed, called-off and delivered tonnes of each line, and of the whole agreement. Delivered is
 * the sum of the effective shipments (those no correction replaces), against call-offs or directly.
 */
export async function fulfilment(db: Db, agreementId: number) {
  const [lines, callOffs, shipmentRows] = await Promise.all([
    db.select().from(agreementLines).where(eq(agreementLines.agreementId, agreementId)).orderBy(asc(agreementLines.lineNo)),
    db.select().from(callOffOrders).where(eq(callOffOrders.agreementId, agreementId)).orderBy(asc(callOffOrders.orderedOn), asc(callOffOrders.id)),
    db.select().from(shipments).where(eq(shipments.agreementId, agreementId)).orderBy(asc(shipments.deliveredOn), asc(shipments.id)),
  ]);
  const corrected = new Set(shipmentRows.map((s) => s.correctsId).filter((id): id is number => id !== null));
  const effective = shipmentRows.filter((s) => !corrected.has(s.id));
  const shipped = (list: typeof effective) => Math.round(list.reduce((s, x) => s + Number(x.quantityT), 0) * 1000) / 1000;
  const sum = (list: typeof callOffs, key: "orderedT") => list.reduce((s, c) => s + Number(c[key]), 0);
  const agreed = lines.every((l) => l.volumeT !== null) ? lines.reduce((s, l) => s + Number(l.volumeT), 0) : null;
  return {
    lines,
    callOffs,
    /** every shipment, corrected ones included (the page shows what replaced what) */
    shipments: shipmentRows,
    correctedIds: corrected,
    perLine: new Map(lines.map((l) => {
      const own = callOffs.filter((c) => c.lineId === l.id);
      return [l.id, { agreedT: l.volumeT === null ? null : Number(l.volumeT), calledOffT: sum(own, "orderedT"), deliveredT: shipped(effective.filter((x) => x.lineId === l.id)) }];
    })),
    total: { agreedT: agreed, calledOffT: sum(callOffs, "orderedT"), deliveredT: shipped(effective) },
  };
}
