import { describe, expect, it, vi } from "vitest";
import { TRPCError } from "@trpc/server";
import { AppError, forbidden } from "@/server/errors";
import { GENERIC_ERROR } from "@/server/public-error";
import { GET as templateRoute } from "./templates/[kind]/route";
import { contentDisposition, fileResponse, storedFileResponse } from "./file-response";

/** The name a browser saves a file as: RFC 5987's `filename*` when there is one (RFC 6266 §4.3). */
function savedName(header: string | null): string {
  const star = /filename\*=UTF-8''([^;]+)/.exec(header ?? "");
  if (star) return decodeURIComponent(star[1]!);
  return /filename="([^"]*)"/.exec(header ?? "")![1]!;
}

describe("the file responder", () => {
  it.each(["流向台账-化工园区-2024-01-01.xlsx", "报告 (终稿)*'v2'.pdf", "100% 安全.csv", "plain.csv"])("%s comes back as the same name, with an ASCII fallback", (name) => {
    const header = contentDisposition(name);
    expect(savedName(header)).toBe(name);
    // RFC 5987 attr-char: nothing but letters, digits, !#$&+-.^_`|~ and %XX after UTF-8''
    expect(header).toMatch(/filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    const fallback = /filename="([^"]*)"/.exec(header)![1]!;
    expect(fallback).toMatch(/^[\x20-\x7e]+$/);
    expect(fallback).not.toMatch(/["\\%]/);
    expect(fallback.endsWith(name.slice(name.lastIndexOf(".")))).toBe(true);
  });

  it("sends a private export with its type, its length, no caching and no sniffing", async () => {
    const res = fileResponse({ filename: "看板.xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content: Buffer.from("PK\x03\x04").toString("base64") });
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-length")).toBe("4");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; /);
    expect(savedName(res.headers.get("content-disposition"))).toBe("看板.xlsx");
  });

  it("serves an import template as a cacheable CSV attachment through the same responder", async () => {
    const res = await templateRoute(new Request("http://localhost/api/templates/catalogue"), { params: Promise.resolve({ kind: "catalogue" }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="[^"]+\.csv"; filename\*=UTF-8''/);
    expect(Number(res.headers.get("content-length"))).toBe((await res.arrayBuffer()).byteLength);
  });

  it("answers an unknown template with 404 in both languages", async () => {
    const res = await templateRoute(new Request("http://localhost/api/templates/nope"), { params: Promise.resolve({ kind: "nope" }) });
    expect(res.status).toBe(404);
    const { error } = await res.json();
    expect(error.zh).toBeTruthy();
    expect(error.en).toBeTruthy();
  });
});


describe("file downloads", () => {
  it("sends the bytes with their type and name, never cached", async () => {
    const res = await storedFileResponse("7", async (id) => ({ filename: `报告-${id}.pdf`, contentType: "application/pdf", content: Buffer.from("%PDF-1.7").toString("base64") }), { disposition: "inline" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`inline; filename="__-7.pdf"; filename*=UTF-8''${encodeURIComponent("报告-7.pdf")}`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(await res.text()).toBe("%PDF-1.7");
  });

  it.each(["abc", "0", "-1", "1.5", "2147483648", "99999999999999999999"])("refuses the id %s with 404 without loading anything", async (raw) => {
    let loaded = false;
    const res = await storedFileResponse(raw, async () => { loaded = true; throw new Error("not reached"); });
    expect(res.status).toBe(404);
    expect(loaded).toBe(false);
  });

  it("answers a crash while loading with 500 and the generic message, never the error's text", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await storedFileResponse("2147483647", async () => { throw new Error('value "x" is out of range for type integer'); });
    expect(res.status).toBe(500);
    expect((await res.json()).error).toEqual(GENERIC_ERROR);
    log.mockRestore();
  });

  it("turns a refusal from a service or a procedure into its status and bilingual message", async () => {
    const direct = await storedFileResponse("1", async () => { throw forbidden(); });
    expect(direct.status).toBe(403);
    expect((await direct.json()).error.zh).toContain("没有权限");
    const viaRouter = await storedFileResponse("1", async () => {
      throw new TRPCError({ code: "NOT_FOUND", cause: new AppError("NOT_FOUND", { zh: "未找到附件", en: "Attachment not found" }) });
    });
    expect(viaRouter.status).toBe(404);
    expect((await viaRouter.json()).error.en).toBe("Attachment not found");
  });
});
