"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { errorMessage } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/client";
import { useI18n } from "@/i18n/client";
import { Button } from "./ui";

/** Park staff mark an enterprise verified (or take it back). */
export function VerifyToggle({ id, verified }: { id: number; verified: boolean }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const toggle = useMutation(trpc.enterprise.setVerified.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <span className="flex items-center gap-2">
      <Button size="sm" variant={verified ? "secondary" : "primary"} disabled={toggle.isPending} onClick={() => toggle.mutate({ id, verified: !verified })}>
        {verified ? t("enterprise.unverify") : t("enterprise.verify")}
      </Button>
      {toggle.error ? <span className="text-xs text-red-600" role="alert">{errorMessage(toggle.error, locale, t)}</span> : null}
    </span>
  );
}
