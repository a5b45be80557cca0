import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { AppError, forbidden } from "@/server/errors";
import { fileResponse } from "./file-response";

describe("file downloads", () => {
  it("sends the bytes with their type and name, never cached", async () => {
    const res = await fileResponse("7", async (id) => ({ filename: `报告-${id}.pdf`, contentType: "application/pdf", content: Buffer.from("%PDF-1.7").toString("base64") }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`inline; filename*=UTF-8''${encodeURIComponent("报告-7.pdf")}`);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(await res.text()).toBe("%PDF-1.7");
  });

  it("refuses a bad id without loading anything", async () => {
    let loaded = false;
    const res = await fileResponse("abc", async () => { loaded = true; throw new Error("not reached"); });
    expect(res.status).toBe(404);
    expect(loaded).toBe(false);
  });

  it("turns a refusal from a service or a procedure into its status and bilingual message", async () => {
    const direct = await fileResponse("1", async () => { throw forbidden(); });
    expect(direct.status).toBe(403);
    expect((await direct.json()).error.zh).toContain("没有权限");
    const viaRouter = await fileResponse("1", async () => {
      throw new TRPCError({ code: "NOT_FOUND", cause: new AppError("NOT_FOUND", { zh: "未找到附件", en: "Attachment not found" }) });
    });
    expect(viaRouter.status).toBe(404);
    expect((await viaRouter.json()).error.en).toBe("Attachment not found");
  });
});
