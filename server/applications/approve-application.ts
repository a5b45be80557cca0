import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { enterpriseApplications } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { addUserToEnterprise } from "@/server/enterprises/enterprise.service";
import { insertEnterprise } from "@/server/enterprises/write-enterprise";
import { AppError } from "@/server/errors";
import { notify } from "@/server/notifications/notification.service";
import type { ApproveApplicationInput } from "./application.schemas";
import { findApplication } from "./find-application";

/** Letters and digits that cannot be mistaken for one another when read out over the phone. */
const PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A first password of 12 characters (about 69 bits), to be changed by its owner. */
export function initialPassword(): string {
  return Array.from({ length: 12 }, () => PASSWORD_ALPHABET[crypto.randomInt(PASSWORD_ALPHABET.length)]).join("");
}

export const alreadyDecided = () =>
  new AppError("CONFLICT", { zh: "该入驻申请已经审核过了", en: "This application has already been decided" });

/**
 * Approves an application to join, in one transaction: the enterprise is created through its
 * writer (verified by the reviewer), its first admin account (the contact, with a first password)
 * is created, the application is marked approved, the decision audited and the new admin greeted
 * in the app. Anything refused (the credit code taken meanwhile, the email in use) rolls all of it
 * back, and the application stays pending. The first password is returned once, for the reviewer
 * to hand to the applicant; only its hash is kept.
 */
export async function approveApplication(db: Db, actor: Actor, input: ApproveApplicationInput) {
  const before = await findApplication(db, input.id);
  authorize(actor, { type: "application.review", parkId: before.parkId });
  return db.transaction(async (tx) => {
    const application = await findApplication(tx, input.id, { lock: true });
    if (application.status !== "pending") throw alreadyDecided();
    const now = new Date();
    const enterprise = await insertEnterprise(tx, actor, {
      uscc: application.uscc, name: application.name, parkId: application.parkId, chains: application.chains,
      contactName: application.contactName, contactPhone: application.contactPhone,
      verifiedAt: now, verifiedBy: actor.userId,
    }, { action: "create-from-application" });
    const email = input.adminEmail ?? application.contactEmail;
    const password = initialPassword();
    const admin = await addUserToEnterprise(tx, enterprise.id, { email, name: application.contactName, password, role: "admin" });
    await recordAudit(tx, actor, { entity: "membership", entityId: `${admin.id}:${enterprise.id}`, action: "add", after: { role: "admin", from: "application" } });
    await tx
      .update(enterpriseApplications)
      .set({ status: "approved", reviewedBy: actor.userId, reviewedAt: now, enterpriseId: enterprise.id })
      .where(eq(enterpriseApplications.id, application.id));
    await recordAudit(tx, actor, {
      entity: "enterprise_application", entityId: application.id, action: "approve",
      before: { status: "pending" }, after: { status: "approved", enterpriseId: enterprise.id, adminUserId: admin.id },
    });
    await notify(tx, { enterpriseId: enterprise.id, userId: admin.id }, "application.approved", {
      zh: `欢迎入驻园链！${enterprise.name} 的入驻申请已审核通过，企业已认证。请完善企业资料并发布产品。`,
      en: `Welcome to ParkLink! The application of ${enterprise.name} was approved and the enterprise is verified. Complete its profile and list its products.`,
      href: `/enterprises/${enterprise.id}/manage`,
    });
    return {
      enterpriseId: enterprise.id,
      enterpriseName: enterprise.name,
      /** shown once to the reviewer, who tells the applicant: never stored in clear */
      signIn: { email: admin.email, initialPassword: password, url: "/signin" },
    };
  });
}
