import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, outbox, regulatedListChanges, substances } from "@/db/schema";
import { anonymous } from "@/server/auth/actor";
import { todayInChina } from "@/server/compliance/compliance";
import { makeDemand, makeEnterprise, makePark, makeUser, pickSubstance } from "@/server/testing/factories";
import { loadReferenceDictionary } from "./reference";
import { applyDueRegulatedChanges, changeRegulatedList, listRegulatedChanges } from "./regulated-lists";

const db = () => getDb();
const day = (n: number) => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const flags = async (cas: string) =>
  (await db().select({ highlyToxic: substances.highlyToxic, explosivePrecursor: substances.explosivePrecursor, precursorCategory: substances.precursorCategory })
    .from(substances).where(eq(substances.cas, cas)))[0]!;
const announced = async (topic: string, ids: string[]) =>
  (await db().select({ id: outbox.entityId }).from(outbox).where(and(eq(outbox.topic, topic), inArray(outbox.entityId, ids)))).map((r) => r.id);
const parkStaff = async () => makeUser({ parkId: (await makePark()).id });

describe("park staff maintain the regulated lists", () => {
  it("add a substance to 易制毒 from its effective date, audited and announced, and a reload of the shipped files keeps it", async () => {
    const staff = await parkStaff();
    const substance = await pickSubstance("plain");
    const buyer = await makeEnterprise();
    const demand = await makeDemand(buyer.id, { cas: substance.cas, substanceName: substance.nameZh });

    const result = await changeRegulatedList(db(), staff.actor, {
      cas: substance.cas, list: "precursor", action: "add", category: 2, effectiveOn: day(0), reason: "国办函〔2026〕1号",
    });
    expect(result).toMatchObject({ inEffect: true, flags: { precursorCategory: 2 } });
    expect(await flags(substance.cas)).toEqual({ highlyToxic: false, explosivePrecursor: false, precursorCategory: 2 });

    // audited, and announced: the substance's products to search, its demands to the match refresh
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.entity, "substance"), eq(auditLog.entityId, substance.cas)));
    expect(audit).toEqual([expect.objectContaining({ action: "regulated_list.add", actorUserId: staff.user.id })]);
    expect(audit[0]!.after).toMatchObject({ change: { list: "precursor", category: 2, reason: "国办函〔2026〕1号" }, flags: { precursorCategory: 2 } });
    expect(await announced("substances:search", [substance.cas])).toHaveLength(1);
    expect(await announced("demands:match", [String(demand.id)])).toHaveLength(1);

    // the shipped files do not list it: a reload sets it back to none, then applies the staff change again
    await loadReferenceDictionary(db(), { force: true });
    expect((await flags(substance.cas)).precursorCategory).toBe(2);

    // a later change supersedes it; nothing is edited or deleted
    await changeRegulatedList(db(), staff.actor, { cas: substance.cas, list: "precursor", action: "remove", effectiveOn: day(0), reason: "误列，撤回" });
    expect((await flags(substance.cas)).precursorCategory).toBeNull();
    const history = await listRegulatedChanges(db(), staff.actor, { cas: substance.cas });
    expect(history.items.map((c) => [c.action, c.category, c.inEffect])).toEqual([["remove", null, true], ["add", 2, true]]);
    expect(history.items[0]!.by).toBe(staff.user.name);
  }, 180_000);

  it("a change dated in the future takes effect on its day, through the sweep", async () => {
    const staff = await parkStaff();
    const substance = await pickSubstance("plain");
    const result = await changeRegulatedList(db(), staff.actor, { cas: substance.cas, list: "highly_toxic", action: "add", effectiveOn: day(3), reason: "公告 2026 第 3 号" });
    expect(result.inEffect).toBe(false);
    expect((await flags(substance.cas)).highlyToxic).toBe(false);
    expect(await applyDueRegulatedChanges(db(), day(2))).not.toContain(substance.cas);
    expect((await flags(substance.cas)).highlyToxic).toBe(false);
    expect(await applyDueRegulatedChanges(db(), day(3))).toContain(substance.cas);
    expect((await flags(substance.cas)).highlyToxic).toBe(true);
    expect(await announced("substances:search", [substance.cas])).toHaveLength(1);
    // idempotent: the next sweep changes nothing
    expect(await applyDueRegulatedChanges(db(), day(3))).not.toContain(substance.cas);
    // the latest change *in effect* decides: a removal recorded later but effective earlier does not undo it on day 3
    await changeRegulatedList(db(), staff.actor, { cas: substance.cas, list: "highly_toxic", action: "remove", effectiveOn: day(0), reason: "测试撤回" });
    await applyDueRegulatedChanges(db(), day(3));
    expect((await flags(substance.cas)).highlyToxic).toBe(true);
    await applyDueRegulatedChanges(db(), day(0));
    expect((await flags(substance.cas)).highlyToxic).toBe(false); // today, the removal is the latest in effect
  });

  it("removes a shipped substance from 易制爆 and keeps it removed after a reload", async () => {
    const staff = await parkStaff();
    const substance = await pickSubstance("explosive");
    await changeRegulatedList(db(), staff.actor, { cas: substance.cas, list: "explosive_precursor", action: "remove", effectiveOn: day(-1), reason: "公安部公告调整" });
    expect((await flags(substance.cas)).explosivePrecursor).toBe(false);
    await loadReferenceDictionary(db(), { force: true });
    expect((await flags(substance.cas)).explosivePrecursor).toBe(false);
    await changeRegulatedList(db(), staff.actor, { cas: substance.cas, list: "explosive_precursor", action: "add", effectiveOn: day(0), reason: "恢复" });
    expect((await flags(substance.cas)).explosivePrecursor).toBe(true);
  }, 180_000);

  it("refuses outsiders, asks a category for 易制毒 additions only, and an unknown substance", async () => {
    const substance = await pickSubstance("plain");
    const member = await makeUser({ enterpriseId: (await makeEnterprise()).id, role: "admin" });
    const input = { cas: substance.cas, list: "precursor" as const, action: "add" as const, category: 3, effectiveOn: day(0), reason: "冒充" };
    await expect(changeRegulatedList(db(), anonymous, input)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(changeRegulatedList(db(), member.actor, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listRegulatedChanges(db(), member.actor, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    const staff = await parkStaff();
    await expect(changeRegulatedList(db(), staff.actor, { ...input, list: "highly_toxic" })).rejects.toMatchObject({ code: "INVALID", messages: { zh: expect.stringContaining("类别") } });
    await expect(changeRegulatedList(db(), staff.actor, { ...input, cas: "50-00-1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // none of the refused changes was recorded (another test may have picked the same substance and changed it)
    expect(await db().select().from(regulatedListChanges).where(and(eq(regulatedListChanges.cas, substance.cas), eq(regulatedListChanges.reason, "冒充")))).toEqual([]);
    expect((await flags(substance.cas)).precursorCategory).toBeNull();
  });
});
