import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db";
import { demands, licences } from "@/db/schema";
import { createCaller } from "@/server/api/root";
import type { Actor } from "@/server/auth/actor";
import { MATCH_HANDLERS } from "@/server/matching/handlers";
import {
  makeDemand, makeEnterprise, makeLicence, makeOffer, makeProduct, makeUser, pickSubstance,
} from "@/server/testing/factories";

const inDays = (days: number) => new Date(Date.now() + (8 * 3600 + days * 86_400) * 1000).toISOString().slice(0, 10);

/** Runs the calls in a READ ONLY transaction: PostgreSQL refuses any write in it, so a read that writes fails. */
const readOnly = <T>(actor: Actor, calls: (c: ReturnType<typeof createCaller>) => Promise<T>) =>
  getDb().transaction((tx) => calls(createCaller({ db: tx as unknown as Db, actor })), { accessMode: "read only" });

describe("reads do not write", () => {
  it("demand.list, offer.list and match.forDemand run in a read-only transaction, and still read what the date changed", async () => {
    const substance = await pickSubstance("highly_toxic");
    const buyer = await makeEnterprise({ verifiedAt: new Date() });
    const seller = await makeEnterprise({ verifiedAt: new Date() });
    const { actor } = await makeUser({ enterpriseId: buyer.id, role: "admin" });
    const { actor: sellerActor } = await makeUser({ enterpriseId: seller.id, role: "admin" });
    await makeLicence(buyer.id, { type: "highly_toxic", validUntil: inDays(200) });
    const licence = await makeLicence(seller.id, { type: "hazardous_trade", validUntil: inDays(100) });
    const product = await makeProduct(seller.id, { cas: substance.cas });
    // past their date and still open: the sweep has not run yet
    const lapsedDemand = await makeDemand(buyer.id, { expiresOn: inDays(-1) });
    const lapsedOffer = await makeOffer(seller.id, product.id, { validFrom: inDays(-30), validUntil: inDays(-1) });
    const demand = await makeDemand(buyer.id, { cas: substance.cas, substanceName: substance.nameZh });
    await MATCH_HANDLERS["demands:match"]!(getDb(), [String(demand.id)]);
    // a licence lapses: no change is announced
    await getDb().update(licences).set({ validUntil: inDays(-1) }).where(eq(licences.id, licence.id));

    const view = { demandId: demand.id, inPark: false, fits: false, show: "active" as const, page: 1, pageSize: 50 };
    const [demandList, suppliers] = await readOnly(actor, async (c) => [
      await c.demand.list({ enterpriseId: buyer.id, status: "all" }),
      await c.match.forDemand(view),
    ] as const);
    const offerList = await readOnly(sellerActor, (c) => c.offer.list({ enterpriseId: seller.id, status: "all" }));

    expect(demandList.items.find((d) => d.id === lapsedDemand.id)!.status).toBe("expired");
    expect(offerList.items.find((o) => o.id === lapsedOffer.id)!.status).toBe("expired");
    // the stored suggestion's supplier licence lapsed since the refresh: buyers no longer see it
    expect(suppliers.items.some((i) => i.candidate.productId === product.id)).toBe(false);
    expect(suppliers.total).toBe(suppliers.items.length);
    // and nothing was written down
    const [stillOpen] = await getDb().select({ status: demands.status }).from(demands).where(eq(demands.id, lapsedDemand.id));
    expect(stillOpen!.status).toBe("open");
  });

  it("match.forDemand reads the stored suggestions with their match ids, computing none itself", async () => {
    const substance = await pickSubstance("plain");
    const buyer = await makeEnterprise();
    const seller = await makeEnterprise();
    const { actor } = await makeUser({ enterpriseId: buyer.id, role: "admin" });
    const product = await makeProduct(seller.id, { cas: substance.cas });
    const demand = await makeDemand(buyer.id, { cas: substance.cas, substanceName: substance.nameZh });
    const view = { demandId: demand.id, inPark: false, fits: false, show: "active" as const, page: 1, pageSize: 50 };

    // not refreshed yet (the worker has not delivered the demand's change): nothing stored, nothing shown
    expect((await readOnly(actor, (c) => c.match.forDemand(view))).items).toEqual([]);
    await MATCH_HANDLERS["demands:match"]!(getDb(), [String(demand.id)]);
    const after = await readOnly(actor, (c) => c.match.forDemand(view));
    expect(after.items.find((i) => i.candidate.productId === product.id)).toMatchObject({ compliance: "ok", contact: { href: expect.stringMatching(/^\/inquiries\/new\?match=\d+$/) } });
  });
});
