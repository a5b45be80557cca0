/**
 * The web server's own protections, as pure decisions: the security headers of every response, the
 * Content-Security-Policy of pages, which requests may change state (the Origin check), and how
 * large a request body may be. No I/O here: `proxy.ts` (Next.js), `scripts/serve.ts` (the
 * production server) and the route handlers apply these decisions through the small adapters in
 * `server/http/node.ts` and `server/http/web.ts`.
 */

/** The refusals, in the shape of every other error answer: `{ error: { zh, en } }`. */
export interface Refusal {
  status: 403 | 413;
  body: { error: { zh: string; en: string } };
}

/** Headers on every response, pages and API alike. HSTS only in production (behind HTTPS). */
export function securityHeaders(production: boolean): Record<string, string> {
  return {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    ...(production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** A fresh nonce for one response's scripts: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The pages' Content-Security-Policy. Inline scripts run only with this response's nonce (Next.js
 * puts it on its own), script files only from the app itself; no inline script or event handler
 * without the nonce. No 'strict-dynamic': Chromium lets it trust any script element created at run
 * time, an injected inline one included. Styles allow inline: ECharts' SVG and tooltips are styled
 * by attributes. `next dev` evaluates its modules, hence 'unsafe-eval' there only.
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** `scheme://host[:port]` of a URL, or null when it is not one. */
function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.origin : null;
  } catch {
    return null;
  }
}

export interface OriginInput {
  method: string;
  /** the request's `Origin` header */
  origin: string | null | undefined;
  /** the request's `Referer` header, consulted when Origin is absent */
  referer: string | null | undefined;
  /** the request's `Host` header */
  host: string | null | undefined;
  /** the app's public URL (NEXTAUTH_URL), when configured */
  appUrl: string | null | undefined;
}

/**
 * Cross-site state changes are refused: a POST/PUT/PATCH/DELETE whose Origin (or, without one, its
 * Referer) names another origin than the app's — NEXTAUTH_URL's origin, or the host the request was
 * sent to. A request with neither header (the CLI, curl, server to server) is no browser acting for
 * a signed-in user on another site's behalf, and passes. Returns the refusal, or null.
 */
export function checkOrigin(input: OriginInput): Refusal | null {
  if (!STATE_CHANGING.has(input.method.toUpperCase())) return null;
  const claimed = input.origin ?? input.referer;
  if (claimed === null || claimed === undefined || claimed === "") return null;
  const from = originOf(claimed); // "null" (sandboxed frames, file:) is no origin of ours either
  if (from !== null) {
    const app = input.appUrl ? originOf(input.appUrl) : null;
    if (from === app) return null;
    // the Host header names this server as the browser reached it (the scheme may have been
    // ended by a TLS proxy in front of it, so the host alone decides)
    if (input.host && new URL(from).host === input.host.toLowerCase()) return null;
  }
  return {
    status: 403,
    body: {
      error: {
        zh: "请求来自其他网站，已拒绝。请在本平台页面内操作。",
        en: "The request came from another site and was refused. Please use the platform's own pages.",
      },
    },
  };
}

export interface BodyLimits {
  /** every request body but uploads (PARKLINK_MAX_JSON_BODY) */
  json: number;
  /** tRPC calls that carry a file as base64 (PARKLINK_MAX_UPLOAD_BODY) */
  upload: number;
}

/**
 * The tRPC procedures that carry a file (base64 in the JSON): documents, attachments, licence
 * scans (an applicant's business licence too) and the imports. `server/http/security.router.test.ts` checks this list against the router.
 */
export const UPLOAD_PROCEDURES: ReadonlySet<string> = new Set([
  "agreement.import",
  "agreement.upload",
  "application.submit",
  "catalogue.import",
  "catalogue.uploadDocument",
  "enterprise.import",
  "inquiry.post",
  "licence.add",
  "licence.update",
]);

/** The tRPC procedures a request path names: `/api/trpc/a.b,c.d` (a batch) → `["a.b", "c.d"]`. */
export function trpcProcedures(pathname: string): string[] {
  const prefix = "/api/trpc/";
  if (!pathname.startsWith(prefix)) return [];
  let rest = pathname.slice(prefix.length);
  try {
    rest = decodeURIComponent(rest);
  } catch {
    return [];
  }
  return rest.split(",").filter(Boolean);
}

/** The largest body a request to `pathname` may carry: the upload limit for calls carrying a file. */
export function bodyLimit(pathname: string, limits: BodyLimits): number {
  return trpcProcedures(pathname).some((p) => UPLOAD_PROCEDURES.has(p)) ? limits.upload : limits.json;
}

const megabytes = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** The refusal of a body larger than `limit`. */
export function tooLarge(limit: number): Refusal {
  return {
    status: 413,
    body: {
      error: {
        zh: `请求内容过大（上限 ${megabytes(limit)}），已拒绝。`,
        en: `The request is too large (the limit is ${megabytes(limit)}) and was refused.`,
      },
    },
  };
}

/**
 * The verdict on a declared Content-Length, before any byte is read: the refusal when it exceeds
 * `limit` (or is no length at all), null when the body may be read — counting, for a chunked body
 * without a length.
 */
export function checkContentLength(header: string | null | undefined, limit: number): Refusal | null {
  if (header === null || header === undefined || header === "") return null;
  if (!/^\d+$/.test(header.trim())) return tooLarge(limit);
  return Number(header.trim()) > limit ? tooLarge(limit) : null;
}
