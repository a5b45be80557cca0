import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { anonymous } from "@/server/auth/actor";
import { makeEnterprise, makePark, makeProduct, makeUser, pickSubstance } from "@/server/testing/factories";
import { dropTestIndexes, prepareTestIndexes } from "@/server/testing/search";
import { answerSearch } from "./api";
import { getMeili } from "./client";
import { ensureIndex, INDEX_SETTINGS, indexUid } from "./indexes";
import { searchProducts } from "./query";
import { syncProducts } from "./sync";

vi.hoisted(() => {
  process.env.MEILI_INDEX_PREFIX = `t${Math.random().toString(36).slice(2, 10)}_`;
});

/**
 * What a viewer may not see of a hazardous product (its supplier, quantities, prices: DESIGN.md,
 * "Compliance"), it can neither find by nor count: its SKU and description are not searchable,
 * and the supplier facets and filters leave it out, for anonymous visitors and unverified members.
 */

const db = getDb();
const tag = () => `zq${Math.random().toString(36).slice(2, 8)}`;
const ids = (result: { hits: { id: number }[] }) => result.hits.map((h) => h.id).sort((a, b) => a - b);
const counts = (facet: { value: string; count: number }[]) => Object.fromEntries(facet.map((f) => [f.value, f.count]));

let word: string;
let hiddenChain: string;
let parks: { one: { id: number; code: string }; two: { id: number; code: string } };
let hazardous: { cas: string };
let plain: { cas: string };
let all: { id: number; sku: string; hazardous: boolean }[];
let secret: { skuTail: string; descriptionWord: string; id: number };
let open: { skuTail: string; descriptionWord: string; id: number };
let verified: Awaited<ReturnType<typeof makeUser>>;
let unverified: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  await prepareTestIndexes();
  word = tag();
  hiddenChain = `隐链${tag()}`;
  [hazardous, plain] = [await pickSubstance("hazardous"), await pickSubstance("plain")];
  const [one, two] = [await makePark(), await makePark()];
  parks = { one, two };
  // hand-counted fixture, every product named with `word`:
  //   park one: 2 plain (supplier A), 1 hazardous (supplier H1, chain `hiddenChain`)
  //   park two: 1 plain (supplier B), 1 hazardous (supplier H2, chain `hiddenChain`)
  //   no park:  1 hazardous (supplier H3, chain `hiddenChain`)
  const [a, b, h1, h2, h3] = await Promise.all([
    makeEnterprise({ parkId: one.id, verifiedAt: new Date(), chains: ["精细化工"] }),
    makeEnterprise({ parkId: two.id, verifiedAt: new Date(), chains: ["精细化工"] }),
    makeEnterprise({ parkId: one.id, verifiedAt: new Date(), chains: [hiddenChain] }),
    makeEnterprise({ parkId: two.id, verifiedAt: new Date(), chains: [hiddenChain] }),
    makeEnterprise({ parkId: null, verifiedAt: new Date(), chains: [hiddenChain] }),
  ]);
  const skuTail = tag().toUpperCase();
  const descriptionWord = tag();
  const openTail = tag().toUpperCase();
  const openWord = tag();
  const made = [
    { row: await makeProduct(a.id, { name: `一号 ${word}`, cas: plain.cas, sku: `P-${openTail}`, description: `本品 ${openWord}` }), hazardous: false },
    { row: await makeProduct(a.id, { name: `二号 ${word}`, cas: plain.cas }), hazardous: false },
    { row: await makeProduct(b.id, { name: `三号 ${word}`, cas: plain.cas }), hazardous: false },
    // the supplier's credit-code tail in the SKU, as the demo writes them, and a word only the description has
    { row: await makeProduct(h1.id, { name: `四号 ${word}`, cas: hazardous.cas, sku: `HZ-${skuTail}`, description: `滨江 ${descriptionWord} 出品` }), hazardous: true },
    { row: await makeProduct(h2.id, { name: `五号 ${word}`, cas: hazardous.cas }), hazardous: true },
    { row: await makeProduct(h3.id, { name: `六号 ${word}`, cas: hazardous.cas }), hazardous: true },
  ];
  all = made.map((m) => ({ id: m.row.id, sku: m.row.sku, hazardous: m.hazardous }));
  secret = { skuTail, descriptionWord, id: made[3]!.row.id };
  open = { skuTail: openTail, descriptionWord: openWord, id: made[0]!.row.id };
  await syncProducts(db, all.map((p) => p.id));
  verified = await makeUser({ enterpriseId: (await makeEnterprise({ verifiedAt: new Date() })).id, role: "procurement" });
  unverified = await makeUser({ enterpriseId: (await makeEnterprise({ parkId: null })).id, role: "procurement" });
});

afterAll(dropTestIndexes);

describe("hidden fields of hazardous products", () => {
  it("are not searchable by anonymous visitors or unverified members; verified members find them", async () => {
    for (const q of [secret.skuTail, secret.descriptionWord]) {
      expect(ids(await searchProducts(db, anonymous, { q }))).toEqual([]);
      expect(ids(await searchProducts(db, unverified.actor, { q }))).toEqual([]);
      expect(ids(await searchProducts(db, verified.actor, { q }))).toEqual([secret.id]);
    }
    // the search API answers the same, on its fast path too
    const answer = await answerSearch(db, async () => anonymous, new URLSearchParams({ q: secret.skuTail }));
    expect(answer.body).toMatchObject({ total: 0, hits: [] });
    // a product that is not hazardous stays findable by its SKU and description for everyone
    for (const q of [open.skuTail, open.descriptionWord]) expect(ids(await searchProducts(db, anonymous, { q }))).toEqual([open.id]);
    // the hazardous product itself is still found by what everyone sees of it: its name
    expect(ids(await searchProducts(db, anonymous, { q: `四号 ${word}` }))).toContain(secret.id);
  });

  it("do not count in the supplier facets or filters of an anonymous visitor", async () => {
    const anon = await searchProducts(db, anonymous, { q: word, pageSize: 50 });
    // every product exists for everyone, the hazardous ones without their supplier
    expect(ids(anon)).toEqual(all.map((p) => p.id).sort((x, y) => x - y));
    expect(anon.total).toBe(6);
    expect(anon.hits.filter((h) => h.restricted).map((h) => [h.enterprise, h.park])).toEqual([[null, null], [null, null], [null, null]]);
    // the facets count only the three products whose supplier the visitor sees
    expect(counts(anon.facets.park)).toEqual({ [parks.one.code]: 2, [parks.two.code]: 1 });
    expect(counts(anon.facets.inPark)).toEqual({ true: 3 });
    expect(counts(anon.facets.chain)).toEqual({ 精细化工: 3 });
    // facets of the listing itself still count every product
    expect(counts(anon.facets.hazard)).toEqual({ hazardous: 3 });
    // filtering by where the supplier is leaves the hidden ones out
    expect((await searchProducts(db, anonymous, { q: word, park: parks.two.code })).total).toBe(1);
    expect((await searchProducts(db, anonymous, { q: word, inPark: false })).total).toBe(0);
    expect((await searchProducts(db, anonymous, { q: word, chain: hiddenChain })).total).toBe(0);
    expect((await searchProducts(db, unverified.actor, { q: word, chain: hiddenChain })).total).toBe(0);

    // a verified member counts them all
    const member = await searchProducts(db, verified.actor, { q: word, pageSize: 50 });
    expect(counts(member.facets.park)).toEqual({ [parks.one.code]: 3, [parks.two.code]: 2 });
    expect(counts(member.facets.inPark)).toEqual({ true: 5, false: 1 });
    expect(counts(member.facets.chain)).toEqual({ 精细化工: 3, [hiddenChain]: 3 });
    expect((await searchProducts(db, verified.actor, { q: word, park: parks.two.code })).total).toBe(2);
  });

  it("reach an index of the previous release: its settings change, so it is rebuilt with the public copies", async () => {
    const uid = `${indexUid("products")}__previous`;
    const wait = { timeout: 120_000 };
    await getMeili().createIndex(uid, { primaryKey: "id" }).waitTask(wait);
    const previous = ["name", "substanceZh", "aliases", "substanceEn", "cas", "casDigits", "sku", "description"];
    await getMeili().index(uid).updateSettings({ ...INDEX_SETTINGS.products, searchableAttributes: previous }).waitTask(wait);
    // "configured" is what makes sync ask for a rebuild (`search-index`, server/search/sync.ts)
    expect(await ensureIndex(getMeili(), "products", uid)).toBe("configured");
    expect((await getMeili().index(uid).getSettings()).searchableAttributes).toContain("publicSku");
    await getMeili().deleteIndex(uid).waitTask(wait);
  });
});
