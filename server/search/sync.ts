import { inArray } from "drizzle-orm";
import type { Meilisearch } from "meilisearch";
import type { Db } from "@/db";
import { products } from "@/db/schema";
import { systemActor } from "@/server/auth/actor";
import { todayInChina } from "@/server/compliance/compliance";
import { enqueue, listenerHandlers } from "@/server/jobs/outbox";
import { getMeili } from "./client";
import { loadEnterpriseDocuments, productIdsOf } from "./enterprises.index";
import { ensureIndex, indexUid, settled, type IndexName } from "./indexes";
import { loadProductSources, productDocuments, type ProductDoc } from "./products.index";

/**
 * Search sync: the outbox handlers that copy changed rows from PostgreSQL into Meilisearch. They
 * read the rows as they are now (not as they were when the change was announced), so delivering
 * a change twice or late does no harm, and they wait until Meilisearch has applied each batch:
 * when it is down or refuses a batch, the handler throws and the outbox retries later.
 */

/**
 * Rows read from PostgreSQL at a time, and documents sent to Meilisearch in one task: each
 * indexing batch costs a few seconds on top of its documents, so large imports go out in few,
 * large tasks (50,000 documents are about 22 MB).
 */
const READ_CHUNK = 2000;
const SEND_BATCH = 50_000;

const toIds = (ids: Array<string | number>) => [...new Set(ids.map(Number).filter((n) => Number.isInteger(n) && n > 0))];

/**
 * The index, with this release's settings. When they replace an earlier release's, its documents
 * are rebuilt from PostgreSQL in the background (`search-index`), so an upgrade needs no manual
 * `reindex`; whichever instance changes the settings first asks for it, once.
 */
async function ensureCurrent(db: Db, client: Meilisearch, name: IndexName) {
  if ((await ensureIndex(client, name)) === "configured") await enqueue(db, "search-index", [name]);
}

/** Every index, checked when an app instance starts: an upgrade is rebuilt even before the next write. */
export async function ensureSearchIndexes(db: Db, client: Meilisearch = getMeili()) {
  for (const name of ["enterprises", "products"] as const) await ensureCurrent(db, client, name);
}

export async function syncProducts(db: Db, ids: Array<string | number>, client: Meilisearch = getMeili()) {
  const all = toIds(ids);
  if (all.length === 0) return;
  await ensureCurrent(db, client, "products");
  const index = client.index(indexUid("products"));
  const today = todayInChina();
  // documents go out in large tasks, and every task is sent before any is awaited
  const sent: Promise<void>[] = [];
  let failure: unknown = null;
  const send = (task: Promise<void>) => sent.push(task.catch((e) => void (failure ??= e)));
  let docs: ProductDoc[] = [];
  let gone: number[] = [];
  const flush = () => {
    if (docs.length) send(settled(index.addDocuments(docs, { primaryKey: "id" }), "index products"));
    if (gone.length) send(settled(index.deleteDocuments(gone), "remove products"));
    docs = [];
    gone = [];
  };
  for (let i = 0; i < all.length && !failure; i += READ_CHUNK) {
    const chunk = all.slice(i, i + READ_CHUNK);
    const sources = await loadProductSources(db, chunk);
    const built = await productDocuments(db, sources, today);
    const found = new Set(sources.map((s) => s.id));
    docs.push(...built.docs);
    gone.push(...built.retired, ...chunk.filter((id) => !found.has(id)));
    if (docs.length + gone.length >= SEND_BATCH) flush();
  }
  flush();
  await Promise.all(sent);
  if (failure) throw failure;
}

/** An enterprise's own document, and its products' (which carry its name, park and licences). */
export async function syncEnterprises(db: Db, ids: Array<string | number>, client: Meilisearch = getMeili()) {
  const all = toIds(ids);
  if (all.length === 0) return;
  await ensureCurrent(db, client, "enterprises");
  const index = client.index(indexUid("enterprises"));
  const docs = await loadEnterpriseDocuments(db, all);
  const found = new Set(docs.map((d) => d.id));
  const gone = all.filter((id) => !found.has(id));
  const tasks = [];
  if (docs.length) tasks.push(settled(index.addDocuments(docs, { primaryKey: "id" }), "index enterprises"));
  if (gone.length) tasks.push(settled(index.deleteDocuments(gone), "remove enterprises"));
  await Promise.all(tasks);
  await syncProducts(db, await productIdsOf(db, all), client);
}

/** A dictionary correction reaches every product of that substance. */
export async function syncSubstances(db: Db, casNumbers: string[], client: Meilisearch = getMeili()) {
  if (casNumbers.length === 0) return;
  const rows = await db.select({ id: products.id }).from(products).where(inArray(products.cas, casNumbers));
  await syncProducts(db, rows.map((r) => r.id), client);
}

/**
 * The handlers of the search listener, by outbox topic. `listener` is "search" in the product; a
 * test may listen under its own name so that no other test's worker takes its rows.
 */
export function searchHandlers<L extends string = "search">(listener: L = "search" as L) {
  return listenerHandlers(listener, {
    products: (db, ids) => syncProducts(db, ids),
    enterprises: (db, ids) => syncEnterprises(db, ids),
    substances: (db, ids) => syncSubstances(db, ids),
    // an enterprise's licences changed: its products' compliance state in the index changes with them
    licences: (db, ids) => syncEnterprises(db, ids),
    // an index built by an earlier release: rebuild every index beside the live one and swap
    "search-index": async (db) => {
      const { reindex } = await import("./reindex");
      await reindex(db, systemActor);
    },
  });
}

export const SEARCH_HANDLERS = searchHandlers();

/** Outbox rows per pass when a caller drains search alone and in bulk (the CLI after an import, reindex catch-up). */
export const SEARCH_DRAIN_BATCH = 50_000;
