import { Meilisearch } from "meilisearch";

const cache = globalThis as unknown as { parklinkMeili?: Meilisearch };

/** The process-wide Meilisearch client, from MEILI_URL / MEILI_MASTER_KEY (the launcher sets them). */
export function getMeili(): Meilisearch {
  if (!cache.parklinkMeili) {
    const host = process.env.MEILI_URL;
    if (!host) throw new Error("MEILI_URL is not set: start through `npm start` or `npm run cli`, or set it.");
    cache.parklinkMeili = new Meilisearch({ host, apiKey: process.env.MEILI_MASTER_KEY, timeout: 5000 });
  }
  return cache.parklinkMeili;
}
