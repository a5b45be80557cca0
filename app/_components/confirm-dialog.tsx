"use client";

import { useEffect, useId, useRef } from "react";
import { Button, type ButtonVariant } from "./ui";

/**
 * The confirmation before an irreversible action, for every page: a native modal `<dialog>`
 * (`showModal()`: the rest of the page is inert, so Tab stays inside it; Escape cancels) with
 * role="alertdialog", named by its `title` and described by its `children`. Cancel has the focus
 * first, so a stray Enter does nothing harmful; on closing, the focus goes back to the element
 * that had it before (the button that asked). Show it with `open`; `onCancel` is called on
 * Cancel, Escape or a click on the backdrop, `onConfirm` on the confirming button (the caller
 * closes it, e.g. when its mutation succeeds; `pending` disables the buttons meanwhile).
 *
 * (app/searches/actions.tsx deletes a saved search this way):
 *
 *   const [asking, setAsking] = useState(false);
 *   <Button onClick={() => setAsking(true)}>{t("alerts.delete")}</Button>
 *   <ConfirmDialog open={asking} title={t("alerts.delete")} confirmLabel={t("alerts.confirm")} cancelLabel={t("alerts.cancel")}
 *     onConfirm={() => remove.mutate({ id }, { onSuccess: () => setAsking(false) })} onCancel={() => setAsking(false)}
 *     pending={remove.isPending}>
 *     {messageWith(t, "alerts.confirm_delete", { label })}
 *   </ConfirmDialog>
 */
export function ConfirmDialog({
  open, title, children, confirmLabel, cancelLabel, onConfirm, onCancel, pending = false, tone = "danger", error,
}: {
  open: boolean;
  title: React.ReactNode;
  children?: React.ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  pending?: boolean;
  tone?: Extract<ButtonVariant, "danger" | "primary">;
  /** shown inside the dialog (role=alert), e.g. the mutation's error */
  error?: React.ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const id = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      d.showModal();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={children ? `${id}-body` : undefined}
      data-testid="confirm-dialog"
      // Escape: the browser fires cancel, then close; closing for any reason hands the focus back
      onCancel={(e) => { e.preventDefault(); if (!pending) onCancel(); }}
      onClose={() => {
        const target = returnTo.current;
        returnTo.current = null;
        if (target?.isConnected) target.focus();
        if (open) onCancel();
      }}
      onClick={(e) => { if (e.target === dialog.current && !pending) onCancel(); }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg p-0 text-left shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="space-y-3 p-5">
        <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">{title}</h2>
        {children ? <div id={`${id}-body`} className="text-sm break-words text-slate-700">{children}</div> : null}
        {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
        <div className="flex flex-wrap justify-end gap-2 pt-1">
          <Button variant="secondary" autoFocus disabled={pending} onClick={onCancel}>{cancelLabel}</Button>
          <Button variant={tone} disabled={pending} onClick={onConfirm}>{confirmLabel}</Button>
        </div>
      </div>
    </dialog>
  );
}
