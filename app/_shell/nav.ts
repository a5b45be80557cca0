import type { HomeKind } from "@/server/auth/actor";

/** The navigation of each kind of user: message key and URL. Domains add their pages here. */
export interface NavItem {
  key: string;
  href: string;
}

const DIRECTORY: NavItem = { key: "nav.directory", href: "/enterprises" };
const INQUIRIES: NavItem = { key: "nav.inquiries", href: "/inquiries" };
const AGREEMENTS: NavItem = { key: "nav.agreements", href: "/agreements" };
const EVENTS: NavItem = { key: "nav.events", href: "/events" };
const DASHBOARD: NavItem = { key: "nav.dashboard", href: "/park/dashboard" };
const HANDBOOK: NavItem = { key: "nav.handbook", href: "/handbook" };
const DEMANDS: NavItem = { key: "nav.demands", href: "/demands" };
const ALLOCATION: NavItem = { key: "nav.allocation", href: "/park/allocation" };

export const NAV: Record<HomeKind, NavItem[]> = {
  visitor: [{ key: "nav.home", href: "/" }, DIRECTORY, EVENTS],
  enterprise: [
    { key: "nav.workspace", href: "/enterprise" }, DEMANDS, { key: "nav.offers", href: "/offers" },
    { key: "nav.byproducts", href: "/byproducts" }, { key: "nav.buyers", href: "/matches/buyers" }, INQUIRIES, AGREEMENTS,
    DIRECTORY, HANDBOOK,
  ],
  procurement: [{ key: "nav.workspace", href: "/procurement" }, DEMANDS, INQUIRIES, AGREEMENTS, DIRECTORY, HANDBOOK],
  park: [{ key: "nav.park", href: "/park" }, DASHBOARD, ALLOCATION, AGREEMENTS, EVENTS, DIRECTORY, HANDBOOK],
  admin: [{ key: "nav.admin", href: "/admin" }, { key: "nav.park", href: "/park" }, DASHBOARD, ALLOCATION, AGREEMENTS, DIRECTORY],
};

/** Where each kind of user lands after signing in. */
export const HOME: Record<HomeKind, string> = {
  visitor: "/",
  enterprise: "/enterprise",
  procurement: "/procurement",
  park: "/park",
  admin: "/admin",
};
