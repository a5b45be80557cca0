import type { Db } from "@/db";
import { OUTBOX_HANDLERS } from "./handlers";
import { sweepExpiredListings } from "@/server/listings/expiry";
import { applyDueRegulatedChanges } from "@/server/substances/regulated-lists";
import { remindRfqSuppliers } from "@/server/rfq/remind-rfqs";
import { SEARCH_DRAIN_BATCH } from "@/server/search/handlers";
import { drainOnce, type DrainHandlers } from "./outbox";

/** Outbox rows per pass in the web server: a large catalogue import reaches search in few, large batches. */
export const WORKER_BATCH_SIZE = 5000;

export interface Worker {
  stop(): Promise<void>;
}

/** How often the worker expires listings past their date (the reads compute it meanwhile). */
export const SWEEP_INTERVAL_MS = 60_000;

/**
 * Drains the outbox in the background: every `intervalMs` while there is nothing to do, at once
 * again while there is. Every `sweepIntervalMs` (from the start; `0`: never; by default every
 * minute with the full handler table) it also expires the listings past their date
 * (listings/expiry.ts), which announces the change to the match refresh.
 *
 * Each listener (the part of a topic after the colon: `search`, `match`, `import`, `alerts`) is
 * drained in a lane of its own, concurrently: a catalogue import writes its next slice while
 * search indexes the last one, and a slow match refresh never holds up search. A lane takes up to
 * `batchSize` rows a pass (`laneBatchSize` per listener: search takes what has piled up in one
 * pass, so that Meilisearch indexes few, large batches).
 * Safe to run in every app instance: outbox rows are locked with SKIP LOCKED, and one instance
 * sweeps at a time (an advisory lock).
 */
export function startWorker(
  db: Db,
  options: {
    handlers?: DrainHandlers; intervalMs?: number; batchSize?: number; laneBatchSize?: Record<string, number>;
    sweepIntervalMs?: number; log?: (line: string) => void;
  } = {},
): Worker {
  const handlers = options.handlers ?? OUTBOX_HANDLERS;
  const interval = options.intervalMs ?? 1000;
  // a worker for a few topics (tests, bench) sweeps only when asked to
  const sweepEvery = options.sweepIntervalMs ?? (options.handlers ? 0 : SWEEP_INTERVAL_MS);
  const log = options.log ?? ((line: string) => console.error(`[worker] ${line}`));
  const laneBatch = { ...LANE_BATCH_SIZE, ...options.laneBatchSize };
  let stopped = false;
  const pause = () => new Promise((r) => setTimeout(r, interval));

  const sweeping = (async () => {
    if (sweepEvery <= 0) return;
    let nextSweep = 0;
    while (!stopped) {
      if (Date.now() >= nextSweep) {
        nextSweep = Date.now() + sweepEvery;
        try {
          const swept = await sweepExpiredListings(db);
          if (swept.demands + swept.offers > 0) log(`expired ${swept.demands} demand(s) and ${swept.offers} offer(s)`);
        } catch (e) {
          log(`expiry sweep failed, will retry: ${(e as Error).message}`);
        }
        try {
          // park staff's changes to the regulated lists dated in the future take effect on their day
          const changed = await applyDueRegulatedChanges(db);
          if (changed.length > 0) log(`regulated lists changed for ${changed.join(", ")}`);
        } catch (e) {
          log(`regulated-list sweep failed, will retry: ${(e as Error).message}`);
        }
        try {
          // suppliers who have not answered an RFQ, a day before its deadline (once each)
          const reminded = await remindRfqSuppliers(db);
          if (reminded.sent > 0) log(`reminded ${reminded.sent} supplier(s) of an RFQ deadline`);
        } catch (e) {
          log(`RFQ reminder sweep failed, will retry: ${(e as Error).message}`);
        }
      }
      await pause();
    }
  })();

  const lanes = [...lanesOf(handlers)].map(([listener, laneHandlers]) => (async () => {
    let lastError = "";
    const batchSize = Math.max(options.batchSize ?? 1000, laneBatch[listener] ?? 0);
    while (!stopped) {
      let busy = false;
      try {
        const pass = await drainOnce(db, laneHandlers, { batchSize });
        busy = pass.delivered > 0;
        if (pass.error && pass.error !== lastError) log(`delivery failed, will retry: ${pass.error}`);
        lastError = pass.error ?? "";
      } catch (e) {
        const message = (e as Error).message;
        if (message !== lastError) log(`outbox unavailable, will retry: ${message}`);
        lastError = message;
      }
      if (!busy) await pause();
    }
  })());
  return {
    stop: async () => {
      stopped = true;
      await Promise.all([sweeping, ...lanes]);
    },
  };
}

/**
 * Rows a pass of a listener's lane takes at least. Each Meilisearch indexing batch costs seconds
 * beyond its documents, so the search lane takes everything that has piled up behind a large
 * import at once (up to SEARCH_DRAIN_BATCH).
 */
export const LANE_BATCH_SIZE: Record<string, number> = { search: SEARCH_DRAIN_BATCH };

/** The handlers grouped by listener (`products:search` → `search`), each group a lane. */
export function lanesOf(handlers: DrainHandlers): Map<string, DrainHandlers> {
  const lanes = new Map<string, Record<string, DrainHandlers[string]>>();
  for (const [topic, handler] of Object.entries(handlers)) {
    const listener = topic.slice(topic.indexOf(":") + 1);
    lanes.set(listener, { ...lanes.get(listener), [topic]: handler });
  }
  return lanes;
}
