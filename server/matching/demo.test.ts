import { eq, inArray, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { byproducts, demands, enterprises, parks } from "@/db/schema";
import { seedDemo } from "@/server/seed/demo";
import { systemActor } from "@/server/auth/actor";
import { createDemand } from "@/server/listings/demand.service";
import { drainAll } from "@/server/jobs/outbox";
import { parkLicenceTodo } from "@/server/licences/licence.service";
import { MATCH_HANDLERS } from "./handlers";
import { exploreSuppliers, suppliersForDemand } from "./match.service";
import { parkAllocation } from "./allocation.service";
import { actorOfMember } from "@/server/testing/factories";

const view = { inPark: false, fits: false, show: "active" as const, page: 1, pageSize: 50 };
const inDays = (days: number) => new Date(Date.now() + (8 * 3600 + days * 86_400) * 1000).toISOString().slice(0, 10);

describe("matching on the demo data", () => {
  it("suggests suppliers for the seeded demands through the worker, with the licence states visible", async () => {
    const db = getDb();
    await seedDemo(db);
    expect(await drainAll(db, MATCH_HANDLERS, { timeoutMs: 60_000 })).toBe(true);
    const enterprise = async (fragment: string) => (await db.select().from(enterprises).where(like(enterprises.name, `%${fragment}%`)))[0]!;
    const demandOf = async (fragment: string, cas: string) =>
      (await db.select().from(demands).where(eq(demands.enterpriseId, (await enterprise(fragment)).id))).find((d) => d.cas === cas)!;

    // sodium cyanide: the trader whose only licence lapsed is hidden; the buyer lacks its permit
    const cyanide = await suppliersForDemand(db, systemActor, { ...view, demandId: (await demandOf("同源生物", "143-33-9")).id });
    const huaxing = await enterprise("华星化学品");
    expect(cyanide.items.some((i) => i.supplier?.id === huaxing.id)).toBe(false);
    expect(cyanide.items.length).toBeGreaterThan(0);
    expect(cyanide.items.every((i) => i.compliance === "needs_licence")).toBe(true);

    // sodium chlorate: the buyer's record is on file and the explosives maker is licensed
    const chlorate = await suppliersForDemand(db, systemActor, { ...view, demandId: (await demandOf("天成农化", "7775-09-9")).id });
    const maker = await enterprise("兴业民爆");
    expect(chlorate.items.find((i) => i.supplier?.id === maker.id)).toMatchObject({ compliance: "ok" });

    // park staff are prompted to collect the licence of a controlled-substance supplier without one
    const [park] = await db.select().from(parks).where(eq(parks.code, "BJHG"));
    const todo = await parkLicenceTodo(db, systemActor, park!.id);
    const lixin = await enterprise("立信化工");
    expect(todo.suppliers.find((s) => s.enterprise.id === lixin.id)).toMatchObject({ state: "licence_missing" });
    expect(todo.suppliers.find((s) => s.enterprise.id === huaxing.id)).toMatchObject({ state: "blocked" });
  });

  it("ranks an in-park supplier first for a new demand, and the CLI agrees", async () => {
    const db = getDb();
    await seedDemo(db);
    const buyer = (await db.select().from(enterprises).where(eq(enterprises.name, "江苏中润树脂有限公司")))[0]!;
    const user = await actorOfMember(buyer.id);
    const demand = await createDemand(db, user, {
      enterpriseId: buyer.id, cas: "67-63-0", substanceName: "异丙醇", quantity: 100, unit: "t", grade: "industrial", minPurityPct: 99,
      deliveryFrom: null, deliveryTo: null, place: null, targetPriceCnyPerUnit: null, recurrence: "once", expiresOn: inDays(20), note: null, publish: true,
    });
    const result = await suppliersForDemand(db, user, { ...view, demandId: demand.id });
    expect(result.items[0]!.inPark).toBe(true);
    expect(result.items[0]!.reasons.map((r) => r.zh).slice(0, 2)).toEqual(["同园区", "CAS一致"]);
    const cli = await exploreSuppliers(db, systemActor, { buyerUscc: buyer.uscc, cas: "67-63-0", quantityT: 100, grade: "industrial", minPurityPct: 99, limit: 50, includeBlocked: false });
    expect(cli.candidates.map((c) => c.product?.id)).toEqual(result.items.map((i) => i.candidate.productId));
    await db.delete(demands).where(inArray(demands.id, [demand.id]));
  });

  it("keeps the acrylic-acid waste stream out of the acrylic-acid demand's suppliers, and explains the acrylic-acid gap by purity", async () => {
    const db = getDb();
    await seedDemo(db);
    expect(await drainAll(db, MATCH_HANDLERS, { timeoutMs: 60_000 })).toBe(true);
    const resin = (await db.select().from(enterprises).where(eq(enterprises.name, "江苏中润树脂有限公司")))[0]!;
    const acrylic = (await db.select().from(demands).where(eq(demands.enterpriseId, resin.id))).find((d) => d.cas === "79-10-7")!;
    expect(Number(acrylic.minPurityPct)).toBe(99.5);
    const [heavyEnds] = await db.select().from(byproducts).where(eq(byproducts.name, "丙烯酸重组分"));
    expect(heavyEnds!.wasteCode).toMatch(/^HW11/);

    // the suppliers: real acrylic acid only (the in-park producers among them), no by-product at all
    const result = await suppliersForDemand(db, systemActor, { ...view, demandId: acrylic.id });
    expect(result.items.some((i) => i.candidate.byproductId === heavyEnds!.id)).toBe(false);
    expect(result.items.every((i) => i.candidate.kind === "product")).toBe(true);
    expect(result.byproducts).toEqual([]);
    const inParkProducers = result.items.filter((i) => i.inPark && i.candidate.cas === "79-10-7");
    expect(inParkProducers.length).toBeGreaterThan(0);

    // the allocation's gap for acrylic acid names the purity, not "no supplier"
    const [park] = await db.select().from(parks).where(eq(parks.code, "BJHG"));
    const plan = await parkAllocation(db, systemActor, park!.id);
    const gap = plan.gaps.find((g) => g.cas === "79-10-7")!;
    const purities = [...new Set(inParkProducers.map((i) => i.candidate.purityPct!))].filter((p) => p < 99.5).sort((a, b) => a - b);
    const suppliers = new Set(inParkProducers.filter((i) => i.candidate.purityPct! < 99.5).map((i) => i.supplier!.id)).size;
    expect(gap.reason).toMatchObject({ code: "below_spec", purity: { askedPct: 99.5, offeredPct: purities, suppliers } });
    expect(gap.reason.zh).toBe(`${suppliers} 家园内供应商纯度 ${purities.length === 1 ? purities[0] : `${purities[0]}–${purities.at(-1)}`} % 低于所需 99.5 %`);
    expect(gap.reason.zh).not.toContain("园内无供应商");
  });
});
