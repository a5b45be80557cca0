import { afterEach, describe, expect, it, vi } from "vitest";
import { GENERIC_ERROR, publicError } from "./public-error";

afterEach(() => vi.restoreAllMocks());

describe("an unplanned failure", () => {
  it("answers 500 with the generic message and logs the error with what caused it", () => {
    const logged: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void logged.push(line));
    const socket = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    const failure = new Error("Request to http://127.0.0.1:7700/multi-search has failed", { cause: socket });
    failure.name = "MeilisearchRequestError";

    expect(publicError(failure, "search API")).toEqual({ status: 500, messages: GENERIC_ERROR });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain("[parklink] search API: MeilisearchRequestError: Request to http://127.0.0.1:7700/multi-search has failed");
    expect(logged[0]).toContain("caused by: Error ECONNRESET: socket hang up");
  });
});
