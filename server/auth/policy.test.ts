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
    ["staff edit their own catalogue", enterpriseStaff, { type: "catalogue.edit", ...own }, true],
    ["an enterprise admin cannot edit another's catalogue", enterpriseAdmin, { type: "catalogue.edit", ...other }, false],
    ["a buyer reads but does not edit its own catalogue", { ...buyer, enterprises: [{ enterpriseId: 10, role: "procurement" }] }, { type: "catalogue.edit", ...own }, false],
    ["a buyer sees its own catalogue", { ...buyer, enterprises: [{ enterpriseId: 10, role: "procurement" }] }, { type: "catalogue.view", ...own }, true],
    ["a buyer does not see another's catalogue", buyer, { type: "catalogue.view", ...own }, false],
    ["park staff onboard their park's catalogues", parkStaff, { type: "catalogue.edit", ...other }, true],
    ["park staff cannot edit another park's catalogues", parkStaff, { type: "catalogue.edit", ...elsewhere }, false],
    ["park staff curate the dictionary", parkStaff, { type: "dictionary.curate" }, true],
    ["enterprise users do not curate the dictionary", enterpriseAdmin, { type: "dictionary.curate" }, false],
    ["only admins rebuild the search indexes", parkStaff, { type: "search.reindex" }, false],
    ["admins rebuild the search indexes", admin, { type: "search.reindex" }, true],
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
