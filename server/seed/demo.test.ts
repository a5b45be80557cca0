import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { agreements, auditLog, enterprises, parks, products, shipments, users } from "@/db/schema";
import { getAgreement } from "@/server/agreements/get-agreement";
import { normalizeResidentId } from "@/server/agreements/resident-id";
import { systemActor } from "@/server/auth/actor";
import { flowLedger } from "@/server/reports/ledger.service";
import { checkCredentials } from "@/server/auth/sign-in";
import { isValidCas } from "@/server/substances/cas";
import { isValidUscc } from "@/server/enterprises/uscc";
import { freshDatabase, type FreshDatabase } from "@/server/testing/fresh-database";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts";
import { seedDemo, type DemoResult } from "./demo";

/**
 * The demo seeds on a database of this file's own, as on a first start: other test files seed the
 * shared database whenever they need the demo, so only here is it certain who seeded.
 */
let fresh: FreshDatabase;
let db: Db;
let first: DemoResult;
const isValidResidentId = (id: string) => normalizeResidentId(id) === id;

beforeAll(async () => {
  fresh = await freshDatabase();
  db = fresh.db;
  first = await seedDemo(db);
}, 180_000);

afterAll(async () => {
  await fresh?.drop();
});

const countOf = async (table: typeof parks | typeof enterprises | typeof products | typeof agreements) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

describe("demo data", () => {
  it("seeds a believable park on an empty database, and a second run changes nothing", async () => {
    expect(first.seeded).toBe(true);
    expect(first.parks).toBe(3);
    expect(first.enterprises).toBeGreaterThanOrEqual(35);
    expect(first.products).toBeGreaterThanOrEqual(200);
    expect(first.agreements).toBeGreaterThanOrEqual(20);
    // what it reports is what it wrote: the database held none of these rows before
    expect(await countOf(parks)).toBe(first.parks);
    expect(await countOf(enterprises)).toBe(first.enterprises);
    expect(await countOf(agreements)).toBe(first.agreements);
    expect(await countOf(products)).toBeGreaterThanOrEqual(first.products);

    const before = await Promise.all([countOf(parks), countOf(enterprises), countOf(products), countOf(agreements)]);
    const second = await seedDemo(db);
    expect(second.seeded).toBe(false);
    expect(await Promise.all([countOf(parks), countOf(enterprises), countOf(products), countOf(agreements)])).toEqual(before);

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
      // (the deliveries recorded after that are audited as "delivery", checked below)
      expect(entries.filter((e) => e.entityId === String(a.id) && e.action !== "delivery").map((e) => e.action), `agreement ${a.id}`).toEqual(steps);
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

  it("records shipments for what was delivered, so the ledger and every agreement add up", async () => {
    const demo = await db.select().from(agreements).where(sql`${agreements.ref} LIKE 'BJHG-%'`);
    const [main] = await db.select().from(parks).where(eq(parks.code, "BJHG"));
    const staff = { ...systemActor, platformAdmin: false, parkIds: [main!.id] };
    let shipmentsSeen = 0;
    for (const a of demo) {
      const view = await getAgreement(db, systemActor, a.id);
      const own = await db.select().from(shipments).where(eq(shipments.agreementId, a.id));
      shipmentsSeen += own.length;
      const sum = Math.round(own.reduce((s, x) => s + Number(x.quantityT), 0) * 1000) / 1000;
      expect(view.fulfilment.deliveredT, a.ref).toBe(sum);
      for (const c of view.callOffs) {
        expect(Number(c.deliveredT), `${a.ref} call-off ${c.id}`).toBe(own.filter((x) => x.callOffId === c.id).reduce((s, x) => s + Number(x.quantityT), 0));
      }
      // a completed contract or order delivered what it agreed
      if (a.status === "completed" && a.type !== "framework") expect(view.fulfilment.deliveredT, a.ref).toBe(view.fulfilment.agreedT);
      if (a.status === "completed") expect(view.fulfilment.deliveredT, a.ref).toBeGreaterThan(0);
      const audits = await db.select().from(auditLog).where(and(eq(auditLog.entity, "agreement"), eq(auditLog.entityId, String(a.id)), eq(auditLog.action, "delivery")));
      expect(audits, a.ref).toHaveLength(own.length);
    }
    expect(shipmentsSeen).toBeGreaterThan(0);
    const every = await db.select().from(shipments);
    expect(every.length).toBe(shipmentsSeen);
    expect(every.every((s) => s.purpose && s.agentName && s.agentIdNumber && isValidResidentId(s.agentIdNumber))).toBe(true);
    const hazardous = await flowLedger(db, staff, { parkId: main!.id, list: "hazardous", page: 1, pageSize: 200 });
    expect(hazardous.total).toBeGreaterThan(0);
    const controlled = await flowLedger(db, staff, { parkId: main!.id, page: 1, pageSize: 200 });
    expect(controlled.total).toBeGreaterThan(0);
    expect(controlled.items.every((r) => r.agentIdNumber?.includes("**********"))).toBe(true);
  });

  it("lets every demo account sign in with the demo password", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const result = await checkCredentials(db, account.email, DEMO_PASSWORD);
      expect(result.ok, account.email).toBe(true);
    }
    const rows = await db.select().from(users).where(inArray(users.email, DEMO_ACCOUNTS.map((a) => a.email)));
    expect(rows).toHaveLength(DEMO_ACCOUNTS.length);
    expect(rows.find((u) => u.email === "admin@parklink.demo")!.isPlatformAdmin).toBe(true);
  });
});
