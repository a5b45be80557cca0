import { inArray, sql, TransactionRollbackError } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db";
import { agreementLines, agreements } from "@/db/schema";
import { parkOverview } from "@/server/parks/park.service";
import { dashboard, reportFigures } from "@/server/reports/report.service";
import { homeFigures } from "@/server/stats/stats.service";
import { makeAgreement, makeDealCast } from "@/server/testing/factories";
import { AGREEMENT_STATUSES } from "./agreement.schemas";
import { changeAgreementStatus } from "./change-agreement-status";
import { createAgreement } from "./create-agreement";
import { createEvent } from "./create-event";
import { getEvent } from "./get-event";
import { listAgreements } from "./list-agreements";
import { listEvents } from "./list-events";
import { countsAsSigned, signedSql } from "./signed";

const db = () => getDb();

describe("the one rule of signed", () => {
  it("says the same in TypeScript and in SQL for every status, with and without a signing date", async () => {
    const c = await makeDealCast();
    const made = [];
    for (const status of AGREEMENT_STATUSES) {
      for (const signedOn of ["2026-02-03", null]) {
        const a = await makeAgreement(c.buyerEnterprise.id, c.sellerEnterprise.id, { status, signedOn });
        made.push({ id: a.id, status, signedOn });
      }
    }
    const rows = await db().select({ id: agreements.id, counts: sql<boolean>`${signedSql()}` }).from(agreements).where(inArray(agreements.id, made.map((m) => m.id)));
    const bySql = new Map(rows.map((r) => [r.id, r.counts]));
    expect(made.map((m) => [m.status, m.signedOn, bySql.get(m.id)])).toEqual(made.map((m) => [m.status, m.signedOn, countsAsSigned(m)]));
    // by hand: a date and one of the four statuses a signing leads to
    expect(made.filter((m) => countsAsSigned(m)).map((m) => m.status)).toEqual(["signed", "active", "completed", "terminated"]);
  });

  it("terminating a draft changes no figure, and keeps no signing date; terminating a signed agreement keeps it counted", async () => {
    const c = await makeDealCast();
    const event = await createEvent(db(), c.staff.actor, { parkId: c.park.id, name: `签约会${c.product.id}`, heldOn: "2026-03-01", place: null, description: null });
    const line = (amountCny: number) => [{ cas: "56-81-5", productName: "甘油", volumeT: null, unitPriceCny: null, amountCny }];
    const base = { type: "contract" as const, buyerEnterpriseId: c.buyerEnterprise.id, sellerEnterpriseId: c.sellerEnterprise.id, eventId: event.id };
    // what counts: one signed agreement of 1,200,000 元, one signed and later terminated of 300,000 元
    const signed = await createAgreement(db(), c.staff.actor, { ...base, title: "签约合同", status: "signed", signedOn: "2026-03-01", lines: line(1200000) });
    const ended = await createAgreement(db(), c.staff.actor, { ...base, title: "签约后终止", status: "signed", signedOn: "2026-03-02", lines: line(300000) });
    // what never counts: two drafts (one will be terminated without signing) of 50,000 and 70,000 元
    const draft = await createAgreement(db(), c.buyer.actor, { ...base, title: "草稿", status: "draft", lines: line(50000) });
    const dropped = await createAgreement(db(), c.buyer.actor, { ...base, title: "未签即终止", status: "draft", lines: line(70000) });

    const figures = async () => {
      const r = await reportFigures(db(), { parkId: c.park.id });
      const list = await listAgreements(db(), c.staff.actor, { parkId: c.park.id, page: 1, pageSize: 50 });
      const ev = await getEvent(db(), c.staff.actor, { id: event.id, page: 1, pageSize: 20 });
      const events = await listEvents(db(), c.staff.actor, { parkId: c.park.id });
      return {
        report: [r.agreements, r.amountCny, r.enterprises, r.byType.contract, r.byMonth, r.flows.length],
        dashboard: (await dashboard(db(), c.staff.actor, { parkId: c.park.id })).figures.amountCny,
        listSigned: list.signed,
        event: ev.figures,
        events: events.items.map((e) => [e.agreements, e.amountCny]),
        park: (await parkOverview(db(), c.staff.actor, c.park.id)).figures.agreements,
      };
    };
    const expected = {
      report: [2, 1500000, 2, { count: 2, amountCny: 1500000 }, [{ month: "2026-03", count: 2, amountCny: 1500000 }], 1],
      dashboard: 1500000,
      listSigned: { total: 2, amountCny: "1500000.00" },
      event: { agreements: 2, amountCny: "1500000.00", enterprises: 2 },
      events: [[2, "1500000.00"]],
      park: 2,
    };
    expect(await figures()).toEqual(expected);

    const after = await changeAgreementStatus(db(), c.staff.actor, { id: dropped.id, to: "terminated", reason: "不再采购" });
    expect([after.status, after.signedOn]).toEqual(["terminated", null]);
    await changeAgreementStatus(db(), c.staff.actor, { id: ended.id, to: "terminated", reason: "对方违约" });
    expect(await figures()).toEqual(expected);
    // a draft that carries a date (written before the writer cleared it) loses it when terminated
    const dated = await makeAgreement(c.buyerEnterprise.id, c.sellerEnterprise.id, { status: "draft", signedOn: "2026-03-03", eventId: event.id, lines: [{ amountCny: "10.00" }] });
    expect((await changeAgreementStatus(db(), c.staff.actor, { id: dated.id, to: "terminated" })).signedOn).toBeNull();
    expect(await figures()).toEqual(expected);

    // the list shows what it lists (drafts and terminated drafts too) beside what of it is signed
    const list = await listAgreements(db(), c.staff.actor, { parkId: c.park.id, page: 1, pageSize: 50 });
    expect([list.total, list.amountCny, list.signed]).toEqual([5, "1620010.00", { total: 2, amountCny: "1500000.00" }]);
    expect(list.items.map((a) => a.id).sort()).toEqual([signed.id, ended.id, draft.id, dropped.id, dated.id].sort());
  });

  it("home page figures count only what was signed (a draft terminated unsigned adds nothing)", async () => {
    const c = await makeDealCast();
    // one snapshot for the whole check, so agreements other tests write meanwhile do not show
    await db().transaction(async (tx) => {
      const before = await homeFigures(tx as unknown as Db);
      const insert = async (status: "draft" | "signed" | "terminated", signedOn: string | null, amount: string) => {
        const [a] = await tx.insert(agreements).values({
          ref: `SIGNED-${status}-${c.product.id}-${amount}`, type: "order", title: "首页数字", buyerEnterpriseId: c.buyerEnterprise.id,
          sellerEnterpriseId: c.sellerEnterprise.id, status, signedOn, totalAmountCny: amount,
        }).returning();
        await tx.insert(agreementLines).values({ agreementId: a!.id, lineNo: 1, amountCny: amount });
      };
      await insert("signed", "2026-01-05", "1000.00");
      await insert("terminated", "2026-01-06", "200.00"); // terminated after signing
      await insert("terminated", null, "30.00"); // a draft terminated unsigned
      await insert("draft", null, "4.00");
      const after = await homeFigures(tx as unknown as Db);
      expect([after.agreements - before.agreements, Math.round((Number(after.amountCny) - Number(before.amountCny)) * 100) / 100]).toEqual([2, 1200]);
      tx.rollback();
    }, { isolationLevel: "repeatable read" }).catch((e: unknown) => {
      if (!(e instanceof TransactionRollbackError)) throw e;
    });
  });
});
