import type { HomeKind } from "@/server/auth/actor";

/** The navigation of each kind of user: message key and URL. Domains add their pages here. */
export interface NavItem {
  key: string;
  href: string;
}

const DIRECTORY: NavItem = { key: "nav.directory", href: "/enterprises" };
const DEMANDS: NavItem = { key: "nav.demands", href: "/demands" };
const ALLOCATION: NavItem = { key: "nav.allocation", href: "/park/allocation" };

export const NAV: Record<HomeKind, NavItem[]> = {
  visitor: [{ key: "nav.home", href: "/" }, DIRECTORY],
  enterprise: [
    { key: "nav.workspace", href: "/enterprise" }, DEMANDS, { key: "nav.offers", href: "/offers" },
    { key: "nav.byproducts", href: "/byproducts" }, { key: "nav.buyers", href: "/matches/buyers" }, DIRECTORY,
  ],
  procurement: [{ key: "nav.workspace", href: "/procurement" }, DEMANDS, DIRECTORY],
  park: [{ key: "nav.park", href: "/park" }, ALLOCATION, DIRECTORY],
  admin: [{ key: "nav.admin", href: "/admin" }, { key: "nav.park", href: "/park" }, ALLOCATION, DIRECTORY],
};

/** Where each kind of user lands after signing in. */
export const HOME: Record<HomeKind, string> = {
  visitor: "/",
  enterprise: "/enterprise",
  procurement: "/procurement",
  park: "/park",
  admin: "/admin",
};
