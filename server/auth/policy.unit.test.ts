import { describe, expect, it } from "vitest";
import { anonymous, homeKind, type Actor } from "./actor";
import { authorize, can, type Action } from "./policy";

const enterpriseAdmin: Actor = { userId: 1, name: "a", platformAdmin: false, enterprises: [{ enterpriseId: 10, role: "admin" }], parkIds: [] };
const enterpriseStaff: Actor = { userId: 2, name: "s", platformAdmin: false, enterprises: [{ enterpriseId: 10, role: "staff" }], parkIds: [] };
const buyer: Actor = { userId: 3, name: "b", platformAdmin: false, enterprises: [{ enterpriseId: 11, role: "procurement" }], parkIds: [] };
const parkStaff: Actor = { userId: 4, name: "p", platformAdmin: false, enterprises: [], parkIds: [100] };
const admin: Actor = { userId: 5, name: "x", platformAdmin: true, enterprises: [], parkIds: [] };

const own = { enterpriseId: 10, parkId: 100 };
/** a deal between enterprise 11 (buyer, park 100) and enterprise 10 (seller, park 100) */
const deal = { buyer: { enterpriseId: 11, parkId: 100 }, seller: { enterpriseId: 10, parkId: 100 } };
/** a deal between two enterprises neither of these users belongs to, in another park */
const othersDeal = { buyer: { enterpriseId: 13, parkId: 200 }, seller: { enterpriseId: 14, parkId: null } };
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
    ["a buyer inquires in its own enterprise's name", buyer, { type: "inquiry.create", enterpriseId: 11 }, true],
    ["a buyer cannot inquire in another enterprise's name", buyer, { type: "inquiry.create", enterpriseId: 10 }, false],
    ["park staff do not inquire", parkStaff, { type: "inquiry.create", enterpriseId: 10 }, false],
    ["the buyer sees its deal", buyer, { type: "deal.view", ...deal }, true],
    ["the seller sees its deal", enterpriseStaff, { type: "deal.view", ...deal }, true],
    ["park staff see deals of their park", parkStaff, { type: "deal.view", ...deal }, true],
    ["no one sees another pair's deal", enterpriseAdmin, { type: "deal.view", ...othersDeal }, false],
    ["park staff of another park do not see the deal", parkStaff, { type: "deal.view", ...othersDeal }, false],
    ["anonymous sees no deal", anonymous, { type: "deal.view", ...deal }, false],
    ["both parties write in the thread", buyer, { type: "inquiry.post", ...deal }, true],
    ["park staff read but do not write in a thread", parkStaff, { type: "inquiry.post", ...deal }, false],
    ["the seller quotes", enterpriseStaff, { type: "quote.send", ...deal }, true],
    ["the buyer does not quote", buyer, { type: "quote.send", ...deal }, false],
    ["the buyer accepts a quote", buyer, { type: "quote.accept", ...deal }, true],
    ["the seller does not accept its own quote", enterpriseAdmin, { type: "quote.accept", ...deal }, false],
    ["a buyer sends an RFQ for its own enterprise", buyer, { type: "rfq.send", enterpriseId: 11 }, true],
    ["a supplier sends no RFQ in the buyer's name", enterpriseAdmin, { type: "rfq.send", enterpriseId: 11 }, false],
    ["park staff send no RFQ", parkStaff, { type: "rfq.send", enterpriseId: 11 }, false],
    ["the buyer sees its RFQ matrix", buyer, { type: "rfq.view", buyer: deal.buyer }, true],
    ["an invited supplier does not see the RFQ matrix", enterpriseAdmin, { type: "rfq.view", buyer: deal.buyer }, false],
    ["the buyer's park staff see the RFQ matrix", parkStaff, { type: "rfq.view", buyer: deal.buyer }, true],
    ["another park's staff do not see the RFQ matrix", parkStaff, { type: "rfq.view", buyer: othersDeal.buyer }, false],
    ["the buyer awards its RFQ", buyer, { type: "rfq.award", buyer: deal.buyer }, true],
    ["park staff do not award an RFQ", parkStaff, { type: "rfq.award", buyer: deal.buyer }, false],
    ["an invited supplier does not award an RFQ", enterpriseStaff, { type: "rfq.award", buyer: deal.buyer }, false],
    ["the buyer counters a quote", buyer, { type: "quote.counter", ...deal }, true],
    ["the seller does not counter its own quote", enterpriseAdmin, { type: "quote.counter", ...deal }, false],
    ["park staff do not counter for a party", parkStaff, { type: "quote.counter", ...deal }, false],
    ["the seller answers a counter-offer", enterpriseStaff, { type: "quote.answerCounter", ...deal }, true],
    ["the buyer does not answer its own counter-offer", buyer, { type: "quote.answerCounter", ...deal }, false],
    ["no one answers another pair's counter-offer", enterpriseAdmin, { type: "quote.answerCounter", ...othersDeal }, false],
    ["park staff record agreements of their park", parkStaff, { type: "agreement.create", ...deal }, true],
    ["a party records its agreement", buyer, { type: "agreement.create", ...deal }, true],
    ["no one records another pair's agreement", buyer, { type: "agreement.manage", ...othersDeal }, false],
    ["a party's member does not record a signing", enterpriseAdmin, { type: "agreement.recordSigned", ...deal }, false],
    ["park staff record a signing at their park", parkStaff, { type: "agreement.recordSigned", ...deal }, true],
    ["park staff of another park do not", parkStaff, { type: "agreement.recordSigned", ...othersDeal }, false],
    ["the buyer's procurement proposes a signing", buyer, { type: "agreement.propose", side: "buyer", ...deal }, true],
    ["the seller's staff proposes a signing", enterpriseStaff, { type: "agreement.propose", side: "seller", ...deal }, true],
    ["a member proposes only for its own side", buyer, { type: "agreement.propose", side: "seller", ...deal }, false],
    ["park staff do not propose (they record)", parkStaff, { type: "agreement.propose", side: "buyer", ...deal }, false],
    ["the seller's admin confirms a signing", enterpriseAdmin, { type: "agreement.confirm", side: "seller", ...deal }, true],
    ["the seller's staff does not confirm", enterpriseStaff, { type: "agreement.confirm", side: "seller", ...deal }, false],
    ["the buyer's procurement does not confirm", buyer, { type: "agreement.confirm", side: "buyer", ...deal }, false],
    ["the buyer's procurement calls off", buyer, { type: "agreement.callOff", ...deal }, true],
    ["the seller does not call off", enterpriseAdmin, { type: "agreement.callOff", ...deal }, false],
    ["the seller's staff records a delivery", enterpriseStaff, { type: "agreement.deliver", ...deal }, true],
    ["the buyer does not record a delivery", buyer, { type: "agreement.deliver", ...deal }, false],
    ["park staff record deliveries of their park", parkStaff, { type: "agreement.deliver", ...deal }, true],
    ["a party's admin terminates", enterpriseAdmin, { type: "agreement.changeStatus", to: "terminated", ...deal }, true],
    ["a party's staff does not terminate", enterpriseStaff, { type: "agreement.changeStatus", to: "terminated", ...deal }, false],
    ["procurement does not activate", buyer, { type: "agreement.changeStatus", to: "active", ...deal }, false],
    ["park staff import agreements", parkStaff, { type: "agreement.import" }, true],
    ["enterprises do not import agreements", enterpriseAdmin, { type: "agreement.import" }, false],
    ["park staff hold events in their park", parkStaff, { type: "event.create", parkId: 100 }, true],
    ["park staff do not hold events in another park", parkStaff, { type: "event.create", parkId: 200 }, false],
    ["park staff see their park's dashboard", parkStaff, { type: "report.view", parkId: 100 }, true],
    ["park staff do not see another park's dashboard", parkStaff, { type: "report.view", parkId: 200 }, false],
    ["only admins see every park at once", parkStaff, { type: "report.view", parkId: null }, false],
    ["admins see every park at once", admin, { type: "report.view", parkId: null }, true],
    ["enterprises see no dashboard", enterpriseAdmin, { type: "report.view", parkId: 100 }, false],
    ["park staff of a party's park read the agent's full ID in the ledger", parkStaff, { type: "ledger.agentId", ...deal }, true],
    ["park staff of another park do not", parkStaff, { type: "ledger.agentId", ...othersDeal }, false],
    ["a party's own admin does not either", enterpriseAdmin, { type: "ledger.agentId", ...deal }, false],
    ["members read the product handbook", buyer, { type: "handbook.view", parkId: 200 }, true],
    ["anonymous visitors do not", anonymous, { type: "handbook.view", parkId: 100 }, false],
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
    ["staff edit their own catalogue", enterpriseStaff, { type: "catalogue.edit", ...own }, true],
    ["an enterprise admin cannot edit another's catalogue", enterpriseAdmin, { type: "catalogue.edit", ...other }, false],
    ["a buyer reads but does not edit its own catalogue", { ...buyer, enterprises: [{ enterpriseId: 10, role: "procurement" }] }, { type: "catalogue.edit", ...own }, false],
    ["a buyer sees its own catalogue", { ...buyer, enterprises: [{ enterpriseId: 10, role: "procurement" }] }, { type: "catalogue.view", ...own }, true],
    ["a buyer does not see another's catalogue", buyer, { type: "catalogue.view", ...own }, false],
    ["park staff onboard their park's catalogues", parkStaff, { type: "catalogue.edit", ...other }, true],
    ["park staff cannot edit another park's catalogues", parkStaff, { type: "catalogue.edit", ...elsewhere }, false],
    ["park staff curate the dictionary", parkStaff, { type: "dictionary.curate" }, true],
    ["enterprise users do not curate the dictionary", enterpriseAdmin, { type: "dictionary.curate" }, false],
    ["park staff maintain the regulated lists", parkStaff, { type: "regulatedList.maintain" }, true],
    ["admins maintain the regulated lists", admin, { type: "regulatedList.maintain" }, true],
    ["enterprise admins do not maintain the regulated lists", enterpriseAdmin, { type: "regulatedList.maintain" }, false],
    ["anonymous visitors do not either", anonymous, { type: "regulatedList.maintain" }, false],
    ["only admins rebuild the search indexes", parkStaff, { type: "search.reindex" }, false],
    ["admins rebuild the search indexes", admin, { type: "search.reindex" }, true],
    ["anonymous visitors do not see who trades hazardous products", anonymous, { type: "hazardous.viewDetails", enterpriseId: 10 }, false],
    ["members of an unverified enterprise do not either", buyer, { type: "hazardous.viewDetails", enterpriseId: 10 }, false],
    ["but they see their own enterprise's listings", buyer, { type: "hazardous.viewDetails", enterpriseId: 11 }, true],
    ["members of a verified enterprise see them", { ...buyer, enterprises: [{ enterpriseId: 11, role: "procurement", verified: true }] }, { type: "hazardous.viewDetails", enterpriseId: 10 }, true],
    ["park staff see them", parkStaff, { type: "hazardous.viewDetails", enterpriseId: 10 }, true],
    ["admins see them", admin, { type: "hazardous.viewDetails" }, true],
    ["park staff see listings hidden for a blocked licence, to chase it", parkStaff, { type: "listing.viewBlocked" }, true],
    ["admins see them too", admin, { type: "listing.viewBlocked" }, true],
    ["enterprise members do not", enterpriseAdmin, { type: "listing.viewBlocked" }, false],
    ["nor visitors", anonymous, { type: "listing.viewBlocked" }, false],
    ["a visitor applies to join", anonymous, { type: "application.submit" }, true],
    ["a visitor cannot list applications", anonymous, { type: "application.list" }, false],
    ["an enterprise admin cannot list applications", enterpriseAdmin, { type: "application.list" }, false],
    ["park staff review applications to their park", parkStaff, { type: "application.review", parkId: 100 }, true],
    ["park staff cannot review another park's", parkStaff, { type: "application.review", parkId: 200 }, false],
    ["park staff cannot review an external enterprise's", parkStaff, { type: "application.review", parkId: null }, false],
    ["admins review external ones", admin, { type: "application.review", parkId: null }, true],
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
