import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { guardNodeRequest } from "./node";
import { guardRoute, readCapped } from "./web";

const limits = { json: 64 * 1024, upload: 256 * 1024 };

/**
 * A node:http server guarded as scripts/serve.ts guards the app; behind the guard it reads the whole
 * body, as tRPC does, and says how many bytes it got.
 */
let server: http.Server;
let port = 0;
let largestBodyRead = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (!guardNodeRequest(req, res, { limits, appUrl: "http://app.test", production: true })) return;
    let got = 0;
    req.on("data", (c: Buffer) => (got += c.length));
    req.on("end", () => {
      largestBodyRead = Math.max(largestBodyRead, got);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ got }));
    });
    req.on("error", () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** Sends a request by hand; a body given as chunks goes without Content-Length (chunked). */
function send(options: { path: string; method?: string; headers?: Record<string, string>; chunks?: Buffer[]; length?: number }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: options.path, method: options.method ?? "POST", headers: options.headers });
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    if (options.length !== undefined) req.setHeader("content-length", String(options.length));
    const chunks = options.chunks ?? [];
    let i = 0;
    const next = () => {
      if (req.destroyed) return;
      if (i >= chunks.length) return void req.end();
      req.write(chunks[i++], () => setImmediate(next));
    };
    next();
  });
}

const kb = (n: number) => Buffer.alloc(n * 1024, 0x61);

describe("the production server's guard (node:http)", () => {
  it("puts the security headers, HSTS included, on every answer", async () => {
    const res = await send({ path: "/anything", method: "GET" });
    expect(res.status).toBe(200);
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(res.headers["strict-transport-security"]).toMatch(/max-age=/);
  });

  it("refuses a declared oversized body with 413 before reading it", async () => {
    const res = await send({ path: "/api/trpc/notification.markRead", headers: { "content-length": String(300 * 1024 * 1024) } });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error).toMatchObject({ zh: expect.stringContaining("过大"), en: expect.stringContaining("too large") });
  });

  it("counts a chunked body as it arrives and stops it at the limit", async () => {
    const res = await send({ path: "/api/trpc/notification.markRead", chunks: Array.from({ length: 40 }, () => kb(16)) });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.en).toContain("too large");
    expect(largestBodyRead).toBeLessThanOrEqual(limits.json);
  });

  it("lets a chunked body under the limit through whole, and uploads up to their own limit", async () => {
    const small = await send({ path: "/api/trpc/notification.markRead", chunks: [kb(20), kb(20)] });
    expect(small.status).toBe(200);
    expect(JSON.parse(small.body).got).toBe(40 * 1024);
    const upload = await send({ path: "/api/trpc/catalogue.import", chunks: Array.from({ length: 10 }, () => kb(20)) });
    expect(upload.status).toBe(200);
    expect(JSON.parse(upload.body).got).toBe(200 * 1024);
    const tooBig = await send({ path: "/api/trpc/catalogue.import", chunks: Array.from({ length: 20 }, () => kb(20)) });
    expect(tooBig.status).toBe(413);
  });

  it("refuses a cross-site state change with 403, and lets the app's own origin and header-less calls through", async () => {
    const evil = await send({ path: "/api/trpc/notification.markRead", headers: { origin: "https://evil.example", "content-type": "application/json" }, chunks: [Buffer.from("{}")] });
    expect(evil.status).toBe(403);
    expect(JSON.parse(evil.body).error).toMatchObject({ zh: expect.any(String), en: expect.stringContaining("another site") });
    const own = await send({ path: "/api/trpc/notification.markRead", headers: { origin: "http://app.test" }, chunks: [Buffer.from("{}")] });
    expect(own.status).toBe(200);
    const cli = await send({ path: "/api/trpc/notification.markRead", chunks: [Buffer.from("{}")] });
    expect(cli.status).toBe(200);
  });
});

describe("the route handlers' guard (next dev)", () => {
  const options = () => ({ limits, appUrl: "http://app.test", production: false });
  const echo = guardRoute(async (req: NextRequest) => Response.json({ got: (await req.arrayBuffer()).byteLength }), options);
  const streamOf = (chunks: Buffer[]) =>
    new ReadableStream<Uint8Array>({
      start(c) {
        for (const chunk of chunks) c.enqueue(new Uint8Array(chunk));
        c.close();
      },
    });
  const request = (path: string, init: { headers?: Record<string, string>; chunks?: Buffer[] }) =>
    new NextRequest(`http://app.test${path}`, {
      method: "POST", headers: init.headers, body: streamOf(init.chunks ?? []), duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1]);

  it("reads a body only up to its limit", async () => {
    expect(await readCapped(streamOf([kb(1), kb(1)]), 2048)).toHaveLength(2048);
    expect(await readCapped(streamOf([kb(1), kb(1), Buffer.from("x")]), 2048)).toBeNull();
  });

  it("refuses an oversized body (declared or streamed) with 413 and passes the rest on whole", async () => {
    const declared = await echo(request("/api/trpc/notification.markRead", { headers: { "content-length": String(limits.json + 1) } }), {});
    expect(declared.status).toBe(413);
    const streamed = await echo(request("/api/trpc/notification.markRead", { chunks: Array.from({ length: 5 }, () => kb(16)) }), {});
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).error.zh).toContain("过大");
    const upload = await echo(request("/api/trpc/licence.add", { chunks: Array.from({ length: 5 }, () => kb(16)) }), {});
    expect(upload.status).toBe(200);
    expect(await upload.json()).toEqual({ got: 80 * 1024 });
    expect(upload.headers.get("x-frame-options")).toBe("DENY");
  });

  it("refuses a cross-site post with 403", async () => {
    const res = await echo(request("/api/auth/signout", { headers: { origin: "https://evil.example" } }), {});
    expect(res.status).toBe(403);
    const own = await echo(request("/api/auth/signout", { headers: { origin: "http://app.test" } }), {});
    expect(own.status).toBe(200);
  });
});
