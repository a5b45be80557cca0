import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { agreements, inquiries } from "@/db/schema";
import { listAgreements } from "@/server/agreements/list-agreements";
import { dealScope, loadParties } from "@/server/agreements/parties";
import { listInquiries } from "@/server/inquiries/list-inquiries";
import { makeEnterprise, makePark, makeUser } from "@/server/testing/factories";
import type { Actor } from "./actor";
import { can } from "./policy";

const db = () => getDb();

/**
 * Two parks and five enterprises (one outside every park, one in no deal), with an agreement and an
 * inquiry between each of four pairs: inside a park, across the parks, from a park to outside, and
 * outside every park.
 */
async function fixture() {
  const tag = `scope-${crypto.randomBytes(4).toString("hex")}`;
  const [p1, p2] = await Promise.all([makePark(), makePark()]);
  const [a, b, c, d, e, outsider] = await Promise.all([
    makeEnterprise({ parkId: p1.id }), makeEnterprise({ parkId: p1.id }), makeEnterprise({ parkId: p2.id }),
    makeEnterprise({ parkId: null }), makeEnterprise({ parkId: null }), makeEnterprise({ parkId: p1.id }),
  ]);
  const pairs = [[a, b], [a, c], [c, d], [d, e]] as const;
  const agreementRows = await db()
    .insert(agreements)
    .values(pairs.map(([buyer, seller], i) => ({
      ref: `${tag}-${i}`, type: "contract" as const, title: `${tag} 协议 ${i}`, buyerEnterpriseId: buyer.id, sellerEnterpriseId: seller.id,
      totalAmountCny: "1000.00", status: "draft" as const,
    })))
    .returning({ id: agreements.id, buyer: agreements.buyerEnterpriseId, seller: agreements.sellerEnterpriseId });
  const inquiryRows = await db()
    .insert(inquiries)
    .values(pairs.map(([buyer, seller], i) => ({ buyerEnterpriseId: buyer.id, supplierEnterpriseId: seller.id, subject: `${tag} 询价 ${i}` })))
    .returning({ id: inquiries.id, buyer: inquiries.buyerEnterpriseId, seller: inquiries.supplierEnterpriseId });
  const actors: Record<string, Actor> = {
    "member of a party (in park 1)": (await makeUser({ enterpriseId: a.id, role: "procurement" })).actor,
    "member of a party outside every park": (await makeUser({ enterpriseId: d.id, role: "staff" })).actor,
    "staff of park 1": (await makeUser({ parkId: p1.id })).actor,
    "staff of park 2": (await makeUser({ parkId: p2.id })).actor,
    "member of an enterprise in park 1 without deals": (await makeUser({ enterpriseId: outsider.id, role: "admin" })).actor,
    "signed-in user of no enterprise or park": (await makeUser()).actor,
    "platform admin": (await makeUser({ admin: true })).actor,
  };
  return { tag, agreementRows, inquiryRows, actors };
}

/** The deals of the fixture that `deal.view` lets the actor see, decided row by row. */
async function viewable(actor: Actor, rows: { id: number; buyer: number; seller: number }[]) {
  const allowed: number[] = [];
  for (const row of rows) {
    if (can(actor, { type: "deal.view", ...dealScope(await loadParties(db(), row.buyer, row.seller)) })) allowed.push(row.id);
  }
  return allowed.sort((x, y) => x - y);
}

/** Every page of a list, page by page with a small page size, and the total each page reports. */
async function allPages<T extends { id: number }>(page: (n: number) => Promise<{ items: T[]; total: number }>) {
  const first = await page(1);
  const ids = first.items.map((r) => r.id);
  const totals = [first.total];
  for (let n = 2; (n - 1) * 2 < first.total; n++) {
    const next = await page(n);
    ids.push(...next.items.map((r) => r.id));
    totals.push(next.total);
  }
  return { ids, totals };
}

const sorted = (ids: number[]) => [...ids].sort((x, y) => x - y);

describe("list scopes of deals", () => {
  it("lists exactly the agreements deal.view allows, with totals that agree with the pages", async () => {
    const f = await fixture();
    const fixtureIds = new Set(f.agreementRows.map((r) => r.id));
    const seen: Record<string, number> = {};
    for (const [who, actor] of Object.entries(f.actors)) {
      const expected = await viewable(actor, f.agreementRows);
      // the tag narrows every list to the fixture, platform admins' included
      const { ids, totals } = await allPages((page) => listAgreements(db(), actor, { q: f.tag, page, pageSize: 2 }));
      expect(ids.every((id) => fixtureIds.has(id)), who).toBe(true);
      expect(sorted(ids), who).toEqual(expected);
      expect(new Set(ids).size, who).toBe(ids.length);
      expect(totals.every((t) => t === expected.length), who).toBe(true);
      seen[who] = expected.length;
    }
    // the fixture does tell the actors apart
    expect(seen).toEqual({
      "member of a party (in park 1)": 2, "member of a party outside every park": 2, "staff of park 1": 2, "staff of park 2": 2,
      "member of an enterprise in park 1 without deals": 0, "signed-in user of no enterprise or park": 0, "platform admin": 4,
    });
  });

  it("lists exactly the inquiries deal.view allows, with totals that agree with the pages", async () => {
    const f = await fixture();
    const fixtureIds = new Set(f.inquiryRows.map((r) => r.id));
    for (const [who, actor] of Object.entries(f.actors)) {
      const expected = await viewable(actor, f.inquiryRows);
      if (actor.platformAdmin) {
        // a platform admin lists every thread of the database: the fixture's are all among them
        const listed = new Set<number>();
        for (let page = 1, total = 1; (page - 1) * 100 < total; page++) {
          const result = await listInquiries(db(), actor, { side: "all", page, pageSize: 100 });
          result.items.forEach((r) => listed.add(r.id));
          total = result.total;
        }
        expect(expected.filter((id) => !listed.has(id)), who).toEqual([]);
        expect(expected).toHaveLength(4);
        continue;
      }
      // everyone else is in fresh enterprises and parks: their whole list is the fixture's part
      const { ids, totals } = await allPages((page) => listInquiries(db(), actor, { side: "all", page, pageSize: 2 }));
      expect(ids.every((id) => fixtureIds.has(id)), who).toBe(true);
      expect(sorted(ids), who).toEqual(expected);
      expect(totals.every((t) => t === expected.length), who).toBe(true);
    }
  });
});
