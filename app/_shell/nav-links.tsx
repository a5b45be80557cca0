"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The navigation links, the current one marked for eyes and screen readers. */
export function NavLinks({ items, vertical = false }: { items: { href: string; label: string }[]; vertical?: boolean }) {
  const pathname = usePathname();
  const isCurrent = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
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
