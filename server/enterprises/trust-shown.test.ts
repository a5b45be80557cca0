import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { inquiries, inquiryMessages } from "@/db/schema";
import { createCaller } from "@/server/api/root";
import { anonymous } from "@/server/auth/actor";
import { suppliersForDemand } from "@/server/matching/match.service";
import { answerSearch } from "@/server/search/api";
import { syncProducts } from "@/server/search/sync";
import { makeDealCast, makeDemand, makeEnterprise, makeMatch, makeProduct, pickSubstance } from "@/server/testing/factories";
import { dropTestIndexes, prepareTestIndexes } from "@/server/testing/search";
import { trustSignalsOf } from "./trust";

vi.hoisted(() => {
  process.env.MEILI_INDEX_PREFIX = `t${Math.random().toString(36).slice(2, 10)}_`;
});

/**
 * The trust signals travel with the enterprise wherever a buyer meets it: its profile, the search
 * hits (fetched at query time for the page's suppliers, not indexed) and the match candidates — and
 * never for a supplier the viewer may not see.
 */

const db = getDb();
const HOUR = 3_600_000;
let cast: Awaited<ReturnType<typeof makeDealCast>>;
let word: string;

beforeAll(async () => {
  await prepareTestIndexes();
  word = `zt${Math.random().toString(36).slice(2, 8)}`;
  cast = await makeDealCast({ cas: (await pickSubstance("plain")).cas });
  // the supplier answered an inquiry of the buyer after 2 h, five days ago
  const createdAt = new Date(Date.now() - 5 * 24 * HOUR);
  const [inquiry] = await db.insert(inquiries).values({ buyerEnterpriseId: cast.buyerEnterprise.id, supplierEnterpriseId: cast.sellerEnterprise.id, subject: "询价", createdAt }).returning();
  await db.insert(inquiryMessages).values({ inquiryId: inquiry!.id, authorEnterpriseId: cast.sellerEnterprise.id, body: "可以供货", createdAt: new Date(createdAt.getTime() + 2 * HOUR) });
});

afterAll(dropTestIndexes);

describe("trust signals shown", () => {
  it("on the enterprise profile (the public procedure, for anyone)", async () => {
    const profile = await createCaller({ db, actor: anonymous }).enterprise.profile({ id: cast.sellerEnterprise.id });
    expect(profile.trust).toEqual(await trustSignalsOf(db, cast.sellerEnterprise.id));
    expect(profile.trust.response).toMatchObject({ received: 1, answered: 1, medianHours: 2 });
    expect(profile.trust.badges).toContain("verified");
  });

  it("on the search hits, for the suppliers the viewer sees only", async () => {
    const hazardous = await pickSubstance("hazardous");
    const hidden = await makeEnterprise({ verifiedAt: new Date() });
    const shown = await makeProduct(cast.sellerEnterprise.id, { name: `甲 ${word}`, cas: null });
    const secret = await makeProduct(hidden.id, { name: `乙 ${word}`, cas: hazardous.cas });
    await syncProducts(db, [shown.id, secret.id]);
    const answer = await answerSearch(db, async () => anonymous, new URLSearchParams({ q: word }));
    expect(answer.status).toBe(200);
    const hits = (answer.body as { hits: { id: number; enterprise: { id: number; trust: unknown } | null }[] }).hits;
    expect(hits.map((h) => h.id).sort()).toEqual([shown.id, secret.id].sort());
    const mine = hits.find((h) => h.id === shown.id)!;
    expect(mine.enterprise!.trust).toEqual(await trustSignalsOf(db, cast.sellerEnterprise.id));
    // an anonymous visitor does not see who supplies a hazardous product: nor its trust signals
    expect(hits.find((h) => h.id === secret.id)!.enterprise).toBeNull();
  });

  it("on the match candidates of a demand", async () => {
    const demand = await makeDemand(cast.buyerEnterprise.id, { cas: cast.product.cas });
    await makeMatch(demand.id, cast.sellerEnterprise.id, cast.product.id);
    const result = await suppliersForDemand(db, cast.buyer.actor, { demandId: demand.id, page: 1, pageSize: 10, show: "active", inPark: false, fits: false });
    expect(result.items).toHaveLength(1);
    expect(result.items[0]!.supplier!.trust).toEqual(await trustSignalsOf(db, cast.sellerEnterprise.id));
  });
});
