"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { Button } from "@/app/_components/ui";
import { messageWith } from "@/app/_components/user-text";
import { useTRPC } from "@/app/_trpc/client";
import { errorMessage } from "@/app/_trpc/errors";
import { useI18n } from "@/i18n/client";

/** Pause or resume a saved search's alerts, and delete it after a confirmation (ConfirmDialog). */
export function SavedSearchActions({ id, paused, label }: { id: number; paused: boolean; label: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const refresh = { onSuccess: () => router.refresh() };
  const pause = useMutation(trpc.savedSearch.setPaused.mutationOptions(refresh));
  const remove = useMutation(trpc.savedSearch.delete.mutationOptions(refresh));
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" variant="secondary" disabled={pause.isPending} onClick={() => pause.mutate({ id, paused: !paused })}>
        {t(paused ? "alerts.resume" : "alerts.pause")}
      </Button>
      <Button size="sm" variant="ghost" onClick={() => { remove.reset(); setConfirming(true); }}>{t("alerts.delete")}</Button>
      <ConfirmDialog
        open={confirming}
        title={t("alerts.delete")}
        confirmLabel={t("alerts.confirm")}
        cancelLabel={t("alerts.cancel")}
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error, locale, t) : null}
        onConfirm={() => remove.mutate({ id }, { onSuccess: () => setConfirming(false) })}
        onCancel={() => setConfirming(false)}
      >
        {messageWith(t, "alerts.confirm_delete", { label })}
      </ConfirmDialog>
      {pause.error ? <span className="text-xs text-red-600" role="alert">{errorMessage(pause.error, locale, t)}</span> : null}
    </div>
  );
}
