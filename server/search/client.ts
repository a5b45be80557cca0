import { Meilisearch } from "meilisearch";

const cache = globalThis as unknown as { parklinkMeili?: { host: string; key: string | undefined; client: Meilisearch } };

/**
 * The process-wide Meilisearch client, from MEILI_URL / MEILI_MASTER_KEY (the launcher sets them).
 * A new client is made when they change, e.g. when the CLI has started the embedded service.
 */
export function getMeili(): Meilisearch {
  const host = process.env.MEILI_URL;
  if (!host) throw new Error("MEILI_URL is not set: start through `npm start` or `npm run cli`, or set it.");
  const key = process.env.MEILI_MASTER_KEY;
  if (cache.parklinkMeili?.host !== host || cache.parklinkMeili.key !== key) {
    cache.parklinkMeili = { host, key, client: new Meilisearch({ host, apiKey: key, timeout: 5000 }) };
  }
  return cache.parklinkMeili.client;
}

/**
 * Meilisearch's failures, recognised by name rather than by class: the web server bundles its
 * routes and its background worker separately, and they share one client (above), so an error
 * may come from the other bundle's copy of the class.
 */
export function meiliFailure(e: unknown): { api: boolean; code: string | null; status: number | null } | null {
  if (!(e instanceof Error) || !e.name.startsWith("Meilisearch")) return null;
  const cause = (e as { cause?: { code?: unknown } }).cause;
  const response = (e as { response?: { status?: unknown } }).response;
  return {
    api: e.name === "MeilisearchApiError",
    code: typeof cause?.code === "string" ? cause.code : null,
    status: typeof response?.status === "number" ? response.status : null,
  };
}
