import { and, asc, count, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { products, substances as substanceTable, supplyOffers } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { supplierState, todayInChina } from "@/server/compliance/compliance";
import { licenceFacts } from "@/server/compliance/licences";
import { AppError, notFound } from "@/server/errors";
import { loadSubstances } from "@/server/matching/candidates";
import { substanceView } from "@/server/substances/substance.service";
import { effectiveOfferStatus } from "./expiry";
import type { CreateOfferInput, ListListingsInput, RepostInput, UpdateOfferInput } from "./listing.schemas";
import { findEnterprise } from "@/server/enterprises/find-enterprise";
import { insertOffer, updateOfferRecord } from "./write-listing";

const OFFER = { zh: "供应报价", en: "Supply offer" };

async function findOffer(db: Db, id: number) {
  const [row] = await db.select().from(supplyOffers).where(eq(supplyOffers.id, id));
  if (!row) throw notFound(OFFER);
  return row;
}

/**
 * An enterprise's supply offers with their product, newest first. A controlled substance's offer
 * whose supplier licence has expired is marked `blocked`: buyers do not see it, and its owner is
 * told why here.
 */
export async function listOffers(db: Db, actor: Actor, input: ListListingsInput) {
  const enterprise = await findEnterprise(db, input.enterpriseId);
  authorize(actor, { type: "listing.view", enterpriseId: enterprise.id, parkId: enterprise.parkId });
  const today = todayInChina();
  const status = effectiveOfferStatus(today);
  const filters: SQL[] = [eq(supplyOffers.enterpriseId, enterprise.id)];
  if (input.status !== "all") filters.push(sql`${status} = ${input.status}`);
  const where = and(...filters);
  const [rows, [total], licences] = await Promise.all([
    db
      .select({
        id: supplyOffers.id, productId: supplyOffers.productId, productName: products.name, cas: products.cas,
        /** the dictionary's English name of the product's CAS (null when it has none) */
        substanceEn: substanceView.nameEn,
        grade: products.grade,
        quantity: supplyOffers.quantity, unit: supplyOffers.unit, priceCnyPerUnit: supplyOffers.priceCnyPerUnit, taxBasis: supplyOffers.taxBasis,
        validFrom: supplyOffers.validFrom, validUntil: supplyOffers.validUntil, place: supplyOffers.place, status,
      })
      .from(supplyOffers)
      .innerJoin(products, eq(products.id, supplyOffers.productId))
      .leftJoin(substanceTable, eq(substanceTable.cas, products.cas))
      .where(where)
      .orderBy(desc(supplyOffers.createdAt), desc(supplyOffers.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(supplyOffers).where(where),
    licenceFacts(db, [enterprise.id]),
  ]);
  const substances = await loadSubstances(db, rows.map((r) => r.cas).filter((c): c is string => c !== null));
  const items = rows.map((r) => ({
    ...r,
    licence: supplierState(r.cas ? substances.get(r.cas) : null, licences.get(enterprise.id) ?? [], today),
  }));
  return {
    items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize,
    allowed: { create: can(actor, { type: "supply.manage", enterpriseId: enterprise.id }) },
  };
}

export async function getOffer(db: Db, actor: Actor, id: number) {
  const offer = await findOffer(db, id);
  const enterprise = await findEnterprise(db, offer.enterpriseId);
  authorize(actor, { type: "listing.view", enterpriseId: enterprise.id, parkId: enterprise.parkId });
  const today = todayInChina();
  const status = offer.status === "open" && offer.validUntil !== null && offer.validUntil < today ? "expired" : offer.status;
  const manage = can(actor, { type: "supply.manage", enterpriseId: enterprise.id });
  return {
    ...offer, status,
    allowed: { edit: manage && (status === "open" || status === "draft"), close: manage && (status === "open" || status === "draft"), repost: manage && status !== "open" },
  };
}

/** The enterprise's current products, to choose from when posting an offer. */
export async function offerableProducts(db: Db, actor: Actor, enterpriseId: number) {
  const enterprise = await findEnterprise(db, enterpriseId);
  authorize(actor, { type: "listing.view", enterpriseId: enterprise.id, parkId: enterprise.parkId });
  return db
    .select({
      id: products.id, sku: products.sku, name: products.name, cas: products.cas,
      /** the dictionary's English name of the product's CAS (null when it has none) */
      substanceEn: substanceView.nameEn,
      grade: products.grade, availableT: products.availableT, priceCnyPerT: products.priceCnyPerT,
    })
    .from(products)
    .leftJoin(substanceTable, eq(substanceTable.cas, products.cas))
    .where(and(eq(products.enterpriseId, enterpriseId), isNull(products.retiredAt)))
    .orderBy(asc(products.name), asc(products.id));
}

export async function createOffer(db: Db, actor: Actor, input: CreateOfferInput) {
  const enterprise = await findEnterprise(db, input.enterpriseId);
  authorize(actor, { type: "supply.manage", enterpriseId: enterprise.id });
  return db.transaction((tx) => insertOffer(tx, actor, enterprise.id, input, { status: input.publish ? "open" : "draft" }));
}

export async function updateOffer(db: Db, actor: Actor, input: UpdateOfferInput) {
  const offer = await findOffer(db, input.id);
  authorize(actor, { type: "supply.manage", enterpriseId: offer.enterpriseId });
  if (offer.status !== "open" && offer.status !== "draft") {
    throw new AppError("CONFLICT", { zh: "已关闭或已过期的报价不能修改，请重新发布", en: "A closed or expired offer cannot be edited: repost it" });
  }
  return db.transaction((tx) => {
    const status = offer.status === "draft" && input.publish ? "open" : offer.status;
    const { id, publish: _publish, ...fields } = input;
    return updateOfferRecord(tx, actor, id, { ...fields, status }, { action: "update" });
  });
}

export async function closeOffer(db: Db, actor: Actor, id: number) {
  const offer = await findOffer(db, id);
  authorize(actor, { type: "supply.manage", enterpriseId: offer.enterpriseId });
  return db.transaction((tx) => updateOfferRecord(tx, actor, id, { status: "closed" }, { action: "close" }));
}

export async function repostOffer(db: Db, actor: Actor, input: RepostInput) {
  const offer = await findOffer(db, input.id);
  authorize(actor, { type: "supply.manage", enterpriseId: offer.enterpriseId });
  const validFrom = offer.validFrom && offer.validFrom > input.until ? null : offer.validFrom;
  return db.transaction((tx) => updateOfferRecord(tx, actor, input.id, { status: "open", validUntil: input.until, validFrom }, { action: "repost" }));
}
