import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { agreementLines, agreements, callOffOrders, enterprises, substances } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { tierOf } from "@/server/compliance/compliance";
import { alias } from "drizzle-orm/pg-core";
import type { LedgerInput } from "./report.schemas";

export interface LedgerRow {
  agreementId: number;
  ref: string;
  status: string;
  date: string | null;
  seller: { name: string; uscc: string };
  buyer: { name: string; uscc: string };
  cas: string;
  substance: string;
  highlyToxic: boolean;
  explosivePrecursor: boolean;
  precursorCategory: number | null;
  quantityT: number | null;
  deliveredT: number;
}

/**
 * The flow ledger (流向台账): every agreement line on a controlled substance (server/compliance's
 * tierOf), with seller, buyer, substance, quantity and date — for the authorities. Agreements count
 * once signed (not drafts); the period is the signing date; a park selects agreements with at
 * least one party in it.
 */
export async function ledgerRows(db: Db, input: Omit<LedgerInput, "page" | "pageSize">): Promise<LedgerRow[]> {
  const buyer = alias(enterprises, "buyer");
  const seller = alias(enterprises, "seller");
  const filters: SQL[] = [sql`${agreements.status} <> 'draft'`];
  if (input.from) filters.push(sql`${agreements.signedOn} >= ${input.from}::date`);
  if (input.to) filters.push(sql`${agreements.signedOn} <= ${input.to}::date`);
  if (input.parkId) filters.push(sql`(${buyer.parkId} = ${input.parkId} OR ${seller.parkId} = ${input.parkId})`);
  const rows = await db
    .select({
      agreementId: agreements.id, ref: agreements.ref, status: agreements.status, date: agreements.signedOn,
      sellerName: seller.name, sellerUscc: seller.uscc, buyerName: buyer.name, buyerUscc: buyer.uscc,
      lineId: agreementLines.id, cas: substances.cas, nameZh: sql<string | null>`coalesce(${substances.curatedNameZh}, ${substances.nameZh})`,
      productName: agreementLines.productName, volumeT: agreementLines.volumeT,
      hazardous: substances.hazardous, highlyToxic: substances.highlyToxic, explosivePrecursor: substances.explosivePrecursor,
      precursorCategory: substances.precursorCategory,
      deliveredT: sql<string>`(SELECT coalesce(sum(${callOffOrders.deliveredT}), 0)::text FROM ${callOffOrders} WHERE ${callOffOrders.lineId} = ${agreementLines.id})`,
    })
    .from(agreementLines)
    .innerJoin(agreements, eq(agreements.id, agreementLines.agreementId))
    .innerJoin(substances, eq(substances.cas, agreementLines.cas))
    .innerJoin(buyer, eq(buyer.id, agreements.buyerEnterpriseId))
    .innerJoin(seller, eq(seller.id, agreements.sellerEnterpriseId))
    // only regulated substances can be controlled: a narrowing, tierOf decides below
    .where(and(...filters, sql`(${substances.highlyToxic} OR ${substances.explosivePrecursor} OR ${substances.precursorCategory} IS NOT NULL)`))
    .orderBy(asc(agreements.signedOn), asc(agreements.ref), asc(agreementLines.lineNo));
  return rows
    .filter((r) => tierOf(r) === "controlled")
    .map((r) => ({
      agreementId: r.agreementId, ref: r.ref, status: r.status, date: r.date,
      seller: { name: r.sellerName, uscc: r.sellerUscc }, buyer: { name: r.buyerName, uscc: r.buyerUscc },
      cas: r.cas, substance: r.nameZh ?? r.productName ?? r.cas,
      highlyToxic: r.highlyToxic, explosivePrecursor: r.explosivePrecursor, precursorCategory: r.precursorCategory,
      quantityT: r.volumeT === null ? null : Number(r.volumeT), deliveredT: Number(r.deliveredT),
    }));
}

export async function flowLedger(db: Db, actor: Actor, input: LedgerInput) {
  authorize(actor, { type: "report.view", parkId: input.parkId ?? null });
  const all = await ledgerRows(db, input);
  const start = (input.page - 1) * input.pageSize;
  return {
    items: all.slice(start, start + input.pageSize),
    total: all.length,
    totalQuantityT: Math.round(all.reduce((s, r) => s + (r.quantityT ?? 0), 0) * 1000) / 1000,
    page: input.page,
    pageSize: input.pageSize,
  };
}
