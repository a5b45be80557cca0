import { and, count, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { demands, enterprises, matches, substances } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { todayInChina } from "@/server/compliance/compliance";
import { AppError, notFound } from "@/server/errors";
import { loadSubstances, resolveNames } from "@/server/matching/candidates";
import { refreshDemandMatches } from "@/server/matching/refresh";
import { substanceView } from "@/server/substances/substance.service";
import { effectiveDemandStatus } from "./expiry";
import type { CreateDemandInput, ListListingsInput, RepostInput, UpdateDemandInput } from "./listing.schemas";
import { findEnterprise } from "@/server/enterprises/find-enterprise";
import { insertDemand, updateDemandRecord } from "./write-listing";

const DEMAND = { zh: "采购需求", en: "Demand" };

async function findDemand(db: Db, id: number) {
  const [row] = await db
    .select({ demand: demands, parkId: enterprises.parkId, buyerName: enterprises.name, buyerNameEn: enterprises.nameEn })
    .from(demands)
    .innerJoin(enterprises, eq(enterprises.id, demands.enterpriseId))
    .where(eq(demands.id, id));
  if (!row) throw notFound(DEMAND);
  return row;
}

/** The CAS a demand is for: the one typed, or the dictionary's when the typed name belongs to exactly one substance. */
async function substanceOf(db: Db, cas: string | null, name: string) {
  if (cas) return cas;
  return (await resolveNames(db, [name])).get(name.trim().toLowerCase()) ?? null;
}

/** An enterprise's own demands, newest first, with how many suppliers each has (in the park, and in all). */
export async function listDemands(db: Db, actor: Actor, input: ListListingsInput) {
  const enterprise = await findEnterprise(db, input.enterpriseId);
  authorize(actor, { type: "listing.view", enterpriseId: enterprise.id, parkId: enterprise.parkId });
  const today = todayInChina();
  const status = effectiveDemandStatus(today);
  const filters: SQL[] = [eq(demands.enterpriseId, enterprise.id)];
  if (input.status !== "all") filters.push(sql`${status} = ${input.status}`);
  const where = and(...filters);
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: demands.id, substanceName: demands.substanceName, cas: demands.cas,
        /** the dictionary's English name of the demand's CAS (null when it has none): the English UI shows it */
        substanceEn: substanceView.nameEn,
        quantity: demands.quantity, unit: demands.unit, grade: demands.grade, minPurityPct: demands.minPurityPct, recurrence: demands.recurrence, expiresOn: demands.expiresOn,
        status, createdAt: demands.createdAt,
        // correlated subqueries name their table explicitly: drizzle leaves columns unqualified in a select list
        suppliers: sql<number>`(SELECT count(*)::int FROM ${matches} m WHERE m.demand_id = "demand"."id" AND m.status <> 'dismissed' AND m.compliance <> 'blocked')`,
        inPark: sql<number>`(SELECT count(*)::int FROM ${matches} m JOIN enterprise s ON s.id = m.supplier_enterprise_id
          WHERE m.demand_id = "demand"."id" AND m.status <> 'dismissed' AND m.compliance <> 'blocked' AND s.park_id IS NOT DISTINCT FROM ${enterprise.parkId}::int AND s.park_id IS NOT NULL)`,
      })
      .from(demands)
      .leftJoin(substances, eq(substances.cas, demands.cas))
      .where(where)
      .orderBy(desc(demands.createdAt), desc(demands.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(demands).where(where),
  ]);
  return {
    items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize,
    allowed: { create: can(actor, { type: "demand.manage", enterpriseId: enterprise.id }) },
  };
}

/** One demand, for its enterprise and its park's staff, with what the actor may do with it. */
export async function getDemand(db: Db, actor: Actor, id: number) {
  const { demand, parkId, buyerName, buyerNameEn } = await findDemand(db, id);
  authorize(actor, { type: "listing.view", enterpriseId: demand.enterpriseId, parkId });
  const today = todayInChina();
  const status = demand.status === "open" && demand.expiresOn !== null && demand.expiresOn < today ? "expired" : demand.status;
  const [flags, english] = demand.cas
    ? await Promise.all([
        loadSubstances(db, [demand.cas]).then((m) => m.get(demand.cas!) ?? null),
        db.select({ nameEn: substanceView.nameEn }).from(substances).where(eq(substances.cas, demand.cas)).then(([r]) => r?.nameEn ?? null),
      ])
    : [null, null];
  const manage = can(actor, { type: "demand.manage", enterpriseId: demand.enterpriseId });
  return {
    ...demand,
    status,
    /** the dictionary's English name of the demand's CAS (null when it has none) */
    substanceEn: english,
    buyer: { id: demand.enterpriseId, name: buyerName, nameEn: buyerNameEn, parkId },
    flags: flags ? { hazardous: flags.hazardous, highlyToxic: flags.highlyToxic, explosivePrecursor: flags.explosivePrecursor, precursorCategory: flags.precursorCategory } : null,
    allowed: {
      edit: manage && (status === "open" || status === "draft"),
      close: manage && (status === "open" || status === "draft"),
      repost: manage && status !== "open",
      dismiss: can(actor, { type: "match.dismiss", enterpriseId: demand.enterpriseId }),
    },
  };
}

export async function createDemand(db: Db, actor: Actor, input: CreateDemandInput) {
  const enterprise = await findEnterprise(db, input.enterpriseId);
  authorize(actor, { type: "demand.manage", enterpriseId: enterprise.id });
  const cas = await substanceOf(db, input.cas, input.substanceName);
  return db.transaction(async (tx) => {
    const row = await insertDemand(tx, actor, enterprise.id, { ...input, cas }, { status: input.publish ? "open" : "draft" });
    // the buyer sees its ranked suppliers at once; the worker's later pass finds nothing new
    if (row.status === "open") await refreshDemandMatches(tx, [row.id], { quietFor: enterprise.id });
    return row;
  });
}

export async function updateDemand(db: Db, actor: Actor, input: UpdateDemandInput) {
  const { demand } = await findDemand(db, input.id);
  authorize(actor, { type: "demand.manage", enterpriseId: demand.enterpriseId });
  if (demand.status !== "open" && demand.status !== "draft") {
    throw new AppError("CONFLICT", { zh: "已关闭或已过期的需求不能修改，请重新发布", en: "A closed or expired demand cannot be edited: repost it" });
  }
  const cas = await substanceOf(db, input.cas, input.substanceName);
  return db.transaction(async (tx) => {
    const status = demand.status === "draft" && input.publish ? "open" : demand.status;
    const { id, publish: _publish, ...fields } = input;
    const row = await updateDemandRecord(tx, actor, id, { ...fields, cas, status }, { action: "update" });
    if (row.status === "open") await refreshDemandMatches(tx, [row.id], { quietFor: demand.enterpriseId });
    return row;
  });
}

export async function closeDemand(db: Db, actor: Actor, id: number) {
  const { demand } = await findDemand(db, id);
  authorize(actor, { type: "demand.manage", enterpriseId: demand.enterpriseId });
  return db.transaction((tx) => updateDemandRecord(tx, actor, id, { status: "closed" }, { action: "close" }));
}

/** Reopens a closed or expired demand (or publishes a draft) until a new date; its suggestions are refreshed. */
export async function repostDemand(db: Db, actor: Actor, input: RepostInput) {
  const { demand } = await findDemand(db, input.id);
  authorize(actor, { type: "demand.manage", enterpriseId: demand.enterpriseId });
  return db.transaction(async (tx) => {
    const row = await updateDemandRecord(tx, actor, input.id, { status: "open", expiresOn: input.until }, { action: "repost" });
    await refreshDemandMatches(tx, [input.id], { quietFor: demand.enterpriseId });
    return row;
  });
}
