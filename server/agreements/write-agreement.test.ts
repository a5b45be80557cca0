import crypto from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { agreementLines, agreements, auditLog } from "@/db/schema";
import { todayInChina } from "@/server/compliance/compliance";
import { LISTENERS } from "@/server/jobs/topics";
import { makeDealCast, makeUser, pickSubstance } from "@/server/testing/factories";
import { inRolledBackTransaction, tracesOf } from "@/server/testing/traces";
import { insertAgreement, updateAgreementRecord, type AgreementRecord } from "./write-agreement";

const db = () => getDb();
const traces = (tx: ReturnType<typeof db>, id: number) => tracesOf(tx, { audit: "agreement", event: "agreements", id });

// nothing listens to `agreements` in the product yet; a listener of this test's own shows the announcement
beforeAll(() => {
  LISTENERS.agreements = [...(LISTENERS.agreements ?? []), "writer-test"];
});
afterAll(() => {
  LISTENERS.agreements = LISTENERS.agreements!.filter((l) => l !== "writer-test");
});

async function cast(cas: string | null = "56-81-5") {
  const c = await makeDealCast({ cas });
  const record = (overrides: Partial<AgreementRecord> = {}): AgreementRecord => ({
    ref: `W-${crypto.randomBytes(4).toString("hex")}`, type: "contract", title: "甘油供货合同", status: "draft",
    buyerEnterpriseId: c.buyerEnterprise.id, sellerEnterpriseId: c.sellerEnterprise.id, signedOn: null, startOn: null, endOn: null, eventId: null,
    lines: [{ cas, productName: "甘油", volumeT: "10.000", unitPriceCny: "6800.00", amountCny: "68000.00" }],
    ...overrides,
  });
  return { ...c, record };
}

const stored = (ref: string) => db().select().from(agreements).where(eq(agreements.ref, ref));

describe("the agreement writer", () => {
  it("writes the agreement, its lines, its audit entry and its outbox rows in the caller's transaction, all or none", async () => {
    const c = await cast();
    const draft = c.record();
    const inside = await inRolledBackTransaction(db(), async (tx) => {
      const created = await insertAgreement(tx, c.buyer.actor, draft);
      const lines = await tx.select().from(agreementLines).where(eq(agreementLines.agreementId, created.id));
      return { id: created.id, lines: lines.length, traces: await traces(tx, created.id) };
    });
    expect(inside).toMatchObject({ lines: 1, traces: { audit: ["create"], actors: [c.buyer.user.id], outbox: ["agreements:writer-test"] } });
    expect(await stored(draft.ref!)).toEqual([]);
    expect(await db().select().from(agreementLines).where(eq(agreementLines.agreementId, inside.id))).toEqual([]);
    expect(await traces(db(), inside.id)).toEqual({ audit: [], actors: [], outbox: [] });

    // committed, then signed by park staff recording it: each step audited and announced
    const created = await db().transaction((tx) => insertAgreement(tx, c.buyer.actor, draft));
    const signed = await db().transaction(async (tx) => {
      const after = await updateAgreementRecord(tx, c.staff.actor, created.id, { status: "signed", signedOn: todayInChina() }, { action: "signed", expect: { status: "draft" } });
      return { after, traces: await traces(tx, created.id) };
    });
    expect(signed.after).toMatchObject({ status: "signed", totalAmountCny: "68000.00" });
    expect(signed.traces).toEqual({ audit: ["create", "signed"], actors: [c.buyer.user.id, c.staff.user.id], outbox: ["agreements:writer-test", "agreements:writer-test"] });
  });

  it("refuses an invalid agreement whole: no row, no lines, no audit entry", async () => {
    const c = await cast();
    const line = c.record().lines[0]!;
    const attempts: [string, AgreementRecord, string][] = [
      ["a bad CAS on the second line", c.record({ lines: [line, { ...line, cas: "56-81-6" }] }), "INVALID"],
      ["beyond the bounds", c.record({ lines: [{ ...line, amountCny: "200000000000.00" }] }), "INVALID"],
      ["one party on both sides", c.record({ sellerEnterpriseId: c.buyerEnterprise.id }), "INVALID"],
      ["the end before the start", c.record({ startOn: "2026-05-01", endOn: "2026-04-01" }), "INVALID"],
      ["signed in the future", c.record({ status: "signed", signedOn: "2999-01-01" }), "INVALID"],
      // a party may not record a signing alone: it proposes and the other party confirms
      ["signed by a party", c.record({ status: "signed", signedOn: todayInChina() }), "FORBIDDEN"],
    ];
    const refs: string[] = [];
    for (const [what, record, code] of attempts) {
      refs.push(record.ref!);
      await expect(db().transaction((tx) => insertAgreement(tx, c.buyer.actor, record)), what).rejects.toMatchObject({ code });
    }
    expect(await db().select().from(agreements).where(inArray(agreements.ref, refs))).toEqual([]);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.entity, "agreement"), inArray(sql`${auditLog.after}->>'ref'`, refs)))).toEqual([]);

    // a ref already taken, and a status step that does not exist, leave everything as it was
    const kept = await db().transaction((tx) => insertAgreement(tx, c.staff.actor, c.record({ status: "signed", signedOn: todayInChina() })));
    await expect(db().transaction((tx) => insertAgreement(tx, c.staff.actor, c.record({ ref: kept.ref })))).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(db().transaction((tx) => updateAgreementRecord(tx, c.staff.actor, kept.id, { status: "completed" }, { action: "completed" })))
      .rejects.toMatchObject({ code: "CONFLICT" });
    expect((await stored(kept.ref))[0]!.status).toBe("signed");
    expect((await traces(db(), kept.id)).audit).toEqual(["create"]);
  });

  it("signs a controlled-substance line only with the buyer's licence on file, on every path into signed", async () => {
    const toxic = await pickSubstance("highly_toxic");
    const c = await cast(toxic.cas);
    const { actor: admin } = await makeUser({ admin: true });
    const record = c.record({ status: "signed", signedOn: todayInChina() });
    await expect(db().transaction((tx) => insertAgreement(tx, admin, record))).rejects.toMatchObject({ code: "FORBIDDEN", details: { compliance: "refused" } });
    expect(await stored(record.ref!)).toEqual([]);

    const draft = await db().transaction((tx) => insertAgreement(tx, c.buyer.actor, c.record()));
    await expect(db().transaction((tx) => updateAgreementRecord(tx, admin, draft.id, { status: "signed", signedOn: todayInChina() }, { action: "signed" })))
      .rejects.toMatchObject({ code: "FORBIDDEN", details: { compliance: "refused" } });
    expect((await db().select().from(agreements).where(eq(agreements.id, draft.id)))[0]!.status).toBe("draft");
    expect((await traces(db(), draft.id)).audit).toEqual(["create"]);
  });
});
