import type { Actor } from "./actor";
import { forbidden, AppError } from "@/server/errors";

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
  /** see an enterprise's own catalogue, including retired and blocked products and import history */
  | { type: "catalogue.view"; enterpriseId: number; parkId: number | null }
  /** add, edit, retire, restore and import an enterprise's products, and upload their documents */
  | { type: "catalogue.edit"; enterpriseId: number; parkId: number | null }
  /** correct the substance dictionary (names, aliases) */
  | { type: "dictionary.curate" }
  /** rebuild the search indexes from PostgreSQL */
  | { type: "search.reindex" };

const isSignedIn = (a: Actor) => a.userId !== null || a.platformAdmin;
const memberOf = (a: Actor, enterpriseId: number) => a.enterprises.find((e) => e.enterpriseId === enterpriseId);
const staffOf = (a: Actor, parkId: number | null) => parkId !== null && a.parkIds.includes(parkId);
const isParkStaff = (a: Actor) => a.parkIds.length > 0;

export function can(actor: Actor, action: Action): boolean {
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
    case "catalogue.view":
      return Boolean(memberOf(actor, action.enterpriseId)) || staffOf(actor, action.parkId);
    case "catalogue.edit": {
      // the enterprise's own admins and staff, and its park's staff (who onboard catalogues); buyers only read
      const role = memberOf(actor, action.enterpriseId)?.role;
      return role === "admin" || role === "staff" || staffOf(actor, action.parkId);
    }
    case "dictionary.curate":
      return isParkStaff(actor);
  }
}

/** Throws FORBIDDEN (or UNAUTHORIZED for an anonymous visitor) unless the actor may act. */
export function authorize(actor: Actor, action: Action): void {
  if (can(actor, action)) return;
  if (!isSignedIn(actor)) {
    throw new AppError("UNAUTHORIZED", { zh: "请先登录", en: "Please sign in first" });
  }
  throw forbidden();
}
