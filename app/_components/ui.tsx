import Link from "next/link";
import { useId } from "react";

/** Small presentational pieces shared by every page. Server and client components may use them. */

export function PageHeader({ title, description, actions }: { title: string; description?: string; actions?: React.ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description ? <p className="mt-1 max-w-3xl text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

/**
 * A titled box, a region named by its heading (aria-labelledby, so a title that is user content
 * — pass `<UserText>{name}</UserText>` — stays marked as such and out of attributes).
 */
export function Card({ title, children, actions, className = "" }: { title?: React.ReactNode; children: React.ReactNode; actions?: React.ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={`rounded-lg border border-slate-200 bg-white p-5 shadow-sm ${className}`} aria-labelledby={title ? id : undefined}>
      {title || actions ? (
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
          {title ? <h2 id={id} className="min-w-0 text-base font-semibold break-words text-slate-900">{title}</h2> : <span />}
          {actions}
        </div>
      ) : null}
      {children}
    </section>
  );
}

export function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="text-sm text-slate-500">{label}</div>
      <div className="mt-1 text-2xl font-semibold text-slate-900" data-testid={`stat-${label}`}>{value}</div>
      {hint ? <div className="mt-1 text-xs text-slate-500">{hint}</div> : null}
    </div>
  );
}

const BUTTON = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-slate-300",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400",
  danger: "bg-red-600 text-white hover:bg-red-700 disabled:bg-slate-300",
  ghost: "text-brand-700 hover:bg-brand-50 disabled:text-slate-400",
} as const;

export type ButtonVariant = keyof typeof BUTTON;

export const buttonClass = (variant: ButtonVariant = "primary", size: "sm" | "md" = "md") =>
  `inline-flex items-center justify-center gap-1.5 rounded-md font-medium transition-colors disabled:cursor-not-allowed ${
    size === "sm" ? "px-2.5 py-1 text-sm" : "px-4 py-2 text-sm"
  } ${BUTTON[variant]}`;

export function Button({
  variant = "primary", size = "md", className = "", ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: "sm" | "md" }) {
  return <button type="button" {...props} className={`${buttonClass(variant, size)} ${className}`} />;
}

export function ButtonLink({ href, variant = "primary", size = "md", children }: { href: string; variant?: ButtonVariant; size?: "sm" | "md"; children: React.ReactNode }) {
  return (
    <Link href={href} className={buttonClass(variant, size)}>
      {children}
    </Link>
  );
}

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500 aria-[invalid=true]:border-red-500 disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-600";

/** A labelled form control with its error; `children` is the input, which must carry `id`. */
export function Field({ id, label, error, hint, required, children }: { id: string; label: string; error?: string; hint?: string; required?: boolean; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
        {required ? <span className="ml-0.5 text-red-600" aria-hidden>*</span> : null}
      </label>
      {children}
      {hint && !error ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="text-xs text-red-600" role="alert">{error}</p> : null}
    </div>
  );
}

export function Badge({ tone = "slate", children }: { tone?: "slate" | "green" | "amber" | "red" | "blue"; children: React.ReactNode }) {
  const tones = {
    slate: "bg-slate-100 text-slate-700",
    green: "bg-emerald-100 text-emerald-800",
    amber: "bg-amber-100 text-amber-800",
    red: "bg-red-100 text-red-800",
    blue: "bg-sky-100 text-sky-800",
  };
  return <span className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ${tones[tone]}`}>{children}</span>;
}

export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <p className="font-medium text-slate-700">{title}</p>
      {children ? <div className="mt-2 text-sm text-slate-500">{children}</div> : null}
    </div>
  );
}

export function Notice({ tone = "info", children }: { tone?: "info" | "error" | "success" | "warning"; children: React.ReactNode }) {
  const tones = {
    info: "border-sky-200 bg-sky-50 text-sky-900",
    error: "border-red-200 bg-red-50 text-red-800",
    success: "border-emerald-200 bg-emerald-50 text-emerald-900",
    warning: "border-amber-200 bg-amber-50 text-amber-900",
  };
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-4 py-3 text-sm ${tones[tone]}`}>
      {children}
    </div>
  );
}

export function Spinner({ label }: { label: string }) {
  return (
    <span role="status" className="inline-flex items-center gap-2 text-sm text-slate-500">
      <span className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600" aria-hidden />
      {label}
    </span>
  );
}

/** Page links that keep the other query parameters; renders nothing for a single page. */
export function Pagination({
  page, pageSize, total, hrefFor, labels,
}: {
  page: number; pageSize: number; total: number; hrefFor: (page: number) => string;
  labels: { previous: string; next: string; status: string };
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const link = (target: number, text: string, rel: string) =>
    target < 1 || target > pages ? (
      <span className="rounded-md px-3 py-1.5 text-sm text-slate-500" aria-disabled>{text}</span>
    ) : (
      <Link href={hrefFor(target)} rel={rel} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
        {text}
      </Link>
    );
  return (
    <nav className="mt-4 flex items-center justify-between gap-2" aria-label="pagination">
      {link(page - 1, labels.previous, "prev")}
      <span className="text-sm text-slate-600">{labels.status}</span>
      {link(page + 1, labels.next, "next")}
    </nav>
  );
}

/**
 * A data table in its own horizontally scrolling box, so a wide table never makes the page scroll
 * sideways on a phone. The box is a keyboard-focusable, labelled region (axe
 * `scrollable-region-focusable`): its name is `caption` (also the table's visually hidden
 * caption) or else `label`; always give one of them.
 *
 * On phones (below `sm`, 640 px), choose how the key columns stay in view:
 * - `stickyFirst`: the first column (put the name there) stays pinned at the left while the rest
 *   scrolls under it; nothing else to do.
 * - `cards`: each row becomes a card, one "label  value" line per cell, the header row hidden.
 *   Give each `<td>` a `data-label` with its column's heading (`<td data-label={t("...")}>`);
 *   a cell without one (the name, say) is shown whole on its own line. The first cell is bold.
 *   Back to a table from `sm` up.
 * Put the key columns (name, status, amount) first either way.
 */
export function Table({ children, caption, label, stickyFirst = false, cards = false }: {
  children: React.ReactNode;
  caption?: string;
  /** the region's name when the table has no caption */
  label?: string;
  stickyFirst?: boolean;
  cards?: boolean;
}) {
  return (
    // relative: a visually hidden (absolutely positioned) header stays inside the scrolling box, not past the page's edge
    <div
      role="region"
      aria-label={caption ?? label}
      tabIndex={0}
      data-testid="table-region"
      className="relative overflow-x-auto rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
    >
      <table className={`min-w-full divide-y divide-slate-200 text-sm ${stickyFirst ? TABLE_STICKY_FIRST : ""} ${cards ? "table-cards" : ""}`}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {children}
      </table>
    </div>
  );
}

/** The first cell of every row pinned at the left edge of the scrolling box below `sm`. */
export const TABLE_STICKY_FIRST =
  "max-sm:[&_tr>*:first-child]:sticky max-sm:[&_tr>*:first-child]:left-0 max-sm:[&_tr>*:first-child]:z-[1] max-sm:[&_tr>*:first-child]:bg-white max-sm:[&_tr>*:first-child]:shadow-[1px_0_0_#e2e8f0]";

export const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
export const td = "px-3 py-2 align-top text-slate-800";
