import { describe, expect, it } from "vitest";
import {
  bodyLimit, checkContentLength, checkOrigin, contentSecurityPolicy, newNonce, securityHeaders, trpcProcedures,
} from "./security";

const limits = { json: 1024 * 1024, upload: 28 * 1024 * 1024 };

describe("security headers", () => {
  it("forbid framing and sniffing, trim the referrer, and ask for HTTPS in production only", () => {
    const prod = securityHeaders(true);
    expect(prod).toMatchObject({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
    expect(prod["Strict-Transport-Security"]).toMatch(/^max-age=\d{7,}/);
    expect(securityHeaders(false)).not.toHaveProperty("Strict-Transport-Security");
  });
});

describe("content security policy", () => {
  const directives = (policy: string) =>
    new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

  it("lets scripts run only with the response's nonce, and unsafe-eval only under next dev", () => {
    const prod = directives(contentSecurityPolicy("abc123", false));
    const scripts = prod.get("script-src")!;
    expect(scripts).toContain("'nonce-abc123'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    // Chromium would run any script element created at run time, injected inline ones too
    expect(scripts).not.toContain("'strict-dynamic'");
    expect(directives(contentSecurityPolicy("abc123", true)).get("script-src")).toContain("'unsafe-eval'");
  });

  it("closes framing, plugins, base and form targets", () => {
    const d = directives(contentSecurityPolicy("n", false));
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("default-src")).toEqual(["'self'"]);
  });

  it("gets a fresh, unguessable nonce every time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});

describe("origin check", () => {
  const base = { method: "POST", origin: null, referer: null, host: "parklink.example.cn", appUrl: "https://parklink.example.cn" };

  it("refuses a state change from another site with a bilingual 403", () => {
    const refusal = checkOrigin({ ...base, origin: "https://evil.example" });
    expect(refusal?.status).toBe(403);
    expect(refusal?.body.error.zh).toMatch(/拒绝/);
    expect(refusal?.body.error.en).toMatch(/refused/);
    for (const method of ["PUT", "PATCH", "DELETE", "post"]) expect(checkOrigin({ ...base, method, origin: "https://evil.example" })?.status).toBe(403);
  });

  it("falls back on the Referer when there is no Origin", () => {
    expect(checkOrigin({ ...base, referer: "https://evil.example/page?x=1" })?.status).toBe(403);
    expect(checkOrigin({ ...base, referer: "https://parklink.example.cn/park/dashboard" })).toBeNull();
  });

  it("refuses the opaque origin and what is no URL at all", () => {
    expect(checkOrigin({ ...base, origin: "null" })?.status).toBe(403);
    expect(checkOrigin({ ...base, referer: "not a url" })?.status).toBe(403);
    expect(checkOrigin({ ...base, origin: "javascript:alert(1)" })?.status).toBe(403);
  });

  it("lets the app's own origin through: NEXTAUTH_URL's, or the host the request was sent to", () => {
    expect(checkOrigin({ ...base, origin: "https://parklink.example.cn" })).toBeNull();
    // behind a TLS proxy the app may see http while the browser says https
    expect(checkOrigin({ ...base, appUrl: undefined, origin: "https://parklink.example.cn", host: "parklink.example.cn" })).toBeNull();
    expect(checkOrigin({ ...base, appUrl: "http://localhost:3000", origin: "http://localhost:3201", host: "localhost:3201" })).toBeNull();
    // a look-alike host or another port is another origin
    expect(checkOrigin({ ...base, origin: "https://parklink.example.cn.evil.example" })?.status).toBe(403);
    expect(checkOrigin({ ...base, origin: "https://parklink.example.cn:8443" })?.status).toBe(403);
  });

  it("lets through requests without either header (CLI, curl, server to server) and reads", () => {
    expect(checkOrigin(base)).toBeNull();
    expect(checkOrigin({ ...base, method: "GET", origin: "https://evil.example" })).toBeNull();
    expect(checkOrigin({ ...base, method: "HEAD", origin: "https://evil.example" })).toBeNull();
  });
});

describe("body limits", () => {
  it("names the procedures of a tRPC path, batches included", () => {
    expect(trpcProcedures("/api/trpc/notification.markRead")).toEqual(["notification.markRead"]);
    expect(trpcProcedures("/api/trpc/user.me,catalogue.import")).toEqual(["user.me", "catalogue.import"]);
    expect(trpcProcedures("/api/trpc/user.me%2Ccatalogue.import")).toEqual(["user.me", "catalogue.import"]);
    expect(trpcProcedures("/api/auth/callback/credentials")).toEqual([]);
  });

  it("gives calls carrying a file the upload limit, everything else the JSON limit", () => {
    expect(bodyLimit("/api/trpc/catalogue.import", limits)).toBe(limits.upload);
    expect(bodyLimit("/api/trpc/notification.markRead,licence.add", limits)).toBe(limits.upload);
    expect(bodyLimit("/api/trpc/notification.markRead", limits)).toBe(limits.json);
    expect(bodyLimit("/api/auth/callback/credentials", limits)).toBe(limits.json);
    expect(bodyLimit("/park/dashboard", limits)).toBe(limits.json);
  });

  it("refuses a declared length over the limit with a bilingual 413, before reading", () => {
    const refusal = checkContentLength(String(limits.json + 1), limits.json);
    expect(refusal?.status).toBe(413);
    expect(refusal?.body.error.zh).toContain("1 MB");
    expect(refusal?.body.error.en).toContain("1 MB");
    expect(checkContentLength(String(300 * 1024 * 1024), limits.upload)?.status).toBe(413);
    expect(checkContentLength(String(limits.json), limits.json)).toBeNull();
    expect(checkContentLength("0", limits.json)).toBeNull();
    // no length: a chunked body, counted as it arrives
    expect(checkContentLength(undefined, limits.json)).toBeNull();
    expect(checkContentLength("-5", limits.json)?.status).toBe(413);
  });
});
