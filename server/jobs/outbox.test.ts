import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { outbox } from "@/db/schema";
import { OUTBOX_HANDLERS } from "./handlers";
import { drainAll, drainOnce, enqueue as announce, pendingCount } from "./outbox";
import { EVENTS, LISTENERS, TOPICS, type OutboxEvent } from "./topics";

/** An event of this test only, routed at run time (it is not declared, so it is cast). */
const testEvent = (listeners: string[]) => {
  const event = `test-${crypto.randomBytes(4).toString("hex")}`;
  LISTENERS[event] = listeners;
  return event as OutboxEvent;
};
/** A fresh event with one listener, `<event>:t`; returns the listener's topic. */
const topic = () => `${testEvent(["t"])}:t`;
const enqueue = (db: Parameters<typeof announce>[0], t: string, ids: Array<string | number>) =>
  announce(db, t.split(":")[0] as OutboxEvent, ids as never);

describe("outbox topics", () => {
  it("every declared topic has a handler, and every handler a declared topic", () => {
    expect(TOPICS).toContain("products:search");
    expect(Object.keys(OUTBOX_HANDLERS).sort()).toEqual([...TOPICS].sort());
    for (const t of TOPICS) expect(typeof OUTBOX_HANDLERS[t]).toBe("function");
  });

  it("refuses an event nobody declared instead of dropping it", async () => {
    // @ts-expect-error an undeclared event does not compile
    await expect(announce(getDb(), "prodcuts", [1])).rejects.toThrow(/Unknown outbox event: prodcuts/);
  });

  it("a declared event without listeners records nothing", async () => {
    expect(EVENTS.agreements).toEqual([]);
    await announce(getDb(), "agreements", [1]);
    expect(await pendingCount(getDb(), ["agreements"])).toBe(0);
  });
});

// Checked by `tsc --noEmit` (never run): what the compiler refuses.
export async function typeChecks(db: Parameters<typeof announce>[0]) {
  await announce(db, "products", [1, 2]);
  await announce(db, "substances", ["64-17-5"]);
  // @ts-expect-error a product is announced by its id, not by a name
  await announce(db, "products", ["ethanol"]);
  // @ts-expect-error an undeclared event
  await announce(db, "listings", [1]);
  // @ts-expect-error a handler of an undeclared topic
  const extra: import("./outbox").OutboxHandlers = { "products:mail": async () => {} };
  // @ts-expect-error a handler map that misses a declared topic
  const partial: Record<import("./topics").Topic, import("./outbox").OutboxHandler> = { "products:search": async () => {} };
  return [extra, partial];
}

describe("outbox", () => {
  it("records one row per listener of an event", async () => {
    const db = getDb();
    const event = testEvent(["search", "match"]);
    await announce(db, event, [7, 7, 8] as never);
    expect(await pendingCount(db, [`${event}:search`])).toBe(2);
    expect(await pendingCount(db, [`${event}:match`])).toBe(2);
  });

  it("delivers each topic's distinct ids once and deletes the delivered rows", async () => {
    const db = getDb();
    const t = topic();
    await enqueue(db, t, [1, 2]);
    await enqueue(db, t, [2, 3]);
    const seen: string[][] = [];
    const result = await drainOnce(db, { [t]: async (_db, ids) => void seen.push(ids) });
    expect(result).toMatchObject({ delivered: 4, failed: 0 });
    expect(seen).toEqual([["1", "2", "3"]]);
    expect(await pendingCount(db, [t])).toBe(0);
  });

  it("keeps failed rows, counts the attempt and postpones the next one", async () => {
    const db = getDb();
    const t = topic();
    await enqueue(db, t, ["a"]);
    const [queued] = await db.select().from(outbox).where(eq(outbox.topic, t));
    const result = await drainOnce(db, { [t]: async () => { throw new Error("search is down"); } });
    expect(result).toMatchObject({ delivered: 0, failed: 1, error: `${t}: search is down` });
    const [row] = await db.select().from(outbox).where(eq(outbox.topic, t));
    expect(row).toMatchObject({ attempts: 1, lastError: "search is down" });
    expect(row!.availableAt.getTime()).toBeGreaterThan(queued!.availableAt.getTime());
    // not due yet: a second pass leaves it alone
    expect(await drainOnce(db, { [t]: async () => {} })).toMatchObject({ delivered: 0 });
  });

  it("rolls back what a failing handler wrote", async () => {
    const db = getDb();
    const t = topic();
    const marker = topic();
    await enqueue(db, t, ["x"]);
    await drainOnce(db, {
      [t]: async (tx) => {
        await enqueue(tx, marker, ["half-done"]);
        throw new Error("boom");
      },
    });
    expect(await pendingCount(db, [marker])).toBe(0);
  });

  it("delivers and removes, or postpones, a pass of more rows than a query may have parameters", async () => {
    const db = getDb();
    const [ok, failing] = [topic(), topic()];
    const many = Array.from({ length: 70_000 }, (_, i) => i + 1);
    await enqueue(db, ok, many);
    await enqueue(db, failing, many);
    let received = 0;
    const result = await drainOnce(db, {
      [ok]: async (_db, ids) => void (received = ids.length),
      [failing]: async () => { throw new Error("search is down"); },
    }, { batchSize: 140_000 });
    expect(result).toMatchObject({ delivered: 70_000, failed: 70_000 });
    expect(received).toBe(70_000);
    expect(await pendingCount(db, [ok])).toBe(0);
    const [postponed] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM outbox WHERE topic = ${failing} AND attempts = 1`);
    expect(postponed!.n).toBe(70_000);
    await db.delete(outbox).where(eq(outbox.topic, failing));
  });

  it("lets two workers drain one table without delivering a row twice", async () => {
    const db = getDb();
    const t = topic();
    await enqueue(db, t, Array.from({ length: 200 }, (_, i) => i));
    const delivered: string[] = [];
    const handler = async (_db: unknown, ids: string[]) => {
      await new Promise((r) => setTimeout(r, 20));
      delivered.push(...ids);
    };
    await Promise.all([
      drainAll(db, { [t]: handler }, { timeoutMs: 10_000 }),
      drainAll(db, { [t]: handler }, { timeoutMs: 10_000 }),
    ]);
    expect(delivered.length).toBe(200);
    expect(new Set(delivered).size).toBe(200);
  });
});
