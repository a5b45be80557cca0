import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import {
  agreementDocuments, agreementLines, agreements, auditLog, callOffOrders, enterprises, events, MAX_FILE_BYTES, parks, quotes,
  substances, users,
} from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { tierOf, todayInChina } from "@/server/compliance/compliance";
import { AppError, notFound } from "@/server/errors";
import { enqueue } from "@/server/jobs/outbox";
import { notify } from "@/server/notifications/notification.service";
import {
  boundsRefusal, MAX_LINE_VOLUME_T,
  type AddCallOffInput, type AddDocumentInput, type AgreementStatus, type ChangeStatusInput, type ConfirmSigningInput,
  type CreateAgreementInput, type ListAgreementsInput, type ProposeSigningInput, type RecordDeliveryInput, type UpdateDraftInput,
} from "./agreement.schemas";
import { CALL_OFF_TOLERANCE, canTransition, checkCallOff, DELIVERY_TOLERANCE, TERM_WARNING_DAYS, TRANSITIONS } from "./call-offs";
import { dealScope, loadParties, type PartyView } from "./parties";
import { complianceRefusal, sidesOf, unverifiedRefusal } from "./signing";
import { insertAgreement, updateAgreementRecord } from "./write-agreement";

const AGREEMENT = { zh: "协议", en: "Agreement" };
const money = (n: number) => n.toFixed(2);
const qty = (n: number) => n.toFixed(3);

/** Lines as stored: the amount is volume × unit price unless given. */
export function lineAmounts(lines: CreateAgreementInput["lines"]) {
  return lines.map((l) => {
    const amount = l.amountCny ?? (l.volumeT ?? 0) * (l.unitPriceCny ?? 0);
    return {
      cas: l.cas, productName: l.productName, volumeT: l.volumeT == null ? null : qty(l.volumeT),
      unitPriceCny: l.unitPriceCny == null ? null : money(l.unitPriceCny), amountCny: money(amount),
    };
  });
}

/** Refuses lines beyond the bounds of agreement.schemas (MAX_AGREEMENT_TOTAL_CNY …), whoever writes them. */
function requireWithinBounds(lines: Parameters<typeof boundsRefusal>[0]) {
  const refusal = boundsRefusal(lines);
  if (refusal) throw new AppError("INVALID", { zh: refusal.zh, en: refusal.en }, { field: refusal.field });
}

/**
 * What must hold before an agreement becomes signed, on every path (park staff recording it,
 * confirmation by the other party, import): for a controlled-substance line verified parties and
 * the buyer's licence on file (server/compliance, via ./signing).
 */
async function requireSignable(db: Db, parties: { buyer: PartyView; seller: PartyView }, lines: { cas: string | null; productName: string | null }[]) {
  const refusal = await complianceRefusal(db, parties, lines);
  if (refusal) throw new AppError("FORBIDDEN", refusal, { compliance: "refused" });
}

const SIGN_DIRECTLY_REFUSED = {
  zh: "只有签约双方所在园区的工作人员可以直接登记已签署的协议。请先保存为草稿，由一方提交签约、另一方确认签约。",
  en: "Only staff of a party's park may record an agreement as already signed. Save it as a draft: one party proposes it for signing and the other confirms.",
};

function requireSigningDate(signedOn: string | null | undefined): string {
  if (!signedOn) throw new AppError("INVALID", { zh: "已签署的协议需要签约日期", en: "A signed agreement needs its signing date" });
  if (signedOn > todayInChina()) throw new AppError("INVALID", { zh: "签约日期不能晚于今天", en: "The signing date cannot be in the future" });
  return signedOn;
}

async function requireEvent(db: Db, eventId: number | null | undefined) {
  if (!eventId) return null;
  const [event] = await db.select({ id: events.id }).from(events).where(eq(events.id, eventId));
  if (!event) throw notFound({ zh: "签约活动", en: "Event" });
  return event.id;
}

/**
 * Either party creates a draft; park staff of a party's park (and platform admins), recording what
 * was signed at an event, may create it signed. A party member asking for `signed` is refused with
 * the reason: between enterprises signing takes a proposal and the other party's confirmation.
 */
export async function createAgreement(db: Db, actor: Actor, input: CreateAgreementInput) {
  const parties = await loadParties(db, input.buyerEnterpriseId, input.sellerEnterpriseId);
  const scope = dealScope(parties);
  authorize(actor, { type: "agreement.create", ...scope });
  const status = input.status ?? "draft";
  if (status === "signed" && !can(actor, { type: "agreement.recordSigned", ...scope })) throw new AppError("FORBIDDEN", SIGN_DIRECTLY_REFUSED);
  const signedOn = status === "signed" ? requireSigningDate(input.signedOn) : null;
  const lines = lineAmounts(input.lines);
  const eventId = await requireEvent(db, input.eventId);
  return db.transaction(async (tx) => {
    const created = await insertAgreement(tx, actor, {
      ref: input.ref, type: input.type, title: input.title, buyerEnterpriseId: input.buyerEnterpriseId,
      sellerEnterpriseId: input.sellerEnterpriseId, status, signedOn,
      startOn: input.startOn ?? null, endOn: input.endOn ?? null, eventId, lines,
    });
    const own = new Set(actor.enterprises.map((e) => e.enterpriseId));
    for (const party of [parties.buyer, parties.seller]) {
      if (own.has(party.enterpriseId)) continue;
      await notify(tx, { enterpriseId: party.enterpriseId }, "agreement.created", {
        zh: `已登记协议 ${created.ref}：${input.title}`, en: `Agreement ${created.ref} recorded: ${input.title}`, href: `/agreements/${created.id}`,
      });
    }
    return created;
  });
}

/**
 * Changes a draft before it is signed: type, title, term, event and lines (the parties and the ref
 * stay). A line kept at its place with the same product keeps its link to the catalogue product.
 * Signed agreements are changed only through their states. Editing a draft proposed for signing
 * withdraws the proposal (the other party would otherwise confirm terms it never saw). Audited;
 * the other party is told.
 */
export async function updateDraftAgreement(db: Db, actor: Actor, input: UpdateDraftInput) {
  const { agreement, parties, scope } = await findAgreement(db, input.id);
  authorize(actor, { type: "agreement.manage", ...scope });
  if (agreement.status !== "draft") throw notDraft(agreement.status);
  const eventId = await requireEvent(db, input.eventId);
  const lines = lineAmounts(input.lines);
  const total = money(lines.reduce((sum, l) => sum + Math.round(Number(l.amountCny) * 100), 0) / 100);
  const withdrawn = agreement.proposedAt !== null;
  return db.transaction(async (tx) => {
    const written = await updateAgreementRecord(tx, actor, agreement.id, {
      type: input.type, title: input.title, startOn: input.startOn ?? null, endOn: input.endOn ?? null, eventId, lines,
      proposedBy: null, proposedByEnterpriseId: null, proposedAt: null,
    }, {
      action: "edit",
      expect: { status: "draft" },
      audit: {
        before: { type: agreement.type, title: agreement.title, totalAmountCny: agreement.totalAmountCny },
        after: { type: input.type, title: input.title, totalAmountCny: total, lines: lines.length, ...(withdrawn ? { proposalWithdrawn: true } : {}) },
      },
    });
    const after = { id: written.id, ref: written.ref };
    const own = new Set(actor.enterprises.map((e) => e.enterpriseId));
    for (const party of [parties.buyer, parties.seller]) {
      if (own.has(party.enterpriseId)) continue;
      await notify(tx, { enterpriseId: party.enterpriseId }, "agreement.edited", withdrawn
        ? { zh: `协议草稿 ${agreement.ref} 已修改，签约提交已撤回`, en: `Draft agreement ${agreement.ref} was changed; its proposal for signing was withdrawn`, href: `/agreements/${agreement.id}` }
        : { zh: `协议草稿 ${agreement.ref} 已修改`, en: `Draft agreement ${agreement.ref} was changed`, href: `/agreements/${agreement.id}` });
    }
    return after;
  });
}

const notDraft = (status: AgreementStatus) =>
  new AppError("CONFLICT", {
    zh: `协议当前为“${STATUS_ZH[status]}”，只有草稿可以修改`,
    en: `Only a draft can be edited; this agreement is ${status}`,
  });

/** Narrows a list to the agreements the actor might see; `can(deal.view)` decides for each row. */
function candidateScope(actor: Actor): SQL | undefined {
  if (actor.platformAdmin) return undefined;
  const own = actor.enterprises.map((e) => e.enterpriseId);
  const conditions: SQL[] = [];
  if (own.length) conditions.push(inArray(agreements.buyerEnterpriseId, own), inArray(agreements.sellerEnterpriseId, own));
  if (actor.parkIds.length) {
    conditions.push(sql`EXISTS (SELECT 1 FROM ${enterprises} e WHERE e.id IN ("agreement"."buyer_enterprise_id", "agreement"."seller_enterprise_id") AND e.park_id IN ${actor.parkIds})`);
  }
  return conditions.length ? or(...conditions) : sql`false`;
}

export async function listAgreements(db: Db, actor: Actor, input: ListAgreementsInput) {
  const filters: (SQL | undefined)[] = [candidateScope(actor)];
  if (input.status) filters.push(eq(agreements.status, input.status));
  if (input.type) filters.push(eq(agreements.type, input.type));
  if (input.eventId) filters.push(eq(agreements.eventId, input.eventId));
  if (input.parkId) {
    filters.push(sql`EXISTS (SELECT 1 FROM ${enterprises} e WHERE e.id IN ("agreement"."buyer_enterprise_id", "agreement"."seller_enterprise_id") AND e.park_id = ${input.parkId})`);
  }
  if (input.q) {
    const like = `%${input.q.replace(/[%_\\]/g, "\\$&")}%`;
    filters.push(or(
      ilike(agreements.ref, like), ilike(agreements.title, like),
      sql`EXISTS (SELECT 1 FROM ${enterprises} e WHERE e.id IN ("agreement"."buyer_enterprise_id", "agreement"."seller_enterprise_id") AND e.name ILIKE ${like})`,
    ));
  }
  const where = and(...filters);
  const party = (column: string, field: string) => sql.raw(`(SELECT e.${field} FROM enterprise e WHERE e.id = "agreement"."${column}")`);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: agreements.id, ref: agreements.ref, type: agreements.type, title: agreements.title, status: agreements.status,
        totalAmountCny: agreements.totalAmountCny, signedOn: agreements.signedOn, startOn: agreements.startOn, endOn: agreements.endOn,
        buyerEnterpriseId: agreements.buyerEnterpriseId, sellerEnterpriseId: agreements.sellerEnterpriseId,
        buyerName: sql<string>`${party("buyer_enterprise_id", "name")}`, sellerName: sql<string>`${party("seller_enterprise_id", "name")}`,
        buyerParkId: sql<number | null>`${party("buyer_enterprise_id", "park_id")}`, sellerParkId: sql<number | null>`${party("seller_enterprise_id", "park_id")}`,
        eventName: sql<string | null>`(SELECT ev.name FROM ${events} ev WHERE ev.id = "agreement"."event_id")`,
      })
      .from(agreements)
      .where(where)
      .orderBy(desc(sql`coalesce("agreement"."signed_on", "agreement"."created_at"::date)`), desc(agreements.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count(), amount: sql<string>`coalesce(sum(${agreements.totalAmountCny}), 0)::text` }).from(agreements).where(where),
  ]);
  const items = rows
    .filter((r) => can(actor, { type: "deal.view", buyer: { enterpriseId: r.buyerEnterpriseId, parkId: r.buyerParkId }, seller: { enterpriseId: r.sellerEnterpriseId, parkId: r.sellerParkId } }))
    .map(({ buyerParkId: _b, sellerParkId: _s, ...r }) => r);
  return {
    items, total: total?.n ?? 0, amountCny: total?.amount ?? "0", page: input.page, pageSize: input.pageSize,
    allowed: {
      create: actor.platformAdmin || actor.parkIds.length > 0 || actor.enterprises.length > 0,
      import: can(actor, { type: "agreement.import" }),
    },
  };
}

async function findAgreement(db: Db, id: number) {
  const [row] = await db.select().from(agreements).where(eq(agreements.id, id));
  if (!row) throw notFound(AGREEMENT);
  const parties = await loadParties(db, row.buyerEnterpriseId, row.sellerEnterpriseId);
  return { agreement: row, parties, scope: dealScope(parties) };
}

/** Agreed, called-off and delivered tonnes of each line, and of the whole agreement. */
async function fulfilment(db: Db, agreementId: number) {
  const [lines, callOffs] = await Promise.all([
    db.select().from(agreementLines).where(eq(agreementLines.agreementId, agreementId)).orderBy(asc(agreementLines.lineNo)),
    db.select().from(callOffOrders).where(eq(callOffOrders.agreementId, agreementId)).orderBy(asc(callOffOrders.orderedOn), asc(callOffOrders.id)),
  ]);
  const sum = (list: typeof callOffs, key: "orderedT" | "deliveredT") => list.reduce((s, c) => s + Number(c[key]), 0);
  const agreed = lines.every((l) => l.volumeT !== null) ? lines.reduce((s, l) => s + Number(l.volumeT), 0) : null;
  return {
    lines,
    callOffs,
    perLine: new Map(lines.map((l) => {
      const own = callOffs.filter((c) => c.lineId === l.id);
      return [l.id, { agreedT: l.volumeT === null ? null : Number(l.volumeT), calledOffT: sum(own, "orderedT"), deliveredT: sum(own, "deliveredT") }];
    })),
    total: { agreedT: agreed, calledOffT: sum(callOffs, "orderedT"), deliveredT: sum(callOffs, "deliveredT") },
  };
}

/** One agreement: parties, lines, call-offs with fulfilment, documents, history, and what the actor may do. */
export async function getAgreement(db: Db, actor: Actor, id: number) {
  const { agreement, parties, scope } = await findAgreement(db, id);
  authorize(actor, { type: "deal.view", ...scope });
  const f = await fulfilment(db, id);
  const casList = [...new Set(f.lines.map((l) => l.cas).filter((c): c is string => Boolean(c)))];
  const signers = [agreement.proposedBy, agreement.confirmedBy].filter((u): u is number => u !== null);
  const [substanceRows, documentRows, historyRows, eventRow, quoteRow, signerRows] = await Promise.all([
    casList.length
      ? db.select({ cas: substances.cas, nameZh: substances.nameZh, nameEn: substances.nameEn, hazardous: substances.hazardous, highlyToxic: substances.highlyToxic, explosivePrecursor: substances.explosivePrecursor, precursorCategory: substances.precursorCategory }).from(substances).where(inArray(substances.cas, casList))
      : [],
    db.select({ id: agreementDocuments.id, filename: agreementDocuments.filename, sizeBytes: agreementDocuments.sizeBytes, createdAt: agreementDocuments.createdAt }).from(agreementDocuments).where(eq(agreementDocuments.agreementId, id)).orderBy(asc(agreementDocuments.id)),
    db
      .select({ id: auditLog.id, action: auditLog.action, before: auditLog.before, after: auditLog.after, at: auditLog.at, actorName: users.name })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(and(eq(auditLog.entity, "agreement"), eq(auditLog.entityId, String(id))))
      .orderBy(asc(auditLog.at), asc(auditLog.id)),
    agreement.eventId ? db.select({ id: events.id, name: events.name, heldOn: events.heldOn }).from(events).where(eq(events.id, agreement.eventId)) : [],
    agreement.quoteId ? db.select({ inquiryId: quotes.inquiryId }).from(quotes).where(eq(quotes.id, agreement.quoteId)) : [],
    signers.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, signers)) : [],
  ]);
  const byCas = new Map(substanceRows.map((s) => [s.cas, s]));
  const manage = can(actor, { type: "agreement.manage", ...scope });
  const signing = await signingState(db, actor, agreement, parties, f.lines);
  const today = todayInChina();
  const daysLeft = agreement.endOn ? Math.round((Date.parse(agreement.endOn) - Date.parse(today)) / 86_400_000) : null;
  const warnings: string[] = [];
  if (agreement.status === "active" && daysLeft !== null && daysLeft >= 0 && daysLeft <= TERM_WARNING_DAYS) warnings.push("term_ending");
  if (agreement.status === "active" && daysLeft !== null && daysLeft < 0) warnings.push("term_ended");
  if (f.total.agreedT !== null && f.total.calledOffT > f.total.agreedT) warnings.push("exceeds_agreement");
  return {
    ...agreement,
    buyer: parties.buyer,
    seller: parties.seller,
    event: eventRow[0] ?? null,
    inquiryId: quoteRow[0]?.inquiryId ?? null,
    lines: f.lines.map((l) => {
      const s = l.cas ? byCas.get(l.cas) ?? null : null;
      const p = f.perLine.get(l.id)!;
      return {
        id: l.id, lineNo: l.lineNo, cas: l.cas, productName: l.productName, volumeT: l.volumeT, unitPriceCny: l.unitPriceCny, amountCny: l.amountCny,
        substance: s, controlled: tierOf(s) === "controlled",
        ...p, remainingT: p.agreedT === null ? null : Math.round((p.agreedT - p.calledOffT) * 1000) / 1000,
      };
    }),
    callOffs: f.callOffs.map((c) => ({ id: c.id, lineId: c.lineId, orderedT: c.orderedT, deliveredT: c.deliveredT, orderedOn: c.orderedOn, deliveredOn: c.deliveredOn })),
    fulfilment: {
      ...f.total,
      remainingT: f.total.agreedT === null ? null : Math.round((f.total.agreedT - f.total.calledOffT) * 1000) / 1000,
      rate: f.total.agreedT ? f.total.calledOffT / f.total.agreedT : null,
    },
    documents: documentRows,
    history: historyRows,
    /** the two-step signing between the parties: who proposed (for which party), who confirmed */
    signing: {
      proposedBy: agreement.proposedBy === null ? null : signerRows.find((u) => u.id === agreement.proposedBy)?.name ?? null,
      proposedBySide: agreement.proposedByEnterpriseId === null ? null : agreement.proposedByEnterpriseId === parties.buyer.enterpriseId ? "buyer" as const : "seller" as const,
      proposedAt: agreement.proposedAt,
      confirmedBy: agreement.confirmedBy === null ? null : signerRows.find((u) => u.id === agreement.confirmedBy)?.name ?? null,
      confirmedAt: agreement.confirmedAt,
      /** why the actor's propose or confirm would be refused now (unverified party, licence), if it would */
      blocked: signing.blocked,
    },
    daysLeft,
    today,
    warnings,
    allowed: {
      manage,
      transitions: ((TRANSITIONS[agreement.status] ?? []) as Target[]).filter((to) => mayChangeStatus(actor, scope, to)),
      propose: signing.propose,
      confirm: signing.confirm,
      callOff: can(actor, { type: "agreement.callOff", ...scope }) && agreement.type === "framework" && agreement.status === "active",
      delivery: can(actor, { type: "agreement.deliver", ...scope }) && (agreement.status === "active" || agreement.status === "completed"),
      upload: manage,
      edit: manage && agreement.status === "draft",
    },
  };
}

type Target = "signed" | "active" | "completed" | "terminated";
type Scope = ReturnType<typeof dealScope>;

/** Draft → signed directly is recording (park staff); the other changes are the parties' admins' and park staff's. */
const mayChangeStatus = (actor: Actor, scope: Scope, to: Target) =>
  to === "signed" ? can(actor, { type: "agreement.recordSigned", ...scope }) : can(actor, { type: "agreement.changeStatus", to, ...scope });

type AgreementRow = typeof agreements.$inferSelect;
type Parties = { buyer: PartyView; seller: PartyView };

/**
 * Whether the actor may propose or confirm the signing now, and why not when the only obstacle is
 * the parties' verification or a licence (the page shows it instead of a button that would fail).
 */
async function signingState(db: Db, actor: Actor, agreement: AgreementRow, parties: Parties, lines: { cas: string | null; productName: string | null }[]) {
  const scope = dealScope(parties);
  const none = { propose: false, confirm: false, blocked: null };
  if (agreement.status !== "draft") return none;
  const sides = sidesOf(actor, parties);
  const propose = agreement.proposedAt === null && sides.some((side) => can(actor, { type: "agreement.propose", side, ...scope }));
  const other = proposerSide(agreement, parties) === "buyer" ? "seller" : "buyer";
  const confirm = agreement.proposedAt !== null && sides.includes(other) && can(actor, { type: "agreement.confirm", side: other, ...scope });
  if (!propose && !confirm) return none;
  const blocked = unverifiedRefusal(parties) ?? (await complianceRefusal(db, parties, lines));
  return { propose, confirm, blocked };
}

const proposerSide = (agreement: AgreementRow, parties: Parties) =>
  agreement.proposedByEnterpriseId === null ? null : agreement.proposedByEnterpriseId === parties.buyer.enterpriseId ? "buyer" as const : "seller" as const;

const NOT_A_PARTY = {
  zh: "只有签约双方企业的成员可以提交或确认签约；园区工作人员可直接登记为已签署",
  en: "Only members of the two parties propose or confirm a signing; park staff record it as signed instead",
};

/** A signing step applies to a draft only. */
function requireDraftForSigning(agreement: AgreementRow) {
  if (agreement.status !== "draft") {
    throw new AppError("CONFLICT", {
      zh: `协议当前为“${STATUS_ZH[agreement.status]}”，只有草稿可以提交或确认签约`,
      en: `Only a draft can be proposed or confirmed for signing; this agreement is ${agreement.status}`,
    });
  }
}

/**
 * 提交签约: a party proposes the draft for signing; the other party confirms it (confirmSigning).
 * The proposer is an admin of either party, the buyer's procurement or the seller's staff
 * (policy.ts); both parties must be verified, and controlled lines need the buyer's licence.
 */
export async function proposeSigning(db: Db, actor: Actor, input: ProposeSigningInput) {
  const { agreement, parties, scope } = await findAgreement(db, input.id);
  authorize(actor, { type: "deal.view", ...scope });
  const sides = sidesOf(actor, parties);
  if (sides.length === 0) throw new AppError("FORBIDDEN", NOT_A_PARTY);
  const side = sides.find((s) => can(actor, { type: "agreement.propose", side: s, ...scope }));
  if (!side) {
    throw new AppError("FORBIDDEN", {
      zh: "只有企业管理员、采购方的采购人员或供应方的业务人员可以提交签约",
      en: "Only an enterprise admin, the buyer's procurement or the seller's staff may propose a signing",
    });
  }
  requireDraftForSigning(agreement);
  if (agreement.proposedAt !== null) {
    throw new AppError("CONFLICT", { zh: "该协议已提交签约，等待对方确认", en: "This agreement is already proposed for signing and awaits the other party" });
  }
  const lines = await db.select().from(agreementLines).where(eq(agreementLines.agreementId, agreement.id));
  const unverified = unverifiedRefusal(parties);
  if (unverified) throw new AppError("FORBIDDEN", unverified);
  requireWithinBounds(lines);
  await requireSignable(db, parties, lines);
  const proposer = parties[side];
  const other = side === "buyer" ? parties.seller : parties.buyer;
  return db.transaction(async (tx) => {
    const written = await updateAgreementRecord(tx, actor, agreement.id, {
      proposedBy: actor.userId, proposedByEnterpriseId: proposer.enterpriseId, proposedAt: new Date(),
    }, {
      action: "propose",
      expect: { status: "draft", proposedAt: null, totalAmountCny: agreement.totalAmountCny },
      audit: { after: { side, enterpriseId: proposer.enterpriseId, totalAmountCny: agreement.totalAmountCny } },
    });
    const after = { id: written.id, proposedAt: written.proposedAt };
    await notify(tx, { enterpriseId: other.enterpriseId }, "agreement.proposed", {
      zh: `${proposer.name} 提交了协议 ${agreement.ref} 的签约（${money(Number(agreement.totalAmountCny))} 元），请确认`,
      en: `${proposer.name} proposed agreement ${agreement.ref} for signing (CNY ${money(Number(agreement.totalAmountCny))}): please confirm`,
      href: `/agreements/${agreement.id}`,
    });
    return after;
  });
}

/**
 * 确认签约: an admin of the party that did not propose confirms the proposed draft, which becomes
 * signed today. The total the confirmer was shown must still be the total.
 */
export async function confirmSigning(db: Db, actor: Actor, input: ConfirmSigningInput) {
  const { agreement, parties, scope } = await findAgreement(db, input.id);
  authorize(actor, { type: "deal.view", ...scope });
  const sides = sidesOf(actor, parties);
  if (sides.length === 0) throw new AppError("FORBIDDEN", NOT_A_PARTY);
  requireDraftForSigning(agreement);
  const proposed = proposerSide(agreement, parties);
  if (!proposed) {
    throw new AppError("CONFLICT", { zh: "该协议尚未提交签约，请先由一方提交", en: "This agreement has not been proposed for signing yet" });
  }
  const side = proposed === "buyer" ? "seller" : "buyer";
  if (!sides.includes(side)) {
    throw new AppError("FORBIDDEN", { zh: "签约须由对方企业确认，提交方不能自行确认", en: "The other party must confirm: the proposing party cannot sign alone" });
  }
  if (!can(actor, { type: "agreement.confirm", side, ...scope })) {
    throw new AppError("FORBIDDEN", { zh: "只有企业管理员可以确认签约", en: "Only an enterprise admin may confirm a signing" });
  }
  if (Math.round(Number(input.totalAmountCny) * 100) !== Math.round(Number(agreement.totalAmountCny) * 100)) {
    throw new AppError("CONFLICT", { zh: "协议金额已变更，请刷新后重新确认", en: "The agreement's total has changed: reload it and confirm again" });
  }
  const unverified = unverifiedRefusal(parties);
  if (unverified) throw new AppError("FORBIDDEN", unverified);
  const signedOn = todayInChina();
  const confirmer = parties[side];
  const proposer = parties[proposed];
  return db.transaction(async (tx) => {
    // the signing rules (bounds, the compliance of controlled lines) are checked again by the writer as it signs
    const after = await updateAgreementRecord(tx, actor, agreement.id, {
      status: "signed", signedOn, confirmedBy: actor.userId, confirmedAt: new Date(),
    }, {
      action: "confirm",
      expect: { status: "draft", proposedAt: agreement.proposedAt!, totalAmountCny: agreement.totalAmountCny },
      audit: {
        before: { status: "draft", proposedBy: agreement.proposedBy, proposedByEnterpriseId: agreement.proposedByEnterpriseId, proposedAt: agreement.proposedAt },
        after: { status: "signed", signedOn, side, enterpriseId: confirmer.enterpriseId, totalAmountCny: agreement.totalAmountCny },
      },
    });
    await notify(tx, { enterpriseId: proposer.enterpriseId }, "agreement.status", {
      zh: `${confirmer.name} 已确认签约，协议 ${agreement.ref} 已签署`, en: `${confirmer.name} confirmed: agreement ${agreement.ref} is signed`, href: `/agreements/${agreement.id}`,
    });
    return after;
  });
}

/**
 * signed → active → completed, or terminated from any open state, by the parties' admins or park
 * staff; draft → signed only as park staff's record of a signing (parties propose and confirm).
 * Each change audited.
 */
export async function changeAgreementStatus(db: Db, actor: Actor, input: ChangeStatusInput) {
  const { agreement, parties, scope } = await findAgreement(db, input.id);
  if (input.to === "signed") {
    authorize(actor, { type: "deal.view", ...scope });
    if (!can(actor, { type: "agreement.recordSigned", ...scope })) throw new AppError("FORBIDDEN", SIGN_DIRECTLY_REFUSED);
  } else {
    authorize(actor, { type: "agreement.changeStatus", to: input.to, ...scope });
  }
  if (!canTransition(agreement.status, input.to)) {
    throw new AppError("CONFLICT", {
      zh: `协议当前为“${STATUS_ZH[agreement.status]}”，不能改为“${STATUS_ZH[input.to]}”`,
      en: `An agreement that is ${agreement.status} cannot become ${input.to}`,
    });
  }
  const signedOn = input.to === "signed" ? requireSigningDate(input.signedOn ?? todayInChina()) : agreement.signedOn;
  return db.transaction(async (tx) => {
    // signing: the writer checks the bounds and the compliance of controlled lines
    const after = await updateAgreementRecord(tx, actor, agreement.id, { status: input.to, signedOn }, {
      action: input.to,
      expect: { status: agreement.status },
      audit: { before: { status: agreement.status }, after: { status: input.to, signedOn, reason: input.reason ?? null } },
    });
    const own = new Set(actor.enterprises.map((e) => e.enterpriseId));
    for (const party of [parties.buyer, parties.seller]) {
      if (own.has(party.enterpriseId)) continue;
      await notify(tx, { enterpriseId: party.enterpriseId }, "agreement.status", {
        zh: `协议 ${agreement.ref} 已${STATUS_ZH[input.to]}`, en: `Agreement ${agreement.ref} is now ${input.to}`, href: `/agreements/${agreement.id}`,
      });
    }
    return after;
  });
}

function requireQuantityBound(t: number) {
  if (!(t <= MAX_LINE_VOLUME_T)) {
    throw new AppError("INVALID", { zh: "数量超过上限（每次最多 1 亿吨）", en: "The quantity exceeds the limit of 100 million t" });
  }
}

const STATUS_ZH: Record<AgreementStatus, string> = { draft: "草稿", signed: "签署", active: "生效", completed: "履行完毕", terminated: "终止" };

/**
 * A call-off order against an active framework agreement. Refused after the term; a call-off that
 * would exceed the agreed volume is refused unless `allowExcess` says the warning was seen.
 */
export async function addCallOff(db: Db, actor: Actor, input: AddCallOffInput) {
  const { agreement, scope } = await findAgreement(db, input.agreementId);
  authorize(actor, { type: "agreement.callOff", ...scope });
  requireQuantityBound(input.orderedT);
  if (agreement.type !== "framework") {
    throw new AppError("INVALID", { zh: "只有框架协议可以下达分批订单", en: "Only framework agreements take call-off orders" });
  }
  if (agreement.status !== "active") {
    throw new AppError("CONFLICT", { zh: "协议生效后才能下达分批订单", en: "Call-offs need an active agreement" });
  }
  if (agreement.startOn && input.orderedOn < agreement.startOn) {
    throw new AppError("INVALID", { zh: "下单日期早于协议起始日", en: "The order date is before the agreement's start" });
  }
  return db.transaction(async (tx) => {
    // one call-off at a time per agreement, so two concurrent ones cannot both pass the limit
    await tx.execute(sql`SELECT 1 FROM ${agreements} WHERE id = ${agreement.id} FOR UPDATE`);
    const f = await fulfilment(tx, agreement.id);
    const line = input.lineId ? f.lines.find((l) => l.id === input.lineId) : f.lines.length === 1 ? f.lines[0] : undefined;
    if (input.lineId && !line) throw notFound({ zh: "协议明细行", en: "Agreement line" });
    const scopeOf = line ? f.perLine.get(line.id)! : f.total;
    const check = checkCallOff({ agreedT: scopeOf.agreedT, calledOffT: scopeOf.calledOffT, requestedT: input.orderedT, orderedOn: input.orderedOn, endOn: agreement.endOn });
    if (check.afterTerm) {
      throw new AppError("INVALID", { zh: `协议已于 ${agreement.endOn} 到期，不能再下单`, en: `The agreement ended on ${agreement.endOn}: no more call-offs` });
    }
    if (check.beyondTolerance) {
      throw new AppError(
        "INVALID",
        {
          zh: `分批订单合计不能超过约定量的 ${100 + CALL_OFF_TOLERANCE * 100}%（剩余约定量 ${check.remainingT} 吨）`,
          en: `Call-offs may not exceed the agreed volume by more than ${CALL_OFF_TOLERANCE * 100}% (${check.remainingT} t remain)`,
        },
        { warnings: check.warnings, remainingT: check.remainingT },
      );
    }
    if (check.exceeds && !input.allowExcess) {
      throw new AppError(
        "CONFLICT",
        {
          zh: `本次下单 ${input.orderedT} 吨超出剩余约定量 ${check.remainingT} 吨`,
          en: `This call-off of ${input.orderedT} t exceeds the remaining agreed volume of ${check.remainingT} t`,
        },
        { warnings: check.warnings, remainingT: check.remainingT },
      );
    }
    const [row] = await tx
      .insert(callOffOrders)
      .values({ agreementId: agreement.id, lineId: line?.id ?? null, orderedT: qty(input.orderedT), orderedOn: input.orderedOn, createdBy: actor.userId })
      .returning();
    await recordAudit(tx, actor, { entity: "agreement", entityId: agreement.id, action: "call-off", after: { callOffId: row!.id, orderedT: row!.orderedT, orderedOn: row!.orderedOn, warnings: check.warnings } });
    await enqueue(tx, "agreements", [agreement.id]);
    return { id: row!.id, warnings: check.warnings, remainingAfterT: check.remainingAfterT, daysLeft: check.daysLeft };
  });
}

/** What was actually delivered against a call-off. */
export async function recordDelivery(db: Db, actor: Actor, input: RecordDeliveryInput) {
  const [callOff] = await db.select().from(callOffOrders).where(eq(callOffOrders.id, input.callOffId));
  if (!callOff) throw notFound({ zh: "分批订单", en: "Call-off order" });
  const { agreement, scope } = await findAgreement(db, callOff.agreementId);
  authorize(actor, { type: "agreement.deliver", ...scope });
  requireQuantityBound(input.deliveredT);
  if (agreement.status !== "active" && agreement.status !== "completed") {
    throw new AppError("CONFLICT", { zh: "只有生效中或履行完毕的协议可以登记交付", en: "Deliveries are recorded on active or completed agreements only" });
  }
  if (input.deliveredOn < callOff.orderedOn) {
    throw new AppError("INVALID", { zh: "交付日期不能早于下单日期", en: "Delivery cannot be before the order date" });
  }
  if (input.deliveredOn > todayInChina()) {
    throw new AppError("INVALID", { zh: "交付日期不能晚于今天", en: "The delivery date cannot be in the future" });
  }
  if (Math.round(input.deliveredT * 1000) > Math.round(Number(callOff.orderedT) * (1 + DELIVERY_TOLERANCE) * 1000)) {
    throw new AppError("INVALID", {
      zh: `交付量超出订单量的 ${DELIVERY_TOLERANCE * 100}%（订单 ${Number(callOff.orderedT)} 吨）`,
      en: `Delivered more than ${DELIVERY_TOLERANCE * 100}% over the ordered quantity (${Number(callOff.orderedT)} t)`,
    });
  }
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(callOffOrders)
      .set({ deliveredT: qty(input.deliveredT), deliveredOn: input.deliveredOn })
      .where(eq(callOffOrders.id, callOff.id))
      .returning();
    await recordAudit(tx, actor, {
      entity: "agreement", entityId: agreement.id, action: "delivery",
      before: { callOffId: callOff.id, deliveredT: callOff.deliveredT }, after: { callOffId: callOff.id, deliveredT: after!.deliveredT, deliveredOn: after!.deliveredOn },
    });
    await enqueue(tx, "agreements", [agreement.id]);
    return after!;
  });
}

export async function addDocument(db: Db, actor: Actor, input: AddDocumentInput) {
  const { agreement, scope } = await findAgreement(db, input.agreementId);
  authorize(actor, { type: "agreement.manage", ...scope });
  const content = Buffer.from(input.file.content, "base64");
  if (content.length === 0) throw new AppError("INVALID", { zh: "文件为空", en: "The file is empty" });
  if (content.length > MAX_FILE_BYTES) {
    throw new AppError("INVALID", { zh: `文件不能超过 ${MAX_FILE_BYTES / 1024 / 1024} MB`, en: `Files are limited to ${MAX_FILE_BYTES / 1024 / 1024} MB` });
  }
  return db.transaction(async (tx) => {
    const [doc] = await tx
      .insert(agreementDocuments)
      .values({
        agreementId: agreement.id, filename: input.file.filename.replace(/[\\/\r\n"]/g, "_"), contentType: input.file.contentType,
        sizeBytes: content.length, content, uploadedBy: actor.userId,
      })
      .returning({ id: agreementDocuments.id, filename: agreementDocuments.filename });
    await recordAudit(tx, actor, { entity: "agreement", entityId: agreement.id, action: "document", after: { documentId: doc!.id, filename: doc!.filename } });
    return doc!;
  });
}

export async function getDocument(db: Db, actor: Actor, id: number) {
  const [doc] = await db.select().from(agreementDocuments).where(eq(agreementDocuments.id, id));
  if (!doc) throw notFound({ zh: "文件", en: "Document" });
  const { scope } = await findAgreement(db, doc.agreementId);
  authorize(actor, { type: "deal.view", ...scope });
  return { filename: doc.filename, contentType: doc.contentType, content: doc.content.toString("base64") };
}

/**
 * What the "new agreement" form offers: enterprises the actor may record agreements for (its own
 * enterprise's partners, or its park's enterprises and their partners) and the events.
 */
export async function agreementFormOptions(db: Db, actor: Actor) {
  const [enterpriseRows, eventRows] = await Promise.all([
    db
      .select({ id: enterprises.id, name: enterprises.name, parkId: enterprises.parkId, parkName: parks.name })
      .from(enterprises)
      .leftJoin(parks, eq(parks.id, enterprises.parkId))
      .orderBy(asc(parks.code), asc(enterprises.name))
      .limit(5000),
    db.select({ id: events.id, name: events.name, heldOn: events.heldOn, parkId: events.parkId }).from(events).orderBy(desc(events.heldOn)).limit(200),
  ]);
  const own = actor.enterprises.map((e) => e.enterpriseId);
  return {
    enterprises: enterpriseRows,
    own,
    events: eventRows,
    // the form offers "signed" only to park staff; the service decides per pair of parties (agreement.recordSigned)
    allowed: { recordSigned: actor.platformAdmin || actor.parkIds.length > 0 },
  };
}
