import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { systemActor } from "@/server/auth/actor";
import { parkByCode } from "@/server/parks/park.service";
import { seedDemo } from "@/server/seed/demo";
import { green } from "./green";
import { linkage } from "./linkage";

describe("the demo's park insights", () => {
  it("give 滨江化学工业园 enterprises with in-park purchases and sales, and green outcomes from its delivered in-park tonnes", async () => {
    await seedDemo(getDb());
    const park = (await parkByCode(getDb(), "BJHG"))!;
    const [l, g] = await Promise.all([linkage(getDb(), systemActor, { parkId: park.id }), green(getDb(), systemActor, { parkId: park.id })]);
    expect(l.enterprises.some((e) => e.inParkPurchaseShare !== null && e.inParkPurchaseShare > 0)).toBe(true);
    expect(l.enterprises.some((e) => e.inParkSalesShare !== null && e.inParkSalesShare > 0)).toBe(true);
    expect(l.enterprises.some((e) => e.inParkPurchaseShare === null)).toBe(true);
    expect(g.inParkTonnes).toBeGreaterThan(0);
    expect(g.tonneKmAvoided).toBeGreaterThan(0);
    expect(g.co2eTonnesAvoided).toBeGreaterThan(0);
  }, 120_000);
});
