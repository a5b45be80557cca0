"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/ui";
import { useTRPC } from "@/app/_trpc/client";
import { errorMessage } from "@/app/_trpc/errors";
import { useI18n } from "@/i18n/client";

/** Pause or resume a saved search's alerts, and delete it after saying so once more. */
export function SavedSearchActions({ id, paused, label }: { id: number; paused: boolean; label: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const refresh = { onSuccess: () => router.refresh() };
  const pause = useMutation(trpc.savedSearch.setPaused.mutationOptions(refresh));
  const remove = useMutation(trpc.savedSearch.delete.mutationOptions(refresh));
  const error = pause.error ?? remove.error;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {confirming ? (
        <div role="alertdialog" aria-label={t("alerts.confirm_delete", { label })} className="flex flex-wrap items-center gap-2 rounded border border-red-200 bg-red-50 px-2 py-1 text-sm text-red-800">
          <span>{t("alerts.confirm_delete", { label })}</span>
          <Button size="sm" variant="danger" disabled={remove.isPending} onClick={() => remove.mutate({ id })}>{t("alerts.confirm")}</Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>{t("alerts.cancel")}</Button>
        </div>
      ) : (
        <>
          <Button size="sm" variant="secondary" disabled={pause.isPending} onClick={() => pause.mutate({ id, paused: !paused })}>
            {t(paused ? "alerts.resume" : "alerts.pause")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>{t("alerts.delete")}</Button>
        </>
      )}
      {error ? <span className="text-xs text-red-600" role="alert">{errorMessage(error, locale, t)}</span> : null}
    </div>
  );
}
