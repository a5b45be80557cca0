import type { HomeKind } from "@/server/auth/actor";

/** The navigation of each kind of user: message key and URL. Domains add their pages here. */
export interface NavItem {
  key: string;
  href: string;
}

const DIRECTORY: NavItem = { key: "nav.directory", href: "/enterprises" };
const SEARCH: NavItem = { key: "nav.search", href: "/search" };
const CATALOGUE: NavItem = { key: "nav.catalogue", href: "/enterprise/products" };
const DICTIONARY: NavItem = { key: "nav.dictionary", href: "/park/dictionary" };

export const NAV: Record<HomeKind, NavItem[]> = {
  visitor: [{ key: "nav.home", href: "/" }, SEARCH, DIRECTORY],
  enterprise: [{ key: "nav.workspace", href: "/enterprise" }, CATALOGUE, SEARCH, DIRECTORY],
  procurement: [{ key: "nav.workspace", href: "/procurement" }, SEARCH, DIRECTORY],
  park: [{ key: "nav.park", href: "/park" }, DICTIONARY, SEARCH, DIRECTORY],
  admin: [{ key: "nav.admin", href: "/admin" }, { key: "nav.park", href: "/park" }, DICTIONARY, SEARCH, DIRECTORY],
};

/** Where each kind of user lands after signing in. */
export const HOME: Record<HomeKind, string> = {
  visitor: "/",
  enterprise: "/enterprise",
  procurement: "/procurement",
  park: "/park",
  admin: "/admin",
};
