import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, products } from "@/db/schema";
import { makeEnterprise, makeUser } from "@/server/testing/factories";
import { inRolledBackTransaction, tracesOf } from "@/server/testing/traces";
import { insertProducts, updateProductRecord, type ProductRecord } from "./write-product";

const db = () => getDb();
const product = (sku: string, overrides: Partial<ProductRecord> = {}): ProductRecord => ({
  sku, name: "异丙醇 99.9%", cas: "67-63-0", grade: "industrial", purityPct: 99.9, form: "liquid", availableT: 120, priceCnyPerT: 7000, ...overrides,
});
const traces = (tx: ReturnType<typeof db>, id: number) => tracesOf(tx, { audit: "product", event: "products", id });

describe("the product writer", () => {
  it("writes the product, its audit entry and its outbox rows in the caller's transaction, all or none", async () => {
    const enterprise = await makeEnterprise();
    const { actor, user } = await makeUser({ enterpriseId: enterprise.id, role: "admin" });

    // inside the transaction the three are there together; rolled back, none of them is
    const inside = await inRolledBackTransaction(db(), async (tx) => {
      const [row] = await insertProducts(tx, actor, enterprise.id, [product("RB-1")]);
      return { id: row!.id, traces: await traces(tx, row!.id) };
    });
    expect(inside.traces).toEqual({ audit: ["create"], actors: [user.id], outbox: ["products:match", "products:search"] });
    expect(await db().select().from(products).where(eq(products.id, inside.id))).toEqual([]);
    expect(await traces(db(), inside.id)).toEqual({ audit: [], actors: [], outbox: [] });

    // committed: the row and its audit entry stay; a change adds its own entry and announcement
    const [kept] = await db().transaction((tx) => insertProducts(tx, actor, enterprise.id, [product("OK-1")]));
    const changed = await db().transaction(async (tx) => {
      const after = await updateProductRecord(tx, actor, kept!.id, { priceCnyPerT: 7200 }, { action: "update" });
      return { after, traces: await traces(tx, kept!.id) };
    });
    expect(changed.after.priceCnyPerT).toBe("7200.00");
    expect(changed.traces.audit).toEqual(["create", "update"]);
    expect(changed.traces.outbox).toEqual(["products:match", "products:match", "products:search", "products:search"]);
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.entity, "product"), eq(auditLog.entityId, String(kept!.id)), eq(auditLog.action, "update")));
    expect(entry).toMatchObject({ before: { priceCnyPerT: "7000.00" }, after: { priceCnyPerT: "7200.00" } });
  });

  it("refuses an invalid product, or a taken sku, whole: no row, no audit entry", async () => {
    const enterprise = await makeEnterprise();
    const { actor } = await makeUser({ enterpriseId: enterprise.id, role: "admin" });
    const written = () => db().select().from(products).where(eq(products.enterpriseId, enterprise.id));
    const audited = async () =>
      (await db().select({ n: sql<number>`count(*)::int` }).from(auditLog).where(sql`${auditLog.entity} = 'product' AND ${auditLog.after}->>'enterpriseId' = ${String(enterprise.id)}`))[0]!.n;

    // the second product's CAS fails its check digit: the first, valid, is not written either
    await expect(db().transaction((tx) => insertProducts(tx, actor, enterprise.id, [product("A-1"), product("A-2", { cas: "67-63-1" })])))
      .rejects.toMatchObject({ code: "INVALID", details: { field: "cas" } });
    await expect(db().transaction((tx) => insertProducts(tx, actor, enterprise.id, [product("B-1", { purityPct: 140 })])))
      .rejects.toMatchObject({ code: "INVALID", details: { field: "purityPct" } });
    expect(await written()).toEqual([]);
    expect(await audited()).toBe(0);

    const [first] = await db().transaction((tx) => insertProducts(tx, actor, enterprise.id, [product("C-1")]));
    await expect(db().transaction((tx) => insertProducts(tx, actor, enterprise.id, [product("C-1", { name: "另一个" })])))
      .rejects.toMatchObject({ code: "CONFLICT", details: { field: "sku" } });
    // a change that would make it invalid leaves the product as it was, with no new entry
    await expect(db().transaction((tx) => updateProductRecord(tx, actor, first!.id, { name: "" })))
      .rejects.toMatchObject({ code: "INVALID", details: { field: "name" } });
    expect((await written()).map((p) => [p.sku, p.name])).toEqual([["C-1", "异丙醇 99.9%"]]);
    expect((await traces(db(), first!.id)).audit).toEqual(["create"]);
  });
});
