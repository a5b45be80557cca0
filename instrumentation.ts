/**
 * Next.js calls `register` once when a server instance starts: this instance drains the outbox
 * (search sync, match refresh) unless PARKLINK_WORKER=0.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.PARKLINK_WORKER === "0") return;
  const { getDb } = await import("@/db");
  const { startWorker, WORKER_BATCH_SIZE } = await import("@/server/jobs/worker");
  startWorker(getDb(), { batchSize: WORKER_BATCH_SIZE });
}
