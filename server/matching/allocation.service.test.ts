import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { createCaller } from "@/server/api/root";
import {
  makeDemand, makeEnterprise, makeFulfilledAgreement, makePark, makeProduct, makeUser, pickSubstance,
} from "@/server/testing/factories";
import { allocationWorkbook, parkAllocation } from "./allocation.service";

describe("park-wide allocation", () => {
  it("beats first-come-first-served, compares with today's rate, and lists the chain gaps", async () => {
    const [x, y] = [await pickSubstance("plain"), await pickSubstance("plain")];
    const park = await makePark();
    const staff = await makeUser({ parkId: park.id });
    const [resin, chips, paint, s1, s2] = await Promise.all([
      makeEnterprise({ parkId: park.id, chains: ["有机新材料"] }),
      makeEnterprise({ parkId: park.id, chains: ["电子化学品"] }),
      makeEnterprise({ parkId: park.id, chains: ["精细化工"] }),
      makeEnterprise({ parkId: park.id }),
      makeEnterprise({ parkId: park.id }),
    ]);
    // S1 makes electronic grade and has served the resin maker before; S2 makes industrial grade
    await makeProduct(s1.id, { cas: x.cas, grade: "electronic", purityPct: "99.99", availableT: "100" });
    await makeProduct(s2.id, { cas: x.cas, grade: "industrial", purityPct: "99.5", availableT: "100" });
    await makeFulfilledAgreement(resin.id, s1.id, x.cas, 400);
    const d1 = await makeDemand(resin.id, { cas: x.cas, substanceName: x.nameZh, quantity: "100", grade: "industrial" });
    const d2 = await makeDemand(chips.id, { cas: x.cas, substanceName: x.nameZh, quantity: "100", grade: "electronic" });
    const gap = await makeDemand(paint.id, { cas: y.cas, substanceName: y.nameZh, quantity: "30", recurrence: "monthly" });

    const plan = await parkAllocation(getDb(), staff.actor, park.id);
    expect(plan.greedy.inParkT).toBe(100);
    expect(plan.optimised).toMatchObject({ inParkT: 200, demandT: 230 });
    expect(plan.optimised.rate).toBeCloseTo(200 / 230);
    expect(plan.today).toMatchObject({ inParkT: 400, totalT: 400, rate: 1 });
    const byId = new Map(plan.demands.map((d) => [d.id, d]));
    expect(byId.get(d1.id)).toMatchObject({ inParkT: 100, hasInParkSupplier: true });
    expect(byId.get(d2.id)!.suppliers).toEqual([{ name: s1.name, inPark: true, quantityT: 100 }]);
    expect(plan.gaps).toEqual([
      expect.objectContaining({ cas: y.cas, chain: "精细化工", reason: "no_supplier", demandT: 30, uncoveredT: 30, annualT: 360, buyers: [paint.name] }),
    ]);
    expect(gap.id).toBeGreaterThan(0);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await allocationWorkbook(plan, "zh")) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["概览", "分配方案", "补链清单"]);
    expect(book.getWorksheet("补链清单")!.getRow(2).getCell(2).value).toBe(y.cas);
  });

  it("is for the park's staff only", async () => {
    const park = await makePark();
    const member = await makeUser({ enterpriseId: (await makeEnterprise({ parkId: park.id })).id, role: "admin" });
    const otherStaff = await makeUser({ parkId: (await makePark()).id });
    for (const actor of [member.actor, otherStaff.actor]) {
      await expect(createCaller({ db: getDb(), actor }).allocation.plan({ parkId: park.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
