import type { HomeKind } from "@/server/auth/actor";

/** The navigation of each kind of user: message key and URL. Domains add their pages here. */
export interface NavItem {
  key: string;
  href: string;
  /** listed under "更多 / More" on wide screens, to keep the bar short */
  more?: boolean;
}

const DIRECTORY: NavItem = { key: "nav.directory", href: "/enterprises" };
const SEARCH: NavItem = { key: "nav.search", href: "/search" };
const CATALOGUE: NavItem = { key: "nav.catalogue", href: "/enterprise/products" };
const DICTIONARY: NavItem = { key: "nav.dictionary", href: "/park/dictionary", more: true };
const INQUIRIES: NavItem = { key: "nav.inquiries", href: "/inquiries" };
const AGREEMENTS: NavItem = { key: "nav.agreements", href: "/agreements" };
const EVENTS: NavItem = { key: "nav.events", href: "/events" };
const DASHBOARD: NavItem = { key: "nav.dashboard", href: "/park/dashboard" };
const HANDBOOK: NavItem = { key: "nav.handbook", href: "/handbook", more: true };
const DEMANDS: NavItem = { key: "nav.demands", href: "/demands" };
const ALLOCATION: NavItem = { key: "nav.allocation", href: "/park/allocation" };
const CHAIN_MAP: NavItem = { key: "nav.chain_map", href: "/park/chain-map" };
const MORE_DIRECTORY: NavItem = { ...DIRECTORY, more: true };
const SAVED_SEARCHES: NavItem = { key: "alerts.nav", href: "/searches", more: true };
const APPLICATIONS: NavItem = { key: "application.review_nav", href: "/park/applications", more: true };

export const NAV: Record<HomeKind, NavItem[]> = {
  visitor: [{ key: "nav.home", href: "/" }, SEARCH, DIRECTORY, EVENTS, { key: "application.nav", href: "/apply" }],
  enterprise: [
    { key: "nav.workspace", href: "/enterprise" }, CATALOGUE, SEARCH, DEMANDS, { key: "nav.offers", href: "/offers" }, INQUIRIES, AGREEMENTS,
    { key: "nav.byproducts", href: "/byproducts", more: true }, { key: "nav.buyers", href: "/matches/buyers", more: true }, MORE_DIRECTORY, HANDBOOK,
    SAVED_SEARCHES,
  ],
  procurement: [{ key: "nav.workspace", href: "/procurement" }, SEARCH, DEMANDS, INQUIRIES, AGREEMENTS, MORE_DIRECTORY, HANDBOOK, SAVED_SEARCHES],
  park: [
    { key: "nav.park", href: "/park" }, DASHBOARD, ALLOCATION, CHAIN_MAP, AGREEMENTS, EVENTS,
    DICTIONARY, { ...SEARCH, more: true }, MORE_DIRECTORY, HANDBOOK, APPLICATIONS,
  ],
  admin: [
    { key: "nav.admin", href: "/admin" }, { key: "nav.park", href: "/park" }, DASHBOARD, AGREEMENTS,
    { ...ALLOCATION, more: true }, { ...CHAIN_MAP, more: true }, DICTIONARY, { ...SEARCH, more: true }, MORE_DIRECTORY, APPLICATIONS,
  ],
};

/** Where each kind of user lands after signing in. */
export const HOME: Record<HomeKind, string> = {
  visitor: "/",
  enterprise: "/enterprise",
  procurement: "/procurement",
  park: "/park",
  admin: "/admin",
};
