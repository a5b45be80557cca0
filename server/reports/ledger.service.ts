import { and, asc, count, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import { agreements, enterprises, shipments } from "@/db/schema";
import { maskResidentId } from "@/server/agreements/resident-id";
import { effectiveShipment } from "@/server/agreements/write-shipment";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { englishNamesByCas } from "@/server/substances/english-names";
import { translator, type Locale } from "@/i18n";
import type { LedgerInput, LedgerList } from "./report.schemas";

/** The regulated lists a shipment's substance was on when it was recorded. */
export type RegulatedList = "toxic" | "explosive" | "precursor";

export interface LedgerRow {
  id: number;
  agreementId: number;
  ref: string;
  callOffId: number | null;
  /** delivery date, YYYY-MM-DD */
  date: string;
  seller: { name: string; uscc: string; address: string | null };
  buyer: { name: string; uscc: string; address: string | null };
  substance: string | null;
  /** the dictionary's English name of the substance (by CAS), for the English UI and export */
  substanceEn: string | null;
  cas: string | null;
  hazardous: boolean;
  highlyToxic: boolean;
  explosivePrecursor: boolean;
  /** 易制毒 category 1–3, or null */
  precursorCategory: number | null;
  lists: RegulatedList[];
  quantityT: number;
  purpose: string | null;
  agentName: string | null;
  /** masked (1101**********1234) unless the export reveals it to the staff of a party's park */
  agentIdNumber: string | null;
  /** the row this one corrects, and the row that corrects this one (then it no longer counts) */
  correctsId: number | null;
  correctedBy: number | null;
  reason: string | null;
}

/** Which shipments each `--list` (and the page's list filter) selects; `controlled` when none is given. */
export function listCondition(list: LedgerList): SQL {
  const controlled = sql`(${shipments.highlyToxic} OR ${shipments.explosivePrecursor} OR ${shipments.precursorCategory} IS NOT NULL)`;
  switch (list) {
    case "toxic": return sql`${shipments.highlyToxic}`;
    case "explosive": return sql`${shipments.explosivePrecursor}`;
    case "precursor": return sql`${shipments.precursorCategory} IS NOT NULL`;
    // every substance of the hazardous-chemicals catalogue, and every controlled one
    case "hazardous": return sql`(${shipments.hazardous} OR ${controlled})`;
    case "controlled": return controlled;
  }
}

export const listsOf = (r: { highlyToxic: boolean; explosivePrecursor: boolean; precursorCategory: number | null }): RegulatedList[] => [
  ...(r.highlyToxic ? ["toxic" as const] : []),
  ...(r.explosivePrecursor ? ["explosive" as const] : []),
  ...(r.precursorCategory !== null ? ["precursor" as const] : []),
];

const CATEGORY_ZH = ["", "第一类", "第二类", "第三类"] as const;

/**
 * The lists a shipment's substance is on, as the ledger writes them: 剧毒、易制爆、易制毒第三类; in
 * the English UI's words for them (message keys): "Highly toxic, Explosive precursor, Drug precursor, category 3".
 */
export function listLabel(r: { highlyToxic: boolean; explosivePrecursor: boolean; precursorCategory: number | null; hazardous?: boolean }, locale: Locale = "zh"): string {
  if (locale !== "zh") {
    const t = translator(locale);
    const labels = [
      r.highlyToxic ? t("hazard.highly_toxic") : null,
      r.explosivePrecursor ? t("hazard.explosive_precursor") : null,
      r.precursorCategory !== null ? t("ledger.precursor_category", { category: r.precursorCategory }) : null,
    ].filter(Boolean);
    return labels.length ? labels.join("; ") : r.hazardous ? t("hazard.hazardous") : "";
  }
  const labels = [
    r.highlyToxic ? "剧毒" : null,
    r.explosivePrecursor ? "易制爆" : null,
    r.precursorCategory !== null ? `易制毒${CATEGORY_ZH[r.precursorCategory] ?? ""}` : null,
  ].filter(Boolean);
  return labels.length ? labels.join("、") : r.hazardous ? "危险化学品" : "";
}

type Filters = Omit<LedgerInput, "page" | "pageSize">;

function query(input: Filters) {
  const buyer = alias(enterprises, "buyer");
  const seller = alias(enterprises, "seller");
  const filters: SQL[] = [listCondition(input.list ?? "controlled")];
  if (input.from) filters.push(sql`${shipments.deliveredOn} >= ${input.from}::date`);
  if (input.to) filters.push(sql`${shipments.deliveredOn} <= ${input.to}::date`);
  if (input.parkId) filters.push(sql`(${buyer.parkId} = ${input.parkId} OR ${seller.parkId} = ${input.parkId})`);
  return { buyer, seller, where: and(...filters)! };
}

/**
 * The flow ledger (流向台账): one row per shipment of a regulated substance, with seller, buyer
 * (name, credit code, address as they were on the day), substance, lists, quantity, purpose and
 * the buyer's agent. Corrections are rows of their own that name the row they replace. The period
 * is the delivery date; a park selects shipments with a party in it. `reveal` gives the agent's
 * full ID number where the policy allows it (the export); otherwise it is masked.
 */
export async function ledgerRows(db: Db, actor: Actor, input: Filters, options: { reveal?: boolean; limit?: number; offset?: number } = {}): Promise<LedgerRow[]> {
  const { buyer, seller, where } = query(input);
  const correction = alias(shipments, "correction");
  let q = db
    .select({
      s: shipments, ref: agreements.ref, buyerParkId: buyer.parkId, sellerParkId: seller.parkId, correctedBy: correction.id,
    })
    .from(shipments)
    .innerJoin(agreements, eq(agreements.id, shipments.agreementId))
    .innerJoin(buyer, eq(buyer.id, shipments.buyerEnterpriseId))
    .innerJoin(seller, eq(seller.id, shipments.sellerEnterpriseId))
    .leftJoin(correction, eq(correction.correctsId, shipments.id))
    .where(where)
    .orderBy(asc(shipments.deliveredOn), asc(shipments.id))
    .$dynamic();
  if (options.limit !== undefined) q = q.limit(options.limit).offset(options.offset ?? 0);
  const rows = await q;
  const namesEn = await englishNamesByCas(db, rows.map((r) => r.s.cas));
  return rows.map(({ s, ref, buyerParkId, sellerParkId, correctedBy }) => {
    const reveal = options.reveal === true && can(actor, {
      type: "ledger.agentId", buyer: { enterpriseId: s.buyerEnterpriseId, parkId: buyerParkId }, seller: { enterpriseId: s.sellerEnterpriseId, parkId: sellerParkId },
    });
    return {
      id: s.id, agreementId: s.agreementId, ref, callOffId: s.callOffId, date: s.deliveredOn,
      seller: { name: s.sellerName, uscc: s.sellerUscc, address: s.sellerAddress },
      buyer: { name: s.buyerName, uscc: s.buyerUscc, address: s.buyerAddress },
      substance: s.substanceName, substanceEn: s.cas ? namesEn.get(s.cas) ?? null : null, cas: s.cas,
      hazardous: s.hazardous, highlyToxic: s.highlyToxic, explosivePrecursor: s.explosivePrecursor, precursorCategory: s.precursorCategory,
      lists: listsOf(s),
      quantityT: Number(s.quantityT), purpose: s.purpose, agentName: s.agentName,
      agentIdNumber: reveal ? s.agentIdNumber : maskResidentId(s.agentIdNumber),
      correctsId: s.correctsId, correctedBy, reason: s.reason,
    };
  });
}

/** How many rows the filters select, and the tonnes of the effective ones (no correction replaces them). */
export async function ledgerTotals(db: Db, input: Filters) {
  const { buyer, seller, where } = query(input);
  const [row] = await db
    .select({
      rows: count(),
      quantity: sql<string>`coalesce(sum(${shipments.quantityT}) FILTER (WHERE ${effectiveShipment}), 0)::text`,
    })
    .from(shipments)
    .innerJoin(buyer, eq(buyer.id, shipments.buyerEnterpriseId))
    .innerJoin(seller, eq(seller.id, shipments.sellerEnterpriseId))
    .where(where);
  return { total: row!.rows, totalQuantityT: Math.round(Number(row!.quantity) * 1000) / 1000 };
}

/** The ledger page: one page of rows, agent IDs masked. */
export async function flowLedger(db: Db, actor: Actor, input: LedgerInput) {
  authorize(actor, { type: "report.view", parkId: input.parkId ?? null });
  const [items, totals] = await Promise.all([
    ledgerRows(db, actor, input, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize }),
    ledgerTotals(db, input),
  ]);
  return { items, ...totals, page: input.page, pageSize: input.pageSize };
}
