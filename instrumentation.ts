/**
 * Next.js calls `register` once when a server instance starts: this instance drains the outbox
 * (search sync, match refresh) unless PARKLINK_WORKER=0, and checks the search indexes.
 */
export async function register() {
  // NEXT_RUNTIME is not configuration: Next.js sets it per bundle and drops the edge bundle's branch
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/server/env");
  if (env.PARKLINK_WORKER === "0") return;
  const { getDb } = await import("@/db");
  const { startWorker, WORKER_BATCH_SIZE } = await import("@/server/jobs/worker");
  startWorker(getDb(), { batchSize: WORKER_BATCH_SIZE });
  // indexes left by an earlier release get this one's settings and are rebuilt in the background;
  // with search down, the first sync after it returns does the same
  const { ensureSearchIndexes } = await import("@/server/search/sync");
  ensureSearchIndexes(getDb()).catch((e: Error) => console.error(`[search] indexes not checked yet: ${e.message}`));
}
