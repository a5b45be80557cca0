import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "@/db";
import { actorFromCookies } from "@/server/auth/session";
import type { Actor } from "@/server/auth/actor";
import { publicError } from "@/server/public-error";
import { searchInputFromUrl, searchProductsInput } from "./search.schemas";
import { searchWithHelp } from "./suggest";

export interface SearchAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/**
 * The search API, `GET /api/search?q=…`, whoever serves it (the Next.js route, or the production
 * server's fast path in scripts/serve.ts): the search page's own address parameters and
 * `pageSize` in, the page's ranked hits, facets and counts out as JSON, or `{ error: { zh, en } }`
 * with its status. Server-Timing says how long the search took inside the server and
 * Meilisearch's share, for the browser's network panel and the benchmark.
 */
export async function answerSearch(db: Db, actor: () => Promise<Actor>, params: URLSearchParams): Promise<SearchAnswer> {
  const headers = { "content-type": "application/json", "cache-control": "private, no-store" };
  const parsed = searchProductsInput.safeParse(searchInputFromUrl(params));
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "q")))].join(", ");
    return { status: 400, headers, body: { error: { zh: `搜索参数无效：${fields}`, en: `Invalid search parameters: ${fields}` }, details: { fields } } };
  }
  const start = performance.now();
  try {
    const result = await searchWithHelp(db, await actor(), parsed.data);
    const timing = `search;dur=${(performance.now() - start).toFixed(1)}, meili;dur=${result.processingTimeMs}`;
    return { status: 200, headers: { ...headers, "server-timing": timing }, body: result };
  } catch (e) {
    // a service's refusal with its status; anything else 500, its text only in the server's log
    const { status, messages } = publicError(e, "search API");
    return { status, headers, body: { error: messages } };
  }
}

/**
 * `GET /api/search` on a node:http server (the production server's fast path, scripts/serve.ts,
 * and bench/scale.ts's server without the Next.js build): the viewer from the session cookie.
 */
export function serveSearch(db: Db, req: IncomingMessage, res: ServerResponse, url: URL) {
  answerSearch(db, () => actorFromCookies(db, req.headers.cookie), url.searchParams).then(
    (answer) => {
      res.writeHead(answer.status, answer.headers);
      res.end(JSON.stringify(answer.body));
    },
    (e: Error) => {
      console.error(`[search] ${e.stack ?? e.message}`);
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { zh: "搜索出错，请稍后再试。", en: "Search failed; please try again." } }));
    },
  );
}
