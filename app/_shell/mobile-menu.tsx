"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

/**
 * The ☰ menu of small screens: a disclosure button (aria-expanded, aria-controls) and the panel
 * right after it, so Tab goes from the button into the panel. Escape closes it and puts the focus
 * back on the button; so does a click outside it; following a link in it closes it too. The panel
 * is rendered only while open (no second copy of the header's links in the page otherwise).
 */
export function MobileMenu({ label, children }: { label: string; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const pathname = usePathname();

  // a new page (a link followed in the menu) closes it; state is reset during render, not in an effect
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);

  return (
    <div
      ref={root}
      className="relative lg:hidden"
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          e.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={label}
        onClick={() => setOpen((o) => !o)}
        className="flex h-9 w-9 items-center justify-center rounded-md border border-slate-300 text-slate-700 hover:bg-slate-100 aria-expanded:bg-slate-100"
        data-testid="menu-button"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round">
          {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
        </svg>
      </button>
      {open ? (
        <div
          id={panelId}
          data-testid="menu-panel"
          // a link followed in the panel closes it even when it leads to the page already open
          onClick={(e) => { if ((e.target as HTMLElement).closest("a")) setOpen(false); }}
          className="absolute right-0 z-30 mt-2 max-h-[calc(100vh-5rem)] w-[min(20rem,calc(100vw-2rem))] overflow-y-auto rounded-md border border-slate-200 bg-white p-2 shadow-lg"
        >
          {children}
        </div>
      ) : null}
    </div>
  );
}
