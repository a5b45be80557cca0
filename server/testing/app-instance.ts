/**
 * One app instance for server/platform/two-instances.test.ts, run as a child process
 * (`node --import tsx server/testing/app-instance.ts`, with an IPC channel): the background worker
 * exactly as instrumentation.ts starts it in every web server (the product's handler table, batch
 * size, poll interval and minute sweep), plus the writes a web server makes, received over IPC and
 * run through the product's services as the signed-in user named in the message.
 *
 * Each delivery is also written down in `test_delivery` (a table the test creates in its own
 * database) inside the delivery's own transaction, so a row there exists exactly when the worker's
 * delivery committed — the test compares them with the outbox rows enqueued.
 *
 * Configuration from the environment (DATABASE_URL, MEILI_URL, MEILI_MASTER_KEY,
 * MEILI_INDEX_PREFIX, DATA_DIR). Prints nothing; answers "ready" over IPC once its worker runs.
 */
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { loadActor } from "@/server/auth/actor";
import { createProductInput } from "@/server/catalogue/catalogue.schemas";
import { createProduct } from "@/server/catalogue/catalogue.service";
import { startCatalogueImport } from "@/server/catalogue/import-job";
import { createInquiry } from "@/server/inquiries/create-inquiry";
import { createInquiryInput, sendQuoteInput } from "@/server/inquiries/inquiry.schemas";
import { sendQuote } from "@/server/inquiries/send-quote";
import { OUTBOX_HANDLERS } from "@/server/jobs/handlers";
import type { DrainHandlers, OutboxHandler } from "@/server/jobs/outbox";
import { startWorker, SWEEP_INTERVAL_MS, WORKER_BATCH_SIZE } from "@/server/jobs/worker";
import { createDemand } from "@/server/listings/demand.service";
import { createDemandInput } from "@/server/listings/listing.schemas";

export type InstanceCall =
  | { fn: "createProduct"; userId: number; input: unknown }
  | { fn: "startCatalogueImport"; userId: number; input: { enterpriseId: number; name: string; csv: string } }
  | { fn: "createDemand"; userId: number; input: unknown }
  | { fn: "createInquiry"; userId: number; input: unknown }
  | { fn: "sendQuote"; userId: number; input: unknown };
export type InstanceMessage = { id: number; call: InstanceCall };
export type InstanceReply = { id: number; result?: { id: number }; error?: string } | "ready";

const db = getDb();
const recorded = (topic: string, handler: OutboxHandler): OutboxHandler => async (tx, ids) => {
  await handler(tx, ids);
  await tx.execute(sql`INSERT INTO test_delivery (topic, entity_id, pid) SELECT ${topic}, unnest(${sql.param(ids)}::text[]), ${process.pid}`);
};
const handlers: DrainHandlers = Object.fromEntries(Object.entries(OUTBOX_HANDLERS).map(([topic, handler]) => [topic, recorded(topic, handler)]));
const worker = startWorker(db, { handlers, batchSize: WORKER_BATCH_SIZE, sweepIntervalMs: SWEEP_INTERVAL_MS, log: () => {} });

async function run(call: InstanceCall): Promise<{ id: number }> {
  const actor = await loadActor(db, call.userId);
  switch (call.fn) {
    case "createProduct":
      return createProduct(db, actor, createProductInput.parse(call.input));
    case "startCatalogueImport":
      return startCatalogueImport(db, actor, { enterpriseId: call.input.enterpriseId, file: { name: call.input.name, bytes: Buffer.from(call.input.csv) } });
    case "createDemand":
      return createDemand(db, actor, createDemandInput.parse(call.input));
    case "createInquiry":
      return createInquiry(db, actor, createInquiryInput.parse(call.input));
    case "sendQuote":
      return sendQuote(db, actor, sendQuoteInput.parse(call.input));
  }
}

process.on("message", (message: InstanceMessage) => {
  run(message.call).then(
    (result) => process.send!({ id: message.id, result: { id: result.id } } satisfies InstanceReply),
    (e: Error) => process.send!({ id: message.id, error: e.message } satisfies InstanceReply),
  );
});
process.on("SIGTERM", () => {
  void worker.stop().then(() => process.exit(0));
});
process.send!("ready" satisfies InstanceReply);
