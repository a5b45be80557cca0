import { asc, count, eq, ilike, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, parks, users } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import { homeKind, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { AppError, notFound } from "@/server/errors";
import { addUserToEnterprise } from "@/server/enterprises/enterprise.service";
import type { AddMemberInput, ListUsersInput } from "./user.schemas";

/** The signed-in user with their enterprise and park, for the navigation and role homes. */
export async function me(db: Db, actor: Actor) {
  if (!actor.userId) return null;
  const [user] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, actor.userId));
  if (!user) return null;
  const first = actor.enterprises[0];
  const [enterprise] = first
    ? await db.select({ id: enterprises.id, name: enterprises.name, nameEn: enterprises.nameEn }).from(enterprises).where(eq(enterprises.id, first.enterpriseId))
    : [];
  const [park] = actor.parkIds[0]
    ? await db.select({ id: parks.id, code: parks.code, name: parks.name, nameEn: parks.nameEn }).from(parks).where(eq(parks.id, actor.parkIds[0]))
    : [];
  return {
    ...user,
    kind: homeKind(actor),
    platformAdmin: actor.platformAdmin,
    enterprise: enterprise ? { ...enterprise, role: first!.role } : null,
    park: park ?? null,
  };
}

/** An enterprise admin (or its park's staff) adds a colleague with a first password. */
export async function addMember(db: Db, actor: Actor, input: AddMemberInput) {
  const [enterprise] = await db.select().from(enterprises).where(eq(enterprises.id, input.enterpriseId));
  if (!enterprise) throw notFound({ zh: "企业", en: "Enterprise" });
  authorize(actor, { type: "member.add", enterpriseId: enterprise.id, parkId: enterprise.parkId });
  return db.transaction(async (tx) => {
    const { enterpriseId, ...user } = input;
    const created = await addUserToEnterprise(tx, enterpriseId, user);
    await recordAudit(tx, actor, { entity: "membership", entityId: `${created.id}:${enterpriseId}`, action: "add", after: { role: input.role } });
    return created;
  });
}

/** Platform admin: every account with its enterprise or park. */
export async function listUsers(db: Db, actor: Actor, input: ListUsersInput) {
  authorize(actor, { type: "user.list" });
  const where = input.q ? or(ilike(users.email, `%${input.q}%`), ilike(users.name, `%${input.q}%`)) : undefined;
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: users.id, email: users.email, name: users.name, platformAdmin: users.isPlatformAdmin,
        disabled: sql<boolean>`${users.disabledAt} IS NOT NULL`, lastLoginAt: users.lastLoginAt,
        // correlated subqueries name their tables explicitly: drizzle leaves columns unqualified here
        enterprise: sql<string | null>`(SELECT string_agg(e.name, ', ') FROM membership m JOIN enterprise e ON e.id = m.enterprise_id WHERE m.user_id = "app_user"."id")`,
        park: sql<string | null>`(SELECT string_agg(p.name, ', ') FROM park_staff s JOIN park p ON p.id = s.park_id WHERE s.user_id = "app_user"."id")`,
      })
      .from(users)
      .where(where)
      .orderBy(asc(users.email))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

export async function setUserDisabled(db: Db, actor: Actor, input: { userId: number; disabled: boolean }) {
  authorize(actor, { type: "user.disable" });
  if (input.userId === actor.userId) {
    throw new AppError("INVALID", { zh: "不能停用自己的账号", en: "You cannot disable your own account" });
  }
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ disabledAt: input.disabled ? new Date() : null })
      .where(eq(users.id, input.userId))
      .returning({ id: users.id, disabledAt: users.disabledAt });
    if (!user) throw notFound({ zh: "用户", en: "User" });
    await recordAudit(tx, actor, { entity: "user", entityId: user.id, action: input.disabled ? "disable" : "enable" });
    return user;
  });
}
