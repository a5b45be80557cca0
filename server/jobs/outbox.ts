import { and, asc, count, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { outbox } from "@/db/schema";
import { LISTENERS, type EventPayloads, type OutboxEvent, type Topic } from "./topics";

/**
 * The outbox: changes committed to PostgreSQL that still have to reach somewhere else (the search
 * index, match suggestions). A service writes a row in the same transaction as its change; the
 * worker drains rows topic by topic with `FOR UPDATE SKIP LOCKED`, so several app instances can
 * drain the same table, and a failed delivery is retried with a growing delay (1 s, 2 s, 4 s …
 * at most 5 min). Nothing is lost while the target is down: the rows wait.
 */

/**
 * Delivers the changes of one topic: receives the distinct entity ids (as stored: text), throws
 * to have them retried.
 */
export type OutboxHandler = (db: Db, entityIds: string[]) => Promise<void>;
/** Handlers by topic: only declared topics (topics.ts) may be named; handlers.ts has them all. */
export type OutboxHandlers = Partial<Record<Topic, OutboxHandler>>;
/**
 * One listener's handlers, by event: `listenerHandlers("search", { products: … })` is
 * `{ "products:search": … }`. A test passes a listener name of its own.
 */
export function listenerHandlers<L extends string, E extends OutboxEvent>(listener: L, byEvent: Record<E, OutboxHandler>) {
  return Object.fromEntries(Object.entries(byEvent).map(([event, handler]) => [`${event}:${listener}`, handler])) as Record<`${E}:${L}`, OutboxHandler>;
}

/** What a drain takes: the product's handlers, or a test's under listener names of its own. */
export type DrainHandlers = Readonly<Record<string, OutboxHandler | undefined>>;

/**
 * Records that entities changed, once for every listener of the event (topics.ts); call inside the
 * transaction that changes them. An event not declared in topics.ts does not compile, and throws
 * if it gets here anyway; a declared event nobody listens to records nothing.
 */
export async function enqueue<E extends OutboxEvent>(db: Db, event: E, entityIds: ReadonlyArray<EventPayloads[E]>) {
  const listeners = LISTENERS[event];
  if (!listeners) throw new Error(`Unknown outbox event: ${event}`);
  if (entityIds.length === 0 || listeners.length === 0) return;
  const ids = [...new Set(entityIds.map(String))];
  const topics = listeners.map((listener) => `${event}:${listener}`);
  // one statement, two array parameters, whatever the number of rows (a row of parameters per
  // outbox row cost a catalogue import about as much as writing its products); each listener's
  // rows in the order of the ids, listener after listener
  await db.execute(sql`
    INSERT INTO ${outbox} (topic, entity_id)
    SELECT t.topic, e.id FROM unnest(${textArray(topics)}) WITH ORDINALITY AS t(topic, n), unnest(${textArray(ids)}) WITH ORDINALITY AS e(id, m)
    ORDER BY t.n, e.m`);
}

/** A text[] parameter (postgres.js sends a JS array as one array value). */
const textArray = (values: string[]) => sql`${sql.param(values)}::text[]`;
/**
 * Outbox rows by id, as one array parameter: a search pass takes up to 200,000 rows, more than
 * PostgreSQL's 65,535 parameters of a list (`inArray`) allow.
 */
const idIn = (ids: number[]) => sql`${outbox.id} = ANY(${sql.param(ids)}::bigint[])`;

export interface DrainResult {
  delivered: number;
  failed: number;
  /** the first error of this pass, for logs */
  error?: string;
}

/**
 * One pass over the outbox: takes up to `batchSize` due rows of the topics that have a handler,
 * delivers them, deletes what was delivered and postpones what failed. A handler runs in a
 * savepoint, so a failed delivery leaves none of its own writes behind.
 */
export async function drainOnce(db: Db, handlers: DrainHandlers, options: { batchSize?: number } = {}): Promise<DrainResult> {
  const topics = Object.keys(handlers);
  if (topics.length === 0) return { delivered: 0, failed: 0 };
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: outbox.id, topic: outbox.topic, entityId: outbox.entityId })
      .from(outbox)
      .where(and(lte(outbox.availableAt, sql`now()`), inArray(outbox.topic, topics)))
      .orderBy(asc(outbox.id))
      .limit(options.batchSize ?? 1000)
      .for("update", { skipLocked: true });
    const result: DrainResult = { delivered: 0, failed: 0 };
    const byTopic = new Map<string, typeof rows>();
    for (const row of rows) {
      const list = byTopic.get(row.topic);
      if (list) list.push(row);
      else byTopic.set(row.topic, [row]);
    }
    for (const [topic, list] of byTopic) {
      const ids = list.map((r) => r.id);
      try {
        await tx.transaction((savepoint) => handlers[topic]!(savepoint, [...new Set(list.map((r) => r.entityId))]));
        await tx.delete(outbox).where(idIn(ids));
        result.delivered += list.length;
      } catch (e) {
        const message = (e as Error).message.slice(0, 500);
        result.error ??= `${topic}: ${message}`;
        result.failed += list.length;
        await tx
          .update(outbox)
          .set({
            attempts: sql`${outbox.attempts} + 1`,
            lastError: message,
            availableAt: sql`now() + make_interval(secs => least(300, power(2, ${outbox.attempts})))`,
          })
          .where(idIn(ids));
      }
    }
    return result;
  });
}

/** Rows still waiting for these topics (all topics when none are given). */
export async function pendingCount(db: Db, topics?: string[]): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(outbox)
    .where(topics ? inArray(outbox.topic, topics) : undefined);
  return row?.n ?? 0;
}

/**
 * Drains until nothing is left for these handlers' topics, or until `timeoutMs` passes. Returns
 * whether the outbox emptied.
 */
export async function drainAll(db: Db, handlers: DrainHandlers, options: { timeoutMs?: number; batchSize?: number } = {}): Promise<boolean> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  const topics = Object.keys(handlers);
  for (;;) {
    const pass = await drainOnce(db, handlers, { batchSize: options.batchSize });
    if ((await pendingCount(db, topics)) === 0) return true;
    if (Date.now() > deadline) return false;
    if (pass.delivered === 0) await new Promise((r) => setTimeout(r, 250));
  }
}
