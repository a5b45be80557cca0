import type { IncomingMessage, ServerResponse } from "node:http";
import { bodyLimit, checkContentLength, checkOrigin, securityHeaders, tooLarge, type BodyLimits, type Refusal } from "./security";

/**
 * The production server's guard (scripts/serve.ts), ahead of Next.js and of the search API: the
 * security headers on every response, the Origin check, and the body limit — by Content-Length
 * before a byte is read, and by counting the bytes of a body without one as they arrive.
 */
export interface NodeGuardOptions {
  limits: BodyLimits;
  /** the app's public URL (NEXTAUTH_URL) */
  appUrl?: string | null;
  production: boolean;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Answers with the refusal and closes the connection, so that the rest of the body is not read. */
function refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal) {
  if (res.headersSent) {
    req.socket.destroy();
    return;
  }
  res.writeHead(refusal.status, { "content-type": "application/json; charset=utf-8", connection: "close" });
  res.end(JSON.stringify(refusal.body), () => req.socket.destroy());
}

/**
 * Counts the body's bytes as the HTTP parser hands them to the request stream, whoever reads it
 * later (Next.js, tRPC); past `limit` the bytes are dropped, the request is answered with 413 and
 * the connection closed.
 */
function capBody(req: IncomingMessage, res: ServerResponse, limit: number) {
  let seen = 0;
  let over = false;
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (over) return false;
    if (chunk !== null && chunk !== undefined) {
      seen += typeof chunk === "string" ? Buffer.byteLength(chunk) : (chunk as Uint8Array).byteLength;
      if (seen > limit) {
        over = true;
        refuse(req, res, tooLarge(limit));
        return false;
      }
    }
    return push(chunk, encoding);
  };
}

/** Applies the guard; false when the request has been refused (and answered). */
export function guardNodeRequest(req: IncomingMessage, res: ServerResponse, options: NodeGuardOptions): boolean {
  for (const [name, value] of Object.entries(securityHeaders(options.production))) res.setHeader(name, value);
  const crossSite = checkOrigin({
    method: req.method ?? "GET",
    origin: first(req.headers.origin),
    referer: first(req.headers.referer),
    host: req.headers.host,
    appUrl: options.appUrl,
  });
  if (crossSite) {
    refuse(req, res, crossSite);
    return false;
  }
  const limit = bodyLimit(new URL(req.url ?? "/", "http://localhost").pathname, options.limits);
  const declared = checkContentLength(req.headers["content-length"], limit);
  if (declared) {
    refuse(req, res, declared);
    return false;
  }
  capBody(req, res, limit);
  return true;
}
