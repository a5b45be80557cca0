import { and, asc, eq, isNull, ne, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { agreementLines, agreements, events } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { todayInChina } from "@/server/compliance/compliance";
import { AppError, notFound } from "@/server/errors";
import { isoDate } from "@/server/inquiries/inquiry.schemas";
import { enqueue } from "@/server/jobs/outbox";
import { sumMoney } from "@/server/numeric";
import { changedColumns, parseRecord } from "@/server/records";
import { z } from "@/server/zod";
import { AGREEMENT_STATUSES, AGREEMENT_TYPES, boundsRefusal, optionalCas } from "./agreement.schemas";
import { changedByOthers, SIGN_DIRECTLY_REFUSED } from "./agreement-checks";
import { canTransition } from "./call-offs";
import { dealScope, loadParties } from "./parties";
import { complianceRefusal } from "./signing";

/**
 * The one writer of agreements and their lines. Every path that creates or changes an agreement
 * (the agreement service, quote acceptance, the agreement import, the demo seed) goes through
 * here. In the caller's transaction it checks the agreement as it will be (the record's shape; the
 * bounds of agreement.schemas; two different parties; the term in order; a free ref; a status
 * reached by an allowed step; what must hold before an agreement becomes signed, on every path:
 * a signing date not in the future, and for a controlled-substance line verified parties and the
 * buyer's licence on file), writes the row and its lines, records the audit entry and announces
 * it (`agreements`). A refused agreement writes nothing. Who may write is the caller's business
 * (server/auth/policy.ts), with one exception kept here because it is about the record itself: an
 * agreement is created as already signed only by those who may record signings (park staff of a
 * party's park, platform admins and the system), never by a party alone.
 */

const AGREEMENT = { zh: "协议", en: "Agreement" };
const id = z.number().int().positive();
const optionalId = id.nullish().transform((v) => v ?? null);
const optionalDate = isoDate.nullish().transform((v) => v ?? null);
const decimal = (scale: number) => z.string().trim().regex(new RegExp(`^\\d{1,15}(\\.\\d{1,${scale}})?$`), { error: "field.invalid_format" });

const storedLine = z.object({
  cas: optionalCas,
  /** the catalogue product the line came from, when it did */
  productId: optionalId,
  productName: z.string().trim().max(120).nullish().transform((v) => v || null),
  volumeT: decimal(3).nullable(),
  unitPriceCny: decimal(2).nullable(),
  amountCny: decimal(2),
});

const agreementRecord = z
  .object({
    /** refs come from the form (checked there) or from other systems' files: any text up to 40 characters */
    ref: z.string().trim().min(1).max(40),
    type: z.enum(AGREEMENT_TYPES),
    title: z.string().trim().min(2, { error: "field.required" }).max(120),
    buyerEnterpriseId: id,
    sellerEnterpriseId: id,
    status: z.enum(AGREEMENT_STATUSES),
    signedOn: optionalDate,
    startOn: optionalDate,
    endOn: optionalDate,
    eventId: optionalId,
    quoteId: optionalId,
    /** terms with no column of their own (e.g. from the accepted quote) */
    notes: z.string().trim().max(2000).nullish().transform((v) => v || null),
    proposedBy: optionalId,
    proposedByEnterpriseId: optionalId,
    proposedAt: z.date().nullish().transform((v) => v ?? null),
    confirmedBy: optionalId,
    confirmedAt: z.date().nullish().transform((v) => v ?? null),
    lines: z.array(storedLine).min(1, { error: "deals.lines_required" }),
  })
  .refine((a) => a.buyerEnterpriseId !== a.sellerEnterpriseId, { error: "deals.same_party", path: ["sellerEnterpriseId"] })
  .refine((a) => !a.startOn || !a.endOn || a.startOn <= a.endOn, { error: "deals.end_before_start", path: ["endOn"] })
  .refine((a) => a.status === "draft" || a.status === "terminated" || a.signedOn !== null, { error: "deals.signed_on_required", path: ["signedOn"] })
  .refine((a) => a.proposedByEnterpriseId === null || [a.buyerEnterpriseId, a.sellerEnterpriseId].includes(a.proposedByEnterpriseId), {
    error: "field.invalid", path: ["proposedByEnterpriseId"],
  });

export type StoredLine = z.input<typeof storedLine>;
/** What the writer is given for a new agreement: without a ref it gets `PL-<year>-<id>`. */
export type AgreementRecord = Omit<z.input<typeof agreementRecord>, "ref" | "status"> & { ref?: string | null; status: "draft" | "signed" };
type Row = typeof agreements.$inferSelect;
type StoredAgreement = z.output<typeof agreementRecord>;

const totalOf = (lines: { amountCny: string }[]) => sumMoney(lines.map((l) => l.amountCny));


/** The rules an agreement must meet as it will be stored; `becomesSigned` when this write signs it (or changes what was signed). */
async function requireRules(tx: Db, a: StoredAgreement, options: { except?: number; checkRef: boolean; becomesSigned: boolean }) {
  const bounds = boundsRefusal(a.lines);
  if (bounds) throw new AppError("INVALID", { zh: bounds.zh, en: bounds.en }, { field: bounds.field });
  if (options.checkRef) {
    const [clash] = await tx.select({ id: agreements.id }).from(agreements)
      .where(and(eq(agreements.ref, a.ref), options.except ? ne(agreements.id, options.except) : undefined));
    if (clash) throw new AppError("CONFLICT", { zh: `协议编号 ${a.ref} 已存在`, en: `Agreement ref ${a.ref} already exists` }, { field: "ref" });
  }
  if (a.eventId !== null) {
    const [event] = await tx.select({ id: events.id }).from(events).where(eq(events.id, a.eventId));
    if (!event) throw notFound({ zh: "签约活动", en: "Event" });
  }
  const parties = await loadParties(tx, a.buyerEnterpriseId, a.sellerEnterpriseId);
  if (options.becomesSigned) {
    if (a.signedOn! > todayInChina()) throw new AppError("INVALID", { zh: "签约日期不能晚于今天", en: "The signing date cannot be in the future" }, { field: "signedOn" });
    const refusal = await complianceRefusal(tx, parties, a.lines);
    if (refusal) throw new AppError("FORBIDDEN", refusal, { compliance: "refused" });
  }
  return parties;
}

async function writeLines(tx: Db, agreementId: number, lines: StoredAgreement["lines"], previous: (typeof agreementLines.$inferSelect)[] = []) {
  await tx.delete(agreementLines).where(eq(agreementLines.agreementId, agreementId));
  // a line kept at its place with the same product keeps its link to the catalogue product
  const productAt = new Map(previous.map((l) => [l.lineNo, l]));
  await tx.insert(agreementLines).values(lines.map((l, i) => {
    const old = productAt.get(i + 1);
    const sameProduct = old && old.productName === l.productName && old.cas === l.cas;
    return { agreementId, lineNo: i + 1, ...l, productId: l.productId ?? (sameProduct ? old.productId : null) };
  }));
}

/**
 * Creates an agreement with its lines in the caller's transaction, as a draft or (recorded by
 * those who may) as signed. The total is the sum of the lines. Audited "create" unless `action`
 * says otherwise, and announced.
 */
export async function insertAgreement(tx: Db, actor: Actor, input: AgreementRecord, options: { action?: string } = {}) {
  const a = parseRecord(agreementRecord, { ...input, ref: input.ref || `tmp-${crypto.randomUUID()}` }, AGREEMENT);
  const signed = a.status === "signed";
  if (!signed) a.signedOn = null; // a draft has no signing date (signed.ts)
  const parties = await requireRules(tx, a, { checkRef: Boolean(input.ref), becomesSigned: signed });
  if (signed && !can(actor, { type: "agreement.recordSigned", ...dealScope(parties) })) throw new AppError("FORBIDDEN", SIGN_DIRECTLY_REFUSED);
  const { lines, ...columns } = a;
  const total = totalOf(lines);
  const [row] = await tx
    .insert(agreements)
    .values({ ...columns, totalAmountCny: total, createdBy: actor.userId })
    .returning({ id: agreements.id, ref: agreements.ref });
  let ref = row!.ref;
  if (!input.ref) {
    ref = `PL-${(a.signedOn ?? todayInChina()).slice(0, 4)}-${String(row!.id).padStart(5, "0")}`;
    await tx.update(agreements).set({ ref }).where(eq(agreements.id, row!.id));
  }
  await writeLines(tx, row!.id, lines);
  await recordAudit(tx, actor, {
    entity: "agreement", entityId: row!.id, action: options.action ?? "create", after: { ref, type: a.type, status: a.status, totalAmountCny: total },
  });
  await enqueue(tx, "agreements", [row!.id]);
  return { id: row!.id, ref };
}

export interface AgreementChange extends Partial<Omit<z.input<typeof agreementRecord>, "lines">> {
  /** the new lines, replacing all of them (the total follows) */
  lines?: StoredLine[];
}

export interface UpdateOptions {
  /** the audit action: "edit", "propose", "confirm", a status name, "import-update" … */
  action: string;
  /**
   * What the caller read and decided on: the change applies only while the agreement still has
   * these values (status, proposal, total); otherwise CONFLICT, nothing written.
   */
  expect?: Partial<Pick<Row, "status" | "proposedAt" | "totalAmountCny">>;
  /** what the audit entry's before and after say beside the changed columns (and the number of lines, when they change) */
  audit?: { before?: Record<string, unknown>; after?: Record<string, unknown> };
}

/**
 * Changes an agreement (its terms, parties, lines, proposal, confirmation or status) in the
 * caller's transaction. The agreement as it will be is checked whole; a change of status must be
 * an allowed step (call-offs.ts TRANSITIONS); becoming signed, or changing the lines or parties
 * of a signed agreement, meets the signing rules. Returns the row as written.
 */
export async function updateAgreementRecord(tx: Db, actor: Actor, id: number, change: AgreementChange, options: UpdateOptions): Promise<Row> {
  const conditions: SQL[] = [eq(agreements.id, id)];
  if (options.expect?.status) conditions.push(eq(agreements.status, options.expect.status));
  if (options.expect?.totalAmountCny) conditions.push(eq(agreements.totalAmountCny, options.expect.totalAmountCny));
  if (options.expect?.proposedAt !== undefined) {
    const at = options.expect.proposedAt;
    conditions.push(at === null ? isNull(agreements.proposedAt) : eq(agreements.proposedAt, at));
  }
  const [current] = await tx.select().from(agreements).where(and(...conditions)).for("update");
  if (!current) {
    const [exists] = await tx.select({ id: agreements.id }).from(agreements).where(eq(agreements.id, id));
    throw exists ? changedByOthers() : notFound(AGREEMENT);
  }
  const previous = await tx.select().from(agreementLines).where(eq(agreementLines.agreementId, id)).orderBy(asc(agreementLines.lineNo));
  const given = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) as AgreementChange;
  const a = parseRecord(agreementRecord, { ...current, lines: previous, ...given }, AGREEMENT);
  if (a.status !== current.status && !canTransition(current.status, a.status)) {
    throw new AppError("CONFLICT", { zh: "协议状态不能这样变更，请刷新", en: `An agreement that is ${current.status} cannot become ${a.status}` });
  }
  // a draft, and a draft terminated without signing, keeps no signing date: it never counts (signed.ts)
  if (a.status === "draft" || (a.status === "terminated" && current.status === "draft")) a.signedOn = null;
  const signedNow = a.status === "signed" || a.status === "active" || a.status === "completed";
  const partiesChanged = a.buyerEnterpriseId !== current.buyerEnterpriseId || a.sellerEnterpriseId !== current.sellerEnterpriseId;
  await requireRules(tx, a, {
    except: id,
    checkRef: a.ref !== current.ref,
    becomesSigned: signedNow && (current.status === "draft" || given.lines !== undefined || partiesChanged),
  });
  const { lines, ...columns } = a;
  const total = given.lines ? totalOf(lines) : current.totalAmountCny;
  const [after] = await tx.update(agreements).set({ ...columns, totalAmountCny: total }).where(eq(agreements.id, id)).returning();
  if (given.lines) await writeLines(tx, id, lines, previous);
  const diff = changedColumns(current, after!, Object.keys(columns).concat("totalAmountCny"));
  const counts = (n: number) => (given.lines ? { lines: n } : {});
  await recordAudit(tx, actor, {
    entity: "agreement", entityId: id, action: options.action,
    before: { ...diff.before, ...counts(previous.length), ...options.audit?.before },
    after: { ...diff.after, ...counts(lines.length), ...options.audit?.after },
  });
  await enqueue(tx, "agreements", [id]);
  return after!;
}
