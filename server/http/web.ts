import { NextRequest } from "next/server";
import { env } from "@/server/env";
import { bodyLimit, checkContentLength, checkOrigin, securityHeaders, tooLarge, type BodyLimits, type Refusal } from "./security";

/**
 * The same guard for the Web `Request` of Next.js route handlers — the path `next dev` serves, and
 * the one behind `proxy.ts`, which leaves `/api/trpc` alone (Next.js would buffer a body for the
 * proxy first, and cut uploads at its own limit).
 */
export interface WebGuardOptions {
  limits: BodyLimits;
  appUrl?: string | null;
  production: boolean;
}

/** The configured guard: limits from server/env.ts, the app's URL from NEXTAUTH_URL. */
export function guardOptions(): WebGuardOptions {
  return {
    limits: { json: env.PARKLINK_MAX_JSON_BODY, upload: env.PARKLINK_MAX_UPLOAD_BODY },
    appUrl: env.NEXTAUTH_URL,
    production: env.NODE_ENV === "production",
  };
}

export function refusalResponse(refusal: Refusal, production: boolean): Response {
  return Response.json(refusal.body, { status: refusal.status, headers: securityHeaders(production) });
}

/** The request's Origin check and Content-Length check, without reading the body. */
export function checkRequest(req: Request, options: WebGuardOptions): Refusal | null {
  return (
    checkOrigin({
      method: req.method,
      origin: req.headers.get("origin"),
      referer: req.headers.get("referer"),
      host: req.headers.get("host"),
      appUrl: options.appUrl,
    }) ?? checkContentLength(req.headers.get("content-length"), bodyLimit(new URL(req.url).pathname, options.limits))
  );
}

/** The body's bytes, read until `limit`; null as soon as it is longer. */
export async function readCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let seen = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    seen += value.byteLength;
    if (seen > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(seen);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}

/**
 * A route handler behind the guard: refused when cross-site or too large (by Content-Length, then
 * by counting), otherwise called with the request rebuilt around the body read so far; its answer
 * carries the security headers.
 */
export function guardRoute<C>(
  handler: (req: NextRequest, context: C) => Response | Promise<Response>,
  options: () => WebGuardOptions = guardOptions,
) {
  return async (req: NextRequest, context: C): Promise<Response> => {
    const o = options();
    const refusal = checkRequest(req, o);
    if (refusal) return refusalResponse(refusal, o.production);
    let request = req;
    if (req.method !== "GET" && req.method !== "HEAD" && req.body) {
      const limit = bodyLimit(new URL(req.url).pathname, o.limits);
      const body = await readCapped(req.body, limit);
      if (body === null) return refusalResponse(tooLarge(limit), o.production);
      request = new NextRequest(req.url, { method: req.method, headers: req.headers, body: body as BodyInit });
    }
    const response = await handler(request, context);
    for (const [name, value] of Object.entries(securityHeaders(o.production))) {
      if (!response.headers.has(name)) {
        try {
          response.headers.set(name, value);
        } catch {
          return response; // a response with immutable headers (a redirect) keeps its own
        }
      }
    }
    return response;
  };
}
