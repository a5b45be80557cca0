import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { systemActor } from "@/server/auth/actor";
import { importAgreements } from "@/server/agreements/import-agreements";
import { importEnterprises } from "@/server/enterprises/import";
import { dashboard, reportFiguresFor } from "@/server/reports/report.service";
import { makeParkWithTwoEnterprises, makePark, randomUscc } from "@/server/testing/factories";

/**
 * The policy decides at the services' entry, so every way in (tRPC, the CLI with its system actor)
 * is checked the same: imports and the CLI `report` call these services, not the routers.
 */
const csv = (text: string) => ({ name: "x.csv", bytes: Buffer.from(text) });

describe("the services ask the policy themselves", () => {
  it("the enterprise directory import refuses an enterprise member, and lets the CLI's system actor in", async () => {
    const { park, adminA } = await makeParkWithTwoEnterprises();
    const file = () => csv(`uscc,name,park\n${randomUscc()},入口导入化工有限公司${Date.now()},${park.code}\n`);
    await expect(importEnterprises(getDb(), adminA.actor, file())).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await importEnterprises(getDb(), systemActor, file())).rejected).toEqual([]);
  });

  it("the agreement import refuses an enterprise member", async () => {
    const { a, b, adminA } = await makeParkWithTwoEnterprises();
    const file = csv(`ref,type,title,buyer_uscc,seller_uscc,product,amount_cny,signed_on\nE-${Date.now()},contract,入口导入,${a.uscc},${b.uscc},x,1,2026-01-01\n`);
    await expect(importAgreements(getDb(), adminA.actor, file)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the report figures (the CLI `report`) refuse an enterprise member and another park's staff, and answer the system actor", async () => {
    const { park, adminA } = await makeParkWithTwoEnterprises();
    await expect(reportFiguresFor(getDb(), adminA.actor, { parkId: park.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { staff: otherStaff } = await makeParkWithTwoEnterprises();
    await expect(reportFiguresFor(getDb(), otherStaff.actor, { parkId: park.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await reportFiguresFor(getDb(), systemActor, { parkId: park.id })).agreements).toBe(0);
  });

  it("the dashboard offers park staff only their own park, and platform admins every park and all at once", async () => {
    const { park, staff } = await makeParkWithTwoEnterprises();
    const other = await makePark();
    const mine = await dashboard(getDb(), staff.actor, { parkId: park.id });
    expect(mine.parks.map((p) => p.id)).toEqual([park.id]);
    expect(mine.allowed.allParks).toBe(false);
    const all = await dashboard(getDb(), systemActor, {});
    expect(all.parks.map((p) => p.id)).toEqual(expect.arrayContaining([park.id, other.id]));
    expect(all.allowed.allParks).toBe(true);
  });
});
