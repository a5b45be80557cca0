"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId } from "react";
import { Button } from "@/app/_components/ui";
import { useTRPC } from "@/app/_trpc/client";
import { errorMessage } from "@/app/_trpc/errors";
import { useI18n } from "@/i18n/client";

/** Retires a product (it leaves search; the enterprise keeps it) or restores it. */
export function RetireButton({ id, retired, name }: { id: number; retired: boolean; name: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const change = useMutation(trpc.catalogue.setRetired.mutationOptions({ onSuccess: () => router.refresh() }));
  // the accessible name says which product ("Retire 丙酮"), the product's name in its own marked element
  const labelId = useId();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size="sm"
        variant={retired ? "secondary" : "ghost"}
        disabled={change.isPending}
        id={`${labelId}-action`}
        aria-labelledby={`${labelId}-action ${labelId}-name`}
        onClick={() => {
          if (!retired && !window.confirm(t("catalogue.retire_confirm", { name }))) return;
          change.mutate({ id, retired: !retired });
        }}
      >
        {t(retired ? "catalogue.restore" : "catalogue.retire")}
      </Button>
      <span id={`${labelId}-name`} hidden translate="no">{name}</span>
      {change.error ? <span className="text-xs text-red-600" role="alert">{errorMessage(change.error, locale, t)}</span> : null}
    </span>
  );
}
