import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { createCaller } from "@/server/api/root";
import type { Actor } from "@/server/auth/actor";
import { makeDealCast } from "@/server/testing/factories";

const as = (actor: Actor) => createCaller({ db: getDb(), actor });

describe("the dashboard, ledger and exports are the park staff's", () => {
  it.each<[string, (c: ReturnType<typeof as>, parkId: number) => Promise<unknown>]>([
    ["report.dashboard", (c, parkId) => c.report.dashboard({ parkId })],
    ["report.exportDashboard", (c, parkId) => c.report.exportDashboard({ parkId })],
    ["report.ledger", (c, parkId) => c.report.ledger({ parkId })],
    ["report.exportLedger", (c, parkId) => c.report.exportLedger({ parkId })],
  ])("%s refuses an enterprise user and another park's staff", async (_, call) => {
    const c = await makeDealCast();
    const elsewhere = await makeDealCast();
    await expect(call(as(c.buyer.actor), c.park.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(call(as(elsewhere.staff.actor), c.park.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(call(as(c.staff.actor), c.park.id)).resolves.toBeTruthy();
  });

  it("report.handbook is for members and park staff, not anonymous visitors", async () => {
    const c = await makeDealCast();
    await expect(as(c.outsider.actor).report.handbook({ parkId: c.park.id })).resolves.toMatchObject({ park: { id: c.park.id } });
    const anon = as({ userId: null, name: null, platformAdmin: false, enterprises: [], parkIds: [] });
    await expect(anon.report.handbook({ parkId: c.park.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
