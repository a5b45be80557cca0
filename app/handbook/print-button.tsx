"use client";

import { Button } from "@/app/_components/ui";
import { useI18n } from "@/i18n/client";

/** Opens the browser's print dialog (print, or save as PDF). */
export function PrintButton() {
  const { t } = useI18n();
  return <Button onClick={() => window.print()}>{t("handbook.print")}</Button>;
}
