import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, count, eq, gt, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { outbox, products } from "@/db/schema";
import { anonymous } from "@/server/auth/actor";
import { catalogueImportHandlers, getImportJob, startCatalogueImport } from "@/server/catalogue/import-job";
import { pendingCount } from "@/server/jobs/outbox";
import { LISTENERS } from "@/server/jobs/topics";
import { services, setServices } from "@/server/env";
import { startWorker, type Worker } from "@/server/jobs/worker";
import { readJson } from "@/server/platform/process";
import { makeEnterprise, makePark, makeUser } from "@/server/testing/factories";
import { getMeili } from "./client";
import { startEmbeddedMeilisearch, type RunningSearch } from "./embedded";
import { indexUid } from "./indexes";
import { searchProducts } from "./query";
import { searchHandlers } from "./handlers";

vi.hoisted(() => {
  process.env.MEILI_INDEX_PREFIX = `t${Math.random().toString(36).slice(2, 10)}_`;
});

/**
 * Search sync loses nothing: a real Meilisearch of this test's own is killed in the middle of a
 * large catalogue import. The import still completes, search says it is unavailable, and once
 * Meilisearch is back every product becomes searchable without anyone doing anything.
 *
 * The worker listens under names private to this file (`products:search-…`), so that no other
 * test file's worker, pointed at another Meilisearch, takes these rows: the delivery path — the
 * outbox, the worker, the same sync handlers — is the product's own.
 */
const db = getDb();
const suffix = Math.random().toString(36).slice(2, 8);
const SEARCH_LISTENER = `search-${suffix}`;
const IMPORT_LISTENER = `import-${suffix}`;
const ROWS = 12_000;
const WORD = `outage${suffix}`;
const CAS = ["67-63-0", "108-88-3", "64-17-5", "67-56-1", "67-64-1", "141-78-6", "79-10-7", "75-09-2", "68-12-2", "7664-93-9"];

let dir: string;
let meili: RunningSearch;
let worker: Worker;
const saved = { url: services().meiliUrl, key: services().meiliKey, products: LISTENERS.products, imports: LISTENERS["catalogue-imports"] };

const until = async (what: string, check: () => Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

function pointAt(search: RunningSearch) {
  setServices({ meiliUrl: search.url, meiliKey: search.masterKey });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "parklink-outage-"));
  // an outage that lasts: this Meilisearch is not restarted when it is killed
  meili = await startEmbeddedMeilisearch(dir, () => {}, { restart: false });
  pointAt(meili);
  LISTENERS.products = [SEARCH_LISTENER];
  LISTENERS["catalogue-imports"] = [IMPORT_LISTENER];
  worker = startWorker(db, {
    handlers: { ...searchHandlers(SEARCH_LISTENER), ...catalogueImportHandlers(IMPORT_LISTENER) },
    intervalMs: 100,
    log: () => {},
  });
});

afterAll(async () => {
  await worker?.stop();
  await meili?.stop();
  LISTENERS.products = saved.products!;
  LISTENERS["catalogue-imports"] = saved.imports!;
  setServices({ meiliUrl: saved.url, meiliKey: saved.key });
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("a search outage in the middle of an import", () => {
  it("loses nothing: the import succeeds, and every product becomes searchable once search is back", async () => {
    const park = await makePark();
    const enterprise = await makeEnterprise({ parkId: park.id, verifiedAt: new Date() });
    const { actor } = await makeUser({ enterpriseId: enterprise.id, role: "admin" });
    const lines = Array.from({ length: ROWS }, (_, i) => `S-${String(i).padStart(6, "0")},产品 ${WORD} ${i},${CAS[i % CAS.length]},工业级,99,液体,,,${i % 500},,`);
    const file = { name: "big.csv", bytes: Buffer.from(`sku,name,cas,grade,purity,form,packaging,capacity_tpy,available_t,price_cny_per_t,description\n${lines.join("\n")}\n`) };
    const job = await startCatalogueImport(db, actor, { enterpriseId: enterprise.id, file });
    const topic = `products:${SEARCH_LISTENER}`;

    // the first slice is written and on its way to search: now Meilisearch dies, hard
    await until("the first slice", async () => (await getImportJob(db, actor, job.id)).processedRows > 0, 60_000);
    const { pid } = readJson<{ pid: number }>(path.join(dir, "meilisearch.json"))!;
    process.kill(pid, "SIGKILL");

    // the import carries on and completes without search
    await until("the import to finish", async () => (await getImportJob(db, actor, job.id)).status === "done", 120_000);
    const done = await getImportJob(db, actor, job.id);
    expect(done).toMatchObject({ status: "done", inserted: ROWS, rejectedCount: 0 });
    const [stored] = await db.select({ n: count() }).from(products).where(and(eq(products.enterpriseId, enterprise.id), like(products.name, `%${WORD}%`)));
    expect(stored!.n).toBe(ROWS);

    // search says so clearly; the changes wait in the outbox, tried and postponed
    await expect(searchProducts(db, anonymous, { q: WORD })).rejects.toMatchObject({ code: "UNAVAILABLE", messages: { zh: expect.stringContaining("搜索服务暂时不可用") } });
    expect(await pendingCount(db, [topic])).toBeGreaterThan(0);
    const [retried] = await db.select({ n: count() }).from(outbox).where(and(eq(outbox.topic, topic), gt(outbox.attempts, 0)));
    expect(retried!.n).toBeGreaterThan(0);

    // Meilisearch comes back (same data folder); nobody touches the outbox
    meili = await startEmbeddedMeilisearch(dir, () => {}, { restart: false });
    expect(meili.owned).toBe(true);
    pointAt(meili);
    await until("the outbox to drain", async () => (await pendingCount(db, [topic])) === 0, 240_000);

    const stats = await getMeili().index(indexUid("products")).getStats();
    expect(stats.numberOfDocuments).toBe(ROWS);
    const found = await searchProducts(db, anonymous, { q: WORD, pageSize: 5 });
    expect(found.total).toBe(1000); // every row matches; Meilisearch counts up to its maxTotalHits
    const last = await searchProducts(db, anonymous, { q: `${WORD} ${ROWS - 1}` });
    expect(last.hits[0]?.name).toContain(String(ROWS - 1));
    // 异丙醇 is hazardous: filtering it by park is for those who see its supplier (here, the supplier itself)
    const byCas = await searchProducts(db, actor, { q: "67630", park: park.code, pageSize: 50 });
    expect(byCas.hits.length).toBe(50);
    expect(byCas.hits.every((h) => h.cas === "67-63-0")).toBe(true);
    expect(byCas.facets.park).toEqual([{ value: park.code, count: ROWS / CAS.length }]);
  }, 420_000);
});
