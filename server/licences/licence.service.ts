import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, LICENCE_DOCUMENT_MAX_BYTES, licenceDocuments, licences, products } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { supplierState, tierOf, todayInChina, type LicenceType } from "@/server/compliance/compliance";
import { licenceFacts } from "@/server/compliance/licences";
import { AppError, notFound } from "@/server/errors";
import { enqueue } from "@/server/jobs/outbox";
import { loadSubstances } from "@/server/matching/candidates";
import { notify } from "@/server/notifications/notification.service";
import type { AddLicenceInput, LicenceDocumentInput, UpdateLicenceInput } from "./licence.schemas";
import { findEnterprise } from "@/server/enterprises/find-enterprise";
import { decodeScan } from "@/server/upload";

const LICENCE = { zh: "证照", en: "Licence" };
const TYPE_NAMES: Record<LicenceType, string> = {
  hazardous_trade: "危险化学品经营许可证",
  safety_production: "安全生产许可证",
  pollutant_discharge: "排污许可证",
  explosive_precursor: "易制爆危险化学品从业单位备案",
  highly_toxic: "剧毒化学品购买许可证",
  precursor_purchase_permit: "第一类易制毒化学品购买许可证",
  precursor_purchase_record: "第二、三类易制毒化学品购买备案证明",
};

/** The state people read off a licence: valid, expiring within 30 days, expired, or without a recorded expiry. */
export function licenceState(validUntil: string | null, today = todayInChina()): "valid" | "expiring" | "expired" | "no_expiry" {
  if (!validUntil) return "no_expiry";
  if (validUntil < today) return "expired";
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  return validUntil <= soon ? "expiring" : "valid";
}


async function findLicence(db: Db, id: number) {
  const [row] = await db
    .select({ licence: licences, parkId: enterprises.parkId })
    .from(licences)
    .innerJoin(enterprises, eq(enterprises.id, licences.enterpriseId))
    .where(eq(licences.id, id));
  if (!row) throw notFound(LICENCE);
  return row;
}

/** Decodes and checks a scanned copy: its bytes must be what its type says, and at most 5 MB. */
function documentBytes(doc: LicenceDocumentInput): Buffer {
  return decodeScan(doc, LICENCE_DOCUMENT_MAX_BYTES);
}

async function saveDocument(db: Db, licenceId: number, doc: LicenceDocumentInput) {
  const content = documentBytes(doc);
  const values = { licenceId, filename: doc.filename, contentType: doc.contentType, sizeBytes: content.length, content };
  await db.insert(licenceDocuments).values(values).onConflictDoUpdate({ target: licenceDocuments.licenceId, set: values });
}

/** An enterprise's licences on file (without the scanned bytes), for its members and its park's staff. */
export async function listLicences(db: Db, actor: Actor, enterpriseId: number) {
  const enterprise = await findEnterprise(db, enterpriseId);
  authorize(actor, { type: "licence.view", enterpriseId, parkId: enterprise.parkId });
  const today = todayInChina();
  const rows = await db
    .select({
      id: licences.id, type: licences.type, number: licences.number, scope: licences.scope, validUntil: licences.validUntil,
      verifiedAt: licences.verifiedAt, document: { filename: licenceDocuments.filename, sizeBytes: licenceDocuments.sizeBytes },
    })
    .from(licences)
    .leftJoin(licenceDocuments, eq(licenceDocuments.licenceId, licences.id))
    .where(eq(licences.enterpriseId, enterpriseId))
    .orderBy(asc(licences.type), asc(licences.number));
  return {
    items: rows.map((r) => ({ ...r, document: r.document?.filename ? r.document : null, state: licenceState(r.validUntil, today) })),
    allowed: {
      manage: can(actor, { type: "licence.manage", enterpriseId, parkId: enterprise.parkId }),
      verify: can(actor, { type: "licence.verify", parkId: enterprise.parkId }),
    },
  };
}

/**
 * Records a licence on file. `verified`: recorded as verified at once, by park staff who hold the
 * paper (the CLI's `licence add --verified`); otherwise it waits for their verification.
 */
export async function addLicence(db: Db, actor: Actor, input: AddLicenceInput, options: { verified?: boolean } = {}) {
  const enterprise = await findEnterprise(db, input.enterpriseId);
  authorize(actor, { type: "licence.manage", enterpriseId: enterprise.id, parkId: enterprise.parkId });
  if (options.verified) authorize(actor, { type: "licence.verify", parkId: enterprise.parkId });
  if (input.document) documentBytes(input.document);
  return db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: licences.id })
      .from(licences)
      .where(and(eq(licences.enterpriseId, enterprise.id), eq(licences.type, input.type), eq(licences.number, input.number)));
    if (clash) throw new AppError("CONFLICT", { zh: `证照 ${input.number} 已登记`, en: `Licence ${input.number} is already on file` });
    const [row] = await tx
      .insert(licences)
      .values({
        enterpriseId: enterprise.id, type: input.type, number: input.number, scope: input.scope, validUntil: input.validUntil,
        ...(options.verified ? { verifiedAt: new Date(), verifiedBy: actor.userId } : {}),
      })
      .returning();
    if (input.document) await saveDocument(tx, row!.id, input.document);
    await enqueue(tx, "licences", [enterprise.id]);
    await recordAudit(tx, actor, { entity: "licence", entityId: row!.id, action: "create", after: row });
    return row!;
  });
}

/** Changes a licence; a changed licence waits for park staff to verify it again. */
export async function updateLicence(db: Db, actor: Actor, input: UpdateLicenceInput) {
  const { licence, parkId } = await findLicence(db, input.id);
  authorize(actor, { type: "licence.manage", enterpriseId: licence.enterpriseId, parkId });
  if (input.document) documentBytes(input.document);
  return db.transaction(async (tx) => {
    const changed = input.number !== licence.number || input.scope !== licence.scope || input.validUntil !== licence.validUntil || Boolean(input.document);
    const [after] = await tx
      .update(licences)
      .set({ number: input.number, scope: input.scope, validUntil: input.validUntil, ...(changed ? { verifiedAt: null, verifiedBy: null } : {}) })
      .where(eq(licences.id, input.id))
      .returning();
    if (input.document) await saveDocument(tx, input.id, input.document);
    await enqueue(tx, "licences", [licence.enterpriseId]);
    await recordAudit(tx, actor, { entity: "licence", entityId: input.id, action: "update", before: licence, after });
    return after!;
  });
}

export async function removeLicence(db: Db, actor: Actor, id: number) {
  const { licence, parkId } = await findLicence(db, id);
  authorize(actor, { type: "licence.manage", enterpriseId: licence.enterpriseId, parkId });
  await db.transaction(async (tx) => {
    await tx.delete(licences).where(eq(licences.id, id));
    await enqueue(tx, "licences", [licence.enterpriseId]);
    await recordAudit(tx, actor, { entity: "licence", entityId: id, action: "delete", before: licence });
  });
  return { id };
}

/** Park staff verify a licence on file (or take the verification back); the enterprise is told. */
export async function setLicenceVerified(db: Db, actor: Actor, input: { id: number; verified: boolean }) {
  const { licence, parkId } = await findLicence(db, input.id);
  authorize(actor, { type: "licence.verify", parkId });
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(licences)
      .set(input.verified ? { verifiedAt: new Date(), verifiedBy: actor.userId } : { verifiedAt: null, verifiedBy: null })
      .where(eq(licences.id, input.id))
      .returning();
    await enqueue(tx, "licences", [licence.enterpriseId]);
    await recordAudit(tx, actor, { entity: "licence", entityId: input.id, action: input.verified ? "verify" : "unverify", before: { verifiedAt: licence.verifiedAt }, after: { verifiedAt: after!.verifiedAt } });
    if (input.verified) {
      await notify(tx, { enterpriseId: licence.enterpriseId }, "licence.verified", {
        zh: `您的${TYPE_NAMES[licence.type]}（${licence.number}）已通过园区审核`,
        en: `Your licence ${licence.number} has been verified by park staff`,
        href: `/enterprises/${licence.enterpriseId}/manage`,
      });
    }
    return after!;
  });
}

/** The scanned copy of a licence, for those who may see the licence. */
export async function getLicenceDocument(db: Db, actor: Actor, id: number) {
  const { licence, parkId } = await findLicence(db, id);
  authorize(actor, { type: "licence.view", enterpriseId: licence.enterpriseId, parkId });
  const [doc] = await db.select().from(licenceDocuments).where(eq(licenceDocuments.licenceId, id));
  if (!doc) throw notFound({ zh: "证照扫描件", en: "Scanned copy" });
  return { filename: doc.filename, contentType: doc.contentType, content: doc.content.toString("base64") };
}

/**
 * Park staff's licence to-do list: licences waiting for verification, licences that expired, and
 * suppliers of controlled substances with no licence on file (shown to buyers with a warning until
 * the park collects it) or with an expired one (hidden from buyers).
 */
export async function parkLicenceTodo(db: Db, actor: Actor, parkId: number) {
  authorize(actor, { type: "allocation.view", parkId });
  const today = todayInChina();
  const [waiting, expired, supplying] = await Promise.all([
    db
      .select({ id: licences.id, type: licences.type, number: licences.number, validUntil: licences.validUntil, enterprise: { id: enterprises.id, name: enterprises.name } })
      .from(licences)
      .innerJoin(enterprises, eq(enterprises.id, licences.enterpriseId))
      .where(and(eq(enterprises.parkId, parkId), sql`${licences.verifiedAt} IS NULL`))
      .orderBy(asc(licences.createdAt)),
    db
      .select({ id: licences.id, type: licences.type, number: licences.number, validUntil: licences.validUntil, enterprise: { id: enterprises.id, name: enterprises.name } })
      .from(licences)
      .innerJoin(enterprises, eq(enterprises.id, licences.enterpriseId))
      .where(and(eq(enterprises.parkId, parkId), sql`${licences.validUntil} < ${today}::date`))
      .orderBy(asc(licences.validUntil)),
    db
      .selectDistinct({ enterpriseId: enterprises.id, name: enterprises.name, cas: products.cas, product: products.name })
      .from(products)
      .innerJoin(enterprises, eq(enterprises.id, products.enterpriseId))
      .where(and(eq(enterprises.parkId, parkId), sql`${products.retiredAt} IS NULL AND ${products.cas} IS NOT NULL`)),
  ]);
  const substances = await loadSubstances(db, supplying.map((s) => s.cas!));
  const controlled = supplying.filter((s) => tierOf(substances.get(s.cas!)) === "controlled");
  const facts = await licenceFacts(db, controlled.map((s) => s.enterpriseId));
  const suppliers = new Map<number, { enterprise: { id: number; name: string }; state: "licence_missing" | "blocked"; products: string[] }>();
  for (const s of controlled) {
    const state = supplierState(substances.get(s.cas!), facts.get(s.enterpriseId) ?? [], today);
    if (state === "ok") continue;
    const entry = suppliers.get(s.enterpriseId) ?? { enterprise: { id: s.enterpriseId, name: s.name }, state, products: [] };
    if (state === "blocked") entry.state = "blocked";
    entry.products.push(s.product);
    suppliers.set(s.enterpriseId, entry);
  }
  return { waiting, expired, suppliers: [...suppliers.values()] };
}
