"use client";

import { Button } from "@/app/_components/ui";
import { useI18n } from "@/i18n/client";

/** Anything unexpected: say so in the user's language and offer to try again. */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const { t } = useI18n();
  return (
    <div className="mx-auto max-w-lg space-y-4 py-16 text-center" role="alert">
      <h1 className="text-xl font-semibold">{t("errors.page_title")}</h1>
      <p className="text-slate-600">{t("errors.page_body")}</p>
      <Button onClick={reset}>{t("errors.retry")}</Button>
    </div>
  );
}
