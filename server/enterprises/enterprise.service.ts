import { and, asc, count, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, licences, memberships, parks, products, users } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import { notify } from "@/server/notifications/notification.service";
import type { Actor } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password";
import { authorize, can } from "@/server/auth/policy";
import { AppError, notFound } from "@/server/errors";
import type { CreateEnterpriseInput, ListEnterprisesInput, UpdateEnterpriseInput } from "./enterprise.schemas";
import { insertEnterprise, updateEnterpriseRecord } from "./write-enterprise";

const ENTERPRISE = { zh: "企业", en: "Enterprise" };

/** Public directory: what any visitor may see of enterprises. */
export async function listEnterprises(db: Db, input: ListEnterprisesInput) {
  const filters: SQL[] = [];
  if (input.parkId) filters.push(eq(enterprises.parkId, input.parkId));
  if (input.q) {
    const like = `%${input.q.replace(/[%_\\]/g, "\\$&")}%`;
    filters.push(or(ilike(enterprises.name, like), ilike(enterprises.nameEn, like), eq(enterprises.uscc, input.q.toUpperCase()))!);
  }
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: enterprises.id, name: enterprises.name, nameEn: enterprises.nameEn, uscc: enterprises.uscc,
        chains: enterprises.chains, verified: sql<boolean>`${enterprises.verifiedAt} IS NOT NULL`,
        park: { id: parks.id, code: parks.code, name: parks.name, nameEn: parks.nameEn },
        products: sql<number>`(SELECT count(*)::int FROM ${products} WHERE ${products.enterpriseId} = ${enterprises.id} AND ${products.retiredAt} IS NULL)`,
      })
      .from(enterprises)
      .leftJoin(parks, eq(parks.id, enterprises.parkId))
      .where(where)
      .orderBy(asc(enterprises.name))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(enterprises).where(where),
  ]);
  return { items: rows, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

async function findEnterprise(db: Db, id: number) {
  const [row] = await db.select().from(enterprises).where(eq(enterprises.id, id));
  if (!row) throw notFound(ENTERPRISE);
  return row;
}

/** Everything about an enterprise: for its members, its park's staff and admins. */
export async function getEnterprisePrivate(db: Db, actor: Actor, id: number) {
  const enterprise = await findEnterprise(db, id);
  authorize(actor, { type: "enterprise.viewPrivate", enterpriseId: id, parkId: enterprise.parkId });
  const [park] = enterprise.parkId ? await db.select().from(parks).where(eq(parks.id, enterprise.parkId)) : [];
  const [licenceRows, members] = await Promise.all([
    db.select().from(licences).where(eq(licences.enterpriseId, id)).orderBy(asc(licences.type)),
    db
      .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, disabled: sql<boolean>`${users.disabledAt} IS NOT NULL` })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.enterpriseId, id))
      .orderBy(asc(users.name)),
  ]);
  const mine = actor.enterprises.find((e) => e.enterpriseId === id);
  const scope = { enterpriseId: id, parkId: enterprise.parkId };
  return {
    ...enterprise,
    park: park ?? null,
    licences: licenceRows,
    members,
    myRole: mine?.role ?? null,
    /** what this actor may do here, from the policy, so pages never decide access themselves */
    allowed: {
      update: can(actor, { type: "enterprise.update", ...scope }),
      addMember: can(actor, { type: "member.add", ...scope }),
      verify: can(actor, { type: "enterprise.verify", parkId: enterprise.parkId }),
      /** a rename by this actor keeps the verification (otherwise it goes back to review) */
      renameKeepsVerification: enterprise.verifiedAt === null || can(actor, { type: "enterprise.verify", parkId: enterprise.parkId }),
    },
  };
}

export async function createEnterprise(db: Db, actor: Actor, input: CreateEnterpriseInput) {
  authorize(actor, { type: "enterprise.create", parkId: input.parkId });
  return db.transaction(async (tx) => {
    const { firstUser, ...fields } = input;
    const enterprise = await insertEnterprise(tx, actor, fields);
    if (firstUser) await addUserToEnterprise(tx, enterprise.id, { ...firstUser, role: "admin" });
    return enterprise;
  });
}

/**
 * Changes an enterprise's profile. Park staff verified the enterprise under its name, and the
 * verification opens hazardous details to its members: a rename (name or English name) by anyone
 * who may not verify it, i.e. its own members, sends it back to review (verification cleared and
 * audited, its members told, and it is back on its park staff's list of enterprises awaiting
 * verification). A rename by those who verify it (its park's staff, admins) keeps it.
 */
export async function updateEnterprise(db: Db, actor: Actor, input: UpdateEnterpriseInput) {
  const before = await findEnterprise(db, input.id);
  authorize(actor, { type: "enterprise.update", enterpriseId: input.id, parkId: before.parkId });
  const renamed = input.name !== before.name || (input.nameEn ?? null) !== before.nameEn;
  const review = renamed && before.verifiedAt !== null && !can(actor, { type: "enterprise.verify", parkId: before.parkId });
  return db.transaction(async (tx) => {
    const { id, ...fields } = input;
    const after = await updateEnterpriseRecord(tx, actor, id, review ? { ...fields, verifiedAt: null, verifiedBy: null } : fields, { action: "update" });
    if (review) {
      await recordAudit(tx, actor, {
        entity: "enterprise", entityId: id, action: "unverify",
        before: { verifiedAt: before.verifiedAt, name: before.name, nameEn: before.nameEn },
        after: { verifiedAt: null, name: after.name, nameEn: after.nameEn, reason: "renamed" },
      });
      // park staff have no notices of their own: the enterprise is back on their list awaiting verification (listUnverified)
      await notify(tx, { enterpriseId: id }, "enterprise.reverify", {
        zh: `企业名称已改为“${after.name}”，需所属园区重新审核；审核通过前暂不能查看危险化学品的供应信息。`,
        en: `The enterprise is now named "${after.name}" and awaits verification by its park again; until then hazardous chemicals' supply details are hidden.`,
        href: `/enterprises/${id}/manage`,
      });
    }
    return after;
  });
}

export async function setEnterpriseVerified(db: Db, actor: Actor, input: { id: number; verified: boolean }) {
  const before = await findEnterprise(db, input.id);
  authorize(actor, { type: "enterprise.verify", parkId: before.parkId });
  return db.transaction(async (tx) => {
    const change = input.verified ? { verifiedAt: new Date(), verifiedBy: actor.userId } : { verifiedAt: null, verifiedBy: null };
    return updateEnterpriseRecord(tx, actor, input.id, change, { action: input.verified ? "verify" : "unverify" });
  });
}

/** Enterprises in a park that still wait for verification (park staff's to-do list). */
export async function listUnverified(db: Db, actor: Actor, parkId: number) {
  authorize(actor, { type: "park.manage", parkId });
  return db
    .select({ id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc, createdAt: enterprises.createdAt })
    .from(enterprises)
    .where(and(eq(enterprises.parkId, parkId), isNull(enterprises.verifiedAt)))
    .orderBy(asc(enterprises.createdAt));
}

/** Creates a user account and makes it a member of the enterprise (inside the caller's transaction). */
export async function addUserToEnterprise(
  db: Db,
  enterpriseId: number,
  user: { email: string; name: string; password: string; role: "admin" | "staff" | "procurement" },
) {
  const [clash] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${user.email.toLowerCase()}`);
  if (clash) {
    throw new AppError("CONFLICT", { zh: `邮箱 ${user.email} 已被使用`, en: `The email ${user.email} is already in use` });
  }
  const [created] = await db
    .insert(users)
    .values({ email: user.email, name: user.name, passwordHash: await hashPassword(user.password) })
    .returning({ id: users.id, email: users.email, name: users.name });
  await db.insert(memberships).values({ userId: created!.id, enterpriseId, role: user.role });
  return { ...created!, role: user.role };
}
