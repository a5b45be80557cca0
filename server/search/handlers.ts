import { systemActor } from "@/server/auth/actor";
import { listenerHandlers } from "@/server/jobs/outbox";
import { reindex } from "./reindex";
import { syncEnterprises, syncProducts, syncSubstances } from "./sync";

/**
 * The handlers of the search listener, by outbox topic (server/jobs/topics.ts): this table imports
 * the sync and the rebuild, neither of which imports the other's caller. `listener` is "search" in
 * the product; a test may listen under its own name so that no other test's worker takes its rows.
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
      await reindex(db, systemActor);
    },
  });
}

export const SEARCH_HANDLERS = searchHandlers();

/**
 * Outbox rows a pass of search sync takes at most: the search lane of the web server, the CLI after
 * an import, reindex catch-up. A pass sends its documents in tasks of 50,000 as it builds them and
 * waits once, at its end, so Meilisearch is idle only between passes; and tasks that queue up
 * behind one another are indexed as one batch, which costs less than indexing them one by one. At
 * 1M products, passes of 50,000 made indexing 1.42× a raw `addDocuments` of the same documents
 * sent all at once (docs/BENCHMARKS.md).
 */
export const SEARCH_DRAIN_BATCH = 200_000;
