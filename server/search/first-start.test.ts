import { afterAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { anonymous } from "@/server/auth/actor";
import { dropTestIndexes, prepareTestIndexes } from "@/server/testing/search";
import { answerSearch } from "./api";
import { getMeili } from "./client";
import { indexUid } from "./indexes";
import { searchProducts, SEARCH_UNAVAILABLE } from "./query";

vi.hoisted(() => {
  process.env.MEILI_INDEX_PREFIX = `t${Math.random().toString(36).slice(2, 10)}_`;
});

afterAll(dropTestIndexes);

/**
 * On a first start the products index is created, then configured, then filled; until it holds a
 * document Meilisearch refuses every search (it knows no field to search). A buyer searching while
 * the index is not configured is told search is unavailable for a moment (503, in Chinese and
 * English); once it is, an empty catalogue answers "no hits"; neither is a failure.
 */
describe("search on a first start", () => {
  it("is unavailable while the new index is not configured, then answers no hits while it is empty", async () => {
    const db = getDb();
    await getMeili().createIndex(indexUid("products"), { primaryKey: "id" }).waitTask();
    await expect(searchProducts(db, anonymous, { q: "异丙醇" })).rejects.toMatchObject({ code: "UNAVAILABLE" });
    const early = await answerSearch(db, async () => anonymous, new URLSearchParams({ q: "异丙醇" }));
    expect(early.status).toBe(503);
    expect(early.body).toEqual({ error: SEARCH_UNAVAILABLE });
    await prepareTestIndexes();
    const later = await answerSearch(db, async () => anonymous, new URLSearchParams({ q: "异丙醇" }));
    expect(later.status).toBe(200);
    expect(later.body).toMatchObject({ total: 0, hits: [] });
  });
});
