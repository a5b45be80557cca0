import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { systemActor } from "@/server/auth/actor";
import { makeEnterprise, makePark, makeParkWithTwoEnterprises } from "@/server/testing/factories";
import { listUsers } from "@/server/users/user.service";
import { listParks, parkOverview } from "./park.service";

describe("parks", () => {
  it("counts each park's own enterprises", async () => {
    const park = await makePark();
    await Promise.all([makeEnterprise({ parkId: park.id }), makeEnterprise({ parkId: park.id }), makeEnterprise({ parkId: park.id })]);
    const empty = await makePark();
    const listed = await listParks(getDb());
    expect(listed.find((p) => p.id === park.id)!.enterprises).toBe(3);
    expect(listed.find((p) => p.id === empty.id)!.enterprises).toBe(0);
  });

  it("gives park staff their park's figures and refuses another park's staff", async () => {
    const { park, staff } = await makeParkWithTwoEnterprises();
    const overview = await parkOverview(getDb(), staff.actor, park.id);
    expect(overview.figures).toMatchObject({ enterprises: 2, verified: 0 });
    const other = await makeParkWithTwoEnterprises();
    await expect(parkOverview(getDb(), other.staff.actor, park.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(parkOverview(getDb(), other.adminA.actor, park.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lists each user with the enterprise or park they belong to", async () => {
    const { a, adminA, park, staff } = await makeParkWithTwoEnterprises();
    const result = await listUsers(getDb(), systemActor, { q: adminA.user.email, page: 1, pageSize: 5 });
    expect(result.items[0]!.enterprise).toBe(a.name);
    const staffRow = await listUsers(getDb(), systemActor, { q: staff.user.email, page: 1, pageSize: 5 });
    expect(staffRow.items[0]!.park).toBe(park.name);
  });
});
