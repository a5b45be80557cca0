import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { enterpriseApplications, parks, users } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { notFound } from "@/server/errors";
import type { ListApplicationsInput } from "./application.schemas";
import { findApplication } from "./find-application";

/**
 * The applications a reviewer may decide, newest first: those naming the parks the actor staffs;
 * every one (external ones included) for platform admins. Never the scans' bytes.
 */
export async function listApplications(db: Db, actor: Actor, input: ListApplicationsInput) {
  authorize(actor, { type: "application.list" });
  const filters: SQL[] = [eq(enterpriseApplications.status, input.status)];
  if (!actor.platformAdmin) filters.push(inArray(enterpriseApplications.parkId, actor.parkIds));
  const rows = await db
    .select({
      id: enterpriseApplications.id, uscc: enterpriseApplications.uscc, name: enterpriseApplications.name,
      park: { id: parks.id, name: parks.name, nameEn: parks.nameEn }, contactName: enterpriseApplications.contactName,
      status: enterpriseApplications.status, createdAt: enterpriseApplications.createdAt, reviewedAt: enterpriseApplications.reviewedAt,
      enterpriseId: enterpriseApplications.enterpriseId,
    })
    .from(enterpriseApplications)
    .leftJoin(parks, eq(parks.id, enterpriseApplications.parkId))
    .where(and(...filters))
    .orderBy(desc(enterpriseApplications.createdAt), desc(enterpriseApplications.id))
    .limit(200);
  return rows.map((r) => ({ ...r, park: r.park?.id ? r.park : null }));
}

/** One application for its reviewers, with its park and reviewer named (the scan through `applicationScan`). */
export async function getApplication(db: Db, actor: Actor, id: number) {
  const application = await findApplication(db, id);
  authorize(actor, { type: "application.review", parkId: application.parkId });
  const [[park], [reviewer]] = await Promise.all([
    application.parkId ? db.select({ id: parks.id, name: parks.name, nameEn: parks.nameEn }).from(parks).where(eq(parks.id, application.parkId)) : Promise.resolve([]),
    application.reviewedBy ? db.select({ name: users.name }).from(users).where(eq(users.id, application.reviewedBy)) : Promise.resolve([]),
  ]);
  return {
    ...application,
    park: park ?? null,
    reviewer: reviewer?.name ?? null,
    scan: { filename: application.scanFilename, contentType: application.scanContentType, sizeBytes: application.scanSizeBytes },
    allowed: { review: application.status === "pending" && can(actor, { type: "application.review", parkId: application.parkId }) },
  };
}

/** The business licence scan of an application, for its reviewers only (served by /api/applications/[id]/scan). */
export async function applicationScan(db: Db, actor: Actor, id: number) {
  const application = await findApplication(db, id);
  authorize(actor, { type: "application.review", parkId: application.parkId });
  const [row] = await db
    .select({ filename: enterpriseApplications.scanFilename, contentType: enterpriseApplications.scanContentType, content: enterpriseApplications.scanContent })
    .from(enterpriseApplications)
    .where(eq(enterpriseApplications.id, id));
  if (!row) throw notFound({ zh: "营业执照扫描件", en: "Business licence scan" });
  return { filename: row.filename, contentType: row.contentType, content: row.content.toString("base64") };
}

