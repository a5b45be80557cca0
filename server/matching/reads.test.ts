import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { matches } from "@/db/schema";
import { makeDemand, makeEnterprise, makePark, makeProduct, makeUser, pickSubstance } from "@/server/testing/factories";
import { MATCH_HANDLERS } from "./handlers";
import { suppliersForDemand } from "./match.service";

/**
 * "Suppliers for my demand" is a read: it shows the suggestions the worker stores on every change
 * (server/matching/handlers.ts), and stores nothing itself — at national scale a read that wrote
 * would cost every page view a ranking and its writes (bench/scale.ts, `matchPageOverRanking`).
 */
const view = { inPark: false, fits: false, show: "active" as const, page: 1, pageSize: 100 };

const storedFor = (demandId: number) =>
  getDb()
    .select({ id: matches.id, productId: matches.productId, score: matches.score, compliance: matches.compliance, updatedAt: matches.updatedAt })
    .from(matches)
    .where(eq(matches.demandId, demandId))
    .orderBy(asc(matches.id));

describe("the suppliers-for-my-demand page", () => {
  it("reads without writing, while a product change still reaches its suggestions through the worker", async () => {
    const substance = await pickSubstance("plain");
    const park = await makePark();
    const buyer = await makeEnterprise({ parkId: park.id, lat: "32.020000", lng: "121.050000", verifiedAt: new Date() });
    const user = await makeUser({ enterpriseId: buyer.id, role: "procurement" });
    const seller = await makeEnterprise({ verifiedAt: new Date() });
    const first = await makeProduct(seller.id, { cas: substance.cas, name: substance.nameZh ?? substance.cas });
    const demand = await makeDemand(buyer.id, { cas: substance.cas, substanceName: substance.nameZh ?? substance.cas });
    await MATCH_HANDLERS["demands:match"]!(getDb(), [String(demand.id)]); // the worker, on the demand's event
    const before = await storedFor(demand.id);
    expect(before.map((m) => m.productId)).toEqual([first.id]);

    // two reads in a read-only transaction: any INSERT, UPDATE or DELETE fails it ("cannot execute
    // UPDATE in a read-only transaction"). (PostgreSQL's per-transaction row counters are no witness:
    // they also hold the connection's earlier, not yet flushed, writes.)
    const reads = await getDb().transaction(async (tx) => {
      await tx.execute(sql`SET TRANSACTION READ ONLY`);
      const once = await suppliersForDemand(tx, user.actor, { ...view, demandId: demand.id });
      const twice = await suppliersForDemand(tx, user.actor, { ...view, demandId: demand.id });
      return { once, twice };
    });
    expect(reads.once.items.map((i) => i.candidate.productId)).toEqual([first.id]);
    expect(reads.twice.items).toEqual(reads.once.items);
    expect(await storedFor(demand.id)).toEqual(before);

    // a new product of the substance: the worker's match listener stores it, and the page shows it
    const second = await makeProduct(seller.id, { cas: substance.cas, name: substance.nameZh ?? substance.cas });
    await MATCH_HANDLERS["products:match"]!(getDb(), [String(second.id)]); // the worker, on the product writer's event
    expect((await storedFor(demand.id)).map((m) => m.productId).sort()).toEqual([first.id, second.id].sort());
    const after = await suppliersForDemand(getDb(), user.actor, { ...view, demandId: demand.id });
    expect(after.items.map((i) => i.candidate.productId).sort()).toEqual([first.id, second.id].sort());
  });
});
