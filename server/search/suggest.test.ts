import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { anonymous } from "@/server/auth/actor";
import { curateSubstance } from "@/server/substances/curation";
import { makeEnterprise, makePark, makeProduct, makeUser, pickSubstance } from "@/server/testing/factories";
import { dropTestIndexes, prepareTestIndexes } from "@/server/testing/search";
import { answerSearch } from "./api";
import { didYouMean, searchWithHelp } from "./suggest";
import { syncProducts } from "./sync";

vi.hoisted(() => {
  process.env.MEILI_INDEX_PREFIX = `t${Math.random().toString(36).slice(2, 10)}_`;
});

const db = getDb();

beforeAll(prepareTestIndexes);
afterAll(dropTestIndexes);

describe("did you mean", () => {
  it("reads a misspelt English name as the substance it nearly is: acetonne is acetone, not MEK (alias 'methyl acetone')", async () => {
    const [first] = await didYouMean(db, "acetonne");
    expect(first).toMatchObject({ cas: "67-64-1" });
    expect(first!.text.toLowerCase()).toBe("acetone");
  });

  it("reads a Chinese homophone slip (异丙纯) as 异丙醇, before the names one character away (异丙醚, 异丙胺)", async () => {
    const suggestions = await didYouMean(db, "异丙纯");
    expect(suggestions[0]).toMatchObject({ text: "异丙醇", cas: "67-63-0" });
    // the others one character away are still offered, after it
    expect(suggestions.length).toBeGreaterThan(1);
  });

  it("corrects a misspelt word inside a longer query, and offers nothing for gibberish", async () => {
    expect((await didYouMean(db, "99.5% tolune"))[0]).toMatchObject({ cas: "108-88-3" });
    expect(await didYouMean(db, "qqqqzzzzxxxx")).toEqual([]);
  });
});

describe("the names did you mean compares with", () => {
  it("follow park staff's corrections: an alias they add is offered, one they take back or hide is not", async () => {
    const staff = await makeUser({ admin: true });
    const { cas } = await pickSubstance("plain");
    const alias = `quorvexan${crypto.randomBytes(2).toString("hex").replace(/\d/g, "k")}`;
    const typo = alias.replace("quorv", "qourv");
    await curateSubstance(db, staff.actor, { cas, nameZh: null, nameEn: null, aliases: [alias], hiddenAliases: [] });
    expect(await didYouMean(db, typo)).toEqual([expect.objectContaining({ text: alias, cas })]);

    await curateSubstance(db, staff.actor, { cas, nameZh: null, nameEn: null, aliases: [], hiddenAliases: [] });
    expect(await didYouMean(db, typo)).toEqual([]);

    // a shipped alias park staff hide is no longer among the names
    const [shipped] = await db.execute<{ cas: string; alias: string }>(sql`
      SELECT cas, aliases[1] AS alias FROM substance WHERE cardinality(aliases) > 1 AND cardinality(curated_hidden_aliases) = 0 ORDER BY cas DESC LIMIT 1`);
    const names = async () => (await db.execute<{ name: string }>(sql`SELECT name FROM substance_name WHERE cas = ${shipped!.cas}`)).map((r) => r.name);
    expect(await names()).toContain(shipped!.alias);
    await curateSubstance(db, staff.actor, { cas: shipped!.cas, nameZh: null, nameEn: null, aliases: [], hiddenAliases: [shipped!.alias] });
    expect(await names()).not.toContain(shipped!.alias);
    await curateSubstance(db, staff.actor, { cas: shipped!.cas, nameZh: null, nameEn: null, aliases: [], hiddenAliases: [] });
    expect(await names()).toContain(shipped!.alias);
  });
});

describe("a search that finds nothing", () => {
  it("answers no facets and the dictionary's nearest names, through the search API and the page's procedure alike", async () => {
    const park = await makePark();
    const enterprise = await makeEnterprise({ parkId: park.id, verifiedAt: new Date() });
    // the index holds toluene only: Meilisearch's own typo tolerance would find an acetone product for "acetonne"
    const product = await makeProduct(enterprise.id, { name: "甲苯 工业级", cas: "108-88-3" });
    await syncProducts(db, [product.id]);
    const buyer = await makeUser({ enterpriseId: enterprise.id, role: "procurement" });

    const nothing = await searchWithHelp(db, buyer.actor, { q: "acetonne" });
    expect(nothing.total).toBe(0);
    expect(Object.values(nothing.facets).every((list) => list.length === 0)).toBe(true);
    expect(nothing.didYouMean[0]).toMatchObject({ cas: "67-64-1" });

    const api = await answerSearch(db, async () => anonymous, new URLSearchParams({ q: "acetonne" }));
    expect(api.status).toBe(200);
    const body = api.body as Awaited<ReturnType<typeof searchWithHelp>>;
    expect(Object.values(body.facets).flat()).toEqual([]);
    expect(body.didYouMean.map((s) => s.cas)).toContain("67-64-1");

    // a search that finds something keeps its facets and suggests nothing
    const found = await searchWithHelp(db, buyer.actor, { q: "108-88-3" });
    expect(found.total).toBeGreaterThan(0);
    expect(found.facets.grade.length).toBeGreaterThan(0);
    expect(found.didYouMean).toEqual([]);
  });
});
