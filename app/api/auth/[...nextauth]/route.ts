import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions, buildAuthOptions } from "@/server/auth/next-auth";
import { guardRoute } from "@/server/http/web";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = NextAuth(authOptions);

/**
 * next-auth, except that a throttled sign-in (the credentials callback) is answered with 429 and
 * Retry-After; the body stays next-auth's (`{ url }` with `error=throttled:<seconds>` for the
 * sign-in page, which explains the wait).
 */
async function POST(req: NextRequest, context: Context): Promise<Response> {
  const [action, provider] = (await context.params).nextauth ?? [];
  if (action !== "callback" || provider !== "credentials") return handler(req, context);
  let retryAfter: number | null = null;
  const response: Response = await NextAuth(req, context, buildAuthOptions((result) => {
    if (!result.ok && result.reason === "throttled") retryAfter = result.retryAfterSeconds;
  }));
  if (retryAfter === null) return response;
  const headers = new Headers(response.headers);
  headers.set("Retry-After", String(retryAfter));
  return new Response(response.body, { status: 429, headers });
}

// cross-site posts and oversized bodies are refused before next-auth reads them (server/http)
const guardedGet = guardRoute(handler);
const guardedPost = guardRoute(POST);
export { guardedGet as GET, guardedPost as POST };
