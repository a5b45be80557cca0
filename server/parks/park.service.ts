import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, parks } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { AppError } from "@/server/errors";
import type { CreateParkInput } from "./park.schemas";

export async function listParks(db: Db) {
  return db
    .select({
      id: parks.id, code: parks.code, name: parks.name, nameEn: parks.nameEn, city: parks.city,
      enterprises: sql<number>`(SELECT count(*)::int FROM ${enterprises} WHERE ${enterprises.parkId} = ${parks.id})`,
    })
    .from(parks)
    .orderBy(asc(parks.code));
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
