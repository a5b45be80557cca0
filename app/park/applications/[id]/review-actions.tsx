"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button, Field, inputClass, Notice } from "@/app/_components/ui";
import { useTRPC } from "@/app/_trpc/client";
import { errorMessage, fieldErrors } from "@/app/_trpc/errors";
import { useI18n } from "@/i18n/client";
import { messageWith } from "@/app/_components/user-text";

/**
 * 审核通过 / 驳回, each behind a confirmation dialog. Approval shows the new admin's sign-in email
 * and first password once, for the reviewer to pass on; rejection needs a reason.
 */
export function ReviewActions({ id, name, contactEmail }: { id: number; name: string; contactEmail: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const approveDialog = useRef<HTMLDialogElement>(null);
  const rejectDialog = useRef<HTMLDialogElement>(null);
  const [adminEmail, setAdminEmail] = useState(contactEmail);
  const [reason, setReason] = useState("");
  const approve = useMutation(trpc.application.approve.mutationOptions({ onSuccess: () => approveDialog.current?.close() }));
  const reject = useMutation(trpc.application.reject.mutationOptions({ onSuccess: () => { rejectDialog.current?.close(); router.refresh(); } }));
  const approveErrors = fieldErrors(approve.error, t);
  const rejectErrors = fieldErrors(reject.error, t);

  if (approve.data) {
    const { signIn, enterpriseId } = approve.data;
    const origin = typeof window === "undefined" ? "" : window.location.origin;
    return (
      <div className="space-y-3" role="status" data-testid="approved">
        <Notice tone="success">{t("application.approved_title")}</Notice>
        <p className="text-sm text-slate-700">{t("application.approved_body")}</p>
        <dl className="grid gap-2 rounded-md bg-slate-50 p-3 text-sm sm:grid-cols-3">
          <dt className="text-slate-500">{t("application.signin_email")}</dt>
          <dd className="font-mono break-all sm:col-span-2" data-testid="signin-email">{signIn.email}</dd>
          <dt className="text-slate-500">{t("application.initial_password")}</dt>
          <dd className="font-mono break-all sm:col-span-2" data-testid="initial-password" translate="no">{signIn.initialPassword}</dd>
          <dt className="text-slate-500">{t("application.signin_url")}</dt>
          <dd className="font-mono break-all sm:col-span-2">{`${origin}${signIn.url}`}</dd>
        </dl>
        <Button variant="secondary" onClick={() => router.push(`/enterprises/${enterpriseId}/manage`)}>{t("application.go_enterprise")}</Button>
      </div>
    );
  }

  return (
    <div className="flex flex-wrap gap-2">
      <Button onClick={() => { approve.reset(); approveDialog.current?.showModal(); }}>{t("application.approve")}</Button>
      <Button variant="secondary" onClick={() => { reject.reset(); rejectDialog.current?.showModal(); }}>{t("application.reject")}</Button>

      <dialog ref={approveDialog} aria-labelledby={`approve-${id}-title`} className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form method="dialog" className="space-y-4 p-5" onSubmit={(e) => { e.preventDefault(); approve.mutate({ id, adminEmail: adminEmail.trim() || undefined }); }}>
          <h2 id={`approve-${id}-title`} className="text-base font-semibold">{t("application.approve_title")}</h2>
          <p className="text-sm text-slate-700">{messageWith(t, "application.approve_body", { name })}</p>
          <Field id={`approve-${id}-email`} label={t("application.admin_email")} hint={t("application.admin_email_hint")} error={approveErrors.adminEmail}>
            <input id={`approve-${id}-email`} type="email" className={inputClass} value={adminEmail} onChange={(e) => setAdminEmail(e.target.value)} />
          </Field>
          {approve.error && !Object.keys(approveErrors).length ? <Notice tone="error">{errorMessage(approve.error, locale, t)}</Notice> : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => approveDialog.current?.close()}>{t("common.cancel")}</Button>
            <Button type="submit" disabled={approve.isPending}>{approve.isPending ? t("common.saving") : t("application.approve_ok")}</Button>
          </div>
        </form>
      </dialog>

      <dialog ref={rejectDialog} aria-labelledby={`reject-${id}-title`} className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form method="dialog" noValidate className="space-y-4 p-5" onSubmit={(e) => { e.preventDefault(); reject.mutate({ id, reason }); }}>
          <h2 id={`reject-${id}-title`} className="text-base font-semibold">{t("application.reject_title")}</h2>
          <p className="text-sm text-slate-700">{t("application.reject_body")}</p>
          <Field id={`reject-${id}-reason`} label={t("application.reason")} error={rejectErrors.reason} required>
            <textarea id={`reject-${id}-reason`} rows={3} maxLength={500} className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={Boolean(rejectErrors.reason)} />
          </Field>
          {reject.error && !Object.keys(rejectErrors).length ? <Notice tone="error">{errorMessage(reject.error, locale, t)}</Notice> : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => rejectDialog.current?.close()}>{t("common.cancel")}</Button>
            <Button type="submit" variant="danger" disabled={reject.isPending}>{reject.isPending ? t("common.saving") : t("application.reject_ok")}</Button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
