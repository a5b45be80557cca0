import type { Db } from "@/db";
import { OUTBOX_HANDLERS } from "./handlers";
import { sweepExpiredListings } from "@/server/listings/expiry";
import { applyDueRegulatedChanges } from "@/server/substances/regulated-lists";
import { remindRfqSuppliers } from "@/server/rfq/remind-rfqs";
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
 * Safe to run in every app instance: outbox rows are locked with SKIP LOCKED, and one instance
 * sweeps at a time (an advisory lock).
 */
export function startWorker(
  db: Db,
  options: {
    handlers?: DrainHandlers; intervalMs?: number; batchSize?: number; sweepIntervalMs?: number; log?: (line: string) => void;
  } = {},
): Worker {
  const handlers = options.handlers ?? OUTBOX_HANDLERS;
  const interval = options.intervalMs ?? 1000;
  // a worker for a few topics (tests, bench) sweeps only when asked to
  const sweepEvery = options.sweepIntervalMs ?? (options.handlers ? 0 : SWEEP_INTERVAL_MS);
  let nextSweep = 0;
  const log = options.log ?? ((line: string) => console.error(`[worker] ${line}`));
  let stopped = false;
  let lastError = "";
  const loop = (async () => {
    while (!stopped) {
      let busy = false;
      if (sweepEvery > 0 && Date.now() >= nextSweep) {
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
      try {
        const pass = await drainOnce(db, handlers, { batchSize: options.batchSize });
        busy = pass.delivered > 0;
        if (pass.error && pass.error !== lastError) log(`delivery failed, will retry: ${pass.error}`);
        lastError = pass.error ?? "";
      } catch (e) {
        const message = (e as Error).message;
        if (message !== lastError) log(`outbox unavailable, will retry: ${message}`);
        lastError = message;
      }
      if (!busy) await new Promise((r) => setTimeout(r, interval));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}
