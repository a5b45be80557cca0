import type { Db } from "@/db";
import { OUTBOX_HANDLERS } from "./handlers";
import { drainOnce, type DrainHandlers } from "./outbox";

/** Outbox rows per pass in the web server: a large catalogue import reaches search in few, large batches. */
export const WORKER_BATCH_SIZE = 5000;

export interface Worker {
  stop(): Promise<void>;
}

/**
 * Drains the outbox in the background: every `intervalMs` while there is nothing to do, at once
 * again while there is. Safe to run in every app instance (rows are locked with SKIP LOCKED).
 */
export function startWorker(
  db: Db,
  options: { handlers?: DrainHandlers; intervalMs?: number; batchSize?: number; log?: (line: string) => void } = {},
): Worker {
  const handlers = options.handlers ?? OUTBOX_HANDLERS;
  const interval = options.intervalMs ?? 1000;
  const log = options.log ?? ((line: string) => console.error(`[worker] ${line}`));
  let stopped = false;
  let lastError = "";
  const loop = (async () => {
    while (!stopped) {
      let busy = false;
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
