import { and, eq, isNull, lt } from "drizzle-orm";
import type { Db } from "@/db";
import { byproducts, demands, enterprises, products, supplyOffers } from "@/db/schema";
import { recordAudit, recordAudits } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { AppError, notFound } from "@/server/errors";
import { enqueue } from "@/server/jobs/outbox";
import { changedColumns, parseRecord } from "@/server/records";
import { announceSupply, offerChange } from "@/server/saved-searches/changes";
import { z } from "@/server/zod";
import { byproductFields, demandFields, offerFields, type ListingStatus } from "./listing.schemas";

/**
 * The one writer of listings: demands (采购需求), supply offers and by-products. Every path that
 * creates or changes one (the listing services, expiry, the demo seed) goes through here: the
 * listing as it will be is checked against the forms' rules (a date in the past is allowed here:
 * "not in the past" is a rule of what a user types, and listings expire), an offer must be for a
 * current product of its own enterprise, and in the caller's transaction the row is written,
 * audited and announced (`demands`, `offers`, `byproducts`: search and matching). A refused
 * listing writes nothing. Who may write is the caller's business (server/auth/policy.ts).
 */

const isoDate = z.iso.date();
const optionalDate = isoDate.nullish().transform((v) => v ?? null);

const demandRecord = demandFields
  .omit({ publish: true })
  .extend({ expiresOn: optionalDate })
  .refine((v) => !v.deliveryFrom || !v.deliveryTo || v.deliveryFrom <= v.deliveryTo, { error: "listing.window_order", path: ["deliveryTo"] });
const offerRecord = offerFields
  .omit({ publish: true })
  .extend({ validUntil: optionalDate })
  .refine((v) => !v.validFrom || !v.validUntil || v.validFrom <= v.validUntil, { error: "listing.period_order", path: ["validUntil"] });
const byproductRecord = byproductFields.omit({ publish: true });

/** What the writers are given: a listing's fields as the forms have them (numbers as numbers, null for "none"). */
export type DemandRecord = z.input<typeof demandRecord>;
export type OfferRecord = z.input<typeof offerRecord>;
export type ByproductRecord = z.input<typeof byproductRecord>;
type DemandRow = typeof demands.$inferSelect;
type OfferRow = typeof supplyOffers.$inferSelect;
type ByproductRow = typeof byproducts.$inferSelect;

const DEMAND = { zh: "采购需求", en: "Demand" };
const OFFER = { zh: "供应报价", en: "Supply offer" };
const BYPRODUCT = { zh: "副产品", en: "By-product" };

const fixed = (n: number | null, scale: number) => (n === null ? null : n.toFixed(scale));
const number = (v: string | null) => (v === null ? null : Number(v));
const units = (v: string) => v as "t" | "kg";

function demandColumns(r: z.output<typeof demandRecord>) {
  return {
    cas: r.cas, substanceName: r.substanceName, quantity: r.quantity.toFixed(3), unit: r.unit, grade: r.grade,
    minPurityPct: r.minPurityPct === null ? null : String(r.minPurityPct), deliveryFrom: r.deliveryFrom, deliveryTo: r.deliveryTo,
    place: r.place, targetPriceCnyPerUnit: fixed(r.targetPriceCnyPerUnit, 2), taxBasis: r.taxBasis ?? "incl_vat", recurrence: r.recurrence, expiresOn: r.expiresOn, note: r.note,
    acceptsByproducts: r.acceptsByproducts ?? false,
  };
}
const demandOf = (row: DemandRow): DemandRecord => ({
  cas: row.cas, substanceName: row.substanceName, quantity: Number(row.quantity), unit: units(row.unit), grade: row.grade,
  minPurityPct: number(row.minPurityPct), deliveryFrom: row.deliveryFrom, deliveryTo: row.deliveryTo, place: row.place,
  targetPriceCnyPerUnit: number(row.targetPriceCnyPerUnit), taxBasis: row.taxBasis, recurrence: row.recurrence, expiresOn: row.expiresOn, note: row.note,
  acceptsByproducts: row.acceptsByproducts,
});

function offerColumns(r: z.output<typeof offerRecord>) {
  return {
    productId: r.productId, quantity: r.quantity.toFixed(3), unit: r.unit, priceCnyPerUnit: fixed(r.priceCnyPerUnit, 2), taxBasis: r.taxBasis ?? "incl_vat",
    validFrom: r.validFrom, validUntil: r.validUntil, place: r.place,
  };
}
const offerOf = (row: OfferRow): OfferRecord => ({
  productId: row.productId, quantity: Number(row.quantity), unit: units(row.unit), priceCnyPerUnit: number(row.priceCnyPerUnit), taxBasis: row.taxBasis,
  validFrom: row.validFrom, validUntil: row.validUntil, place: row.place,
});

function byproductColumns(r: z.output<typeof byproductRecord>) {
  return {
    name: r.name, cas: r.cas, wasteCode: r.wasteCode, composition: r.composition, monthlyVolumeT: r.monthlyVolumeT.toFixed(3), place: r.place,
  };
}
/** A row as a record again (a volume never recorded reads as missing, so a change must give one). */
const byproductOf = (row: ByproductRow): Omit<ByproductRecord, "monthlyVolumeT"> & { monthlyVolumeT: number | null } => ({
  name: row.name, cas: row.cas, wasteCode: row.wasteCode, composition: row.composition, monthlyVolumeT: number(row.monthlyVolumeT), place: row.place,
});

async function requireEnterprise(tx: Db, id: number) {
  const [row] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, id));
  if (!row) throw notFound({ zh: "企业", en: "Enterprise" });
}

/** An offer sells a current product of its own enterprise. */
async function requireOwnProduct(tx: Db, enterpriseId: number, productId: number) {
  const [product] = await tx
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.id, productId), eq(products.enterpriseId, enterpriseId), isNull(products.retiredAt)));
  if (!product) {
    throw new AppError("INVALID", { zh: "请选择本企业在售的产品", en: "Choose one of your enterprise's current products" }, { field: "productId" });
  }
}

/** The fields a change gives (undefined leaves a field as it is). */
function given<T extends object>(change: T): Partial<T> {
  return Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) as Partial<T>;
}

interface Options {
  /** the audit action (default "create" for a new listing, "update" for a change) */
  action?: string;
}

export async function insertDemand(
  tx: Db, actor: Actor, enterpriseId: number, input: DemandRecord, options: Options & { status: ListingStatus },
): Promise<DemandRow> {
  const record = parseRecord(demandRecord, input, DEMAND);
  await requireEnterprise(tx, enterpriseId);
  const [row] = await tx
    .insert(demands)
    .values({ ...demandColumns(record), enterpriseId, createdBy: actor.userId, status: options.status })
    .returning();
  await finish(tx, actor, "demand", row!.id, options.action ?? "create", null, row);
  return row!;
}

/** Changes a demand's fields and/or its status; the demand as it will be is checked whole. */
export async function updateDemandRecord(
  tx: Db, actor: Actor, id: number, change: Partial<DemandRecord> & { status?: ListingStatus }, options: Options = {},
): Promise<DemandRow> {
  const [current] = await tx.select().from(demands).where(eq(demands.id, id)).for("update");
  if (!current) throw notFound(DEMAND);
  const { status, ...fields } = given(change);
  // a change of status alone writes the status; a change of fields is checked as the whole listing will be
  const record = Object.keys(fields).length ? parseRecord(demandRecord, { ...demandOf(current), ...fields }, DEMAND) : null;
  const [after] = await tx.update(demands).set({ ...(record ? demandColumns(record) : {}), ...(status ? { status } : {}) }).where(eq(demands.id, id)).returning();
  await finish(tx, actor, "demand", id, options.action ?? "update", current, after!);
  return after!;
}

export async function insertOffer(
  tx: Db, actor: Actor, enterpriseId: number, input: OfferRecord, options: Options & { status: ListingStatus },
): Promise<OfferRow> {
  const record = parseRecord(offerRecord, input, OFFER);
  await requireEnterprise(tx, enterpriseId);
  await requireOwnProduct(tx, enterpriseId, record.productId);
  const [row] = await tx.insert(supplyOffers).values({ ...offerColumns(record), enterpriseId, status: options.status }).returning();
  await finish(tx, actor, "offer", row!.id, options.action ?? "create", null, row);
  await announceSupply(tx, offerChange(null, row!));
  return row!;
}

/** Changes an offer's fields and/or its status; a change of product must name a current product of its own. */
export async function updateOfferRecord(
  tx: Db, actor: Actor, id: number, change: Partial<OfferRecord> & { status?: ListingStatus }, options: Options = {},
): Promise<OfferRow> {
  const [current] = await tx.select().from(supplyOffers).where(eq(supplyOffers.id, id)).for("update");
  if (!current) throw notFound(OFFER);
  const { status, ...fields } = given(change);
  // a change of status alone writes the status; a change of fields is checked as the whole listing will be
  const record = Object.keys(fields).length ? parseRecord(offerRecord, { ...offerOf(current), ...fields }, OFFER) : null;
  if (record && fields.productId !== undefined) await requireOwnProduct(tx, current.enterpriseId, record.productId);
  const [after] = await tx.update(supplyOffers).set({ ...(record ? offerColumns(record) : {}), ...(status ? { status } : {}) }).where(eq(supplyOffers.id, id)).returning();
  await finish(tx, actor, "offer", id, options.action ?? "update", current, after!);
  await announceSupply(tx, offerChange(current, after!));
  return after!;
}

export async function insertByproduct(
  tx: Db, actor: Actor, enterpriseId: number, input: ByproductRecord, options: Options & { status: ListingStatus },
): Promise<ByproductRow> {
  const record = parseRecord(byproductRecord, input, BYPRODUCT);
  await requireEnterprise(tx, enterpriseId);
  const [row] = await tx.insert(byproducts).values({ ...byproductColumns(record), enterpriseId, status: options.status }).returning();
  await finish(tx, actor, "byproduct", row!.id, options.action ?? "create", null, row);
  return row!;
}

export async function updateByproductRecord(
  tx: Db, actor: Actor, id: number, change: Partial<ByproductRecord> & { status?: ListingStatus }, options: Options = {},
): Promise<ByproductRow> {
  const [current] = await tx.select().from(byproducts).where(eq(byproducts.id, id)).for("update");
  if (!current) throw notFound(BYPRODUCT);
  const { status, ...fields } = given(change);
  // a change of status alone writes the status; a change of fields is checked as the whole listing will be
  const record = Object.keys(fields).length ? parseRecord(byproductRecord, { ...byproductOf(current), ...fields }, BYPRODUCT) : null;
  const [after] = await tx.update(byproducts).set({ ...(record ? byproductColumns(record) : {}), ...(status ? { status } : {}) }).where(eq(byproducts.id, id)).returning();
  await finish(tx, actor, "byproduct", id, options.action ?? "update", current, after!);
  return after!;
}

const KIND = {
  demand: { entity: "demand", event: "demands" },
  offer: { entity: "supply_offer", event: "offers" },
  byproduct: { entity: "byproduct", event: "byproducts" },
} as const;

/** The audit entry (a new row whole; a change as the columns it altered) and the announcement. */
async function finish(tx: Db, actor: Actor, kind: keyof typeof KIND, id: number, action: string, before: object | null, after: object | undefined) {
  const { entity, event } = KIND[kind];
  if (before === null) {
    await recordAudit(tx, actor, { entity, entityId: id, action, after });
  } else {
    const row = after as Record<string, unknown>;
    const diff = changedColumns(before as Record<string, unknown>, row, Object.keys(row).filter((k) => k !== "updatedAt"));
    await recordAudit(tx, actor, { entity, entityId: id, action, before: diff.before, after: diff.after });
  }
  await enqueue(tx, event, [id]);
}

/**
 * Expiry (server/listings/expiry.ts): open demands past their last day and open offers past their
 * validity become `expired`, in the caller's transaction, each audited and announced.
 */
export async function expireListingRecords(tx: Db, actor: Actor, options: { enterpriseId?: number; today: string }) {
  const scope = (column: typeof demands.enterpriseId | typeof supplyOffers.enterpriseId) =>
    options.enterpriseId ? eq(column, options.enterpriseId) : undefined;
  const expiredDemands = await tx
    .update(demands)
    .set({ status: "expired" })
    .where(and(eq(demands.status, "open"), lt(demands.expiresOn, options.today), scope(demands.enterpriseId)))
    .returning({ id: demands.id });
  const expiredOffers = await tx
    .update(supplyOffers)
    .set({ status: "expired" })
    .where(and(eq(supplyOffers.status, "open"), lt(supplyOffers.validUntil, options.today), scope(supplyOffers.enterpriseId)))
    .returning({ id: supplyOffers.id });
  const entry = (entity: string) => (row: { id: number }) => ({ entity, entityId: row.id, action: "expire", before: { status: "open" }, after: { status: "expired" } });
  await recordAudits(tx, actor, [...expiredDemands.map(entry(KIND.demand.entity)), ...expiredOffers.map(entry(KIND.offer.entity))]);
  await enqueue(tx, KIND.demand.event, expiredDemands.map((d) => d.id));
  await enqueue(tx, KIND.offer.event, expiredOffers.map((o) => o.id));
  return { demands: expiredDemands.length, offers: expiredOffers.length };
}
