import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { getDb, schema, type Db } from "@/db";
import { databaseConfig } from "@/db/env";
import {
  agreementLines, agreements, callOffOrders, enterpriseCatalogue, enterprises, inquiries, inquiryMessages, productDocuments, products, quotes,
} from "@/db/schema";
import { insertShipment } from "@/server/agreements/write-shipment";
import { systemActor } from "@/server/auth/actor";
import { todayInChina } from "@/server/compliance/compliance";
import { makeEnterprise, makePark, makeProduct } from "@/server/testing/factories";
import { LIST_TRUST_MAX_AGE_MS, listTrustSignals, trustSignals, trustSignalsOf } from "./trust";

const db = () => getDb();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms);
/** a China date this many days from today */
const day = (n: number) => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** An inquiry to `supplierId` received `receivedAgo` ms ago, with the buyer's opening message. */
async function inquiry(buyerId: number, supplierId: number, receivedAgo: number) {
  const createdAt = ago(receivedAgo);
  const [row] = await db().insert(inquiries).values({ buyerEnterpriseId: buyerId, supplierEnterpriseId: supplierId, subject: "询价", createdAt }).returning();
  await db().insert(inquiryMessages).values({ inquiryId: row!.id, authorEnterpriseId: buyerId, body: "请报价", createdAt });
  return { id: row!.id, createdAt };
}
const message = (inquiryId: number, authorEnterpriseId: number, at: Date) =>
  db().insert(inquiryMessages).values({ inquiryId, authorEnterpriseId, body: "您好", createdAt: at });
const quote = (inquiryId: number, at: Date) =>
  db().insert(quotes).values({ inquiryId, priceCnyPerUnit: "5000", quantity: "10", createdAt: at });

/** An active framework agreement, seller → buyer, with one line. */
async function framework(sellerId: number, buyerId: number) {
  const [agreement] = await db().insert(agreements).values({
    ref: `TR-${crypto.randomUUID()}`, type: "framework", title: "信用测试协议", buyerEnterpriseId: buyerId, sellerEnterpriseId: sellerId,
    totalAmountCny: "1000000", status: "active", signedOn: day(-200),
  }).returning();
  const [line] = await db().insert(agreementLines).values({ agreementId: agreement!.id, lineNo: 1, productName: "测试", volumeT: "1000", amountCny: "1000000" }).returning();
  return { agreementId: agreement!.id, lineId: line!.id };
}

/** A call-off of 10 t ordered on `orderedOn`, due on `dueOn`, and its shipments [day, tonnes]. */
async function callOff(f: { agreementId: number; lineId: number }, orderedOn: string, dueOn: string | null, shipments: [string, number][]) {
  const [c] = await db().insert(callOffOrders).values({ agreementId: f.agreementId, lineId: f.lineId, orderedT: "10", orderedOn, dueOn }).returning();
  const rows = [];
  for (const [deliveredOn, quantityT] of shipments) {
    rows.push(await insertShipment(db(), systemActor, { agreementId: f.agreementId, lineId: f.lineId, callOffId: c!.id, deliveredOn, quantityT }));
  }
  return { id: c!.id, shipments: rows };
}

const document = (productId: number, kind: "tds" | "sds" | "other") =>
  db().insert(productDocuments).values({ productId, kind, filename: `${kind}.pdf`, content: Buffer.from("%PDF-1.4"), sizeBytes: 8 });

/**
 * The hand-computed fixture. The supplier S, verified, on the platform for three years and ten days:
 *
 * inquiries it received — answered by a message after 2 h; answered by a quote after 30 h (its
 * later message does not count); never answered (30 days old); one 100 days old (outside the 90
 * days); one 1 h old and unanswered (not counted yet); and one it sent as the buyer (not its own):
 * received 3, answered 2, rate 2/3, median (2 + 30) / 2 = 16 h.
 *
 * call-offs it delivers — in full two days before its due date (on time); in full two days after
 * (late); half before and half after the due date (late); one delivered on time but then corrected
 * to a later date (late: the correction replaces it); one not yet due; one without a due date; one
 * due 100 days ago (outside the window); and a late call-off where S is the buyer (not its own):
 * due 4, on time 1, rate 1/4.
 *
 * products — TDS; SDS; TDS and SDS; TDS; only an "other" document; and a retired one without any:
 * 4 of its 5 active products documented, 80 %.
 */
async function fixture() {
  const park = await makePark();
  const createdAt = ago((3 * 365 + 10) * DAY);
  const [s, buyer] = await Promise.all([
    makeEnterprise({ parkId: park.id, verifiedAt: new Date(), createdAt }),
    makeEnterprise({ parkId: park.id, verifiedAt: new Date() }),
  ]);

  const twoHours = await inquiry(buyer.id, s.id, 10 * DAY);
  await message(twoHours.id, s.id, new Date(twoHours.createdAt.getTime() + 2 * HOUR));
  const thirtyHours = await inquiry(buyer.id, s.id, 20 * DAY);
  await quote(thirtyHours.id, new Date(thirtyHours.createdAt.getTime() + 30 * HOUR));
  await message(thirtyHours.id, s.id, new Date(thirtyHours.createdAt.getTime() + 40 * HOUR));
  const never = await inquiry(buyer.id, s.id, 30 * DAY);
  await message(never.id, buyer.id, new Date(never.createdAt.getTime() + 48 * HOUR));
  const old = await inquiry(buyer.id, s.id, 100 * DAY);
  await message(old.id, s.id, new Date(old.createdAt.getTime() + HOUR));
  await inquiry(buyer.id, s.id, HOUR);
  const sentByS = await inquiry(s.id, buyer.id, 5 * DAY);
  await message(sentByS.id, buyer.id, new Date(sentByS.createdAt.getTime() + 100 * HOUR));

  const sells = await framework(s.id, buyer.id);
  await callOff(sells, day(-40), day(-30), [[day(-32), 10]]);
  await callOff(sells, day(-40), day(-30), [[day(-28), 10]]);
  await callOff(sells, day(-30), day(-20), [[day(-22), 5], [day(-18), 5]]);
  const corrected = await callOff(sells, day(-60), day(-50), [[day(-52), 10]]);
  await insertShipment(db(), systemActor, { agreementId: sells.agreementId, lineId: sells.lineId, callOffId: corrected.id, correctsId: corrected.shipments[0]!.id, deliveredOn: day(-47), quantityT: 10, reason: "日期登记错误" });
  await callOff(sells, day(-5), day(5), []);
  await callOff(sells, day(-40), null, [[day(-39), 10]]);
  await callOff(sells, day(-110), day(-100), [[day(-101), 10]]);
  const buys = await framework(buyer.id, s.id);
  await callOff(buys, day(-40), day(-30), []);

  const active = await Promise.all([0, 1, 2, 3, 4].map(() => makeProduct(s.id, { cas: null })));
  await document(active[0]!.id, "tds");
  await document(active[1]!.id, "sds");
  await document(active[2]!.id, "tds");
  await document(active[2]!.id, "sds");
  await document(active[3]!.id, "tds");
  await document(active[4]!.id, "other");
  await makeProduct(s.id, { cas: null, retiredAt: new Date() });
  return { s, buyer, createdAt };
}

/** An enterprise that answers every inquiry within a day and delivers every call-off on time. */
async function exemplary() {
  const [e, buyer] = await Promise.all([makeEnterprise(), makeEnterprise()]);
  for (const [i, hours] of [1, 2, 30].entries()) {
    const q = await inquiry(buyer.id, e.id, (i + 2) * DAY);
    await message(q.id, e.id, new Date(q.createdAt.getTime() + hours * HOUR));
  }
  const f = await framework(e.id, buyer.id);
  for (let i = 0; i < 5; i++) await callOff(f, day(-30 - i), day(-20 - i), [[day(-20 - i), 10]]);
  return e;
}

describe("trust signals", () => {
  it("computes every figure of the hand-computed fixture, and the badges they earn", async () => {
    const { s, buyer } = await fixture();
    const signals = await trustSignalsOf(db(), s.id);
    expect(signals).toEqual({
      enterpriseId: s.id,
      verified: true,
      response: { received: 3, answered: 2, rate: 2 / 3, medianHours: 16 },
      delivery: { due: 4, onTime: 1, rate: 0.25 },
      documentedShare: 0.8,
      memberSince: todayInChina(ago((3 * 365 + 10) * DAY)),
      years: 3,
      // fast response needs 80 % answered (2/3 is less); 履约 needs 5 call-offs due (4) and 95 %
      badges: ["verified", "documented"],
    });
    // the buyer: one inquiry received (from S), answered after 100 h; its call-off to S is S's late one
    const other = (await trustSignals(db(), [buyer.id])).get(buyer.id)!;
    expect(other.response).toEqual({ received: 1, answered: 1, rate: 1, medianHours: 100 });
    expect(other.delivery).toEqual({ due: 1, onTime: 0, rate: 0 });
  });

  it("says null where there is no base, never 0 or 100 %", async () => {
    const e = await makeEnterprise();
    const signals = await trustSignalsOf(db(), e.id);
    expect(signals).toEqual({
      enterpriseId: e.id,
      verified: false,
      response: { received: 0, answered: 0, rate: null, medianHours: null },
      delivery: { due: 0, onTime: 0, rate: null },
      documentedShare: null,
      memberSince: todayInChina(),
      years: 0,
      badges: [],
    });
    expect(await trustSignalsOf(db(), 2_000_000_000)).toBeNull();
  });

  it("awards 快速响应 and 履约 from the numbers alone", async () => {
    const e = await exemplary();
    const signals = (await trustSignals(db(), [e.id]))!.get(e.id)!;
    expect(signals.response).toEqual({ received: 3, answered: 3, rate: 1, medianHours: 2 });
    expect(signals.delivery).toEqual({ due: 5, onTime: 5, rate: 1 });
    expect(signals.badges).toEqual(["fast_response", "on_time"]);
  });

  it("answers a batch of enterprises in one statement, whatever its size", async () => {
    const { s } = await fixture();
    const e = await exemplary();
    const plain = await Promise.all(Array.from({ length: 20 }, () => makeEnterprise()));
    let statements = 0;
    const client = postgres(databaseConfig().url!, { max: 1, onnotice: () => {}, debug: () => { statements++; } });
    try {
      const counted = drizzle(client, { schema }) as unknown as Db;
      // the connection's own start (postgres.js reads the array types once) is not the service's
      await client`SELECT 1`;
      statements = 0;
      const one = await trustSignals(counted, [s.id]);
      expect(statements).toBe(1);
      statements = 0;
      const many = await trustSignals(counted, [s.id, e.id, ...plain.map((p) => p.id), s.id]);
      expect(statements).toBe(1);
      expect(many.size).toBe(22);
      // the batch says the same of each enterprise as asking for it alone
      expect(many.get(s.id)).toEqual(one.get(s.id));
      expect(many.get(e.id)!.badges).toEqual(["fast_response", "on_time"]);
      statements = 0;
      expect((await trustSignals(counted, [])).size).toBe(0);
      expect(statements).toBe(0);
    } finally {
      await client.end();
    }
  });

  it("on lists, remembers each enterprise's signals for a minute, then computes them again", async () => {
    const supplier = await makeEnterprise({ verifiedAt: new Date() });
    const buyer = await makeEnterprise();
    const t = Date.now();
    const first = await listTrustSignals(db(), [supplier.id, -1], t);
    expect(first.get(supplier.id)).toEqual(await trustSignalsOf(db(), supplier.id));
    expect(first.get(supplier.id)!.response.received).toBe(0);
    expect(first.has(-1)).toBe(false); // unknown ids are left out, as trustSignals does
    // an inquiry answered after an hour, three days ago: the profile counts it at once
    const asked = await inquiry(buyer.id, supplier.id, 3 * DAY);
    await message(asked.id, supplier.id, new Date(asked.createdAt.getTime() + HOUR));
    expect((await trustSignalsOf(db(), supplier.id))!.response.received).toBe(1);
    // a list within the minute shows what it computed, and asks the database nothing
    let statements = 0;
    const client = postgres(databaseConfig().url!, { max: 1, onnotice: () => {}, debug: () => { statements++; } });
    try {
      const counted = drizzle(client, { schema }) as unknown as Db;
      await client`SELECT 1`;
      statements = 0;
      const again = await listTrustSignals(counted, [supplier.id, supplier.id], t + LIST_TRUST_MAX_AGE_MS - 1);
      expect(statements).toBe(0);
      expect(again.get(supplier.id)!.response.received).toBe(0);
      // a minute on, it is computed again: the answered inquiry is counted
      const later = await listTrustSignals(counted, [supplier.id], t + LIST_TRUST_MAX_AGE_MS);
      expect(statements).toBe(1);
      expect(later.get(supplier.id)!.response).toMatchObject({ received: 1, answered: 1, medianHours: 1 });
    } finally {
      await client.end();
    }
  });

  it("divides by the active products the database keeps counted, through every kind of catalogue write", async () => {
    const a = await makeEnterprise();
    const b = await makeEnterprise();
    const counted = async (id: number) =>
      (await db().select({ n: enterpriseCatalogue.activeProducts }).from(enterpriseCatalogue).where(eq(enterpriseCatalogue.enterpriseId, id)))[0]?.n ?? 0;
    const actual = async (id: number) =>
      (await db().execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM product WHERE enterprise_id = ${id} AND retired_at IS NULL`))[0]!.n;
    const agree = async () => {
      for (const id of [a.id, b.id]) expect(await counted(id)).toBe(await actual(id));
    };
    expect(await counted(a.id)).toBe(0);
    // one statement, two enterprises; then an import's upsert that adds one and retires one
    const row = (enterpriseId: number, sku: string, retiredAt: Date | null = null) => ({ enterpriseId, sku, name: `计数${sku}`, retiredAt });
    await db().insert(products).values([row(a.id, "A1"), row(a.id, "A2"), row(a.id, "A3", new Date()), row(b.id, "B1")]);
    expect(await counted(a.id)).toBe(2);
    await agree();
    await db().insert(products).values([row(a.id, "A1", new Date()), row(a.id, "A4")])
      .onConflictDoUpdate({ target: [products.enterpriseId, products.sku], set: { retiredAt: sql`excluded.retired_at` } });
    expect(await counted(a.id)).toBe(2);
    await agree();
    // retired again, moved to another enterprise, deleted; a price change counts nothing
    await db().update(products).set({ retiredAt: null }).where(eq(products.enterpriseId, a.id));
    expect(await counted(a.id)).toBe(4);
    await db().update(products).set({ priceCnyPerT: "5100" }).where(eq(products.enterpriseId, a.id));
    await db().update(products).set({ enterpriseId: b.id }).where(sql`${products.enterpriseId} = ${a.id} AND ${products.sku} = 'A2'`);
    await agree();
    await db().delete(products).where(sql`${products.enterpriseId} = ${a.id} AND ${products.sku} IN ('A3', 'A4')`);
    expect(await counted(a.id)).toBe(1);
    expect(await counted(b.id)).toBe(2);
    await agree();
    // the share of documented products on the trust signals: 1 of b's 2 active products
    const [b1] = await db().select().from(products).where(sql`${products.enterpriseId} = ${b.id} AND ${products.sku} = 'B1'`);
    await document(b1!.id, "sds");
    await document(b1!.id, "tds");
    expect((await trustSignalsOf(db(), b.id))!.documentedShare).toBe(0.5);
    // an enterprise removed takes its count with it
    await db().delete(enterprises).where(eq(enterprises.id, b.id));
    expect(await counted(b.id)).toBe(0);
    expect(await db().select().from(enterpriseCatalogue).where(eq(enterpriseCatalogue.enterpriseId, b.id))).toHaveLength(0);
  });
});
