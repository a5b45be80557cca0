"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { errorMessage } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/client";
import { useI18n } from "@/i18n/client";
import { formatBytes } from "./file-picker";
import { Button, Notice } from "./ui";

/**
 * Park staff mark an enterprise verified (or take it back). 审核通过 opens a confirmation dialog
 * with the enterprise's business licence scan on file (from its application to join), or says
 * that there is none, so verification is decided with the licence in view.
 */
export function VerifyToggle({ id, verified }: { id: number; verified: boolean }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const toggle = useMutation(trpc.enterprise.setVerified.mutationOptions({ onSuccess: () => { dialog.current?.close(); setOpen(false); router.refresh(); } }));
  const scan = useQuery(trpc.application.enterpriseScanInfo.queryOptions({ enterpriseId: id }, { enabled: open }));
  return (
    <span className="flex items-center gap-2">
      <Button
        size="sm"
        variant={verified ? "secondary" : "primary"}
        disabled={toggle.isPending}
        onClick={() => {
          if (verified) return toggle.mutate({ id, verified: false });
          toggle.reset();
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        {verified ? t("enterprise.unverify") : t("enterprise.verify")}
      </Button>
      {toggle.error && !open ? <span className="text-xs text-red-600" role="alert">{errorMessage(toggle.error, locale, t)}</span> : null}
      <dialog ref={dialog} onClose={() => setOpen(false)} aria-labelledby={`verify-${id}-title`}
        className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg p-0 text-left shadow-xl backdrop:bg-slate-900/40">
        <form method="dialog" className="space-y-4 p-5" onSubmit={(e) => { e.preventDefault(); toggle.mutate({ id, verified: true }); }}>
          <h2 id={`verify-${id}-title`} className="text-base font-semibold">{t("application.verify_title")}</h2>
          <p className="text-sm text-slate-700">{t("application.verify_body")}</p>
          <section aria-label={t("application.scan_title")} className="space-y-2" data-testid="verify-scan">
            <h3 className="text-sm font-medium text-slate-700">{t("application.scan_title")}</h3>
            {scan.isPending ? (
              <p className="text-sm text-slate-500">{t("common.loading")}</p>
            ) : scan.error ? (
              <Notice tone="error">{errorMessage(scan.error, locale, t)}</Notice>
            ) : scan.data ? (
              <>
                {scan.data.contentType === "application/pdf" ? null : (
                  <img src={scan.data.href} alt={t("application.scan_title")} className="max-h-[50vh] w-full rounded border border-slate-200 object-contain" />
                )}
                <p className="text-sm">
                  <a href={scan.data.href} target="_blank" rel="noopener" className="text-brand-700 underline">{t("application.scan_open")}</a>
                  <span className="text-slate-500"> · <span translate="no">{scan.data.filename}</span> · {formatBytes(scan.data.sizeBytes)}</span>
                </p>
              </>
            ) : (
              <Notice tone="warning">{t("application.verify_no_scan")}</Notice>
            )}
          </section>
          {toggle.error ? <Notice tone="error">{errorMessage(toggle.error, locale, t)}</Notice> : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>{t("common.cancel")}</Button>
            <Button type="submit" disabled={toggle.isPending || scan.isPending}>{toggle.isPending ? t("common.saving") : t("application.verify_ok")}</Button>
          </div>
        </form>
      </dialog>
    </span>
  );
}
