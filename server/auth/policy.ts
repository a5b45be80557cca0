import type { Actor } from "./actor";
import { forbidden, AppError } from "@/server/errors";

/** One side of a deal: the enterprise and its park (null for an enterprise outside every park). */
export interface Party {
  enterpriseId: number;
  parkId: number | null;
}

/** Which party of a deal an enterprise member acts for. */
export type DealSide = "buyer" | "seller";

/**
 * The one place that decides who may do what. Every tRPC procedure and CLI command asks here;
 * nothing else makes access decisions.
 */
export type Action =
  | { type: "park.create" }
  | { type: "park.manage"; parkId: number }
  | { type: "enterprise.create"; parkId: number | null }
  | { type: "enterprise.viewPrivate"; enterpriseId: number; parkId: number | null }
  | { type: "enterprise.update"; enterpriseId: number; parkId: number | null }
  | { type: "enterprise.verify"; parkId: number | null }
  | { type: "enterprise.import" }
  | { type: "member.list"; enterpriseId: number; parkId: number | null }
  | { type: "member.add"; enterpriseId: number; parkId: number | null }
  | { type: "user.list" }
  | { type: "user.disable" }
  // deals: inquiries, quotes, agreements (DESIGN.md, "inquiry", "agreement")
  | { type: "inquiry.create"; enterpriseId: number }
  | { type: "deal.view"; buyer: Party; seller: Party }
  | { type: "inquiry.post"; buyer: Party; seller: Party }
  | { type: "quote.send"; buyer: Party; seller: Party }
  | { type: "quote.accept"; buyer: Party; seller: Party }
  /** 索样: ask for a sample in the name of the buying enterprise (the inquiry's compliance rules apply) */
  | { type: "sample.request"; enterpriseId: number }
  /** move a sample on: the supplier sends it, the buyer receives and evaluates it */
  | { type: "sample.advance"; to: "sent" | "received" | "evaluated"; buyer: Party; seller: Party }
  /** send an RFQ (群发询价) for this buying enterprise's demand */
  | { type: "rfq.send"; enterpriseId: number }
  /** see an RFQ and the matrix of every invited supplier's answer: the buyer's side only (each supplier sees its own thread) */
  | { type: "rfq.view"; buyer: Party }
  /** award an RFQ's volume to one or several of the quotes */
  | { type: "rfq.award"; buyer: Party }
  /** 还价: the buyer proposes other terms on the supplier's quote */
  | { type: "quote.counter"; buyer: Party; seller: Party }
  /** the supplier accepts or declines a counter-offer (or answers it with a new quote: quote.send) */
  | { type: "quote.answerCounter"; buyer: Party; seller: Party }
  | { type: "agreement.create"; buyer: Party; seller: Party }
  | { type: "agreement.manage"; buyer: Party; seller: Party }
  | { type: "agreement.recordSigned"; buyer: Party; seller: Party }
  | { type: "agreement.propose"; side: DealSide; buyer: Party; seller: Party }
  | { type: "agreement.confirm"; side: DealSide; buyer: Party; seller: Party }
  | { type: "agreement.callOff"; buyer: Party; seller: Party }
  | { type: "agreement.deliver"; buyer: Party; seller: Party }
  | { type: "agreement.changeStatus"; to: "active" | "completed" | "terminated"; buyer: Party; seller: Party }
  | { type: "agreement.import" }
  /** the agreement pages before the parties are chosen: may the actor create (record signed) an agreement for some pair of parties */
  | { type: "agreement.createAny" }
  | { type: "agreement.recordSignedAny" }
  | { type: "event.create"; parkId: number | null }
  | { type: "report.view"; parkId: number | null }
  /**
   * read the full ID number of a shipment's agent (经办人) in the flow ledger's export; every
   * screen shows it masked, whoever looks
   */
  | { type: "ledger.agentId"; buyer: Party; seller: Party }
  | { type: "handbook.view"; parkId: number }
  // listings (demands, supply offers, by-products) and their matches
  | { type: "listing.view"; enterpriseId: number; parkId: number | null }
  /** see listings hidden from buyers for a blocked or lapsed supplier licence (marked), to chase the licence */
  | { type: "listing.viewBlocked" }
  | { type: "demand.manage"; enterpriseId: number }
  | { type: "supply.manage"; enterpriseId: number }
  | { type: "match.dismiss"; enterpriseId: number }
  | { type: "match.explore"; enterpriseId: number; parkId: number | null }
  | { type: "allocation.view"; parkId: number }
  /** the park's 产业链图谱 (chain map) and its substance views */
  | { type: "chainMap.view"; parkId: number }
  // licences on file
  | { type: "licence.view"; enterpriseId: number; parkId: number | null }
  | { type: "licence.manage"; enterpriseId: number; parkId: number | null }
  | { type: "licence.verify"; parkId: number | null }
  /** see an enterprise's own catalogue, including retired and blocked products and import history */
  | { type: "catalogue.view"; enterpriseId: number; parkId: number | null }
  /** add, edit, retire, restore and import an enterprise's products, and upload their documents */
  | { type: "catalogue.edit"; enterpriseId: number; parkId: number | null }
  /** correct the substance dictionary (names, aliases) */
  | { type: "dictionary.curate" }
  /** add a substance to, or remove it from, a regulated list (剧毒, 易制爆, 易制毒 1–3), and read those changes */
  | { type: "regulatedList.maintain" }
  /** rebuild the search indexes from PostgreSQL */
  | { type: "search.reindex" }
  /**
   * see who trades a hazardous substance and at what quantities and prices: a hazardous product's
   * supplier, a hazardous demand's buyer, and what identifies them (DESIGN.md, "Compliance").
   * `enterpriseId` is that enterprise, when known: its own members always see their own listings.
   */
  | { type: "hazardous.viewDetails"; enterpriseId?: number | null }
  /**
   * inquire (or answer a demand) about a hazardous substance in the name of this enterprise:
   * verified enterprises only (park staff onboard and may act for them)
   */
  | { type: "inquiry.regulated"; enterpriseId: number; verified: boolean }
  /**
   * keep a search with an alert that reaches the user through this enterprise's notifications (a
   * member's own); the worker asks again before each alert, so a user who left gets none
   */
  | { type: "savedSearch.alert"; enterpriseId: number }
  /** see, pause or delete a saved search: its owner only, platform admins included (a person's own, like a password) */
  | { type: "savedSearch.manage"; ownerUserId: number }
  /** apply to join (入驻申请): anyone, a visitor included (the service limits submissions per address) */
  | { type: "application.submit" }
  /** look up an application's outcome with its credit code and contact email (the applicant has no account yet) */
  | { type: "application.checkStatus" }
  /** list applications to join: park staff (those of their parks) and platform admins (all) */
  | { type: "application.list" }
  /**
   * read an application to join (with its business licence scan), approve or reject it: the staff
   * of the park it names; platform admins, and they alone for an enterprise outside every park
   */
  | { type: "application.review"; parkId: number | null };

const isSignedIn = (a: Actor) => a.userId !== null || a.platformAdmin;
const memberOf = (a: Actor, enterpriseId: number) => a.enterprises.find((e) => e.enterpriseId === enterpriseId);
const staffOf = (a: Actor, parkId: number | null) => parkId !== null && a.parkIds.includes(parkId);
const isParkStaff = (a: Actor) => a.parkIds.length > 0;
const partyMember = (a: Actor, d: { buyer: Party; seller: Party }) =>
  Boolean(memberOf(a, d.buyer.enterpriseId) || memberOf(a, d.seller.enterpriseId));
const partyStaff = (a: Actor, d: { buyer: Party; seller: Party }) => staffOf(a, d.buyer.parkId) || staffOf(a, d.seller.parkId);
const roleIn = (a: Actor, d: { buyer: Party; seller: Party }, side: DealSide) => memberOf(a, d[side].enterpriseId)?.role;
const partyAdmin = (a: Actor, d: { buyer: Party; seller: Party }) => roleIn(a, d, "buyer") === "admin" || roleIn(a, d, "seller") === "admin";

/*
 * Agreements: who may do what (enforced by the agreement services for every procedure).
 *
 *                                 | member of a party (enterprise role)        | park staff of a | platform
 *                                 | admin      | staff        | procurement    | party's park    | admin
 * --------------------------------+------------+--------------+----------------+-----------------+---------
 * create a draft                  | yes        | yes          | yes            | yes             | yes
 * edit a draft, upload documents  | yes        | yes          | yes            | yes             | yes
 * record as signed (create signed,| no         | no           | no             | yes             | yes
 *   import, draft → signed)       |            |              |                |                 |
 * propose signing (提交签约)       | yes        | seller only  | buyer only     | no (records)    | as a party*
 * confirm signing (确认签约)       | other party| no           | no             | no (records)    | as a party*
 * call off (framework)            | buyer only | no           | buyer only     | yes             | yes
 * record a delivery               | seller only| seller only  | no             | yes             | yes
 * activate, complete, terminate   | yes        | no           | no             | yes             | yes
 *
 * * propose and confirm speak for one of the two enterprises, so they also need a membership;
 *   both parties must be verified, and a controlled-substance line needs the buyer's licence.
 */

export function can(actor: Actor, action: Action): boolean {
  if (action.type === "savedSearch.manage") return actor.userId !== null && actor.userId === action.ownerUserId;
  if (actor.platformAdmin) return true;
  switch (action.type) {
    case "park.create":
    case "user.list":
    case "user.disable":
    case "search.reindex":
      return false;
    case "park.manage":
      return staffOf(actor, action.parkId);
    case "enterprise.create":
      // park staff register enterprises of their park, and external ones they work with
      return action.parkId === null ? isParkStaff(actor) : staffOf(actor, action.parkId);
    case "enterprise.verify":
      return staffOf(actor, action.parkId);
    case "enterprise.import":
      return isParkStaff(actor);
    case "enterprise.viewPrivate":
    case "member.list":
      return Boolean(memberOf(actor, action.enterpriseId)) || staffOf(actor, action.parkId);
    case "enterprise.update":
      return memberOf(actor, action.enterpriseId)?.role === "admin" || staffOf(actor, action.parkId);
    case "member.add":
      return memberOf(actor, action.enterpriseId)?.role === "admin" || staffOf(actor, action.parkId);
    case "inquiry.create":
      // an enterprise's members inquire (or answer a demand) in its name
      return Boolean(memberOf(actor, action.enterpriseId));
    case "deal.view":
      // the two enterprises, and the staff of a park one of them belongs to (the lists filter by the same scope)
      return inDealViewScope(dealViewScope(actor), action);
    case "inquiry.post":
      return partyMember(actor, action);
    case "quote.send":
      return Boolean(memberOf(actor, action.seller.enterpriseId));
    case "quote.accept":
      return Boolean(memberOf(actor, action.buyer.enterpriseId));
    case "sample.request":
      return Boolean(memberOf(actor, action.enterpriseId));
    case "sample.advance":
      // the supplier's members mark it sent; the buyer's mark it received and evaluate it (park staff only watch)
      return Boolean(memberOf(actor, action.to === "sent" ? action.seller.enterpriseId : action.buyer.enterpriseId));
    case "rfq.send":
      return Boolean(memberOf(actor, action.enterpriseId));
    case "rfq.view":
      // the buyer's members, and the staff of the buyer's park (who see each of its threads anyway)
      return Boolean(memberOf(actor, action.buyer.enterpriseId)) || staffOf(actor, action.buyer.parkId);
    case "rfq.award":
      return Boolean(memberOf(actor, action.buyer.enterpriseId));
    case "quote.counter":
      return Boolean(memberOf(actor, action.buyer.enterpriseId));
    case "quote.answerCounter":
      return Boolean(memberOf(actor, action.seller.enterpriseId));
    case "agreement.create":
    case "agreement.manage":
      // either party, or park staff recording what was signed at their park (see the table above)
      return partyMember(actor, action) || partyStaff(actor, action);
    case "agreement.recordSigned":
      // what was signed at an event, recorded by the staff of a party's park; parties sign in two steps
      return partyStaff(actor, action);
    case "agreement.propose": {
      const role = roleIn(actor, action, action.side);
      return role === "admin" || (action.side === "buyer" ? role === "procurement" : role === "staff");
    }
    case "agreement.confirm":
      return roleIn(actor, action, action.side) === "admin";
    case "agreement.callOff": {
      const role = roleIn(actor, action, "buyer");
      return role === "admin" || role === "procurement" || partyStaff(actor, action);
    }
    case "agreement.deliver": {
      const role = roleIn(actor, action, "seller");
      return role === "admin" || role === "staff" || partyStaff(actor, action);
    }
    case "agreement.changeStatus":
      return partyAdmin(actor, action) || partyStaff(actor, action);
    case "agreement.import":
      return isParkStaff(actor);
    case "agreement.createAny":
      // a member of some enterprise (as a party), or staff of some park (for its enterprises)
      return actor.enterprises.length > 0 || isParkStaff(actor);
    case "agreement.recordSignedAny":
      return isParkStaff(actor);
    case "event.create":
      return action.parkId === null ? isParkStaff(actor) : staffOf(actor, action.parkId);
    case "report.view":
      // a park's figures for its staff; every park at once for platform admins only
      return staffOf(actor, action.parkId);
    case "ledger.agentId":
      // the staff of a party's park, who hand the ledger to the public-security bureau
      return partyStaff(actor, action);
    case "handbook.view":
      // the park's staff, and signed-in members of enterprises (the service hides hazardous
      // details from members of unverified enterprises)
      return staffOf(actor, action.parkId) || actor.enterprises.length > 0;
    case "listing.view":
    case "match.explore":
    case "licence.view":
      // an enterprise's own listings, matches and licences: its members and its park's staff
      return Boolean(memberOf(actor, action.enterpriseId)) || staffOf(actor, action.parkId);
    case "demand.manage":
    case "match.dismiss":
      // every member may buy for the enterprise; park staff watch but do not post for it
      return Boolean(memberOf(actor, action.enterpriseId));
    case "supply.manage": {
      const role = memberOf(actor, action.enterpriseId)?.role;
      return role === "admin" || role === "staff";
    }
    case "allocation.view":
      return staffOf(actor, action.parkId);
    case "chainMap.view":
      // who trades what with whom, in and out of the park: the park's staff (platform admins above)
      return staffOf(actor, action.parkId);
    case "listing.viewBlocked":
      return isParkStaff(actor);
    case "licence.manage":
      return memberOf(actor, action.enterpriseId)?.role === "admin" || staffOf(actor, action.parkId);
    case "licence.verify":
      return staffOf(actor, action.parkId);
    case "catalogue.view":
      return Boolean(memberOf(actor, action.enterpriseId)) || staffOf(actor, action.parkId);
    case "catalogue.edit": {
      // the enterprise's own admins and staff, and its park's staff (who onboard catalogues); buyers only read
      const role = memberOf(actor, action.enterpriseId)?.role;
      return role === "admin" || role === "staff" || staffOf(actor, action.parkId);
    }
    case "dictionary.curate":
      return isParkStaff(actor);
    case "regulatedList.maintain":
      // the lists are national, as the dictionary is: park staff (and platform admins, above)
      return isParkStaff(actor);
    case "savedSearch.alert":
      return isSignedIn(actor) && Boolean(memberOf(actor, action.enterpriseId));
    case "inquiry.regulated":
      return isParkStaff(actor) || (Boolean(memberOf(actor, action.enterpriseId)) && action.verified);
    case "application.submit":
    case "application.checkStatus":
      return true;
    case "application.list":
      return isParkStaff(actor);
    case "application.review":
      return staffOf(actor, action.parkId);
    case "hazardous.viewDetails":
      // a closed, members-only system: park staff, and signed-in members of a verified enterprise
      return isParkStaff(actor) || (isSignedIn(actor) && actor.enterprises.some((e) => e.verified === true)) ||
        (action.enterpriseId != null && Boolean(memberOf(actor, action.enterpriseId)));
  }
}

/**
 * Which deals (inquiries, agreements) a viewer may see: every deal, or those with a party among
 * `enterpriseIds` (its own enterprises) or in a park among `parkIds` (the parks it staffs).
 * `deal.view` decides one deal by it and the lists filter by it in SQL (`./deal-list-scope.ts`), so
 * a list's rows, pages and totals are exactly the deals `deal.view` allows.
 */
export interface DealViewScope {
  all: boolean;
  enterpriseIds: number[];
  parkIds: number[];
}

export const dealViewScope = (actor: Actor): DealViewScope => ({
  all: actor.platformAdmin,
  enterpriseIds: actor.enterprises.map((e) => e.enterpriseId),
  parkIds: actor.parkIds,
});

export const inDealViewScope = (scope: DealViewScope, deal: { buyer: Party; seller: Party }) =>
  scope.all || [deal.buyer, deal.seller].some((p) => scope.enterpriseIds.includes(p.enterpriseId) || (p.parkId !== null && scope.parkIds.includes(p.parkId)));

/** Throws FORBIDDEN (or UNAUTHORIZED for an anonymous visitor) unless the actor may act. */
export function authorize(actor: Actor, action: Action): void {
  if (can(actor, action)) return;
  if (!isSignedIn(actor)) {
    throw new AppError("UNAUTHORIZED", { zh: "请先登录", en: "Please sign in first" });
  }
  throw forbidden();
}
