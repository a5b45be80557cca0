import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, parks } from "@/db/schema";
import { signedSql } from "@/server/agreements/signed";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { AppError, notFound } from "@/server/errors";
import type { CreateParkInput } from "./park.schemas";

export async function listParks(db: Db) {
  return db
    .select({
      id: parks.id, code: parks.code, name: parks.name, nameEn: parks.nameEn, city: parks.city,
      enterprises: sql<number>`count(${enterprises.id})::int`,
    })
    .from(parks)
    .leftJoin(enterprises, eq(enterprises.parkId, parks.id))
    .groupBy(parks.id)
    .orderBy(asc(parks.code));
}

/** What a park chooser on a page offers: the parks whose staff work the policy grants this actor. */
export type ParkChoicePurpose = "manage" | "report" | "event";

/**
 * The parks this actor may pick for a purpose (manage the park, read its figures and ledger, add
 * its events), and whether it may also pick "all parks at once" — decided by the policy, so pages
 * offer exactly what the procedures behind them allow.
 */
export async function parkChoices(db: Db, actor: Actor, purpose: ParkChoicePurpose) {
  const allowedFor = (parkId: number | null) =>
    purpose === "manage" ? parkId !== null && can(actor, { type: "park.manage", parkId })
      : purpose === "report" ? can(actor, { type: "report.view", parkId })
        : can(actor, { type: "event.create", parkId });
  const all = await listParks(db);
  return { parks: all.filter((p) => allowedFor(p.id)), all: purpose === "report" && allowedFor(null) };
}

export async function createPark(db: Db, actor: Actor, input: CreateParkInput) {
  authorize(actor, { type: "park.create" });
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: parks.id }).from(parks).where(eq(parks.code, input.code));
    if (existing) {
      throw new AppError("CONFLICT", { zh: `园区代码 ${input.code} 已存在`, en: `Park code ${input.code} already exists` });
    }
    const [park] = await tx.insert(parks).values(input).returning();
    await recordAudit(tx, actor, { entity: "park", entityId: park!.id, action: "create", after: park });
    return park!;
  });
}

export async function parkByCode(db: Db, code: string) {
  const [park] = await db.select().from(parks).where(eq(parks.code, code.trim().toUpperCase()));
  return park ?? null;
}

/** The figures on park staff's home: enterprises (verified or not), products, agreements of the park. */
export async function parkOverview(db: Db, actor: Actor, parkId: number) {
  const [park] = await db.select().from(parks).where(eq(parks.id, parkId));
  if (!park) throw notFound({ zh: "园区", en: "Park" });
  authorize(actor, { type: "park.manage", parkId });
  const [row] = await db.execute<{ enterprises: number; verified: number; products: number; agreements: number }>(sql`
    SELECT
      (SELECT count(*)::int FROM enterprise e WHERE e.park_id = ${parkId}) AS enterprises,
      (SELECT count(*)::int FROM enterprise e WHERE e.park_id = ${parkId} AND e.verified_at IS NOT NULL) AS verified,
      (SELECT count(*)::int FROM product p JOIN enterprise e ON e.id = p.enterprise_id
        WHERE e.park_id = ${parkId} AND p.retired_at IS NULL) AS products,
      (SELECT count(*)::int FROM agreement a WHERE ${signedSql("a")} AND EXISTS (
        SELECT 1 FROM enterprise e WHERE e.park_id = ${parkId} AND e.id IN (a.buyer_enterprise_id, a.seller_enterprise_id))) AS agreements`);
  return { park, figures: row! };
}
