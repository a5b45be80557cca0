import { MeilisearchRequestError, MeilisearchTaskTimeOutError } from "meilisearch";
import { describe, expect, it } from "vitest";
import { finished, settled } from "./indexes";

/**
 * Waiting for a Meilisearch task: a task still queued when the quick wait ends is waited for, not
 * given up on (sending it again would only lengthen Meilisearch's queue); a failed request or a
 * failed task still throws, so the outbox retries.
 */

type Options = { timeout?: number; interval?: number } | undefined;

/** A task as Meilisearch's client hands it over: still queued for the first `queuedFor` waits, then `outcome`. */
function task(queuedFor: number, outcome: { status: string; error?: { message: string } | null } | Error) {
  const waits: Options[] = [];
  return {
    waits,
    async waitTask(options?: Options) {
      waits.push(options);
      if (waits.length <= queuedFor) throw new MeilisearchTaskTimeOutError(7, options?.timeout ?? 0);
      if (outcome instanceof Error) throw outcome;
      return outcome;
    },
  };
}

describe("waiting for a Meilisearch task", () => {
  it("a task that ends at once is waited for once, briefly", async () => {
    const t = task(0, { status: "succeeded" });
    await expect(finished(t)).resolves.toEqual({ status: "succeeded" });
    expect(t.waits).toHaveLength(1);
    expect(t.waits[0]!.timeout).toBeGreaterThan(0);
  });

  it("a task still queued after the quick wait is waited for without a time limit, and counts as done", async () => {
    const t = task(1, { status: "succeeded" });
    await expect(settled(t, "index products")).resolves.toBeUndefined();
    expect(t.waits).toHaveLength(2);
    expect(t.waits[1]!.timeout).toBe(0); // no limit: the client polls until the task ends
  });

  it("a task that fails after a long queue throws its error, so the outbox retries it", async () => {
    const t = task(1, { status: "failed", error: { message: "document too large" } });
    await expect(settled(t, "index products")).rejects.toThrow("index products: document too large");
  });

  it("a request that fails (Meilisearch down) throws at once, whichever wait it happens in", async () => {
    const down = new MeilisearchRequestError("http://127.0.0.1:1/tasks/7", new Error("ECONNREFUSED"));
    await expect(finished(task(0, down))).rejects.toBe(down);
    const later = task(1, down);
    await expect(settled(later, "index products")).rejects.toBe(down);
    expect(later.waits).toHaveLength(2);
  });
});
