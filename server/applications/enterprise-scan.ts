import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { enterpriseApplications } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { findEnterprise } from "@/server/enterprises/find-enterprise";
import { notFound } from "@/server/errors";

/**
 * The business licence scan on file for an enterprise: the one of the approved application that
 * created it. For those who see its licences (its members, its park's staff, platform admins), so
 * that verification (审核通过) is decided with the scan in view. `null` when there is none (an
 * enterprise registered by park staff or imported).
 */
export async function enterpriseScanInfo(db: Db, actor: Actor, enterpriseId: number) {
  const enterprise = await findEnterprise(db, enterpriseId);
  authorize(actor, { type: "licence.view", enterpriseId, parkId: enterprise.parkId });
  const [row] = await db
    .select({ applicationId: enterpriseApplications.id, filename: enterpriseApplications.scanFilename, contentType: enterpriseApplications.scanContentType, sizeBytes: enterpriseApplications.scanSizeBytes })
    .from(enterpriseApplications)
    .where(and(eq(enterpriseApplications.enterpriseId, enterpriseId), eq(enterpriseApplications.status, "approved")))
    .orderBy(desc(enterpriseApplications.reviewedAt))
    .limit(1);
  return row ? { filename: row.filename, contentType: row.contentType, sizeBytes: row.sizeBytes, href: `/api/enterprises/${enterpriseId}/licence-scan` } : null;
}

/** The bytes of that scan (served by /api/enterprises/[id]/licence-scan). */
export async function enterpriseScan(db: Db, actor: Actor, enterpriseId: number) {
  const enterprise = await findEnterprise(db, enterpriseId);
  authorize(actor, { type: "licence.view", enterpriseId, parkId: enterprise.parkId });
  const [row] = await db
    .select({ filename: enterpriseApplications.scanFilename, contentType: enterpriseApplications.scanContentType, content: enterpriseApplications.scanContent })
    .from(enterpriseApplications)
    .where(and(eq(enterpriseApplications.enterpriseId, enterpriseId), eq(enterpriseApplications.status, "approved")))
    .orderBy(desc(enterpriseApplications.reviewedAt))
    .limit(1);
  if (!row) throw notFound({ zh: "营业执照扫描件", en: "Business licence scan" });
  return { filename: row.filename, contentType: row.contentType, content: row.content.toString("base64") };
}
