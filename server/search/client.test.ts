import { MeilisearchApiError } from "meilisearch";
import { describe, expect, it } from "vitest";
import { meiliFailure } from "./client";

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
