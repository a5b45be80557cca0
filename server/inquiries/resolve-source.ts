import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { demands, matches, products, supplyOffers } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { AppError, notFound } from "@/server/errors";
import type { InquirySource } from "./inquiry.schemas";

/** What an inquiry is about, resolved from its entry point. */
interface Resolved {
  buyerId: number;
  sellerId: number;
  /** which side starts the thread */
  initiatorId: number;
  productId: number | null;
  demandId: number | null;
  matchId: number | null;
  cas: string | null;
  /** what is asked for, for the subject line */
  what: string;
  quantity: string | null;
  unit: string;
  /** the demand's tax basis (含税 / 不含税), which the inquiry and its quotes follow; null without a demand */
  taxBasis: "incl_vat" | "excl_vat" | null;
}

export async function resolveSource(db: Db, actor: Actor, source: InquirySource): Promise<Resolved> {
  const firstOwn = actor.enterprises[0]?.enterpriseId;
  if (source.kind === "match") {
    const [row] = await db
      .select({
        id: matches.id, demandId: matches.demandId, supplierId: matches.supplierEnterpriseId, productId: matches.productId,
        offerId: matches.offerId, buyerId: demands.enterpriseId, cas: demands.cas, name: demands.substanceName,
        quantity: demands.quantity, unit: demands.unit, taxBasis: demands.taxBasis,
      })
      .from(matches)
      .innerJoin(demands, eq(demands.id, matches.demandId))
      .where(eq(matches.id, source.id));
    if (!row) throw notFound({ zh: "匹配", en: "Match" });
    let productId = row.productId;
    if (!productId && row.offerId) {
      const [offer] = await db.select({ productId: supplyOffers.productId }).from(supplyOffers).where(eq(supplyOffers.id, row.offerId));
      productId = offer?.productId ?? null;
    }
    return {
      buyerId: row.buyerId, sellerId: row.supplierId, initiatorId: row.buyerId, productId, demandId: row.demandId, matchId: row.id,
      cas: row.cas, what: row.name, quantity: row.quantity, unit: row.unit, taxBasis: row.taxBasis,
    };
  }
  if (source.kind === "product") {
    const [row] = await db
      .select({ id: products.id, enterpriseId: products.enterpriseId, cas: products.cas, name: products.name, retiredAt: products.retiredAt })
      .from(products)
      .where(eq(products.id, source.id));
    if (!row || row.retiredAt) throw notFound({ zh: "产品", en: "Product" });
    // the buyer is the actor's enterprise (its first one that is not the supplier)
    const buyerId = actor.enterprises.find((e) => e.enterpriseId !== row.enterpriseId)?.enterpriseId ?? firstOwn;
    if (buyerId === undefined) throw new AppError("FORBIDDEN", { zh: "只有企业用户可以发起询价", en: "Only enterprise users can send inquiries" });
    return {
      buyerId, sellerId: row.enterpriseId, initiatorId: buyerId, productId: row.id, demandId: null, matchId: null,
      cas: row.cas, what: row.name, quantity: null, unit: "t", taxBasis: null,
    };
  }
  const [row] = await db
    .select({ id: demands.id, enterpriseId: demands.enterpriseId, cas: demands.cas, name: demands.substanceName, quantity: demands.quantity, unit: demands.unit, status: demands.status, taxBasis: demands.taxBasis })
    .from(demands)
    .where(eq(demands.id, source.id));
  if (!row) throw notFound({ zh: "采购需求", en: "Demand" });
  if (row.status !== "open") throw new AppError("CONFLICT", { zh: "该采购需求已关闭", en: "This demand is no longer open" });
  // a supplier answers the demand: the supplier is the actor's enterprise
  const sellerId = actor.enterprises.find((e) => e.enterpriseId !== row.enterpriseId)?.enterpriseId ?? firstOwn;
  if (sellerId === undefined) throw new AppError("FORBIDDEN", { zh: "只有企业用户可以回应采购需求", en: "Only enterprise users can answer a demand" });
  return {
    buyerId: row.enterpriseId, sellerId, initiatorId: sellerId, productId: null, demandId: row.id, matchId: null,
    cas: row.cas, what: row.name, quantity: row.quantity, unit: row.unit, taxBasis: row.taxBasis,
  };
}

export async function casOfProduct(db: Db, productId: number | null): Promise<string | null> {
  if (!productId) return null;
  const [row] = await db.select({ cas: products.cas }).from(products).where(eq(products.id, productId));
  return row?.cas ?? null;
}
