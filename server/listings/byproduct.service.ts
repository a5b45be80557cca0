import { and, count, desc, eq, getTableColumns, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { byproducts, substances } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { AppError, notFound } from "@/server/errors";
import type { CreateByproductInput, ListListingsInput, UpdateByproductInput } from "./listing.schemas";
import { findEnterprise } from "@/server/enterprises/find-enterprise";
import { substanceView } from "@/server/substances/substance.service";
import { insertByproduct, updateByproductRecord } from "./write-listing";

const BYPRODUCT = { zh: "副产品", en: "By-product" };

async function findByproduct(db: Db, id: number) {
  const [row] = await db.select().from(byproducts).where(eq(byproducts.id, id));
  if (!row) throw notFound(BYPRODUCT);
  return row;
}

/** A by-product's columns, with the dictionary's English name of its CAS (null when it has none). */
const withEnglish = { ...getTableColumns(byproducts), substanceEn: substanceView.nameEn };

/** By-products and waste streams (副产品/固废) an enterprise offers as someone else's feedstock. */
export async function listByproducts(db: Db, actor: Actor, input: ListListingsInput) {
  const enterprise = await findEnterprise(db, input.enterpriseId);
  authorize(actor, { type: "listing.view", enterpriseId: enterprise.id, parkId: enterprise.parkId });
  const filters: SQL[] = [eq(byproducts.enterpriseId, enterprise.id)];
  if (input.status !== "all") filters.push(eq(byproducts.status, input.status));
  const where = and(...filters);
  const [items, [total]] = await Promise.all([
    db.select(withEnglish).from(byproducts).leftJoin(substances, eq(substances.cas, byproducts.cas)).where(where).orderBy(desc(byproducts.createdAt), desc(byproducts.id))
      .limit(input.pageSize).offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(byproducts).where(where),
  ]);
  return {
    items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize,
    allowed: { create: can(actor, { type: "supply.manage", enterpriseId: enterprise.id }) },
  };
}

export async function getByproduct(db: Db, actor: Actor, id: number) {
  const [row] = await db.select(withEnglish).from(byproducts).leftJoin(substances, eq(substances.cas, byproducts.cas)).where(eq(byproducts.id, id));
  if (!row) throw notFound(BYPRODUCT);
  const enterprise = await findEnterprise(db, row.enterpriseId);
  authorize(actor, { type: "listing.view", enterpriseId: enterprise.id, parkId: enterprise.parkId });
  const manage = can(actor, { type: "supply.manage", enterpriseId: enterprise.id });
  return {
    ...row,
    allowed: { edit: manage && row.status !== "closed", close: manage && row.status !== "closed", repost: manage && row.status !== "open" },
  };
}

export async function createByproduct(db: Db, actor: Actor, input: CreateByproductInput) {
  const enterprise = await findEnterprise(db, input.enterpriseId);
  authorize(actor, { type: "supply.manage", enterpriseId: enterprise.id });
  return db.transaction((tx) => insertByproduct(tx, actor, enterprise.id, input, { status: input.publish ? "open" : "draft" }));
}

export async function updateByproduct(db: Db, actor: Actor, input: UpdateByproductInput) {
  const row = await findByproduct(db, input.id);
  authorize(actor, { type: "supply.manage", enterpriseId: row.enterpriseId });
  if (row.status === "closed") {
    throw new AppError("CONFLICT", { zh: "已关闭的副产品不能修改，请重新发布", en: "A closed by-product listing cannot be edited: repost it" });
  }
  return db.transaction((tx) => {
    const status = row.status === "draft" && input.publish ? "open" : row.status;
    const { id, publish: _publish, ...fields } = input;
    return updateByproductRecord(tx, actor, id, { ...fields, status }, { action: "update" });
  });
}

async function setStatus(db: Db, actor: Actor, id: number, status: "open" | "closed") {
  const row = await findByproduct(db, id);
  authorize(actor, { type: "supply.manage", enterpriseId: row.enterpriseId });
  return db.transaction((tx) => updateByproductRecord(tx, actor, id, { status }, { action: status === "closed" ? "close" : "repost" }));
}

export const closeByproduct = (db: Db, actor: Actor, id: number) => setStatus(db, actor, id, "closed");
/** A by-product stream runs on: reposting reopens it (no date to renew). */
export const repostByproduct = (db: Db, actor: Actor, id: number) => setStatus(db, actor, id, "open");
