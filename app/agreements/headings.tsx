import type { ReactNode } from "react";

/**
 * PageHeader and Card of app/_components/ui.tsx for headings that hold user content (an
 * agreement's or inquiry's title, "To {enterprise}"): the same look, with nodes where those take
 * strings, so that the names inside can be marked `translate="no"`.
 */
export function DealHeader({ title, description, actions }: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0">
        <h1 className="break-words text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description ? <p className="mt-1 max-w-3xl break-words text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

/** A card whose heading names it (`aria-labelledby`), the heading a node. */
export function DealCard({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby={id}>
      <h2 id={id} className="mb-4 break-words text-base font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}
