import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { agreementDocuments, auditLog, events, quotes, substances, users } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { tierOf, todayInChina } from "@/server/compliance/compliance";
import { substanceView } from "@/server/substances/substance.service";
import { proposerSide } from "./agreement-checks";
import { TERM_WARNING_DAYS, TRANSITIONS } from "./call-offs";
import { findAgreement, fulfilment, type AgreementRow, type Parties } from "./find-agreement";
import { maskResidentId } from "./resident-id";
import { dealScope } from "./parties";
import { complianceRefusal, sidesOf, unverifiedRefusal } from "./signing";

/** One agreement: parties, lines, call-offs with fulfilment, documents, history, and what the actor may do. */
export async function getAgreement(db: Db, actor: Actor, id: number) {
  const { agreement, parties, scope } = await findAgreement(db, id);
  authorize(actor, { type: "deal.view", ...scope });
  const f = await fulfilment(db, id);
  const casList = [...new Set([...f.lines, ...f.shipments].map((l) => l.cas).filter((c): c is string => Boolean(c)))];
  const signers = [agreement.proposedBy, agreement.confirmedBy].filter((u): u is number => u !== null);
  const [substanceRows, documentRows, historyRows, eventRow, quoteRow, signerRows] = await Promise.all([
    casList.length
      ? // the dictionary's names, park staff's corrections first
      db.select({ cas: substances.cas, nameZh: substanceView.nameZh, nameEn: substanceView.nameEn, hazardous: substances.hazardous, highlyToxic: substances.highlyToxic, explosivePrecursor: substances.explosivePrecursor, precursorCategory: substances.precursorCategory }).from(substances).where(inArray(substances.cas, casList))
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
    callOffs: f.callOffs.map((c) => ({ id: c.id, lineId: c.lineId, orderedT: c.orderedT, deliveredT: c.deliveredT, orderedOn: c.orderedOn, dueOn: c.dueOn, deliveredOn: c.deliveredOn })),
    /** every shipment (流向台账 row) of the agreement, the agent's ID masked; a corrected one names its correction */
    shipments: f.shipments.map((s) => ({
      id: s.id, callOffId: s.callOffId, lineId: s.lineId, deliveredOn: s.deliveredOn, quantityT: s.quantityT,
      substanceName: s.substanceName, substanceNameEn: (s.cas ? byCas.get(s.cas)?.nameEn : null) ?? null, cas: s.cas, purpose: s.purpose, agentName: s.agentName, agentIdNumber: maskResidentId(s.agentIdNumber),
      correctsId: s.correctsId, reason: s.reason,
      correctedBy: f.shipments.find((x) => x.correctsId === s.id)?.id ?? null,
    })),
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
      proposedBySide: proposerSide(agreement, parties),
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
