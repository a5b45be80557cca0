import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce, securityHeaders } from "@/server/http/security";
import { checkRequest, guardOptions, refusalResponse } from "@/server/http/web";
import { env } from "@/server/env";

/**
 * Every request Next.js answers, before it renders (Next.js 16's request interceptor): cross-site
 * state changes and bodies declared too large are refused (server/http/security.ts); pages get a
 * Content-Security-Policy with a nonce of their own, which Next.js reads from the request header
 * and puts on its scripts, and every response the security headers.
 */
export function proxy(request: NextRequest) {
  const options = guardOptions();
  const refusal = checkRequest(request, options);
  if (refusal) return refusalResponse(refusal, options.production);

  let response: NextResponse;
  if (request.nextUrl.pathname.startsWith("/api/")) {
    response = NextResponse.next(); // files and JSON: no policy (a PDF shown inline needs none)
  } else {
    const policy = contentSecurityPolicy(newNonce(), env.NODE_ENV === "development");
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", policy);
    response = NextResponse.next({ request: { headers } });
    response.headers.set("Content-Security-Policy", policy);
  }
  for (const [name, value] of Object.entries(securityHeaders(options.production))) response.headers.set(name, value);
  return response;
}

export const config = {
  // not the framework's static files; not tRPC either, whose route guards itself: for the proxy,
  // Next.js would first buffer a request's whole body (and cut uploads at 10 MB)
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|api/trpc).*)"],
};
