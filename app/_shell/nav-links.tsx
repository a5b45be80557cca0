"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The navigation links, the current one marked for eyes and screen readers. */
export function NavLinks({ items, vertical = false }: { items: { href: string; label: string }[]; vertical?: boolean }) {
  const pathname = usePathname();
  const matches = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  // the most specific entry is the current one: /enterprise/products marks 产品目录, not 工作台 too
  const current = items.filter((i) => matches(i.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  const isCurrent = (href: string) => href === current;
  return (
    <ul className={vertical ? "flex flex-col gap-1" : "flex items-center gap-1"}>
      {items.map((item) => (
        <li key={item.href}>
          <Link
            href={item.href}
            aria-current={isCurrent(item.href) ? "page" : undefined}
            className="block rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-700"
          >
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
