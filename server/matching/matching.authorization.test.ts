import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { matches } from "@/db/schema";
import { createCaller } from "@/server/api/root";
import type { Actor } from "@/server/auth/actor";
import {
  makeByproduct, makeDemand, makeEnterprise, makeParkWithTwoEnterprises, makeProduct, pickSubstance,
} from "@/server/testing/factories";
import { refreshDemandMatches } from "./refresh";

const as = (actor: Actor) => createCaller({ db: getDb(), actor });

/** A's demand matched to a third enterprise's product; B is the other enterprise in the park. */
async function cast() {
  const substance = await pickSubstance("plain");
  const world = await makeParkWithTwoEnterprises();
  const seller = await makeEnterprise({ parkId: world.park.id });
  await makeProduct(seller.id, { cas: substance.cas });
  const demand = await makeDemand(world.a.id, { cas: substance.cas, substanceName: substance.nameZh });
  const byproduct = await makeByproduct(world.a.id, { cas: substance.cas });
  await refreshDemandMatches(getDb(), [demand.id]);
  const [match] = await getDb().select().from(matches).where(eq(matches.demandId, demand.id));
  return { ...world, demand, byproduct, match: match! };
}
type Cast = Awaited<ReturnType<typeof cast>>;

describe("a user of another enterprise is refused", () => {
  it.each<[string, (c: ReturnType<typeof as>, w: Cast) => Promise<unknown>]>([
    ["match.forDemand", (c, w) => c.match.forDemand({ demandId: w.demand.id })],
    ["match.forSupplier", (c, w) => c.match.forSupplier({ enterpriseId: w.a.id })],
    ["match.takers", (c, w) => c.match.takers({ byproductId: w.byproduct.id })],
    ["match.dismiss", (c, w) => c.match.dismiss({ id: w.match.id })],
    ["allocation.plan", (c, w) => c.allocation.plan({ parkId: w.park.id })],
  ])("%s", async (_, call) => {
    const w = await cast();
    await expect(call(as(w.adminB.actor), w)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the refused dismissal changed nothing, and the buyer itself may dismiss", async () => {
    const w = await cast();
    await as(w.adminB.actor).match.dismiss({ id: w.match.id }).catch(() => {});
    const [row] = await getDb().select().from(matches).where(eq(matches.id, w.match.id));
    expect(row!.status).toBe("suggested");
    await expect(as(w.adminA.actor).match.dismiss({ id: w.match.id })).resolves.toMatchObject({ status: "dismissed" });
  });

  it("park staff see the park's matches and allocation; an anonymous visitor is asked to sign in", async () => {
    const w = await cast();
    await expect(as(w.staff.actor).match.forDemand({ demandId: w.demand.id })).resolves.toMatchObject({ total: 1 });
    await expect(as(w.staff.actor).allocation.plan({ parkId: w.park.id })).resolves.toMatchObject({ base: { demands: 1 } });
    const anon = as({ userId: null, name: null, platformAdmin: false, enterprises: [], parkIds: [] });
    await expect(anon.match.forDemand({ demandId: w.demand.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
