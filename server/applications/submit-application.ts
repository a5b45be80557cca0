import { and, count, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { enterpriseApplications, enterprises, LICENCE_DOCUMENT_MAX_BYTES, parks } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/auth/policy";
import { AppError, notFound } from "@/server/errors";
import { decodeScan } from "@/server/upload";
import type { SubmitApplicationInput } from "./application.schemas";

/** At most this many applications from one client address per window (anonymous writes are limited). */
export const APPLICATION_LIMIT = { perAddress: 5, windowMinutes: 60 };

const duplicate = (uscc: string, what: "enterprise" | "pending") =>
  new AppError(
    "CONFLICT",
    what === "enterprise"
      ? { zh: `统一社会信用代码 ${uscc} 的企业已在平台上，请联系其管理员或所属园区开通账号`, en: `An enterprise with credit code ${uscc} is already on the platform; ask its administrator or its park for an account` }
      : { zh: `统一社会信用代码 ${uscc} 已有一份待审核的入驻申请，请等待审核结果`, en: `An application for credit code ${uscc} is already waiting for review` },
    { field: "uscc" },
  );

/**
 * 入驻申请: an enterprise outside the platform applies to join, with the scan of its business
 * licence (its type checked by its first bytes). Refused when its credit code is already an
 * enterprise's or already waits in a pending application, and when its address has sent
 * APPLICATION_LIMIT.perAddress applications within the window (counted under a lock on the address,
 * so simultaneous submissions cannot pass the limit together).
 */
export async function submitApplication(db: Db, actor: Actor, input: SubmitApplicationInput & { address?: string }) {
  authorize(actor, { type: "application.submit" });
  const content = decodeScan(input.scan, LICENCE_DOCUMENT_MAX_BYTES);
  const address = input.address || "unknown";
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`application:${address}`}))`);
      const since = new Date(Date.now() - APPLICATION_LIMIT.windowMinutes * 60_000);
      const [recent] = await tx
        .select({ n: count() })
        .from(enterpriseApplications)
        .where(and(eq(enterpriseApplications.clientAddress, address), gt(enterpriseApplications.createdAt, since)));
      if ((recent?.n ?? 0) >= APPLICATION_LIMIT.perAddress) {
        throw new AppError("UNAVAILABLE", {
          zh: `提交过于频繁：同一网络一小时内最多提交 ${APPLICATION_LIMIT.perAddress} 份入驻申请，请稍后再试`,
          en: `Too many applications: at most ${APPLICATION_LIMIT.perAddress} an hour from one network; please try again later`,
        });
      }
      const [enterprise] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.uscc, input.uscc));
      if (enterprise) throw duplicate(input.uscc, "enterprise");
      const [pending] = await tx
        .select({ id: enterpriseApplications.id })
        .from(enterpriseApplications)
        .where(and(eq(enterpriseApplications.uscc, input.uscc), eq(enterpriseApplications.status, "pending")));
      if (pending) throw duplicate(input.uscc, "pending");
      if (input.parkId !== null) {
        const [park] = await tx.select({ id: parks.id }).from(parks).where(eq(parks.id, input.parkId));
        if (!park) throw notFound({ zh: "园区", en: "Park" });
      }
      const [row] = await tx
        .insert(enterpriseApplications)
        .values({
          uscc: input.uscc, name: input.name, parkId: input.parkId, chains: input.chains,
          contactName: input.contactName, contactPhone: input.contactPhone, contactEmail: input.contactEmail,
          scanFilename: input.scan.filename.replace(/[\\/\r\n"]/g, "_"), scanContentType: input.scan.contentType,
          scanSizeBytes: content.length, scanContent: content, clientAddress: address,
        })
        .returning({ id: enterpriseApplications.id, createdAt: enterpriseApplications.createdAt });
      await recordAudit(tx, actor, {
        entity: "enterprise_application", entityId: row!.id, action: "submit",
        after: { uscc: input.uscc, name: input.name, parkId: input.parkId, contactEmail: input.contactEmail },
      });
      return { id: row!.id, createdAt: row!.createdAt };
    });
  } catch (e) {
    // two submissions of one code at once: the pending-code index lets only one in
    if ((e as { cause?: { code?: string } }).cause?.code === "23505" || (e as { code?: string }).code === "23505") throw duplicate(input.uscc, "pending");
    throw e;
  }
}
