import crypto from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db";
import { demands, outbox, supplyOffers } from "@/db/schema";
import { startWorker } from "@/server/jobs/worker";
import { makeDemand, makeEnterprise, makeOffer, makeProduct } from "@/server/testing/factories";
import { sweepExpiredListings } from "./expiry";

const inDays = (days: number) => new Date(Date.now() + (8 * 3600 + days * 86_400) * 1000).toISOString().slice(0, 10);

const statusOf = async (db: Db, id: number) => (await db.select({ s: demands.status }).from(demands).where(eq(demands.id, id)))[0]!.s;
const rowsFor = (db: Db, topic: string, id: number) => db.select().from(outbox).where(and(eq(outbox.topic, topic), eq(outbox.entityId, String(id))));

class Rollback extends Error {}

describe("the expiry sweep", () => {
  it("expires listings past their date and announces them in the same transaction; a second instance skips its turn", async () => {
    const owner = await makeEnterprise();
    const product = await makeProduct(owner.id);
    const past = await makeDemand(owner.id, { expiresOn: inDays(-1) });
    const current = await makeDemand(owner.id, { expiresOn: inDays(3) });
    const offer = await makeOffer(owner.id, product.id, { validFrom: inDays(-30), validUntil: inDays(-1) });

    // looked at inside the sweep's transaction (then rolled back), before any worker drains the rows
    await getDb()
      .transaction(async (tx) => {
        const result = await sweepExpiredListings(tx);
        expect(result.swept).toBe(true);
        expect(await statusOf(tx, past.id)).toBe("expired");
        expect(await statusOf(tx, current.id)).toBe("open");
        const [o] = await tx.select({ s: supplyOffers.status }).from(supplyOffers).where(eq(supplyOffers.id, offer.id));
        expect(o!.s).toBe("expired");
        expect(await rowsFor(tx, "demands:match", past.id)).toHaveLength(1);
        expect(await rowsFor(tx, "offers:match", offer.id)).toHaveLength(1);
        expect(await rowsFor(tx, "demands:match", current.id)).toHaveLength(0);
        // another app instance finds the sweep under way and skips it
        expect(await sweepExpiredListings(getDb())).toMatchObject({ swept: false });
        throw new Rollback();
      })
      .catch((e) => {
        if (!(e instanceof Rollback)) throw e;
      });
    expect(await statusOf(getDb(), past.id)).toBe("open");
  });

  it("leaves neither the status nor the outbox row when announcing fails", async () => {
    const owner = await makeEnterprise();
    const past = await makeDemand(owner.id, { expiresOn: inDays(-2) });
    const name = `refuse_${crypto.randomBytes(4).toString("hex")}`;
    const db = getDb();
    // a real failure between the update and its outbox row: the outbox refuses this demand's row
    await db.execute(sql.raw(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'outbox refused'; END $$`));
    await db.execute(sql.raw(`CREATE TRIGGER ${name} BEFORE INSERT ON outbox FOR EACH ROW
      WHEN (NEW.topic = 'demands:match' AND NEW.entity_id = '${past.id}') EXECUTE FUNCTION ${name}()`));
    try {
      const error = await sweepExpiredListings(db).catch((e: Error & { cause?: Error }) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error & { cause?: Error }).cause?.message).toBe("outbox refused");
    } finally {
      await db.execute(sql.raw(`DROP TRIGGER ${name} ON outbox`));
      await db.execute(sql.raw(`DROP FUNCTION ${name}()`));
    }
    expect(await statusOf(db, past.id)).toBe("open");
    expect(await rowsFor(db, "demands:match", past.id)).toHaveLength(0);

    // the next sweep does both
    await sweepExpiredListings(db);
    expect(await statusOf(db, past.id)).toBe("expired");
  });

  it("is run by the background worker", async () => {
    const owner = await makeEnterprise();
    const past = await makeDemand(owner.id, { expiresOn: inDays(-1) });
    const worker = startWorker(getDb(), { handlers: {}, intervalMs: 50, sweepIntervalMs: 60_000, log: () => {} });
    let status = await statusOf(getDb(), past.id);
    try {
      for (const deadline = Date.now() + 20_000; status === "open" && Date.now() < deadline; status = await statusOf(getDb(), past.id)) {
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await worker.stop();
    }
    expect(status).toBe("expired");
  });
});
