"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { useRef } from "react";

export interface NavLinkItem {
  href: string;
  label: string;
  more?: boolean;
}

const linkClass =
  "block rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-700";

/** A dot beside a link while the page it leads to loads (pages stream only once they can answer). */
function Pending() {
  const { pending } = useLinkStatus();
  return <span aria-hidden="true" className={pending ? "ml-1.5 inline-block h-2 w-2 animate-pulse rounded-full bg-brand-600 align-middle" : "hidden"} />;
}

/**
 * The navigation links, the current one marked for eyes and screen readers. On the bar, entries
 * marked `more` sit in a "更多 / More" menu; the vertical (small screen) list shows them all.
 */
export function NavLinks({ items, vertical = false, moreLabel }: { items: NavLinkItem[]; vertical?: boolean; moreLabel?: string }) {
  const pathname = usePathname();
  const menu = useRef<HTMLDetailsElement>(null);
  const matches = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  // the most specific entry is the current one: /enterprise/products marks 产品目录, not 工作台 too
  const current = items.filter((i) => matches(i.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  const link = (item: NavLinkItem, onClick?: () => void) => (
    <Link href={item.href} aria-current={item.href === current ? "page" : undefined} className={linkClass} onClick={onClick}>
      {item.label}
      <Pending />
    </Link>
  );
  const main = vertical ? items : items.filter((i) => !i.more);
  const more = vertical ? [] : items.filter((i) => i.more);
  return (
    <ul className={vertical ? "flex flex-col gap-1" : "flex items-center gap-1"}>
      {main.map((item) => <li key={item.href}>{link(item)}</li>)}
      {more.length ? (
        <li>
          <details ref={menu} className="relative">
            <summary
              className={`${linkClass} cursor-pointer list-none`}
              aria-current={more.some((i) => i.href === current) ? "page" : undefined}
            >
              {moreLabel} ▾
            </summary>
            <ul className="absolute left-0 z-20 mt-1 w-48 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
              {more.map((item) => (
                <li key={item.href}>{link(item, () => menu.current?.removeAttribute("open"))}</li>
              ))}
            </ul>
          </details>
        </li>
      ) : null}
    </ul>
  );
}
