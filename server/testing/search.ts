import { getMeili } from "@/server/search/client";
import { INDEX_SETTINGS, ensureIndex, type IndexName } from "@/server/search/indexes";

/**
 * Search in tests. Each test file gives its index uids a prefix of its own, set before the modules
 * load:
 *
 *   vi.hoisted(() => { process.env.MEILI_INDEX_PREFIX = `t${Math.random().toString(36).slice(2, 10)}_`; });
 *
 * so files running side by side never see each other's documents; `dropTestIndexes` removes them.
 */

export async function prepareTestIndexes() {
  for (const name of Object.keys(INDEX_SETTINGS) as IndexName[]) await ensureIndex(getMeili(), name);
}

export async function dropTestIndexes() {
  const prefix = process.env.MEILI_INDEX_PREFIX;
  if (!prefix) return;
  const client = getMeili();
  const { results } = await client.getIndexes({ limit: 1000 });
  for (const index of results.filter((i) => i.uid.startsWith(prefix))) await client.deleteIndex(index.uid).waitTask();
}
