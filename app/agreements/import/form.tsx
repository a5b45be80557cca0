"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FilePicker } from "@/app/_components/file-picker";
import { fileToBase64, ImportResult } from "@/app/_components/import-result";
import { Button, Notice } from "@/app/_components/ui";
import { errorMessage } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/client";
import { useI18n } from "@/i18n/client";

/** The agreements import: CSV or XLSX; each rejected agreement is listed with its ref and reason. */
export function AgreementImport() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation(trpc.agreement.import.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        {t("agreement.import_hint")}{" "}
        <a href="/api/templates/agreements" className="text-brand-700 underline" download>{t("import.template")}</a>
      </p>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!file) return;
          run.mutate({ filename: file.name, content: await fileToBase64(file) });
        }}
      >
        <FilePicker id="agreements-file" label={t("import.file")} accept=".csv,.xlsx" maxBytes={10 * 1024 * 1024} onChange={(chosen) => { run.reset(); setFile(chosen); }} />
        <Button type="submit" disabled={!file || run.isPending}>{run.isPending ? t("import.importing") : t("import.start")}</Button>
      </form>
      {run.error ? <Notice tone="error">{errorMessage(run.error, locale, t)}</Notice> : null}
      {run.data ? <ImportResult summary={run.data} refLabel={t("agreement.ref")} /> : null}
    </div>
  );
}
