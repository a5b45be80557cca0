"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/app/_components/ui";
import { useTRPC } from "@/app/_trpc/client";
import { useI18n } from "@/i18n/client";

export function MarkAllRead() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const mark = useMutation(trpc.notification.markRead.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <Button variant="secondary" size="sm" disabled={mark.isPending} onClick={() => mark.mutate({})}>
      {t("notifications.mark_all_read")}
    </Button>
  );
}
