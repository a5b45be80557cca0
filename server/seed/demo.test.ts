import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { agreements, auditLog, enterprises, parks, products, users } from "@/db/schema";
import { checkCredentials } from "@/server/auth/sign-in";
import { isValidCas } from "@/server/substances/cas";
import { isValidUscc } from "@/server/enterprises/uscc";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts";
import { seedDemo } from "./demo";

describe("demo data", () => {
  it("seeds a believable park once, and a second run changes nothing", async () => {
    const db = getDb();
    const first = await seedDemo(db);
    const second = await seedDemo(db);
    expect(second.seeded).toBe(false);
    if (first.seeded) {
      expect(first).toMatchObject({ parks: 3, enterprises: 40, products: 301, demands: 26, agreements: 28 });
    }

    const [main] = await db.select().from(parks).where(eq(parks.code, "BJHG"));
    const inMain = await db.select().from(enterprises).where(eq(enterprises.parkId, main!.id));
    const external = await db.select({ n: sql<number>`count(*)::int` }).from(enterprises).where(sql`${enterprises.parkId} IS NULL AND ${enterprises.name} LIKE '%有限公司'`);
    expect(inMain.length).toBeGreaterThan(25);
    expect(external[0]!.n).toBeGreaterThan(0);
    expect(inMain.every((e) => isValidUscc(e.uscc))).toBe(true);

    const catalogue = await db.select().from(products).where(inArray(products.enterpriseId, inMain.map((e) => e.id)));
    expect(catalogue.every((p) => p.cas === null || isValidCas(p.cas))).toBe(true);
    expect(new Set(catalogue.map((p) => p.grade)).size).toBeGreaterThanOrEqual(4);

    const signed = await db.select().from(agreements).where(sql`${agreements.ref} LIKE 'BJHG-%'`);
    expect(signed.some((a) => a.type === "framework")).toBe(true);
    expect(signed.reduce((sum, a) => sum + Number(a.totalAmountCny), 0)).toBeGreaterThan(1e8);
  });

  it("writes through the writers: every seeded enterprise, product, listing and agreement has its audit entry", async () => {
    const db = getDb();
    await seedDemo(db);
    const demo = await db.select({ id: agreements.id, status: agreements.status }).from(agreements).where(sql`${agreements.ref} LIKE 'BJHG-%'`);
    expect(demo).toHaveLength(28);
    const entries = await db
      .select({ entityId: auditLog.entityId, action: auditLog.action, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "agreement"), inArray(auditLog.entityId, demo.map((a) => String(a.id)))))
      .orderBy(asc(auditLog.id));
    for (const a of demo) {
      // recorded as signed at the event, then moved on one allowed step at a time
      const steps = { signed: ["create"], active: ["create", "active"], completed: ["create", "active", "completed"] }[a.status as "signed" | "active" | "completed"];
      expect(entries.filter((e) => e.entityId === String(a.id)).map((e) => e.action), `agreement ${a.id}`).toEqual(steps);
    }
    expect(entries.every((e) => e.actor === null)).toBe(true);

    const [main] = await db.select().from(parks).where(eq(parks.code, "BJHG"));
    const counts = await db.execute<{ entity: string; rows: number; audited: number }>(sql`
      SELECT x.entity, count(*)::int AS rows, count(a.id)::int AS audited
      FROM (
        SELECT 'enterprise' AS entity, e.id FROM enterprise e WHERE e.park_id = ${main!.id} AND e.uscc LIKE '91320600MA1%'
        UNION ALL SELECT 'product', p.id FROM product p JOIN enterprise e ON e.id = p.enterprise_id WHERE e.park_id = ${main!.id} AND e.uscc LIKE '91320600MA1%'
        UNION ALL SELECT 'demand', d.id FROM demand d JOIN enterprise e ON e.id = d.enterprise_id WHERE e.park_id = ${main!.id} AND e.uscc LIKE '91320600MA1%'
        UNION ALL SELECT 'supply_offer', o.id FROM supply_offer o JOIN enterprise e ON e.id = o.enterprise_id WHERE e.park_id = ${main!.id} AND e.uscc LIKE '91320600MA1%'
      ) x
      LEFT JOIN audit_log a ON a.entity = x.entity AND a.entity_id = x.id::text AND a.action = 'create'
      GROUP BY x.entity ORDER BY x.entity`);
    expect(counts.length).toBe(4);
    for (const c of counts) expect(c.audited, c.entity).toBe(c.rows);
  });

  it("lets every demo account sign in with the demo password", async () => {
    await seedDemo(getDb());
    for (const account of DEMO_ACCOUNTS) {
      const result = await checkCredentials(getDb(), account.email, DEMO_PASSWORD);
      expect(result.ok, account.email).toBe(true);
    }
    const rows = await getDb().select().from(users).where(inArray(users.email, DEMO_ACCOUNTS.map((a) => a.email)));
    expect(rows.find((u) => u.email === "admin@parklink.demo")!.isPlatformAdmin).toBe(true);
  });
});
