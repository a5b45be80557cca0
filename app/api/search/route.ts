import { getDb } from "@/db";
import { getRequestActor } from "@/server/auth/next-auth";
import { AppError } from "@/server/errors";
import { searchProducts } from "@/server/search/query";
import { searchInputFromUrl, searchProductsInput } from "@/server/search/search.schemas";
import { errorResponse } from "../error-response";

export const dynamic = "force-dynamic";

/**
 * The search API: `GET /api/search?q=…` with the search page's own parameters (and `pageSize`),
 * answering the page's ranked hits, facets and counts as JSON for whoever is signed in (or a
 * visitor). The search page calls it as you type; it is a plain route rather than a tRPC
 * procedure because search is the hottest path and this way costs a millisecond less a request.
 */
export async function GET(request: Request) {
  const parsed = searchProductsInput.safeParse(searchInputFromUrl(new URL(request.url).searchParams));
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "q")))].join(", ");
    return errorResponse(new AppError("INVALID", { zh: `搜索参数无效：${fields}`, en: `Invalid search parameters: ${fields}` }), { fields });
  }
  try {
    const start = performance.now();
    const result = await searchProducts(getDb(), await getRequestActor(), parsed.data);
    // how long the search took inside the server, and Meilisearch's share: for the browser's
    // network panel and the benchmark
    const timing = `search;dur=${(performance.now() - start).toFixed(1)}, meili;dur=${result.processingTimeMs}`;
    return Response.json(result, { headers: { "cache-control": "private, no-store", "server-timing": timing } });
  } catch (e) {
    return errorResponse(e);
  }
}
