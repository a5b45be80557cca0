"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
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
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size="sm"
        variant={retired ? "secondary" : "ghost"}
        disabled={change.isPending}
        aria-label={t(retired ? "catalogue.restore_named" : "catalogue.retire_named", { name })}
        onClick={() => {
          if (!retired && !window.confirm(t("catalogue.retire_confirm", { name }))) return;
          change.mutate({ id, retired: !retired });
        }}
      >
        {t(retired ? "catalogue.restore" : "catalogue.retire")}
      </Button>
      {change.error ? <span className="text-xs text-red-600" role="alert">{errorMessage(change.error, locale, t)}</span> : null}
    </span>
  );
}
