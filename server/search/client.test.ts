import http from "node:http";
import type { AddressInfo } from "node:net";
import { MeilisearchApiError } from "meilisearch";
import { describe, expect, it } from "vitest";
import { getMeili, meiliClient, meiliFailure } from "./client";

describe("Meilisearch failures", () => {
  it("are recognised whichever copy of the client library threw them", () => {
    // the web server's background worker and its routes are bundled apart: same name, other class
    class ForeignApiError extends Error {
      cause = { code: "index_not_found" };
      response = { status: 404 };
      constructor() {
        super("Index `products` not found.");
        this.name = "MeilisearchApiError";
      }
    }
    expect(meiliFailure(new ForeignApiError())).toEqual({ api: true, code: "index_not_found", status: 404 });
    const own = new MeilisearchApiError(new Response(null, { status: 400 }), { message: "bad filter", code: "invalid_search_filter", type: "invalid_request", link: "" });
    expect(meiliFailure(own)).toMatchObject({ api: true, code: "invalid_search_filter", status: 400 });
    expect(meiliFailure(new Error("database down"))).toBeNull();
  });
});

describe("the client's transport", () => {
  it("answers, refuses with Meilisearch's own error, times out and fails over a closed port the way the client does", async () => {
    const meili = getMeili();
    expect((await meili.health()).status).toBe("available");
    const missing = `missing_${Math.random().toString(36).slice(2, 10)}`;
    const refusal = await meili.index(missing).search("x").catch((e: unknown) => e);
    expect(meiliFailure(refusal)).toEqual({ api: true, code: "index_not_found", status: 404 });

    // a server that never answers: the client's timeout ends the request
    const silent = http.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    const timedOut = await meiliClient(`http://127.0.0.1:${port}`, undefined, 200).health().catch((e: unknown) => e);
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
    expect((timedOut as Error).name).toBe("MeilisearchRequestError");
    expect(((timedOut as Error).cause as Error).name).toBe("MeilisearchRequestTimeOutError");

    // nothing listening: a request failure, which search reports as "unavailable"
    const refused = await meiliClient(`http://127.0.0.1:${port}`, undefined).health().catch((e: unknown) => e);
    expect(meiliFailure(refused)).toMatchObject({ api: false, code: "ECONNREFUSED" });
  });
});
