import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { agreementLines, agreements } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { todayInChina } from "@/server/compliance/compliance";
import { AppError } from "@/server/errors";
import { enqueue } from "@/server/jobs/outbox";
import { sumMoney } from "@/server/numeric";
import type { AgreementType } from "./agreement.schemas";
import { requireWithinBounds } from "./agreement-lines";

export interface NewAgreement {
  ref?: string;
  type: AgreementType;
  title: string;
  buyerEnterpriseId: number;
  sellerEnterpriseId: number;
  status: "draft" | "signed";
  signedOn: string | null;
  startOn: string | null;
  endOn: string | null;
  eventId: number | null;
  quoteId?: number | null;
  lines: { cas: string | null; productId?: number | null; productName: string | null; volumeT: string | null; unitPriceCny: string | null; amountCny: string }[];
}

/**
 * Writes an agreement with its lines inside the caller's transaction: the total is the sum of the
 * lines; without a ref it gets `PL-<year>-<id>`. Audited and announced (`agreements`).
 */
export async function insertAgreement(tx: Db, actor: Actor, a: NewAgreement) {
  requireWithinBounds(a.lines);
  if (a.ref) {
    const [clash] = await tx.select({ id: agreements.id }).from(agreements).where(eq(agreements.ref, a.ref));
    if (clash) throw new AppError("CONFLICT", { zh: `协议编号 ${a.ref} 已存在`, en: `Agreement ref ${a.ref} already exists` });
  }
  const total = sumMoney(a.lines.map((l) => l.amountCny));
  const [row] = await tx
    .insert(agreements)
    .values({
      ref: a.ref ?? `tmp-${crypto.randomUUID()}`, type: a.type, title: a.title, buyerEnterpriseId: a.buyerEnterpriseId,
      sellerEnterpriseId: a.sellerEnterpriseId, totalAmountCny: total, signedOn: a.signedOn, startOn: a.startOn, endOn: a.endOn,
      eventId: a.eventId, quoteId: a.quoteId ?? null, status: a.status, createdBy: actor.userId,
    })
    .returning({ id: agreements.id, ref: agreements.ref });
  let ref = row!.ref;
  if (!a.ref) {
    ref = `PL-${(a.signedOn ?? todayInChina()).slice(0, 4)}-${String(row!.id).padStart(5, "0")}`;
    await tx.update(agreements).set({ ref }).where(eq(agreements.id, row!.id));
  }
  await tx.insert(agreementLines).values(a.lines.map((l, i) => ({
    agreementId: row!.id, lineNo: i + 1, cas: l.cas, productId: l.productId ?? null, productName: l.productName,
    volumeT: l.volumeT, unitPriceCny: l.unitPriceCny, amountCny: l.amountCny,
  })));
  await recordAudit(tx, actor, { entity: "agreement", entityId: row!.id, action: "create", after: { ref, type: a.type, status: a.status, totalAmountCny: total } });
  await enqueue(tx, "agreements", [row!.id]);
  return { id: row!.id, ref };
}
