import { defaultMaxListeners, getMaxListeners, setMaxListeners } from "node:events";
import http from "node:http";
import https from "node:https";
import { Meilisearch, MeilisearchApiError, type Config } from "meilisearch";
import { services } from "@/server/env";

const agents = { "http:": new http.Agent({ keepAlive: true }), "https:": new https.Agent({ keepAlive: true }) };

/**
 * Sends the client's requests with node:http over kept-alive connections. Node's `fetch`, the
 * client's default, stalls about 40 ms on a third of the POST requests to Meilisearch over a
 * kept-alive connection (a search: p50 3.9 ms, p95 48 ms, against 1.0 ms and 2.0 ms through
 * node:http on the same machine and index), and every search and task poll would pay for it.
 * Bodies are JSON text; a refusal becomes the client's own MeilisearchApiError.
 */
export const sendOverHttp: NonNullable<Config["httpClient"]> = (input, init = {}) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const body = typeof init.body === "string" ? init.body : undefined;
  const headers: Record<string, string> = Object.fromEntries(new Headers(init.headers));
  if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
  const signal = init.signal;
  // a task wait shares one signal across its polls, and the client leaves a listener on it per
  // poll; fetch lifts the signal's listener limit for the same reason, so do the same
  if (signal && getMaxListeners(signal) === defaultMaxListeners) setMaxListeners(1500, signal);
  return new Promise((resolve, reject) => {
    const attempt = (again: boolean) => {
      if (signal?.aborted) return reject(signal.reason);
      const request = (url.protocol === "https:" ? https : http).request(
        url, { method: init.method ?? "GET", headers, agent: agents[url.protocol as keyof typeof agents] },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", reject);
          response.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            let parsed: unknown;
            try {
              parsed = text === "" ? undefined : JSON.parse(text);
            } catch (e) {
              return reject(e);
            }
            const status = response.statusCode ?? 500;
            if (status >= 200 && status < 300) return resolve(parsed);
            const refusal = new Response(text || null, { status, statusText: response.statusMessage });
            reject(new MeilisearchApiError(refusal, parsed as ConstructorParameters<typeof MeilisearchApiError>[1]));
          });
        },
      );
      // an abort (the client's timeout) rejects with the reason the client recognises it by
      const abort = () => {
        reject(signal!.reason);
        request.destroy();
      };
      signal?.addEventListener("abort", abort, { once: true });
      request.on("close", () => signal?.removeEventListener("abort", abort));
      request.on("error", (e: NodeJS.ErrnoException) => {
        // Meilisearch closes a kept-alive connection after a few idle seconds; a request sent as it
        // closes fails on that connection before Meilisearch reads it. Sent once more on a new
        // connection: every request we send is a search, a read or a write that may be repeated.
        if (!again && request.reusedSocket && !signal?.aborted && (e.code === "ECONNRESET" || e.code === "EPIPE")) return attempt(true);
        reject(e);
      });
      request.end(body);
    };
    attempt(false);
  });
};

/** A client of our Meilisearch: the app's, the CLI's and the benchmarks' all send the same way. */
export function meiliClient(host: string, apiKey: string | undefined, timeout = 5000): Meilisearch {
  return new Meilisearch({ host, apiKey, timeout, httpClient: sendOverHttp });
}

const cache = globalThis as unknown as { parklinkMeili?: { host: string; key: string | undefined; client: Meilisearch } };

/**
 * The process-wide Meilisearch client, from MEILI_URL / MEILI_MASTER_KEY (the launcher sets them).
 * A new client is made when they change, e.g. when the CLI has started the embedded service.
 */
export function getMeili(): Meilisearch {
  const { meiliUrl: host, meiliKey: key } = services();
  if (!host) throw new Error("MEILI_URL is not set: start through `npm start` or `npm run cli`, or set it.");
  if (cache.parklinkMeili?.host !== host || cache.parklinkMeili.key !== key) {
    cache.parklinkMeili = { host, key, client: meiliClient(host, key) };
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
  // a refusal from sendOverHttp reaches the caller wrapped in a request error
  if (e.name === "MeilisearchRequestError" && cause instanceof Error && cause.name === "MeilisearchApiError") return meiliFailure(cause);
  const response = (e as { response?: { status?: unknown } }).response;
  return {
    api: e.name === "MeilisearchApiError",
    code: typeof cause?.code === "string" ? cause.code : null,
    status: typeof response?.status === "number" ? response.status : null,
  };
}
