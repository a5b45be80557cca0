import { describe, expect, it } from "vitest";
import { anonymous, homeKind, type Actor } from "./actor";
import { authorize, can, type Action } from "./policy";

const enterpriseAdmin: Actor = { userId: 1, name: "a", platformAdmin: false, enterprises: [{ enterpriseId: 10, role: "admin" }], parkIds: [] };
const enterpriseStaff: Actor = { userId: 2, name: "s", platformAdmin: false, enterprises: [{ enterpriseId: 10, role: "staff" }], parkIds: [] };
const buyer: Actor = { userId: 3, name: "b", platformAdmin: false, enterprises: [{ enterpriseId: 11, role: "procurement" }], parkIds: [] };
const parkStaff: Actor = { userId: 4, name: "p", platformAdmin: false, enterprises: [], parkIds: [100] };
const admin: Actor = { userId: 5, name: "x", platformAdmin: true, enterprises: [], parkIds: [] };

const own = { enterpriseId: 10, parkId: 100 };
const other = { enterpriseId: 12, parkId: 100 };
const elsewhere = { enterpriseId: 13, parkId: 200 };

describe("policy", () => {
  it.each<[string, Actor, Action, boolean]>([
    ["admin updates its own enterprise", enterpriseAdmin, { type: "enterprise.update", ...own }, true],
    ["admin cannot update another enterprise", enterpriseAdmin, { type: "enterprise.update", ...other }, false],
    ["staff cannot update even its own enterprise", enterpriseStaff, { type: "enterprise.update", ...own }, false],
    ["staff sees its own private page", enterpriseStaff, { type: "enterprise.viewPrivate", ...own }, true],
    ["staff cannot see another's private page", enterpriseStaff, { type: "enterprise.viewPrivate", ...other }, false],
    ["buyer cannot add members elsewhere", buyer, { type: "member.add", ...own }, false],
    ["enterprise admin adds colleagues", enterpriseAdmin, { type: "member.add", ...own }, true],
    ["park staff manage their park's enterprises", parkStaff, { type: "enterprise.update", ...other }, true],
    ["park staff cannot touch another park", parkStaff, { type: "enterprise.update", ...elsewhere }, false],
    ["park staff register enterprises in their park", parkStaff, { type: "enterprise.create", parkId: 100 }, true],
    ["park staff register external enterprises", parkStaff, { type: "enterprise.create", parkId: null }, true],
    ["park staff cannot register in another park", parkStaff, { type: "enterprise.create", parkId: 200 }, false],
    ["enterprise users cannot register enterprises", enterpriseAdmin, { type: "enterprise.create", parkId: null }, false],
    ["park staff verify in their park", parkStaff, { type: "enterprise.verify", parkId: 100 }, true],
    ["nobody but admins creates parks", parkStaff, { type: "park.create" }, false],
    ["admins may do everything", admin, { type: "park.create" }, true],
    ["anonymous sees nothing private", anonymous, { type: "enterprise.viewPrivate", ...own }, false],
    ["staff see their own listings", enterpriseStaff, { type: "listing.view", ...own }, true],
    ["a buyer cannot see another enterprise's listings", buyer, { type: "listing.view", ...own }, false],
    ["park staff see their park's listings", parkStaff, { type: "listing.view", ...other }, true],
    ["park staff cannot see another park's listings", parkStaff, { type: "listing.view", ...elsewhere }, false],
    ["procurement staff post demands for their enterprise", buyer, { type: "demand.manage", enterpriseId: 11 }, true],
    ["nobody posts demands for another enterprise", enterpriseAdmin, { type: "demand.manage", enterpriseId: 11 }, false],
    ["park staff do not post demands for an enterprise", parkStaff, { type: "demand.manage", enterpriseId: 10 }, false],
    ["enterprise staff post supply offers", enterpriseStaff, { type: "supply.manage", enterpriseId: 10 }, true],
    ["procurement staff do not post supply offers", buyer, { type: "supply.manage", enterpriseId: 11 }, false],
    ["a buyer dismisses its own matches", buyer, { type: "match.dismiss", enterpriseId: 11 }, true],
    ["nobody dismisses another enterprise's matches", enterpriseAdmin, { type: "match.dismiss", enterpriseId: 11 }, false],
    ["a buyer explores suppliers for itself", buyer, { type: "match.explore", enterpriseId: 11, parkId: null }, true],
    ["nobody explores as another buyer", buyer, { type: "match.explore", ...own }, false],
    ["park staff see their park's allocation", parkStaff, { type: "allocation.view", parkId: 100 }, true],
    ["park staff cannot see another park's allocation", parkStaff, { type: "allocation.view", parkId: 200 }, false],
    ["enterprises do not see the park allocation", enterpriseAdmin, { type: "allocation.view", parkId: 100 }, false],
    ["an enterprise admin records licences", enterpriseAdmin, { type: "licence.manage", ...own }, true],
    ["enterprise staff cannot record licences", enterpriseStaff, { type: "licence.manage", ...own }, false],
    ["enterprise staff see their licences", enterpriseStaff, { type: "licence.view", ...own }, true],
    ["another enterprise cannot see licences", buyer, { type: "licence.view", ...own }, false],
    ["park staff verify licences in their park", parkStaff, { type: "licence.verify", parkId: 100 }, true],
    ["park staff cannot verify in another park", parkStaff, { type: "licence.verify", parkId: 200 }, false],
    ["an enterprise cannot verify its own licences", enterpriseAdmin, { type: "licence.verify", parkId: 100 }, false],
  ])("%s", (_, actor, action, allowed) => {
    expect(can(actor, action)).toBe(allowed);
  });

  it("tells an anonymous visitor to sign in and a member that it is forbidden", () => {
    expect(() => authorize(anonymous, { type: "park.create" })).toThrow(expect.objectContaining({ code: "UNAUTHORIZED" }));
    expect(() => authorize(buyer, { type: "park.create" })).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });

  it("sends each user to the home of their strongest role", () => {
    expect([admin, parkStaff, enterpriseAdmin, buyer, anonymous].map(homeKind)).toEqual([
      "admin", "park", "enterprise", "procurement", "visitor",
    ]);
  });
});
