import { getDb } from "@/db";
import { guarded } from "@/app/api/error-response";
import { actorFromCookies } from "@/server/auth/session";
import { answerSearch } from "@/server/search/api";

export const dynamic = "force-dynamic";

/**
 * The search API (server/search/api.ts). In production scripts/serve.ts answers it before Next.js
 * sees the request, which spares search the framework's per-request cost; this route serves it
 * under `next dev` and wherever the app runs without that server.
 */
export const GET = guarded("search", async (request: Request) => {
  const db = getDb();
  const answer = await answerSearch(db, () => actorFromCookies(db, request.headers.get("cookie")), new URL(request.url).searchParams);
  return new Response(JSON.stringify(answer.body), { status: answer.status, headers: answer.headers });
});
