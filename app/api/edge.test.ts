import fs from "node:fs";
import path from "node:path";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { anonymous } from "@/server/auth/actor";
import { APP_ERROR_CODES, AppError, type AppErrorCode } from "@/server/errors";
import { publicProcedure, router } from "@/server/api/trpc";
import { guarded } from "./error-response";

const CODES = Object.keys(APP_ERROR_CODES) as AppErrorCode[];
const message = (code: string) => ({ zh: `失败：${code}`, en: `Failed: ${code}` });

/** A procedure that fails with the given code, called as the browser calls it. */
async function overTrpc(code: AppErrorCode) {
  const r = router({ fail: publicProcedure.query(() => { throw new AppError(code, message(code)); }) });
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc", req: new Request("http://localhost/api/trpc/fail"), router: r,
    createContext: async () => ({ db: getDb(), actor: anonymous }),
  });
  const body = (await res.json()) as { error: { json: { data: { code: string; messages: unknown } } } };
  return { status: res.status, code: body.error.json.data.code, messages: body.error.json.data.messages };
}

describe("one table from a service's failure to what the edge answers", () => {
  it.each(CODES)("%s answers the same HTTP status through tRPC and through a route, in both languages", async (code) => {
    const trpc = await overTrpc(code);
    expect(trpc.code).toBe(APP_ERROR_CODES[code].trpc);
    expect(trpc.status).toBe(APP_ERROR_CODES[code].http);
    expect(trpc.messages).toEqual(message(code));

    const res = await guarded("test route", async () => { throw new AppError(code, message(code)); })();
    expect(res.status).toBe(APP_ERROR_CODES[code].http);
    expect(await res.json()).toEqual({ error: message(code) });
  });

  it("a conflict and an outage are not answered as refusals", () => {
    expect(APP_ERROR_CODES.CONFLICT.http).toBe(409);
    expect(APP_ERROR_CODES.UNAVAILABLE.http).toBe(503);
  });
});

// ---- every route handler answers through the edge's helpers ----

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" ? [full] : [];
  });
}

const ROOT = path.resolve(import.meta.dirname, "..");
const ROUTES = routeFiles(ROOT).map((f) => path.relative(ROOT, f));

describe("route handlers", () => {
  it("are found", () => {
    expect(ROUTES).toContain(path.join("api", "reports", "ledger", "route.ts"));
    expect(ROUTES).toContain(path.join("api", "reports", "dashboard", "route.ts"));
  });

  it.each(ROUTES)("app/%s answers failures through the one mapping and builds no answer of its own", (file) => {
    const source = fs.readFileSync(path.join(ROOT, file), "utf8");
    // guarded / fileResponse / storedFileResponse answer through errorResponse; guardRoute wraps tRPC's and next-auth's own handlers
    expect(source).toMatch(/\b(guarded|storedFileResponse|guardRoute)\(/);
    // a route's own status numbers or hand-made headers bypass the table and the file responder
    // (next-auth's own answer to a throttled sign-in becomes 429 with Retry-After: not a service failure)
    const own = file === path.join("api", "auth", "[...nextauth]", "route.ts") ? source.replace("status: 429", "") : source;
    expect(own).not.toMatch(/status:\s*\d{3}|content-disposition|Response\.json\(/i);
  });
});
