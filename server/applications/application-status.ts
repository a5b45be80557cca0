import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { enterpriseApplications, parks } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { AppError } from "@/server/errors";
import type { ApplicationStatusInput } from "./application.schemas";

/**
 * 查询申请进度: the applicant, who has no account until approval, looks up the outcome of its latest
 * application with the credit code and the contact email it gave (both must match): pending, approved
 * (sign in with the email the reviewer handed over) or rejected with the reviewer's reason. Nothing
 * else of the application is shown; a wrong pair reads as "not found", whether the code exists or not.
 */
export async function applicationStatus(db: Db, actor: Actor, input: ApplicationStatusInput) {
  authorize(actor, { type: "application.checkStatus" });
  const [row] = await db
    .select({
      status: enterpriseApplications.status, name: enterpriseApplications.name, parkName: parks.name,
      submittedAt: enterpriseApplications.createdAt, reviewedAt: enterpriseApplications.reviewedAt, reason: enterpriseApplications.reason,
    })
    .from(enterpriseApplications)
    .leftJoin(parks, eq(parks.id, enterpriseApplications.parkId))
    .where(and(eq(enterpriseApplications.uscc, input.uscc), sql`lower(${enterpriseApplications.contactEmail}) = lower(${input.contactEmail})`))
    .orderBy(desc(enterpriseApplications.createdAt), desc(enterpriseApplications.id))
    .limit(1);
  if (!row) {
    throw new AppError("NOT_FOUND", {
      zh: "未找到与该统一社会信用代码和联系邮箱相符的入驻申请",
      en: "No application matches this credit code and contact email",
    });
  }
  return { ...row, reason: row.status === "rejected" ? row.reason : null };
}
