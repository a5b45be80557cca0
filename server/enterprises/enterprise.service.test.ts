import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, enterprises, notifications } from "@/db/schema";
import { loadActor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { makeEnterprise, makePark, makeUser } from "@/server/testing/factories";
import { getEnterprisePrivate, listUnverified, updateEnterprise } from "./enterprise.service";

const db = () => getDb();

/** The profile as the form sends it, with some fields changed. */
const profile = (e: typeof enterprises.$inferSelect, changes: Partial<{ name: string; nameEn: string | null; address: string | null }> = {}) => ({
  id: e.id, name: e.name, nameEn: e.nameEn, chains: e.chains, address: e.address, contactName: e.contactName,
  contactPhone: e.contactPhone, description: e.description, ...changes,
});

async function verifiedEnterprise() {
  const park = await makePark();
  const enterprise = await makeEnterprise({ parkId: park.id, verifiedAt: new Date() });
  const [admin, staff] = await Promise.all([makeUser({ enterpriseId: enterprise.id, role: "admin" }), makeUser({ parkId: park.id })]);
  return { park, enterprise, admin, staff };
}

describe("renaming a verified enterprise", () => {
  it("by its own admin sends it back to review: verification cleared, audited, members told, on the park's list", async () => {
    const { park, enterprise, admin, staff } = await verifiedEnterprise();
    expect((await getEnterprisePrivate(db(), admin.actor, enterprise.id)).allowed.renameKeepsVerification).toBe(false);

    // other changes keep it
    await updateEnterprise(db(), admin.actor, profile(enterprise, { address: "南通市如东县洋口镇" }));
    expect((await db().select().from(enterprises).where(eq(enterprises.id, enterprise.id)))[0]!.verifiedAt).not.toBeNull();

    const after = await updateEnterprise(db(), admin.actor, profile(enterprise, { name: `中国石化${enterprise.uscc.slice(-4)}有限公司` }));
    expect(after).toMatchObject({ verifiedAt: null, verifiedBy: null });
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.entity, "enterprise"), eq(auditLog.entityId, String(enterprise.id)), eq(auditLog.action, "unverify")));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ verifiedAt: null, reason: "renamed", name: after.name });
    const notices = await db().select().from(notifications).where(eq(notifications.enterpriseId, enterprise.id));
    expect(notices.map((n) => n.kind)).toContain("enterprise.reverify");
    expect((await listUnverified(db(), staff.actor, park.id)).map((e) => e.id)).toContain(enterprise.id);
    // its members no longer see hazardous details
    expect(can(await loadActor(db(), admin.user.id), { type: "hazardous.viewDetails" })).toBe(false);
  });

  it("by the English name too", async () => {
    const { enterprise, admin } = await verifiedEnterprise();
    expect((await updateEnterprise(db(), admin.actor, profile(enterprise, { nameEn: "Sinopec Nantong Co., Ltd." }))).verifiedAt).toBeNull();
  });

  it("by its park's staff keeps the verification", async () => {
    const { enterprise, admin, staff } = await verifiedEnterprise();
    expect((await getEnterprisePrivate(db(), staff.actor, enterprise.id)).allowed.renameKeepsVerification).toBe(true);
    const after = await updateEnterprise(db(), staff.actor, profile(enterprise, { name: `${enterprise.name}（更名）` }));
    expect(after.verifiedAt).not.toBeNull();
    expect(can(await loadActor(db(), admin.user.id), { type: "hazardous.viewDetails" })).toBe(true);
  });
});
